/**
 * Files a demo run writes: the HTML report and, per round, the audit (JSON), its IATI 2.03 XML, its
 * HXL CSVs and its HTML audit report, each linking to the others.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Address } from "viem";
import { toAuditHtml, toHxlCsv, toHxlGapsCsv, toIatiXml, type DocumentLink, type ExportOptions, type OrganizationInfo } from "../../sdk/audit/index.js";
import { renderReport } from "./html.js";
import type { DemoResult } from "./model.js";

/** JSON with bigint as decimal strings (the SDK's convention for quantities). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n";
}

const IATI_TYPES: Record<string, string> = { donor: "40", un: "40", ingo: "21", government: "10", community: "24" };

/**
 * Names of the cyclone scenario's location codes. The codes are the demo's own hierarchical
 * codes under ISO 3166-2 (MZ-S Sofala, MZ-B Manica), not OCHA's published P-codes; the district
 * names come from the scenario's district organizations.
 */
export const DEMO_LOCATION_NAMES: Readonly<Record<string, string>> = {
  MZ: "Mozambique",
  "MZ-S": "Sofala",
  "MZ-B": "Manica",
  "MZ-S-01": "Beira",
  "MZ-S-02": "Dondo",
  "MZ-S-03": "Nhamatanda",
  "MZ-S-04": "Buzi",
  "MZ-S-05": "Chibabava",
  "MZ-S-06": "Muanza",
  "MZ-B-01": "Sussundenga",
  "MZ-B-02": "Chimoio",
};

/** Names and IATI organisation types of the demo's organizations, for the exporters. */
export function exportOrganizations(result: DemoResult): Record<Address, OrganizationInfo> {
  const out: Record<Address, OrganizationInfo> = {};
  for (const o of result.organizations) {
    const type = IATI_TYPES[o.kind];
    out[o.address] = { name: o.name, ...(type ? { type } : {}) };
  }
  return out;
}

/** The files of one round, by name. */
export function roundFiles(round: bigint): { audit: string; iati: string; hxl: string; gaps: string; report: string } {
  return {
    audit: `audit-round-${round}.json`,
    iati: `iati-round-${round}.xml`,
    hxl: `hxl-round-${round}.csv`,
    gaps: `hxl-gaps-round-${round}.csv`,
    report: `audit-round-${round}.html`,
  };
}

/** Export options of one round of the demo: names, capacities, the ledger, and links between the files. */
export function roundExportOptions(result: DemoResult, index: number): ExportOptions {
  const r = result.rounds[index];
  const f = roundFiles(r.round);
  const documents: DocumentLink[] = [
    { url: f.report, format: "text/html", title: `Audit report, round ${r.round}`, category: "A07" },
    { url: f.hxl, format: "text/csv", title: `HXL: committed, delivered and confirmed per leaf, round ${r.round}` },
    { url: f.gaps, format: "text/csv", title: `HXL: unmet need per location and sector, round ${r.round}` },
    { url: f.iati, format: "application/xml", title: `IATI 2.03 activities, round ${r.round}` },
    { url: f.audit, format: "application/json", title: `Audit (JSON), round ${r.round}` },
  ];
  return {
    organizations: exportOrganizations(result),
    capacities: Object.fromEntries(r.capacitiesAfter.map((c) => [c.id.toString(), { sector: c.sector, unit: c.unit, location: c.location }])),
    ledger: result.contracts.ledger,
    locationNames: DEMO_LOCATION_NAMES,
    documents,
  };
}

/** Writes every file into `dir` (which must exist); returns their paths. */
export async function writeOutputs(result: DemoResult, dir: string): Promise<string[]> {
  const files: [string, string][] = [["report.html", renderReport(result)]];
  result.rounds.forEach((r, i) => {
    const options = roundExportOptions(result, i);
    const f = roundFiles(r.round);
    const others = (self: string) => ({ ...options, documents: options.documents!.filter((d) => d.url !== self) });
    files.push([f.audit, toJson(r.audit)]);
    files.push([f.iati, toIatiXml(r.audit, { ...others(f.iati), generatedAt: new Date() })]);
    files.push([f.hxl, toHxlCsv(r.audit, options)]);
    files.push([f.gaps, toHxlGapsCsv(r.audit, options)]);
    files.push([f.report, toAuditHtml(r.audit, others(f.report))]);
  });
  const written: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    written.push(file);
  }
  return written;
}
