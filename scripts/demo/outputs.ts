/** Files a demo run writes: the HTML report and, per round, the audit and its IATI-like and HXL exports. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Address } from "viem";
import { toHxlCsv, toHxlGapsCsv, toIatiActivities, type OrganizationInfo } from "../../sdk/audit/index.js";
import { renderReport } from "./html.js";
import type { DemoResult } from "./model.js";

/** JSON with bigint as decimal strings (the SDK's convention for quantities). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n";
}

const IATI_TYPES: Record<string, string> = { donor: "40", un: "40", ingo: "21", government: "10", community: "24" };

/** Names and IATI organisation types of the demo's organizations, for the exporters. */
export function exportOrganizations(result: DemoResult): Record<Address, OrganizationInfo> {
  const out: Record<Address, OrganizationInfo> = {};
  for (const o of result.organizations) {
    const type = IATI_TYPES[o.kind];
    out[o.address] = { name: o.name, ...(type ? { type } : {}) };
  }
  return out;
}

/** Writes every file into `dir` (which must exist); returns their paths. */
export async function writeOutputs(result: DemoResult, dir: string): Promise<string[]> {
  const files: [string, string][] = [["report.html", renderReport(result)]];
  const organizations = exportOrganizations(result);
  for (const r of result.rounds) {
    const capacities = Object.fromEntries(r.capacitiesAfter.map((c) => [c.id.toString(), { sector: c.sector, unit: c.unit, location: c.location }]));
    const options = { organizations, capacities };
    files.push([`audit-round-${r.round}.json`, toJson(r.audit)]);
    files.push([`iati-round-${r.round}.json`, toJson(toIatiActivities(r.audit, options))]);
    files.push([`hxl-round-${r.round}.csv`, toHxlCsv(r.audit, options)]);
    files.push([`hxl-gaps-round-${r.round}.csv`, toHxlGapsCsv(r.audit)]);
  }
  const written: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    written.push(file);
  }
  return written;
}
