/**
 * The per-scenario invariants, checked once on larger generated networks (the benchmark's
 * generator, 1,000 entities): catches what only shows with many capacities and rounds.
 */
import { expect } from "chai";
import { fa1, type Capacity, type Scenario } from "../../sdk/core/index.js";
import { generateNetwork } from "../../scripts/bench/network.js";
import { eligibleNeeds, fromCapacity, toNeed } from "./arbitraries.js";

const mu = (c: Capacity) => c.minUnit ?? 1n;

function checkInvariants(s: Scenario): void {
  const r = fa1.allocate(s);
  expect(r.allocations.length).to.be.greaterThan(0);
  for (const c of s.capacities) {
    expect(fromCapacity(r, c.id) + r.unused[c.id]).to.equal(c.quantity);
    expect(r.unused[c.id] >= 0n).to.equal(true);
    const eligible = eligibleNeeds(s, c);
    if (r.unused[c.id] >= mu(c)) for (const { need } of eligible) expect(r.unmet[need.id] < mu(c)).to.equal(true);
    const tier2 = r.allocations.some((a) => a.capacity === c.id && a.tier === 2);
    if (tier2) for (const { need, tier } of eligible) if (tier === 1) expect(r.unmet[need.id] < mu(c)).to.equal(true);
  }
  for (const n of s.needs) {
    expect(toNeed(r, n.id) + r.unmet[n.id]).to.equal(n.quantity);
    expect(r.unmet[n.id] >= 0n).to.equal(true);
  }
}

describe("FA-1 on generated 1,000-entity networks", function () {
  this.timeout(120_000);

  it("conserves, wastes nothing and keeps tier priority with 8 sectors", () => {
    checkInvariants(generateNetwork(1000, 1));
  });

  it("conserves, wastes nothing and keeps tier priority with 1 sector (every capacity competes)", () => {
    const s = generateNetwork(1000, 2, 16, 1);
    checkInvariants(s);
    expect(fa1.allocate(s).rounds).to.be.greaterThan(1);
  });
});
