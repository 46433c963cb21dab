/** `fa verify`, `fa audit`, `fa gaps`: auditor views of a round, from the chain alone. */
import { auditRound, readRoundSnapshot, verifyRound, type AuditReport } from "../../chain/index.js";
import { toHxlCsv, toHxlGapsCsv, toIatiActivities } from "../../audit/index.js";
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

/**
 * Auditor exports (sdk/audit, docs/audit.md): IATI-like activities (JSON) and HXL-tagged CSV. A
 * commitment whose leaves are unknown (root not the protocol's) exports with the capacity's sector,
 * unit and location from the round's snapshot.
 */
function exportAudit(report: AuditReport, format: "iati" | "hxl", capacities: Record<string, { sector: string; unit: string; location: string }>): string {
  return format === "iati" ? toJson(toIatiActivities(report, { capacities })) : toHxlCsv(report, { capacities }).trimEnd();
}

export async function auditCommand(flags: ChainFlags & { round?: string; format?: string }): Promise<string> {
  const round = parseBigint("--round", flags.round, 1n);
  const format = flags.json ? "json" : (flags.format ?? "table");
  if (!["table", "json", "iati", "hxl"].includes(format)) throw new UserError(`--format: expected table, json, iati or hxl, got ${JSON.stringify(format)}`);
  const { clients, read } = await session(flags, false);
  const report = await auditRound(clients.publicClient as never, { ...read, round });
  if (format === "iati" || format === "hxl") {
    const snapshot = await readRoundSnapshot(clients.publicClient as never, { ...read, round, crossCheck: false });
    const capacities = Object.fromEntries(snapshot.capacities.map((c) => [c.id.toString(), { sector: c.sector, unit: c.unit, location: c.location }]));
    return exportAudit(report, format, capacities);
  }
  return format === "json" ? toJson(report) : auditTable(report);
}

export async function gapsCommand(flags: ChainFlags & { round?: string; format?: string }): Promise<string> {
  const round = parseBigint("--round", flags.round, 1n);
  const format = flags.json ? "json" : (flags.format ?? "table");
  if (!["table", "json", "hxl"].includes(format)) throw new UserError(`--format: expected table, json or hxl, got ${JSON.stringify(format)}`);
  const { clients, read } = await session(flags, false);
  const report = await auditRound(clients.publicClient as never, { ...read, round });
  if (format === "hxl") return toHxlGapsCsv(report).trimEnd();
  if (format === "json") return toJson({ round: report.round, snapshotBlock: report.snapshotBlock, gaps: report.gaps });
  const rows = report.gaps.map((g) => [g.location || "(any)", g.sector, g.unit, ...[g.needed, g.committed, g.confirmed, g.gap].map(String)]);
  return `unmet need in round ${round}, by location × sector (largest gap first)\n${renderTable([{ header: "location" }, { header: "sector" }, { header: "unit" }, right("needed"), right("committed"), right("confirmed"), right("gap")], rows)}`;
}
