/**
 * The lab's compatibility property (sdk/core/lab/compatibility.ts) and what a report's counterexamples
 * must be: complete (every entity the failure needs, the Sybil included) and holdable by the chain.
 */
import { expect } from "chai";
import { checkAxioms, SYBIL, type PropertyResult } from "../../sdk/core/lab/index.js";
import { fa1 } from "../../sdk/core/protocols/fa1.js";
import { fa2 } from "../../sdk/core/protocols/fa2.js";
import { encodeCode } from "../../sdk/chain/codes.js";
import type { Protocol, Scenario } from "../../sdk/core/types.js";

const RUNS = 300;

/** `protocol` run on the scenario with every location, window and filter removed: it ignores them. */
function ignoringConstraints(protocol: Protocol): Protocol {
  return {
    id: `${protocol.id}-unconstrained`,
    name: `${protocol.name} without location, window and filter checks`,
    description: "ignores locations, windows and recipient filters",
    allocate: (s) =>
      protocol.allocate({
        ...s,
        capacities: s.capacities.map(({ location: _l, window: _w, filter: _f, ...c }) => c),
        needs: s.needs.map(({ location: _l, window: _w, ...n }) => n),
      }),
  };
}

/** Gives everything to the first need of each capacity's sector, recognized or not (Sybils included). */
const firstComeFirstServed: Protocol = {
  id: "fcfs",
  name: "First come, first served",
  description: "recognition ignored",
  allocate: (s) => {
    const allocations = [];
    const unused: Record<string, bigint> = {};
    for (const c of s.capacities) {
      const n = [...s.needs].reverse().find((x) => x.type === c.type && x.unit === c.unit);
      unused[c.id] = c.quantity;
      if (n === undefined || c.minUnit !== undefined) continue;
      allocations.push({ capacity: c.id, need: n.id, provider: c.provider, recipient: n.recipient, amount: 1n, tier: 2 as const });
      unused[c.id] -= 1n;
    }
    return { protocol: "fcfs", allocations, unused, unmet: Object.fromEntries(s.needs.map((n) => [n.id, n.quantity])) };
  },
};

const throwing: Protocol = {
  id: "throws",
  name: "Throws",
  description: "always throws",
  allocate: () => {
    throw new Error("not implemented");
  },
};

/** What the registries would refuse in a scenario (empty when the chain can hold all of it). */
function unholdable(scenario: Scenario): string[] {
  const problems: string[] = [];
  const code = (where: string, value: string | undefined) => {
    if (value === undefined) return;
    try {
      encodeCode(value);
    } catch {
      problems.push(`${where}: invalid code ${value}`);
    }
  };
  for (const item of [...scenario.capacities, ...scenario.needs]) {
    if (item.quantity <= 0n) problems.push(`${item.id}: quantity ${item.quantity}`);
    if (item.window !== undefined && item.window.start >= item.window.end) problems.push(`${item.id}: empty window`);
    code(`${item.id}.type`, item.type);
    code(`${item.id}.unit`, item.unit);
    code(`${item.id}.location`, item.location);
  }
  for (const c of scenario.capacities) {
    const list = c.filter === undefined ? undefined : "allow" in c.filter ? c.filter.allow : c.filter.deny;
    if (list !== undefined && list.length === 0) problems.push(`${c.id}: empty filter list`);
  }
  return problems;
}

const failed = (results: readonly PropertyResult[]) => results.filter((r) => !r.passed);

describe("lab: consistency.compatibility", function () {
  this.timeout(120_000);

  it("holds for FA-1 and FA-2", () => {
    for (const protocol of [fa1, fa2]) {
      const [result] = checkAxioms(protocol, { runs: RUNS, only: ["consistency.compatibility"] }).results;
      expect(result.passed, `${protocol.id}: ${result.detail}`).to.equal(true);
    }
  });

  it("fails FA-1 and FA-2 with the location, window and filter checks removed, naming the broken rule", () => {
    for (const protocol of [fa1, fa2]) {
      const [result] = checkAxioms(ignoringConstraints(protocol), { runs: RUNS, only: ["consistency.compatibility"] }).results;
      expect(result.passed, protocol.id).to.equal(false);
      expect(result.detail).to.match(/location .* does not cover|windows .* do not overlap|filter does not admit/);
      expect(unholdable(result.counterexample!)).to.deep.equal([]);
    }
  });
});

describe("lab: counterexamples", function () {
  this.timeout(120_000);

  it("a Sybil counterexample contains the Sybil it is about", () => {
    const [sybil] = checkAxioms(firstComeFirstServed, { runs: RUNS, only: ["fa-1.sybil-zero"] }).results;
    expect(sybil.passed).to.equal(false);
    expect(sybil.counterexample!.needs.some((n) => n.recipient === SYBIL), "the Sybil's need").to.equal(true);
    expect(Object.keys(sybil.counterexample!.recognition)).to.include(SYBIL);
  });

  it("holds only inputs the chain can hold", () => {
    for (const protocol of [firstComeFirstServed, ignoringConstraints(fa1)]) {
      const report = checkAxioms(protocol, { runs: RUNS });
      expect(failed(report.results)).to.not.be.empty;
      for (const r of failed(report.results)) {
        if (r.counterexample !== undefined) expect(unholdable(r.counterexample), `${protocol.id} ${r.id}`).to.deep.equal([]);
      }
    }
  });

  it("reports a throwing protocol under every property, and finishes the run", () => {
    const report = checkAxioms(throwing, { runs: 20 });
    const judged = report.results.filter((r) => !r.measured);
    expect(judged.length).to.be.greaterThan(10);
    for (const r of judged) {
      expect(r.passed, r.id).to.equal(false);
      expect(r.detail, r.id).to.include("the protocol threw: not implemented");
    }
  });
});
