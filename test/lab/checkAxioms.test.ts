import { expect } from "chai";
import { checkAxioms, type AxiomReport } from "../../sdk/core/lab/index.js";
import { fa1 } from "../../sdk/core/protocols/fa1.js";
import { fa2 } from "../../sdk/core/protocols/fa2.js";
import { needWeighted } from "../../sdk/core/protocols/needWeighted.js";
import type { Allocation, Protocol, Scenario } from "../../sdk/core/types.js";

function failures(report: AxiomReport): string[] {
  return report.results.filter((r) => !r.passed).map((r) => r.id);
}

function resultOf(id: string, scenario: Scenario, allocations: Allocation[]) {
  const given = (cid: string) => allocations.filter((a) => a.capacity === cid).reduce((s, a) => s + a.amount, 0n);
  const received = (nid: string) => allocations.filter((a) => a.need === nid).reduce((s, a) => s + a.amount, 0n);
  return {
    protocol: id,
    allocations,
    unused: Object.fromEntries(scenario.capacities.map((c) => [c.id, c.quantity - given(c.id)])),
    unmet: Object.fromEntries(scenario.needs.map((n) => [n.id, n.quantity > received(n.id) ? n.quantity - received(n.id) : 0n])),
  };
}

/** Allocates nothing: keeps every "never" axiom, but no signal ever matters. */
const nothing: Protocol = {
  id: "nothing",
  name: "Nothing",
  description: "allocates nothing",
  allocate: (s) => resultOf("nothing", s, []),
};

/** Gives every capacity's first unit to the first need of its type, recognized or not. */
const ignoresRecognition: Protocol = {
  id: "ignores-recognition",
  name: "Ignores recognition",
  description: "first come, first served, recognition ignored",
  allocate: (s) => {
    const allocations: Allocation[] = [];
    for (const c of s.capacities) {
      const n = s.needs.find((x) => x.type === c.type && x.unit === c.unit && x.quantity > 0n);
      if (n !== undefined && c.quantity > 0n && c.minUnit === undefined) {
        allocations.push({ capacity: c.id, need: n.id, provider: c.provider, recipient: n.recipient, amount: 1n, tier: 2 });
      }
    }
    return resultOf("ignores-recognition", s, allocations);
  },
};

/** Allocates one unit more than each capacity holds, to show conservation can fail. */
const overAllocates: Protocol = {
  id: "over-allocates",
  name: "Over-allocates",
  description: "FA-1 plus one unit",
  allocate: (s) => {
    const base = fa1.allocate(s);
    const extra: Allocation[] = base.allocations.map((a) => ({ ...a, amount: a.amount + 1n }));
    return resultOf("over-allocates", s, extra);
  },
};

describe("checkAxioms", function () {
  this.timeout(120_000);

  it("finds that need-weighted over-serves needs across capacities, wastes capacity and ignores tiers", () => {
    const report = checkAxioms(needWeighted, { runs: 100, seed: 7 });
    expect(failures(report)).to.have.members(["conservation.need", "fa-1.no-waste", "fa-1.tier-priority"]);
    expect(report.passed).to.equal(false);
    const overServed = report.results.find((r) => r.id === "conservation.need")!;
    expect(overServed.counterexample, "a shrunk counterexample").to.not.equal(undefined);
    // The counterexample reproduces: some need receives more than its quantity.
    const scenario = overServed.counterexample!;
    const result = needWeighted.allocate(scenario);
    const excess = scenario.needs.filter(
      (n) => result.allocations.filter((a) => a.need === n.id).reduce((s, a) => s + a.amount, 0n) > n.quantity,
    );
    expect(excess).to.not.be.empty;
    expect(overServed.detail).to.match(/^need n\d+ receives \d+ > quantity \d+$/);
  });

  it("finds FA-2 keeps every property that must hold, and measures cross-capacity recognition with a counterexample", () => {
    const report = checkAxioms(fa2, { runs: 1000, seed: 42 });
    expect(failures(report)).to.deep.equal([]);
    expect(report.passed).to.equal(true);
    const across = report.results.find((r) => r.id === "monotonicity.recognition-across")!;
    expect(across.measured).to.equal(true);
    expect(across.violations).to.be.greaterThan(0);
    // The simplified counterexample reproduces: raising P's points on X lowers what X gets from P.
    const [, p, x, raised] = /^raised p\[(0x[0-9a-f]{40})\]\[(0x[0-9a-f]{40})\] to (\d+)$/.exec(across.change!)!;
    const scenario = across.counterexample!;
    const P = p as `0x${string}`, X = x as `0x${string}`;
    const fromPToX = (s: Scenario) =>
      fa2.allocate(s).allocations.filter((a) => a.provider === P && a.recipient === X).reduce((t, a) => t + a.amount, 0n);
    const after: Scenario = { ...scenario, recognition: { ...scenario.recognition, [P]: { ...scenario.recognition[P], [X]: BigInt(raised) } } };
    expect(fromPToX(after) < fromPToX(scenario)).to.equal(true);
    expect(scenario.capacities.length).to.be.at.least(2);
  });

  it("finds FA-1 breaks need monotonicity and one capacity's recognition monotonicity (issue 9), and FA-2 keeps both", () => {
    const only = ["monotonicity.need", "monotonicity.recognition-capacity"];
    const report = checkAxioms(fa1, { runs: 10_000, seed: 42, only });
    expect(failures(report)).to.deep.equal(only);
    const single = report.results.find((r) => r.id === "monotonicity.recognition-capacity")!;
    expect(single.counterexample!.capacities).to.have.length(1);
    expect(checkAxioms(fa2, { runs: 3000, seed: 42, only }).passed).to.equal(true);
  });

  it("passes a protocol that allocates nothing on every 'never' property, but not on 'signals matter'", () => {
    const report = checkAxioms(nothing, { runs: 50, seed: 1 });
    expect(failures(report)).to.have.members(["monotonicity.recognition-matters", "monotonicity.need-matters", "fa-1.no-waste"]);
  });

  it("catches a protocol that ignores revoked recognition and serves Sybils", () => {
    const report = checkAxioms(ignoresRecognition, { runs: 100, seed: 1 });
    const failed = failures(report);
    expect(failed).to.include.members(["sovereignty.recognition", "fa-1.sybil-zero"]);
    const revoked = report.results.find((r) => r.id === "sovereignty.recognition")!;
    expect(revoked.change).to.match(/^revoked (all )?recognition/);
  });

  it("catches a protocol that allocates more than a capacity holds", () => {
    const report = checkAxioms(overAllocates, { runs: 100, seed: 1 });
    expect(failures(report)).to.include("conservation.capacity");
  });

  it("is deterministic for a seed", () => {
    const a = checkAxioms(needWeighted, { runs: 30, seed: 11 });
    const b = checkAxioms(needWeighted, { runs: 30, seed: 11 });
    expect(a).to.deep.equal(b);
  });
});
