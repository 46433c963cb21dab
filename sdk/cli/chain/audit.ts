/** `fa verify`, `fa audit`, `fa gaps`: auditor views of a round, from the chain alone. */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { auditRound, readRoundSnapshot, verifyRound, type AuditReport } from "../../chain/index.js";
import { toAuditHtml, toHxlCsv, toHxlGapsCsv, toIatiXml, type ExportOptions } from "../../audit/index.js";
import { UserError } from "../errors.js";
import { DEFAULT_PROTOCOL, resolveProtocol } from "../protocols.js";
import { renderTable } from "../table.js";
import type { ChainFlags } from "./context.js";
import { parseBigint, toJson } from "./parse.js";
import { session } from "./session.js";

const short = (h: string) => `${h.slice(0, 10)}…`;
const right = (header: string) => ({ header, align: "right" as const });

export async function verifyCommand(flags: ChainFlags & { round?: string; protocol?: string }): Promise<{ output: string; ok: boolean }> {
  const round = parseBigint("--round", flags.round, 1n);
  const protocol = await resolveProtocol(flags.protocol ?? DEFAULT_PROTOCOL);
  const { clients, read } = await session(flags, false);
  const report = await verifyRound(clients.publicClient as never, { ...read, round, protocol });
  if (flags.json) return { output: toJson(report), ok: report.ok };
  const rows = report.commitments.map((c) => [
    c.capacityId.toString(),
    c.provider,
    c.status,
    c.protocol,
    c.expected ? `${c.expected.total} ${short(c.expected.root)}` : "-",
    c.committed ? `${c.committed.total} ${short(c.committed.root)}` : "-",
  ]);
  const counts = Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(", ");
  const table = rows.length > 0 ? `\n${renderTable([right("capacity"), { header: "provider" }, { header: "status" }, { header: "protocol" }, { header: "expected" }, { header: "committed" }], rows)}` : "";
  return { output: `round ${round} (snapshot block ${report.snapshotBlock}), each commitment verified with the protocol its id names (default ${report.protocol}): ${counts}${table}`, ok: report.ok };
}

function auditTable(report: AuditReport): string {
  const t = report.totals;
  const parts = [`round ${report.round} (snapshot block ${report.snapshotBlock}, read to block ${report.toBlock}): committed ${t.committed}, delivered ${t.delivered}, confirmed ${t.confirmed}`];
  parts.push(
    "",
    "by organization",
    renderTable(
      [{ header: "organization" }, right("provided: committed"), right("delivered"), right("confirmed"), right("received: committed"), right("delivered"), right("confirmed")],
      report.organizations.map((o) => [o.organization, ...[o.provided, o.received].flatMap((x) => [x.committed, x.delivered, x.confirmed].map(String))]),
    ),
    "",
    "by sector",
    renderTable(
      [{ header: "sector" }, { header: "unit" }, right("needed"), right("committed"), right("delivered"), right("confirmed")],
      report.sectors.map((s) => [s.sector, s.unit, ...[s.needed, s.committed, s.delivered, s.confirmed].map(String)]),
    ),
    "",
    "by location",
    renderTable(
      [{ header: "location" }, { header: "unit" }, right("needed"), right("committed"), right("delivered"), right("confirmed")],
      report.locations.map((s) => [s.location || "(any)", s.unit, ...[s.needed, s.committed, s.delivered, s.confirmed].map(String)]),
    ),
    "",
    `verification: ${Object.entries(report.verification.counts).map(([k, v]) => `${v} ${k}`).join(", ")}`,
  );
  return parts.join("\n");
}

const AUDIT_FORMATS = ["table", "json", "iati-xml", "hxl", "html"] as const;
type AuditFormat = (typeof AUDIT_FORMATS)[number];

const ExportConfig = z
  .object({
    reporter: z.object({ ref: z.string().min(1), name: z.string().min(1), type: z.string().regex(/^[0-9]{2}$/) }).strict().optional(),
    organizations: z
      .record(z.string().regex(/^0x[0-9a-fA-F]{40}$/), z.object({ name: z.string().optional(), ref: z.string().min(1).optional(), type: z.string().regex(/^[0-9]{2}$/).optional() }).strict())
      .optional(),
    unitValues: z.record(z.string().min(1), z.object({ currency: z.string().regex(/^[A-Z]{3}$/), value: z.string().regex(/^[0-9]+(\.[0-9]+)?$/) }).strict()).optional(),
    explorer: z.url().optional(),
    locationNames: z.record(z.string().min(1), z.string()).optional(),
  })
  .strict();

/** `--export-config FILE`: organization names and IATI identifiers, unit values, explorer, location names (docs/audit.md). */
async function readExportConfig(path: string | undefined): Promise<ExportOptions> {
  if (path === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UserError(`--export-config: cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  const parsed = ExportConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`--export-config: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  const { organizations, ...rest } = parsed.data;
  return {
    ...rest,
    ...(organizations ? { organizations: Object.fromEntries(Object.entries(organizations).map(([a, o]) => [a.toLowerCase(), o])) } : {}),
  };
}

/**
 * Auditor exports (sdk/audit, docs/audit.md): IATI 2.03 XML, HXL-tagged CSV, the HTML audit report.
 * A commitment whose leaves are unknown (root not the protocol's) exports with the capacity's
 * sector, unit and location from the round's snapshot.
 */
export async function auditCommand(flags: ChainFlags & { round?: string; format?: string; exportConfig?: string }): Promise<string> {
  const round = parseBigint("--round", flags.round, 1n);
  const format = (flags.json ? "json" : (flags.format ?? "table")) as AuditFormat;
  if (!AUDIT_FORMATS.includes(format)) throw new UserError(`--format: expected ${AUDIT_FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
  const config = await readExportConfig(flags.exportConfig);
  const { clients, read } = await session(flags, false);
  const report = await auditRound(clients.publicClient as never, { ...read, round });
  if (format === "json") return toJson(report);
  if (format === "table") return auditTable(report);
  const snapshot = await readRoundSnapshot(clients.publicClient as never, { ...read, round, crossCheck: false });
  const capacities = Object.fromEntries(snapshot.capacities.map((c) => [c.id.toString(), { sector: c.sector, unit: c.unit, location: c.location }]));
  const options: ExportOptions = { ...config, capacities, ledger: read.contracts.ledger };
  if (format === "iati-xml") return toIatiXml(report, { ...options, generatedAt: new Date() }).trimEnd();
  if (format === "hxl") return toHxlCsv(report, options).trimEnd();
  return toAuditHtml(report, options).trimEnd();
}

export async function gapsCommand(flags: ChainFlags & { round?: string; format?: string; exportConfig?: string }): Promise<string> {
  const round = parseBigint("--round", flags.round, 1n);
  const format = flags.json ? "json" : (flags.format ?? "table");
  if (!["table", "json", "hxl"].includes(format)) throw new UserError(`--format: expected table, json or hxl, got ${JSON.stringify(format)}`);
  const { clients, read } = await session(flags, false);
  const report = await auditRound(clients.publicClient as never, { ...read, round });
  if (format === "hxl") return toHxlGapsCsv(report, await readExportConfig(flags.exportConfig)).trimEnd();
  if (format === "json") return toJson({ round: report.round, snapshotBlock: report.snapshotBlock, gaps: report.gaps });
  const rows = report.gaps.map((g) => [g.location || "(any)", g.sector, g.unit, ...[g.needed, g.committed, g.confirmed, g.gap].map(String)]);
  return `unmet need in round ${round}, by location × sector (largest gap first)\n${renderTable([{ header: "location" }, { header: "sector" }, { header: "unit" }, right("needed"), right("committed"), right("confirmed"), right("gap")], rows)}`;
}
