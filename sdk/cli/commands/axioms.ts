/** `fa axioms`: check a protocol against the axioms; a pass/fail table or one JSON object. */
import { checkAxioms, serializeReport, type AxiomReport, type PropertyResult } from "../../core/lab/index.js";
import { serializeScenario } from "../../core/scenario.js";
import { resolveProtocol } from "../protocols.js";
import { renderTable } from "../table.js";

export interface AxiomsOptions {
  readonly protocol: string;
  readonly runs: number;
  readonly seed: number;
  readonly json?: boolean;
}

function compactScenario(result: PropertyResult): string | undefined {
  const scenario = result.counterexample ?? result.witness;
  return scenario === undefined ? undefined : JSON.stringify(serializeScenario(scenario));
}

export function formatAxiomReport(report: AxiomReport): string {
  const table = renderTable(
    [{ header: "result" }, { header: "property" }, { header: "what it says" }],
    report.results.map((r) => [r.passed ? "pass" : "FAIL", r.id, r.title]),
  );
  const failures = report.results
    .filter((r) => !r.passed)
    .map((r) => {
      const lines = [`FAIL ${r.id}: ${r.title}`];
      if (r.change !== undefined) lines.push(`  change:         ${r.change}`);
      if (r.detail !== undefined) lines.push(`  problem:        ${r.detail}`);
      const scenario = compactScenario(r);
      if (scenario !== undefined) lines.push(`  counterexample: ${scenario}`);
      return lines.join("\n");
    });
  const held = report.results.filter((r) => r.passed).length;
  const summary = `${held} of ${report.results.length} properties hold` + (report.passed ? "." : `; ${report.results.length - held} fail.`);
  const header = `protocol ${report.protocol}: ${report.runs} generated scenarios per property, seed ${report.seed}`;
  return [header, "", table, ...(failures.length > 0 ? ["", ...failures] : []), "", summary].join("\n");
}

/** Returns the text to print and whether every property holds. */
export async function axiomsCommand(options: AxiomsOptions): Promise<{ output: string; passed: boolean }> {
  const protocol = await resolveProtocol(options.protocol);
  const report = checkAxioms(protocol, { runs: options.runs, seed: options.seed });
  const output = options.json ? JSON.stringify(serializeReport(report), null, 2) : formatAxiomReport(report);
  return { output, passed: report.passed };
}
