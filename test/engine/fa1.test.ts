import { expect } from "chai";
import { fa1, EngineError, type Scenario } from "../../sdk/core/index.js";
import { addr, cap, need, amountOf } from "./fixtures.js";
import { fromProviderTo } from "./arbitraries.js";

const [P, B, C, D] = [1, 2, 3, 4].map(addr);

describe("allocate (FA-1)", () => {
  it("is the protocol 'fa-1'", () => {
    expect(fa1.id).to.equal("fa-1");
    expect(fa1.allocate({ recognition: {}, capacities: [], needs: [] })).to.deep.equal({
      protocol: "fa-1", allocations: [], unmet: {}, unused: {}, rounds: 0,
    });
  });

  it("caps every recipient at its need", () => {
    const r = fa1.allocate({ recognition: { [P]: { [B]: 1n } }, capacities: [cap("c", P, 100n)], needs: [need("n", B, 30n)] });
    expect(amountOf(r, "c", "n")).to.equal(30n);
    expect(r.unused).to.deep.equal({ c: 70n });
  });

  it("lets signals matter: a recognition change strictly changes the outcome", () => {
    const at = (pB: bigint): Scenario => ({
      recognition: { [P]: { [B]: pB, [C]: 1n } },
      capacities: [cap("c", P, 10n)],
      needs: [need("nb", B, 10n), need("nc", C, 10n)],
    });
    expect(amountOf(fa1.allocate(at(1n)), "c", "nb")).to.equal(5n);
    expect(amountOf(fa1.allocate(at(4n)), "c", "nb")).to.equal(8n);
  });

  it("gives a recipient nothing more for splitting one need into many", () => {
    const recognition = { [P]: { [B]: 1n, [C]: 1n } };
    const one = fa1.allocate({ recognition, capacities: [cap("c", P, 40n)], needs: [need("b", B, 100n), need("c1", C, 100n)] });
    const many = fa1.allocate({
      recognition,
      capacities: [cap("c", P, 40n)],
      needs: [...Array.from({ length: 10 }, (_, i) => need(`b${i}`, B, 10n)), need("c1", C, 100n)],
    });
    expect(fromProviderTo(one, P, B)).to.equal(20n);
    expect(fromProviderTo(many, P, B)).to.equal(20n);
  });

  it("fills a recipient's needs one after the other in canonical id order (numeric ids as numbers)", () => {
    const r = fa1.allocate({
      recognition: { [P]: { [B]: 1n } },
      capacities: [cap("c", P, 15n)],
      needs: [need("10", B, 10n), need("9", B, 10n)],
    });
    expect(amountOf(r, "c", "9")).to.equal(10n);
    expect(amountOf(r, "c", "10")).to.equal(5n);
  });

  it("serves first the need that fewer capacities can reach", () => {
    // Capacity g (global) reaches both of B's needs; capacity l (local) only n-local.
    // g fills n-remote first (only g can serve it), so nothing is stranded.
    const r = fa1.allocate({
      recognition: { [P]: { [B]: 1n } },
      capacities: [cap("g", P, 10n), cap("l", P, 10n, { location: "MZ-P" })],
      needs: [need("a-local", B, 10n, { location: "MZ-P-01" }), need("b-remote", B, 10n, { location: "MZ-S-01" })],
    });
    expect(amountOf(r, "g", "b-remote")).to.equal(10n);
    expect(amountOf(r, "l", "a-local")).to.equal(10n);
  });

  it("treats address case as insignificant everywhere", () => {
    const upper = (a: string) => `0x${a.slice(2).toUpperCase()}` as `0x${string}`;
    const lower = fa1.allocate({ recognition: { [P]: { [B]: 1n, [C]: 2n } }, capacities: [cap("c", P, 9n)], needs: [need("b", B, 9n), need("x", C, 9n)] });
    const mixed = fa1.allocate({ recognition: { [upper(P)]: { [upper(B)]: 1n, [C]: 2n } }, capacities: [cap("c", upper(P), 9n)], needs: [need("b", upper(B), 9n), need("x", C, 9n)] });
    expect(mixed).to.deep.equal(lower);
  });

  it("never gives a capacity's filtered-out recipient anything", () => {
    const r = fa1.allocate({
      recognition: { [P]: { [B]: 1n, [C]: 1n } },
      capacities: [cap("c", P, 10n, { filter: { deny: [B] } })],
      needs: [need("b", B, 10n), need("x", C, 4n)],
    });
    expect(amountOf(r, "c", "b")).to.equal(0n);
    expect(amountOf(r, "c", "x")).to.equal(4n);
  });

  it("gives the provider's own need its self-recognition share MR(P,P) = R[P][P] (tier 1)", () => {
    const needs = [need("self", P, 10n), need("b", B, 10n)];
    const mutual = fa1.allocate({ recognition: { [P]: { [P]: 1n, [B]: 1n }, [B]: { [P]: 1n } }, capacities: [cap("c", P, 10n)], needs });
    expect(mutual.allocations.map((a) => [a.need, a.amount, a.tier])).to.deep.equal([["b", 5n, 1], ["self", 5n, 1]]);
    // B does not recognize P back: B is tier 2 and gets only what P's own need leaves.
    const oneWay = fa1.allocate({ recognition: { [P]: { [P]: 1n, [B]: 1n } }, capacities: [cap("c", P, 10n)], needs });
    expect(oneWay.allocations.map((a) => [a.need, a.amount, a.tier])).to.deep.equal([["self", 10n, 1]]);
  });

  it("rejects invalid input with the offending field and value", () => {
    const base = { recognition: {}, needs: [] };
    const codeOf = (s: Scenario) => { try { fa1.allocate(s); return "none"; } catch (e) { expect(e).to.be.instanceOf(EngineError); return (e as EngineError).code; } };
    expect(codeOf({ ...base, capacities: [cap("c", P, 1n), cap("c", D, 1n)] })).to.equal("DUPLICATE_ID");
    expect(codeOf({ ...base, capacities: [cap("c", P, -1n)] })).to.equal("NEGATIVE_QUANTITY");
    expect(codeOf({ ...base, capacities: [cap("c", P, 1n, { minUnit: 0n })] })).to.equal("INVALID_MIN_UNIT");
    expect(codeOf({ ...base, capacities: [cap("c", P, 1n, { window: { start: 5n, end: 5n } })] })).to.equal("INVALID_WINDOW");
    expect(codeOf({ recognition: {}, capacities: [], needs: [need("n", B, 1n), need("n", C, 1n)] })).to.equal("DUPLICATE_ID");
    expect(() => fa1.allocate({ ...base, capacities: [cap("c", P, -1n)] }))
      .to.throw(EngineError).with.property("details").that.deep.equals({ capacity: "c", quantity: -1n });
  });
});
