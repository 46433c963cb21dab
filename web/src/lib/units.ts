/**
 * Honest totals: quantities are only ever added within one unit (litres to litres, never to kits),
 * grouped by sector and unit. Pure: unit-tested.
 */
import type { Allocation, Need } from "../../../sdk/core/index.js";

export interface UnitTotal {
  readonly sector: string;
  readonly unit: string;
  /** Residual need declared (in `unit`). */
  need: bigint;
  /** What the current signals allocate to it (in `unit`). */
  allocated: bigint;
  /** Needs of this sector and unit, and how many of them are fully met. */
  needs: number;
  met: number;
}

/** Per sector and unit: residual need, allocated, needs fully met; sorted by sector, then unit. */
export function totalsBySectorUnit(needs: readonly Need[], allocations: readonly Allocation[]): UnitTotal[] {
  const allocatedTo = new Map<string, bigint>();
  for (const a of allocations) allocatedTo.set(a.need, (allocatedTo.get(a.need) ?? 0n) + a.amount);
  const rows = new Map<string, UnitTotal>();
  for (const n of needs) {
    const key = `${n.type}\u0000${n.unit}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { sector: n.type, unit: n.unit, need: 0n, allocated: 0n, needs: 0, met: 0 }));
    const got = allocatedTo.get(n.id) ?? 0n;
    row.need += n.quantity;
    row.allocated += got;
    row.needs += 1;
    if (got >= n.quantity) row.met += 1;
  }
  return [...rows.values()].sort((a, b) => a.sector.localeCompare(b.sector) || a.unit.localeCompare(b.unit));
}

/** One unit's share of a heatmap cell (location × sector). */
export interface CellUnit { readonly unit: string; need: bigint; unmet: bigint }
export interface GapCell { readonly location: string; readonly sector: string; readonly units: CellUnit[] }

/** Location × sector cells, each with its units kept apart. */
export function gapCells(needs: readonly Need[], unmet: Readonly<Record<string, bigint>> | undefined): GapCell[] {
  const cells: GapCell[] = [];
  for (const n of needs) {
    const location = n.location ?? "anywhere";
    let c = cells.find((x) => x.location === location && x.sector === n.type);
    if (!c) cells.push((c = { location, sector: n.type, units: [] }));
    let u = c.units.find((x) => x.unit === n.unit);
    if (!u) c.units.push((u = { unit: n.unit, need: 0n, unmet: 0n }));
    u.need += n.quantity;
    u.unmet += unmet?.[n.id] ?? n.quantity;
  }
  for (const c of cells) c.units.sort((a, b) => a.unit.localeCompare(b.unit));
  return cells;
}

/** A round's ledger figures in one unit, counting only commitments that match the protocol. */
export interface UnitCoverage { readonly unit: string; committed: bigint; delivered: bigint; confirmed: bigint }

export interface CoverageInput {
  readonly unit: string;
  readonly sector: string;
  /** False for a commitment that contradicts the protocol (a mismatch, or one it does not allocate): excluded, counted apart. */
  readonly matches: boolean;
  readonly withdrawn: boolean;
  readonly total: bigint;
  readonly delivered: bigint;
  readonly confirmed: bigint;
}

export function coverageByUnit(commitments: readonly CoverageInput[]): { units: UnitCoverage[]; excluded: number } {
  const units = new Map<string, UnitCoverage>();
  let excluded = 0;
  for (const c of commitments) {
    if (!c.matches) { excluded++; continue; }
    let u = units.get(c.unit);
    if (!u) units.set(c.unit, (u = { unit: c.unit, committed: 0n, delivered: 0n, confirmed: 0n }));
    if (!c.withdrawn) u.committed += c.total;
    u.delivered += c.delivered;
    u.confirmed += c.confirmed;
  }
  return { units: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit)), excluded };
}
