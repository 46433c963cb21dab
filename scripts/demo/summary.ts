/**
 * Pure summaries of a demo round for the printout and the report: coverage (needs met) per sector,
 * residual gaps by district × sector, lifecycle totals per organization. Integers only; percentages
 * are computed at the last moment for display.
 */
import type { Address } from "viem";
import type { AuditFlow, SnapshotNeed } from "../../sdk/chain/index.js";
import type { OrganizationRound } from "./model.js";

export interface Coverage {
  readonly sector: string;
  readonly unit: string;
  readonly declared: bigint;
  /** Σ min(confirmed, declared) over the sector's needs. */
  readonly met: bigint;
}

/** Needs met per sector (confirmed against declared, all rounds so far); active needs only. */
export function coverageBySector(needs: readonly SnapshotNeed[]): Coverage[] {
  const by = new Map<string, { sector: string; unit: string; declared: bigint; met: bigint }>();
  for (const n of needs) {
    if (!n.active) continue;
    const key = `${n.sector}\0${n.unit}`;
    const row = by.get(key) ?? { sector: n.sector, unit: n.unit, declared: 0n, met: 0n };
    row.declared += n.declared;
    row.met += n.confirmed < n.declared ? n.confirmed : n.declared;
    by.set(key, row);
  }
  return [...by.values()].sort((a, b) => (a.sector < b.sector ? -1 : a.sector > b.sector ? 1 : 0));
}

/** Percentage with one decimal, for display only. */
export function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 100;
  return Number((part * 1000n) / whole) / 10;
}

/** Overall needs met: the mean of the sectors' coverage (each sector counts once, whatever its unit). */
export function overallCoverage(coverage: readonly Coverage[]): number {
  if (coverage.length === 0) return 100;
  const sum = coverage.reduce((s, c) => s + percent(c.met, c.declared), 0);
  return Math.round((sum / coverage.length) * 10) / 10;
}

export interface GapCell {
  readonly location: string;
  readonly sector: string;
  readonly unit: string;
  readonly declared: bigint;
  readonly residual: bigint;
}

/** Residual need per location × sector after the round's receipts (the need update law). */
export function residualGaps(needs: readonly SnapshotNeed[]): GapCell[] {
  const by = new Map<string, { location: string; sector: string; unit: string; declared: bigint; residual: bigint }>();
  for (const n of needs) {
    if (!n.active) continue;
    const key = `${n.location}\0${n.sector}\0${n.unit}`;
    const cell = by.get(key) ?? { location: n.location, sector: n.sector, unit: n.unit, declared: 0n, residual: 0n };
    cell.declared += n.declared;
    cell.residual += n.residual;
    by.set(key, cell);
  }
  return [...by.values()].sort((a, b) =>
    a.location !== b.location ? (a.location < b.location ? -1 : 1) : a.sector < b.sector ? -1 : a.sector > b.sector ? 1 : 0,
  );
}

type Totals = { committed: bigint; delivered: bigint; confirmed: bigint };

function add(record: Record<string, Totals>, unit: string, f: AuditFlow): void {
  const t = record[unit] ?? (record[unit] = { committed: 0n, delivered: 0n, confirmed: 0n });
  t.committed += f.committed;
  t.delivered += f.delivered;
  t.confirmed += f.confirmed;
}

/**
 * Lifecycle totals per organization and unit from a round's flows, with the flags the caller
 * computed (tampering, failures, Safe). Every organization in `flags` appears, with or without flows.
 */
export function organizationRounds(
  flows: readonly AuditFlow[],
  flags: ReadonlyMap<Address, readonly string[]>,
  order: readonly Address[] = [],
  unprovenCommitments: readonly { provider: Address; unit: string; total: bigint }[] = [],
): OrganizationRound[] {
  const rank = (a: Address) => {
    const i = order.indexOf(a);
    return i < 0 ? order.length : i;
  };
  const by = new Map<Address, { provided: Record<string, Totals>; received: Record<string, Totals> }>();
  const entry = (a: Address) => {
    const key = a.toLowerCase() as Address;
    let e = by.get(key);
    if (e === undefined) by.set(key, (e = { provided: {}, received: {} }));
    return e;
  };
  for (const f of flows) {
    add(entry(f.provider).provided, f.unit, f);
    add(entry(f.recipient).received, f.unit, f);
  }
  // A commitment whose root is not the protocol's has no known leaves: count its committed total for its provider.
  for (const c of unprovenCommitments) {
    const t = entry(c.provider).provided;
    const totals = t[c.unit] ?? (t[c.unit] = { committed: 0n, delivered: 0n, confirmed: 0n });
    totals.committed += c.total;
  }
  for (const a of flags.keys()) entry(a);
  return [...by.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([address, e]) => ({ address, provided: e.provided, received: e.received, flags: flags.get(address) ?? [] }));
}

/** "60,000" — integer with thousands separators, independent of the machine's locale. */
export function formatUnits(value: bigint): string {
  const s = value.toString();
  const negative = s.startsWith("-");
  const digits = negative ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return negative ? `-${grouped}` : grouped;
}

/** The demo's two-sentence note on the protocol (README and docs/protocol.md §11 say the same). */
export const PROTOCOL_CHANGE =
  "FA-2 (the default; FA-1 stays available by id): every capacity is handed out in small equal blocks, in turns set by " +
  "recognition, instead of computing shares and then scaling over-offered needs down. With it, asking for more never " +
  "gets you less, and a provider recognizing you more never gives you less from a capacity it alone offers.";
