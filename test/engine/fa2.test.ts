/**
 * FA-2 (SPEC §3 "FA-2"): the batched engine equals the block-by-block reference on generated
 * scenarios, and the worked examples as test vectors.
 */
import { expect } from "chai";
import fc from "fast-check";
import { fa2, type AllocationResult, type Scenario } from "../../sdk/core/index.js";
import { referenceFa2 } from "./fa2Reference.js";
import { scenarioArb, fromProviderTo, toNeed, RUNS } from "./arbitraries.js";
import { addr, amountOf, s1Scenario, l1Scenario, l2Scenario } from "./fixtures.js";

function expectEqualsReference(s: Scenario, r: AllocationResult = fa2.allocate(s)): void {
  const ref = referenceFa2(s);
  const got = new Map(r.allocations.map((a) => [a.capacity + "\u0000" + a.need, a.amount]));
  const want = new Map([...ref.amounts].filter(([, v]) => v > 0n));
  expect(Object.fromEntries(got)).to.deep.equal(Object.fromEntries(want));
  expect(r.unmet).to.deep.equal(Object.fromEntries(ref.unmet));
  expect(r.unused).to.deep.equal(Object.fromEntries(ref.unused));
}

describe("FA-2 batched engine equals the block-by-block reference", () => {
  it("on generated scenarios (sparse and dense, minUnit 1)", () => {
    fc.assert(fc.property(scenarioArb(), (s) => expectEqualsReference(s)), RUNS);
  });

  it("on generated scenarios with minUnits", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), (s) => expectEqualsReference(s)), RUNS);
  });

  it("on generated scenarios with large quantities (many blocks per event)", () => {
    const big = scenarioArb({ minUnits: true }).map((s) => ({
      ...s,
      capacities: s.capacities.map((c) => ({ ...c, quantity: c.quantity * 37n })),
      needs: s.needs.map((n) => ({ ...n, quantity: n.quantity * 41n })),
    }));
    fc.assert(fc.property(big, (s) => expectEqualsReference(s)), { ...RUNS, numRuns: 300 });
  });
});

const wash = { type: "WASH", unit: "L" } as const;

/** The worked examples of docs/protocol.md §9.5 (issue 9's cases): FA-2 keeps what FA-1 broke. */
describe("FA-2 worked examples (test vectors)", () => {
  it("need case: P raising its need 20 -> 21 receives 20 -> 21 (FA-1: 20 -> 19)", () => {
    const P = addr(1), Y = addr(2);
    const at = (q: bigint): Scenario => ({
      recognition: { [P]: { [P]: 1n, [Y]: 1n }, [Y]: { [P]: 1n } },
      capacities: [
        { id: "c1", provider: P, ...wash, quantity: 21n, minUnit: 3n },
        { id: "c2", provider: P, ...wash, quantity: 12n, minUnit: 4n },
      ],
      needs: [{ id: "nP", recipient: P, ...wash, quantity: q }, { id: "nY", recipient: Y, ...wash, quantity: 4n }],
    });
    const before = fa2.allocate(at(20n));
    const after = fa2.allocate(at(21n));
    expect(toNeed(before, "nP")).to.equal(20n);
    expect(toNeed(after, "nP")).to.equal(21n);
    // Slots: c1 (m 3) at 3, 9, 15, 21 for P and Y; c2 (m 4) at 4, 12, 20. Y takes one block of c1 at 3,
    // then has 1 left (< 3, < 4): its claims close. With need 21, P still has 4 left at 20, so c2's third block fits.
    const split = (r: AllocationResult) => [amountOf(r, "c1", "nP"), amountOf(r, "c2", "nP"), amountOf(r, "c1", "nY"), amountOf(r, "c2", "nY")];
    expect(split(before)).to.deep.equal([12n, 8n, 3n, 0n]);
    expect(split(after)).to.deep.equal([9n, 12n, 3n, 0n]);
    expectEqualsReference(at(20n), before);
    expectEqualsReference(at(21n), after);
  });

  it("L1 several providers: A raising its recognition of B 1 -> 13 keeps what B receives from A (19 -> 19)", () => {
    const A = addr(2), B = addr(4);
    const before = fa2.allocate(l1Scenario(1n));
    const after = fa2.allocate(l1Scenario(13n));
    expect(fromProviderTo(before, A, B)).to.equal(19n);
    expect(fromProviderTo(after, A, B)).to.equal(19n);
    expect(toNeed(after, "n0")).to.equal(20n);
    expectEqualsReference(l1Scenario(1n), before);
    expectEqualsReference(l1Scenario(13n), after);
  });

  it("L2 one provider, a coarse minUnit: raising recognition of X 1 -> 2 keeps what X receives (23 -> 23)", () => {
    const P = addr(1), X = addr(4);
    const before = fa2.allocate(l2Scenario(1n));
    const after = fa2.allocate(l2Scenario(2n));
    expect(fromProviderTo(before, P, X)).to.equal(23n);
    expect(fromProviderTo(after, P, X)).to.equal(23n);
    expectEqualsReference(l2Scenario(1n), before);
    expectEqualsReference(l2Scenario(2n), after);
  });
  it("S1 one capacity, minUnit 1, tier 1: raising p[P][X] 10 -> 30 (only K's MR falls, 41/144 -> 36/144) keeps X's unit (1 -> 1; FA-1: 1 -> 0)", () => {
    const P = addr(1), X = addr(2);
    const before = fa2.allocate(s1Scenario(10n));
    const after = fa2.allocate(s1Scenario(30n));
    expect(fromProviderTo(before, P, X)).to.equal(1n);
    expect(fromProviderTo(after, P, X)).to.equal(1n);
    // Slots (k − ½)/w: Y (3/10) 1.67, 5, 8.33, 11.67; K (41/144) 1.76, 5.27, 8.78, 12.29; X (1/27) 13.5 is the 9th.
    // With K at 1/4 (2, 6, 10, 14), X's slot 13.5 comes before K's fourth: still within the 9 blocks.
    const split = (r: AllocationResult) => [amountOf(r, "c1", "nX"), amountOf(r, "c1", "nK"), amountOf(r, "c1", "nY")];
    expect(split(before)).to.deep.equal([1n, 4n, 4n]);
    expect(split(after)).to.deep.equal([1n, 4n, 4n]);
    expectEqualsReference(s1Scenario(10n), before);
    expectEqualsReference(s1Scenario(30n), after);
  });
});

/** docs/protocol.md §11.4: the smallest cross-capacity counterexamples the search found (measured, not promised). */
describe("FA-2 across capacities: recognition monotonicity is measured, not promised (pinned counterexamples)", () => {
  const P = `0x${"11".repeat(20)}` as const, Y = `0x${"22".repeat(20)}` as const;
  const litre = { type: "WASH", unit: "litre" } as const;

  it("one provider, two capacities: P raising Y 1 -> 3 lowers what Y receives from P (15 -> 14)", () => {
    const at = (pPY: bigint): Scenario => ({
      recognition: { [P]: { [P]: 4n, [Y]: pPY }, [Y]: { [P]: 2n } },
      capacities: [
        { id: "c1", provider: P, ...litre, quantity: 26n, minUnit: 2n },
        { id: "c2", provider: P, ...litre, quantity: 15n, minUnit: 3n },
      ],
      needs: [{ id: "n1", recipient: P, ...litre, quantity: 22n }, { id: "n2", recipient: Y, ...litre, quantity: 15n }],
    });
    expect(fromProviderTo(fa2.allocate(at(1n)), P, Y)).to.equal(15n);
    expect(fromProviderTo(fa2.allocate(at(3n)), P, Y)).to.equal(14n);
    expectEqualsReference(at(1n));
    expectEqualsReference(at(3n));
  });

  it("two providers: P raising Y 1 -> 3 lowers what Y receives from P (25 -> 24)", () => {
    const at = (pPY: bigint): Scenario => ({
      recognition: { [P]: { [P]: 3n, [Y]: pPY }, [Y]: { [P]: 3n } },
      capacities: [
        { id: "c1", provider: P, ...litre, quantity: 16n, minUnit: 3n },
        { id: "c2", provider: P, ...litre, quantity: 13n },
        { id: "c3", provider: Y, ...litre, quantity: 6n, minUnit: 2n },
      ],
      needs: [{ id: "n1", recipient: P, ...litre, quantity: 3n }, { id: "n2", recipient: Y, ...litre, quantity: 25n }],
    });
    expect(fromProviderTo(fa2.allocate(at(1n)), P, Y)).to.equal(25n);
    expect(fromProviderTo(fa2.allocate(at(3n)), P, Y)).to.equal(24n);
    expectEqualsReference(at(1n));
    expectEqualsReference(at(3n));
  });
});
