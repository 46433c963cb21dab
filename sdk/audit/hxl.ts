/**
 * HXL-tagged CSV from a round's audit (docs/audit.md): a header row, an HXL hashtag row, then
 * data. `toHxlCsv` has one row per ledger leaf (who gives what to whom where, and how far it got);
 * `toHxlGapsCsv` one row per location × sector (need, committed, confirmed, gap). RFC 4180
 * quoting, "\r\n" line ends, deterministic row order.
 */
import type { AuditReport } from "../chain/types.js";
import { clusterOf } from "./clusters.js";
import { adminLevels } from "./locations.js";
import { resolveOrganization } from "./organizations.js";
import type { ExportOptions } from "./types.js";

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export const HXL_FLOW_COLUMNS = [
  ["Round", "#meta+round"],
  ["Provider", "#org+provider+name"],
  ["Provider id", "#org+provider+code"],
  ["Recipient", "#org+recipient+name"],
  ["Recipient id", "#org+recipient+code"],
  ["Cluster", "#sector+name"],
  ["Cluster code", "#sector+code"],
  ["Country", "#country+code"],
  ["Admin 1", "#adm1+code"],
  ["Admin 2", "#adm2+code"],
  ["Unit", "#indicator+unit"],
  ["Committed", "#targeted+num"],
  ["Delivered", "#reached+num+delivered"],
  ["Confirmed", "#reached+num+confirmed"],
  ["Capacity id", "#meta+capacity"],
  ["Need id", "#meta+need"],
  ["Verification", "#status+verification"],
] as const;

export const HXL_GAP_COLUMNS = [
  ["Round", "#meta+round"],
  ["Country", "#country+code"],
  ["Admin 1", "#adm1+code"],
  ["Admin 2", "#adm2+code"],
  ["Location", "#loc+code"],
  ["Cluster", "#sector+name"],
  ["Cluster code", "#sector+code"],
  ["Unit", "#indicator+unit"],
  ["In need", "#inneed+num"],
  ["Committed", "#targeted+num"],
  ["Confirmed", "#reached+num"],
  ["Gap", "#inneed+num+unmet"],
] as const;

/**
 * One row per flow (ledger leaf), ordered by capacity id then need id; then one row per commitment
 * without flows (root not the protocol's: recipient unknown, committed total only).
 */
export function toHxlCsv(audit: AuditReport, options?: ExportOptions): string {
  const status = new Map(audit.verification.commitments.map((c) => [c.capacityId, c.status]));
  const flows = [...audit.flows].sort((a, b) =>
    a.capacityId !== b.capacityId ? (a.capacityId < b.capacityId ? -1 : 1) : a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : 0,
  );
  const rows = flows.map((f) => {
    const provider = resolveOrganization(f.provider, audit.chainId, options);
    const recipient = resolveOrganization(f.recipient, audit.chainId, options);
    const cluster = clusterOf(f.sector);
    const levels = adminLevels(f.location);
    return [
      audit.round.toString(),
      provider.name,
      provider.ref,
      recipient.name,
      recipient.ref,
      f.sector,
      cluster.code,
      levels.country,
      levels.adm1,
      levels.adm2,
      f.unit,
      f.committed.toString(),
      f.delivered.toString(),
      f.confirmed.toString(),
      f.capacityId.toString(),
      f.needId.toString(),
      status.get(f.capacityId) ?? "",
    ];
  });
  // Commitments with no flow (a root that is not the protocol's): one row with the committed total.
  for (const c of audit.verification.commitments) {
    if (c.committed === undefined || flows.some((f) => f.capacityId === c.capacityId)) continue;
    const provider = resolveOrganization(c.provider, audit.chainId, options);
    const info = options?.capacities?.[c.capacityId.toString()];
    const levels = adminLevels(info?.location ?? "");
    rows.push([
      audit.round.toString(),
      provider.name,
      provider.ref,
      "",
      "",
      info?.sector ?? "unknown",
      clusterOf(info?.sector ?? "unknown").code,
      levels.country,
      levels.adm1,
      levels.adm2,
      info?.unit ?? "unknown",
      c.committed.total.toString(),
      "0",
      "0",
      c.capacityId.toString(),
      "",
      c.status,
    ]);
  }
  return csv([HXL_FLOW_COLUMNS.map((c) => c[0]), HXL_FLOW_COLUMNS.map((c) => c[1]), ...rows]);
}

/** One row per location × sector in the audit's gap order (largest gap first). */
export function toHxlGapsCsv(audit: AuditReport): string {
  const rows = audit.gaps.map((g) => {
    const levels = adminLevels(g.location);
    return [
      audit.round.toString(),
      levels.country,
      levels.adm1,
      levels.adm2,
      g.location,
      g.sector,
      clusterOf(g.sector).code,
      g.unit,
      g.needed.toString(),
      g.committed.toString(),
      g.confirmed.toString(),
      g.gap.toString(),
    ];
  });
  return csv([HXL_GAP_COLUMNS.map((c) => c[0]), HXL_GAP_COLUMNS.map((c) => c[1]), ...rows]);
}
