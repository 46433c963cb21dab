/**
 * SPEC §3 compatibility of a capacity and a need, for the lab's "no waste" check.
 * A local copy until the FA-1 engine's helper lands (deduplicate at merge; the engine's
 * definition is normative).
 */
import type { Address, Capacity, Need, RecognitionPoints, TimeWindow } from "../types.js";

export function points(recognition: RecognitionPoints, from: Address, to: Address): bigint {
  return recognition[from]?.[to] ?? 0n;
}

function windowsOverlap(a: TimeWindow | undefined, b: TimeWindow | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  return a.start < b.end && b.start < a.end;
}

function locationCovers(capacity: string | undefined, need: string | undefined): boolean {
  if (capacity === undefined || need === undefined) return true;
  return need === capacity || need.startsWith(`${capacity}-`);
}

function filterAdmits(capacity: Capacity, recipient: Address): boolean {
  const filter = capacity.filter;
  if (filter === undefined) return true;
  if ("allow" in filter) return filter.allow.includes(recipient);
  return !filter.deny.includes(recipient);
}

export function compatible(capacity: Capacity, need: Need): boolean {
  return (
    capacity.type === need.type &&
    capacity.unit === need.unit &&
    windowsOverlap(capacity.window, need.window) &&
    locationCovers(capacity.location, need.location) &&
    filterAdmits(capacity, need.recipient)
  );
}
