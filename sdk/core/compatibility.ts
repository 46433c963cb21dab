/**
 * Capacity/need compatibility (SPEC §3): type and unit equal, half-open windows
 * overlap, location covers, and the capacity's filter admits the recipient.
 */
import type { Address, Capacity, Need, RecipientFilter, TimeWindow } from "./types.js";
import { normalizeAddress } from "./recognition.js";

/** [a.start, a.end) ∩ [b.start, b.end) ≠ ∅; a missing window is "any time". */
export function windowsOverlap(a: TimeWindow | undefined, b: TimeWindow | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  return a.start < b.end && b.start < a.end;
}

/**
 * A capacity location covers a need location when they are equal or the need's code
 * extends the capacity's at a '-' boundary ("MZ-P" covers "MZ-P-01", not "MZ-PX").
 * A missing location on either side is "anywhere". Codes compare case-sensitively.
 */
export function locationCovers(capacityLocation: string | undefined, needLocation: string | undefined): boolean {
  if (capacityLocation === undefined || needLocation === undefined) return true;
  if (capacityLocation === needLocation) return true;
  return needLocation.length > capacityLocation.length &&
    needLocation.startsWith(capacityLocation) &&
    needLocation.charCodeAt(capacityLocation.length) === 45; /* '-' */
}

/** A recipient filter compiled to a set look-up (addresses compared case-insensitively). */
export type CompiledFilter = (recipient: Address) => boolean;

/** Allow-list: only listed recipients; deny-list: everyone but them; no filter: everyone. */
export function compileFilter(filter: RecipientFilter | undefined): CompiledFilter {
  if (filter === undefined) return () => true;
  if ("allow" in filter) {
    const allowed = new Set(filter.allow.map(normalizeAddress));
    return (r) => allowed.has(normalizeAddress(r));
  }
  const denied = new Set(filter.deny.map(normalizeAddress));
  return (r) => !denied.has(normalizeAddress(r));
}

export function filterAdmits(filter: RecipientFilter | undefined, recipient: Address): boolean {
  return compileFilter(filter)(recipient);
}

/** True when `capacity` may serve `need` at all (recognition is checked separately, by tiers). */
export function isCompatible(capacity: Capacity, need: Need): boolean {
  return capacity.type === need.type &&
    capacity.unit === need.unit &&
    windowsOverlap(capacity.window, need.window) &&
    locationCovers(capacity.location, need.location) &&
    filterAdmits(capacity.filter, need.recipient);
}
