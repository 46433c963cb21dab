/** An AxiomReport as JSON (`fa axioms --json`): scenarios in the scenario-file format. */
import { serializeScenario } from "../scenario.js";
import type { AxiomReport } from "./checkAxioms.js";

export function serializeReport(report: AxiomReport) {
  return {
    protocol: report.protocol,
    runs: report.runs,
    seed: report.seed,
    passed: report.passed,
    results: report.results.map((r) => ({
      id: r.id,
      axiom: r.axiom,
      title: r.title,
      passed: r.passed,
      runs: r.runs,
      ...(r.measured ? { measured: true, violations: r.violations } : {}),
      ...(r.change === undefined ? {} : { change: r.change }),
      ...(r.detail === undefined ? {} : { detail: r.detail }),
      ...(r.counterexample === undefined ? {} : { counterexample: serializeScenario(r.counterexample) }),
      ...(r.witness === undefined ? {} : { witness: serializeScenario(r.witness) }),
    })),
  };
}
