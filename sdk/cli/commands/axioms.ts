/** `fa axioms`: check a protocol against the axioms; a pass/fail table (and measured rates) or one JSON object. */
import { AXIOM_PROPERTIES, checkAxioms, serializeReport, type AxiomReport, type PropertyResult } from "../../core/lab/index.js";
import { UserError } from "../errors.js";
import { serializeScenario } from "../../core/scenario.js";
import { resolveProtocol } from "../protocols.js";
import { renderTable } from "../table.js";

export interface AxiomsOptions {
  readonly protocol: string;
  readonly runs: number;
  readonly seed: number;
  /** Comma-separated property ids to run (default all). */
  readonly only?: string;
  readonly json?: boolean;
}

function compactScenario(result: PropertyResult): string | undefined {
  const scenario = result.counterexample ?? result.witness;
  return scenario === undefined ? undefined : JSON.stringify(serializeScenario(scenario));
}

export function formatAxiomReport(report: AxiomReport): string {
  const table = renderTable(
    [{ header: "result" }, { header: "property" }, { header: "what it says" }],
    report.results.map((r) => [r.measured ? "measured" : r.passed ? "pass" : "FAIL", r.id, r.title]),
  );
  const measured = report.results
    .filter((r) => r.measured)
    .map((r) => {
      const lines = [`MEASURED ${r.id}: ${r.violations} of ${r.runs} inputs (${((100 * (r.violations ?? 0)) / r.runs).toFixed(2)} %)`];
      if (r.change !== undefined) lines.push(`  change:         ${r.change}`);
      if (r.detail !== undefined) lines.push(`  problem:        ${r.detail}`);
      const scenario = compactScenario(r);
      if (scenario !== undefined) lines.push(`  counterexample: ${scenario}`);
      return lines.join("\n");
    });
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
  const judged = report.results.filter((r) => !r.measured);
  const held = judged.filter((r) => r.passed).length;
  const summary = `${held} of ${judged.length} properties hold` + (report.passed ? "." : `; ${judged.length - held} fail.`) +
    (measured.length > 0 ? ` ${measured.length} measured (not pass/fail).` : "");
  const header = `protocol ${report.protocol}: ${report.runs} generated scenarios per property, seed ${report.seed}`;
  return [header, "", table, ...(failures.length > 0 ? ["", ...failures] : []), ...(measured.length > 0 ? ["", ...measured] : []), "", summary].join("\n");
}

/** Returns the text to print and whether every property holds. */
export async function axiomsCommand(options: AxiomsOptions): Promise<{ output: string; passed: boolean }> {
  const protocol = await resolveProtocol(options.protocol);
  const only = options.only?.split(",").map((id) => id.trim()).filter((id) => id !== "");
  if (only !== undefined) {
    const known = [...AXIOM_PROPERTIES.map((p) => p.id), "monotonicity.recognition-matters", "monotonicity.need-matters"];
    const unknown = only.filter((id) => !known.includes(id));
    if (unknown.length > 0) throw new UserError(`--only: unknown property ${JSON.stringify(unknown[0])} (known: ${known.join(", ")})`);
  }
  const report = checkAxioms(protocol, { runs: options.runs, seed: options.seed, ...(only ? { only } : {}) });
  const output = options.json ? JSON.stringify(serializeReport(report), null, 2) : formatAxiomReport(report);
  return { output, passed: report.passed };
}
