import { expect } from "chai";
import { needWeighted } from "../../sdk/core/protocols/needWeighted.js";
import type { Address, Scenario } from "../../sdk/core/types.js";

const P = `0x${"11".repeat(20)}` as Address;
const Q = `0x${"22".repeat(20)}` as Address;
const A = `0x${"aa".repeat(20)}` as Address;
const B = `0x${"bb".repeat(20)}` as Address;
const S = `0x${"5b".repeat(20)}` as Address;
const water = { type: "WASH", unit: "litre" } as const;

function amounts(scenario: Scenario): Record<string, bigint> {
  return Object.fromEntries(needWeighted.allocate(scenario).allocations.map((a) => [`${a.capacity}>${a.need}`, a.amount]));
}

describe("need-weighted", () => {
  it("splits a capacity in proportion to points × need, rounding down", () => {
    // weights: A 1·100 = 100, B 1·50 = 50; 100·100/150 = 66.6 -> 66, 100·50/150 = 33.3 -> 33
    const scenario: Scenario = {
      recognition: { [P]: { [A]: 1n, [B]: 1n } },
      capacities: [{ id: "c1", provider: P, ...water, quantity: 100n }],
      needs: [
        { id: "n1", recipient: A, ...water, quantity: 100n },
        { id: "n2", recipient: B, ...water, quantity: 50n },
      ],
    };
    expect(amounts(scenario)).to.deep.equal({ "c1>n1": 66n, "c1>n2": 33n });
    expect(needWeighted.allocate(scenario).unused).to.deep.equal({ c1: 1n });
  });

  it("caps at the need without passing the rest on (it wastes)", () => {
    // weights: A 9·10 = 90, B 1·100 = 100; A's raw 100·90/190 = 47 is capped at 10 and B's 52 stays
    // 52: nothing of A's 37 flows to B, so 38 are left (37 + 1 from rounding).
    const scenario: Scenario = {
      recognition: { [P]: { [A]: 9n, [B]: 1n } },
      capacities: [{ id: "c1", provider: P, ...water, quantity: 100n }],
      needs: [
        { id: "n1", recipient: A, ...water, quantity: 10n },
        { id: "n2", recipient: B, ...water, quantity: 100n },
      ],
    };
    expect(amounts(scenario)).to.deep.equal({ "c1>n1": 10n, "c1>n2": 52n });
    expect(needWeighted.allocate(scenario).unused).to.deep.equal({ c1: 38n });
  });

  it("lets two providers together over-serve a need, reporting unmet 0", () => {
    const scenario: Scenario = {
      recognition: { [P]: { [A]: 1n }, [Q]: { [A]: 1n } },
      capacities: [
        { id: "c1", provider: P, ...water, quantity: 80n },
        { id: "c2", provider: Q, ...water, quantity: 80n },
      ],
      needs: [{ id: "n1", recipient: A, ...water, quantity: 100n }],
    };
    expect(amounts(scenario)).to.deep.equal({ "c1>n1": 80n, "c2>n1": 80n });
    expect(needWeighted.allocate(scenario).unmet).to.deep.equal({ n1: 0n });
  });

  it("rounds down to the capacity's minUnit and labels tiers by recognition back", () => {
    const scenario: Scenario = {
      recognition: { [P]: { [A]: 1n, [B]: 1n }, [A]: { [P]: 1n } },
      capacities: [{ id: "c1", provider: P, ...water, quantity: 100n, minUnit: 30n }],
      needs: [
        { id: "n1", recipient: A, ...water, quantity: 100n },
        { id: "n2", recipient: B, ...water, quantity: 100n },
      ],
    };
    const result = needWeighted.allocate(scenario);
    expect(result.allocations.map((a) => [a.need, a.amount, a.tier])).to.deep.equal([
      ["n1", 30n, 1],
      ["n2", 30n, 2],
    ]);
  });

  it("gives nothing to recipients its provider does not recognize, nor across types", () => {
    const scenario: Scenario = {
      recognition: { [P]: { [A]: 1n }, [S]: { [P]: 100n } },
      capacities: [{ id: "c1", provider: P, ...water, quantity: 100n }],
      needs: [
        { id: "n1", recipient: S, ...water, quantity: 100n },
        { id: "n2", recipient: A, type: "Food", unit: "kg", quantity: 100n },
      ],
    };
    expect(needWeighted.allocate(scenario).allocations).to.deep.equal([]);
  });
});
