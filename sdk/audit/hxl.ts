/**
 * HXL-tagged CSV from a round's audit (docs/audit.md): one header row, one HXL hashtag row, then
 * data. Every hashtag and attribute is from the HXL 1.1 dictionary (test/demo/hxlDictionary.ts
 * lists them with their source); units have their own column. `toHxlCsv` has one row per ledger
 * leaf (who gives what to whom where, how far it got, and the transactions behind it);
 * `toHxlGapsCsv` one row per location × sector. RFC 4180 quoting, "\r\n" line ends, deterministic
 * row order.
 */
import type { AuditReport } from "../chain/types.js";
import { clusterOf } from "./clusters.js";
import { adminLevels } from "./locations.js";
import { resolveOrganization } from "./organizations.js";
import { auditDates, isoDate, leafId, roundReferences, statusReason } from "./references.js";
import type { ExportOptions } from "./types.js";

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** [header, hashtag] per column; an empty hashtag leaves the column untagged (HXL tools skip it). */
export type HxlColumns = readonly (readonly [string, string])[];

export const HXL_FLOW_COLUMNS = [
  ["Round opened", "#date+start"],
  ["Read up to", "#date+reported"],
  ["Activity", "#activity+code"],
  ["Provider", "#org+funder+name"],
  ["Provider id", "#org+funder+code"],
  ["Recipient", "#org+impl+name"],
  ["Recipient id", "#org+impl+code"],
  ["Sector", "#sector+name"],
  ["Cluster", "#sector+cluster+name"],
  ["Cluster code", "#sector+cluster+code"],
  ["Country", "#country+code"],
  ["Admin 1", "#adm1+code"],
  ["Admin 2", "#adm2+code"],
  ["Admin 2 name", "#adm2+name"],
  ["Location", "#loc+code"],
  ["Unit", "#indicator+type"],
  ["Committed", "#targeted"],
  ["Delivered", "#output+num"],
  ["Confirmed", "#reached"],
  ["Capacity", "#output+code"],
  ["Need", "#need+code"],
  ["Verification", "#status+code"],
  ["Verification reason", "#status+name"],
  ["Leaf", "#meta+id"],
  ["Transactions", "#meta+source"],
] as const satisfies HxlColumns;

export const HXL_GAP_COLUMNS = [
  ["Round opened", "#date+start"],
  ["Country", "#country+code"],
  ["Admin 1", "#adm1+code"],
  ["Admin 2", "#adm2+code"],
  ["Admin 2 name", "#adm2+name"],
  ["Location", "#loc+code"],
  ["Sector", "#sector+name"],
  ["Cluster", "#sector+cluster+name"],
  ["Cluster code", "#sector+cluster+code"],
  ["Unit", "#indicator+type"],
  ["In need", "#inneed"],
  ["Committed", "#targeted"],
  ["Confirmed", "#reached"],
  // No HXL 1.1 hashtag means "unmet need": the gap (in need − committed, floored at 0) stays untagged.
  ["Gap", ""],
] as const satisfies HxlColumns;

/** Cluster name and code, empty for a sector that is not an IASC cluster (+cluster would be false). */
function clusterColumns(sector: string): [string, string] {
  const c = clusterOf(sector);
  return c.vocabulary === "10" ? [c.narrative, c.code] : ["", ""];
}

function placeColumns(location: string, options: ExportOptions | undefined): string[] {
  const l = adminLevels(location);
  return [l.country, l.adm1, l.adm2, l.adm2 === "" ? "" : (options?.locationNames?.[l.adm2] ?? ""), location];
}

/**
 * One row per flow (ledger leaf), by capacity id then need id; then one row per commitment without
 * flows (root not the protocol's: recipient unknown, committed total only).
 */
export function toHxlCsv(audit: AuditReport, options?: ExportOptions): string {
  const { openedAt, readAt } = auditDates(audit);
  const refs = roundReferences(audit);
  const protocol = audit.verification.protocol;
  const verification = new Map(audit.verification.commitments.map((c) => [c.capacityId, c]));
  const org = (a: Parameters<typeof resolveOrganization>[0]) => resolveOrganization(a, audit.chainId, options);
  const activity = (provider: Parameters<typeof resolveOrganization>[0]) => `${org(provider).ref}-FA${audit.chainId}-R${audit.round}`;
  const status = (capacityId: bigint) => {
    const c = verification.get(capacityId);
    return c === undefined ? ["", ""] : [c.status, statusReason(c, protocol)];
  };
  const dates = [isoDate(openedAt), isoDate(readAt)];
  const flows = [...audit.flows].sort((a, b) =>
    a.capacityId !== b.capacityId ? (a.capacityId < b.capacityId ? -1 : 1) : a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : 0,
  );
  const rows = flows.map((f) => {
    const provider = org(f.provider);
    const recipient = org(f.recipient);
    const leaf = refs.leaf(f.capacityId, f.needId);
    const sources = [
      ...(leaf.commitment ? [`commitment:${leaf.commitment.transactionHash}`] : []),
      ...leaf.deliveries.map((d) => `delivery:${d.transactionHash}`),
      ...leaf.receipts.map((d) => `receipt:${d.transactionHash}`),
    ];
    return [
      ...dates,
      activity(f.provider),
      provider.name,
      provider.ref,
      recipient.name,
      recipient.ref,
      f.sector,
      ...clusterColumns(f.sector),
      ...placeColumns(f.location, options),
      f.unit,
      f.committed.toString(),
      f.delivered.toString(),
      f.confirmed.toString(),
      f.capacityId.toString(),
      f.needId.toString(),
      ...status(f.capacityId),
      leafId(audit.round, f),
      sources.join(" "),
    ];
  });
  // Commitments with no flow (a root that is not the protocol's): one row with the committed total.
  for (const c of audit.verification.commitments) {
    if (c.committed === undefined || flows.some((f) => f.capacityId === c.capacityId)) continue;
    const provider = org(c.provider);
    const info = options?.capacities?.[c.capacityId.toString()];
    const sector = info?.sector ?? "unknown";
    const commitment = refs.commitments.get(c.capacityId);
    rows.push([
      ...dates,
      activity(c.provider),
      provider.name,
      provider.ref,
      "",
      "",
      sector,
      ...clusterColumns(sector),
      ...placeColumns(info?.location ?? "", options),
      info?.unit ?? "unknown",
      c.committed.total.toString(),
      "0",
      "0",
      c.capacityId.toString(),
      "",
      ...status(c.capacityId),
      `R${audit.round}-C${c.capacityId}`,
      commitment ? `commitment:${commitment.transactionHash}` : "",
    ]);
  }
  return csv([HXL_FLOW_COLUMNS.map((c) => c[0]), HXL_FLOW_COLUMNS.map((c) => c[1]), ...rows]);
}

/** One row per location × sector in the audit's gap order (largest gap first). */
export function toHxlGapsCsv(audit: AuditReport, options?: ExportOptions): string {
  const { openedAt } = auditDates(audit);
  const rows = audit.gaps.map((g) => [
    isoDate(openedAt),
    ...placeColumns(g.location, options),
    g.sector,
    ...clusterColumns(g.sector),
    g.unit,
    g.needed.toString(),
    g.committed.toString(),
    g.confirmed.toString(),
    g.gap.toString(),
  ]);
  return csv([HXL_GAP_COLUMNS.map((c) => c[0]), HXL_GAP_COLUMNS.map((c) => c[1]), ...rows]);
}
