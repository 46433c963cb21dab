import { expect } from "chai";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { needWeighted } from "../../sdk/core/protocols/needWeighted.js";
import { parseScenario } from "../../sdk/core/scenario.js";
import { fa1 } from "../../sdk/core/protocols/fa1.js";
import { fa2 } from "../../sdk/core/protocols/fa2.js";
import type { Scenario } from "../../sdk/core/types.js";
import { runFa } from "./runFa.js";

const dir = mkdtempSync(join(tmpdir(), "fa-axioms-"));

describe("fa axioms", function () {
  this.timeout(120_000);

  it("checks FA-2 by default: every property that must hold holds; cross-capacity recognition is measured", async () => {
    const run = await runFa(["axioms", "--json"]);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(run.stdout);
    expect(report).to.include({ protocol: "fa-2", runs: 1000, seed: 42, passed: true });
    expect(report.results.map((r: any) => r.id)).to.include.members([
      "sovereignty.capacity", "sovereignty.need", "sovereignty.recognition",
      "conservation.capacity", "conservation.need",
      "monotonicity.need", "monotonicity.recognition-capacity", "monotonicity.recognition-across", "monotonicity.recognition-matters",
      "fa-1.no-waste", "fa-1.tier-priority", "fa-1.sybil-zero",
    ]);
    expect(report.results.filter((r: any) => !r.passed).map((r: any) => r.id)).to.deep.equal([]);
    const across = report.results.find((r: any) => r.id === "monotonicity.recognition-across");
    expect(across).to.include({ measured: true, runs: 1000 });
    expect(across.violations).to.be.greaterThan(0);
    parseScenario(across.counterexample);
  });

  it("fails FA-1 on need monotonicity and on one capacity's recognition, with counterexamples that reproduce", async () => {
    const run = await runFa(["axioms", "--protocol", "fa-1", "--runs", "10000", "--only", "monotonicity.need,monotonicity.recognition-capacity", "--json"]);
    expect(run.code, run.stderr).to.equal(1);
    const report = JSON.parse(run.stdout);
    expect(report.results.filter((r: any) => !r.passed).map((r: any) => r.id)).to.deep.equal(["monotonicity.need", "monotonicity.recognition-capacity"]);
    const need = report.results.find((r: any) => r.id === "monotonicity.need");
    const [, id, raisedTo] = /^raised need (\S+) to (\d+)$/.exec(need.change)!;
    const scenario = parseScenario(need.counterexample);
    const received = (s: Scenario) => fa1.allocate(s).allocations.filter((a) => a.need === id).reduce((t, a) => t + a.amount, 0n);
    const raised = { ...scenario, needs: scenario.needs.map((n) => (n.id === id ? { ...n, quantity: BigInt(raisedTo) } : n)) };
    expect(received(raised) < received(scenario)).to.equal(true);
    // FA-2 on the same counterexample keeps need monotonicity.
    const receivedFa2 = (s: Scenario) => fa2.allocate(s).allocations.filter((a) => a.need === id).reduce((t, a) => t + a.amount, 0n);
    expect(receivedFa2(raised) >= receivedFa2(scenario)).to.equal(true);
  });

  it("rejects an unknown --only property id", async () => {
    const run = await runFa(["axioms", "--only", "monotonicity.recognition"]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.match(/--only: unknown property "monotonicity.recognition"/);
  });

  it("exits 0 when every property holds on the sample", async () => {
    const run = await runFa(["axioms", "--runs", "40"]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^15 of 15 properties hold\. 1 measured \(not pass\/fail\)\.$/m);
  });

  it("shows which properties need-weighted breaks, with counterexamples that reproduce, and exits 1", async () => {
    const run = await runFa(["axioms", "--protocol", "need-weighted", "--runs", "60", "--json"]);
    expect(run.code, run.stderr).to.equal(1);
    const report = JSON.parse(run.stdout);
    const failed = report.results.filter((r: any) => !r.passed).map((r: any) => r.id);
    expect(failed).to.have.members(["conservation.need", "fa-1.no-waste", "fa-1.tier-priority"]);
    const overServed = report.results.find((r: any) => r.id === "conservation.need");
    // The printed counterexample is a valid scenario file on which need-weighted over-serves a need.
    const scenario = parseScenario(overServed.counterexample);
    const result = needWeighted.allocate(scenario);
    const overflow = scenario.needs.some(
      (n) => result.allocations.filter((a) => a.need === n.id).reduce((s, a) => s + a.amount, 0n) > n.quantity,
    );
    expect(overflow).to.equal(true);
  });

  it("prints a pass/fail table and a compact counterexample per failure", async () => {
    const run = await runFa(["axioms", "-p", "need-weighted", "-r", "30"]);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.match(/^FAIL\s+conservation\.need\s/m);
    expect(run.stdout).to.match(/^pass\s+sovereignty\.capacity\s/m);
    const line = run.stdout.split("\n").find((l) => l.trimStart().startsWith("counterexample: "));
    expect(line, run.stdout).to.not.equal(undefined);
    parseScenario(JSON.parse(line!.trim().slice("counterexample: ".length)));
    const failing = (run.stdout.match(/^FAIL {2,}\S/gm) ?? []).length; // table rows only
    expect(failing).to.be.greaterThan(0);
    expect(run.stdout).to.match(new RegExp(`^${15 - failing} of 15 properties hold; ${failing} fail\\. 1 measured`, "m"));
  });

  it("loads a user's protocol module from a path", async () => {
    const path = join(dir, "nothing.ts");
    writeFileSync(
      path,
      `export const protocol = {
  id: "nothing", name: "Nothing", description: "allocates nothing",
  allocate: (s: any) => ({
    protocol: "nothing", allocations: [],
    unmet: Object.fromEntries(s.needs.map((n: any) => [n.id, n.quantity])),
    unused: Object.fromEntries(s.capacities.map((c: any) => [c.id, c.quantity])),
  }),
};
`,
    );
    const run = await runFa(["axioms", "--protocol", path, "--runs", "20", "--json"]);
    expect(run.code, run.stderr).to.equal(1);
    const report = JSON.parse(run.stdout);
    expect(report.protocol).to.equal("nothing");
    const failed = report.results.filter((r: any) => !r.passed).map((r: any) => r.id);
    expect(failed).to.have.members(["monotonicity.recognition-matters", "monotonicity.need-matters", "fa-1.no-waste"]);
  });
});
