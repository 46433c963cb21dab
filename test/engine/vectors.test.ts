/**
 * The worked examples of docs/protocol.md §9, number for number. An independent
 * re-implementation of FA-1 must reproduce these outputs exactly.
 */
import { expect } from "chai";
import { fa1, commitmentRoots, type AllocationResult, type Scenario } from "../../sdk/core/index.js";
import { addr } from "./fixtures.js";

const wash = { type: "WASH", unit: "L" } as const;

/** "capacity->need:amount(tier)" lines, in the result's canonical order. */
function lines(r: AllocationResult): string[] {
  return r.allocations.map((a) => `${a.capacity}->${a.need}:${a.amount}(t${a.tier})`);
}

describe("FA-1 worked examples (test vectors of docs/protocol.md)", () => {
  it("example 1: tiers and capping — tier 1 is met, tier 2 gets the rest", () => {
    const [A, B, C, D, E] = [1, 2, 3, 4, 5].map(addr);
    const s: Scenario = {
      recognition: { [A]: { [B]: 50n, [C]: 30n, [D]: 20n }, [B]: { [A]: 100n }, [C]: { [A]: 10n, [E]: 90n } },
      capacities: [{ id: "1", provider: A, ...wash, quantity: 100n }],
      needs: [
        { id: "11", recipient: B, ...wash, quantity: 40n },
        { id: "12", recipient: C, ...wash, quantity: 30n },
        { id: "13", recipient: D, ...wash, quantity: 50n },
      ],
    };
    const r = fa1.allocate(s);
    expect(lines(r)).to.deep.equal(["1->11:40(t1)", "1->12:30(t1)", "1->13:30(t2)"]);
    expect(r.unmet).to.deep.equal({ "11": 0n, "12": 0n, "13": 20n });
    expect(r.unused).to.deep.equal({ "1": 0n });
    expect(r.rounds).to.equal(1);
    expect(commitmentRoots(r)["1"].root).to.equal("0x5c94c8e703fc78bd0b90db054d0331aa26f95011b4bb6ec77c0b067580eacd5a");
  });

  it("example 2: rounding — floors, then the largest remainder", () => {
    const [A, B, C, D] = [1, 2, 3, 4].map(addr);
    const s: Scenario = {
      recognition: { [A]: { [B]: 3n, [C]: 2n, [D]: 1n }, [B]: { [A]: 1n }, [C]: { [A]: 1n }, [D]: { [A]: 1n } },
      capacities: [{ id: "1", provider: A, ...wash, quantity: 20n }],
      needs: [
        { id: "21", recipient: B, ...wash, quantity: 100n },
        { id: "22", recipient: C, ...wash, quantity: 100n },
        { id: "23", recipient: D, ...wash, quantity: 100n },
      ],
    };
    const r = fa1.allocate(s);
    // exact 10, 6⅔, 3⅓ -> floors 10, 6, 3 -> the leftover unit to C (remainder ⅔)
    expect(lines(r)).to.deep.equal(["1->21:10(t1)", "1->22:7(t1)", "1->23:3(t1)"]);
  });

  it("example 3: two providers share a need — scaled in round 1, leftover re-offered in round 2", () => {
    const [P1, P2, R, S] = [1, 2, 3, 4].map(addr);
    const s: Scenario = {
      recognition: { [P1]: { [R]: 1n, [S]: 1n }, [P2]: { [R]: 1n }, [R]: { [P1]: 1n, [P2]: 1n }, [S]: { [P1]: 1n } },
      capacities: [
        { id: "1", provider: P1, ...wash, quantity: 60n },
        { id: "2", provider: P2, ...wash, quantity: 60n },
      ],
      needs: [
        { id: "31", recipient: R, ...wash, quantity: 50n },
        { id: "32", recipient: S, ...wash, quantity: 40n },
      ],
    };
    const r = fa1.allocate(s);
    // round 1: offers to 31: 30 (cap 1) + 50 (cap 2) = 80 > 50 -> 18.75, 31.25 -> 19, 31
    // round 2: cap 1 has 11 left and gives S its remaining 10
    expect(lines(r)).to.deep.equal(["1->31:19(t1)", "1->32:40(t1)", "2->31:31(t1)"]);
    expect(r.unused).to.deep.equal({ "1": 1n, "2": 29n });
    expect(r.rounds).to.equal(2);
  });

  it("example 4: minUnit — coarse and fine capacities, split order, scaling in multiples", () => {
    const [P1, P2, B] = [1, 2, 3].map(addr);
    const s: Scenario = {
      recognition: { [P1]: { [B]: 1n }, [P2]: { [B]: 1n } },
      capacities: [
        { id: "1", provider: P1, ...wash, quantity: 10n, minUnit: 4n, location: "MZ-P" },
        { id: "2", provider: P2, ...wash, quantity: 10n },
      ],
      needs: [
        { id: "41", recipient: B, ...wash, quantity: 9n, location: "MZ-P-01" },
        { id: "42", recipient: B, ...wash, quantity: 3n, location: "MZ-P-02" },
      ],
    };
    const r = fa1.allocate(s);
    expect(lines(r)).to.deep.equal(["1->41:4(t2)", "2->41:5(t2)", "2->42:3(t2)"]);
    expect(r.unused).to.deep.equal({ "1": 6n, "2": 2n });
    expect(r.unmet).to.deep.equal({ "41": 0n, "42": 0n });
    expect(r.rounds).to.equal(2);
  });
});
