/**
 * explainAllocations (issue 11): every allocation gets a plain-language reason read off the inputs
 * and the result — group (mutual recognition first, then one-way), weight, capped at need, shared
 * with other providers, lots (minUnit) — and every capacity says why part of it is left.
 */
import { expect } from "chai";
import { explainAllocations, fa2, type Scenario } from "../../sdk/core/index.js";
import { addr, cap, need } from "./fixtures.js";

const P = addr(1), A = addr(2), B = addr(3), C = addr(4), D = addr(5), E = addr(6), Q = addr(7);

function explain(s: Scenario) {
  const r = fa2.allocate(s);
  return { r, e: explainAllocations(s, r) };
}

describe("explainAllocations: why this amount", () => {
  it("a recipient of weight 20 % receives 25 %: capped neighbours' surplus is shared out (water-filling)", () => {
    // P and five partners recognize each other fully: 20 % each. A needs 10 and B 15, less than their
    // fair 20; what they leave goes to C, D, E in equal parts: 25 each out of 100.
    const s: Scenario = {
      recognition: { [P]: { [A]: 1n, [B]: 1n, [C]: 1n, [D]: 1n, [E]: 1n }, [A]: { [P]: 1n }, [B]: { [P]: 1n }, [C]: { [P]: 1n }, [D]: { [P]: 1n }, [E]: { [P]: 1n } },
      capacities: [cap("c1", P, 100n)],
      needs: [need("nA", A, 10n), need("nB", B, 15n), need("nC", C, 100n), need("nD", D, 100n), need("nE", E, 100n)],
    };
    const { e } = explain(s);
    const c = e.slots.find((x) => x.need === "nC")!;
    expect(c.amount).to.equal(25n);
    expect(c.tier).to.equal(1);
    expect(c.share).to.deep.equal({ num: 1n, den: 5n });
    expect(c.received).to.deep.equal({ num: 1n, den: 4n });
    expect(c.cappedAtNeed).to.equal(false);
    expect(c.why).to.contain("Mutual recognition (served first)").and.contain("weight 20.0 %")
      .and.contain("gets 25.0 %").and.contain("surplus was shared out");
    const a = e.slots.find((x) => x.need === "nA")!;
    expect(a.amount).to.equal(10n);
    expect(a.cappedAtNeed).to.equal(true);
    expect(a.why).to.contain("capped at its need of 10");
  });

  it("a 300-kit capacity commits 200: the needs it can serve total 200", () => {
    const s: Scenario = {
      recognition: { [P]: { [A]: 1n, [B]: 1n }, [A]: { [P]: 1n } },
      capacities: [cap("kits", P, 300n, { unit: "kit" })],
      needs: [need("nA", A, 120n, { unit: "kit" }), need("nB", B, 80n, { unit: "kit" })],
    };
    const { e } = explain(s);
    const k = e.capacities.find((x) => x.capacity === "kits")!;
    expect(k).to.include({ quantity: 300n, committed: 200n, uncommitted: 100n, compatibleNeed: 200n });
    expect(k.whyUncommitted).to.equal("100 left: the recipients you recognize need only 200 in all.");
    const b = e.slots.find((x) => x.need === "nB")!;
    expect(b.tier).to.equal(2);
    expect(b.why).to.contain("One-way recognition (served after mutual partners)").and.contain("capped at its need of 80");
  });

  it("several providers never over-serve one need: each says it shares the need with the others", () => {
    const s: Scenario = {
      recognition: { [P]: { [A]: 1n }, [Q]: { [A]: 1n }, [A]: { [P]: 1n, [Q]: 1n } },
      capacities: [cap("c1", P, 100n), cap("c2", Q, 100n)],
      needs: [need("nA", A, 100n)],
    };
    const { r, e } = explain(s);
    const total = r.allocations.reduce((x, a) => x + a.amount, 0n);
    expect(total).to.equal(100n);
    for (const slot of e.slots) {
      expect(slot.scaledByOthers).to.equal(true);
      expect(slot.otherProviders).to.equal(1);
      expect(slot.why).to.contain("1 other provider also serves this need");
    }
    for (const c of e.capacities) expect(c.uncommitted + c.committed).to.equal(100n);
  });

  it("minUnit: amounts come in lots, and a need left with less than a lot says so", () => {
    const s: Scenario = {
      recognition: { [P]: { [A]: 1n }, [A]: { [P]: 1n } },
      capacities: [cap("c1", P, 100n, { minUnit: 20n })],
      needs: [need("nA", A, 50n)],
    };
    const { e } = explain(s);
    const a = e.slots[0];
    expect(a.amount).to.equal(40n);
    expect(a.roundedToLot).to.equal(true);
    expect(a.why).to.contain("given in lots of 20, so 10 stays unmet");
    expect(e.capacities[0].whyUncommitted).to.equal("60 left: what is still needed (10) is less than a lot of 20 per need.");
  });

  it("a capacity nobody recognized needs is left whole, with the reason", () => {
    const s: Scenario = { recognition: { [P]: { [A]: 1n } }, capacities: [cap("c1", P, 5n)], needs: [need("nB", B, 5n)] };
    const { e } = explain(s);
    expect(e.slots).to.have.length(0);
    expect(e.capacities[0].whyUncommitted).to.contain("nobody you recognize needs this");
  });

  it("uses plain words: no protocol names", () => {
    const s: Scenario = {
      recognition: { [P]: { [A]: 1n, [B]: 1n }, [A]: { [P]: 1n } },
      capacities: [cap("c1", P, 300n)],
      needs: [need("nA", A, 120n), need("nB", B, 80n)],
    };
    const { e } = explain(s);
    for (const x of e.slots) expect(x.why).not.to.match(/FA-|tier/i);
  });
});
