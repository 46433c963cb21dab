/**
 * The lab's compatibility property (SPEC §3): every allocation goes from a capacity to a need it may
 * serve — same sector and unit, overlapping windows, a location the capacity covers, a recipient its
 * filter admits — in a multiple of the capacity's minUnit, between the capacity's provider and the
 * need's recipient. The rules are restated here from the spec, not taken from the engine's
 * compatibility.ts, so a protocol (or an engine change) that drops a check is caught.
 */
import type { Allocation, Capacity, Need, TimeWindow } from "../types.js";
import type { AxiomProperty, Violation } from "./properties.js";

const lower = (a: string) => a.toLowerCase();

/** Half-open windows [start, end) share an instant; no window means any time. */
function overlaps(a: TimeWindow | undefined, b: TimeWindow | undefined): boolean {
  return a === undefined || b === undefined || (a.start < b.end && b.start < a.end);
}

/** "MZ-P" covers "MZ-P" and "MZ-P-01" (a '-' boundary), not "MZ-PX"; no location means anywhere. */
function covers(capacity: string | undefined, need: string | undefined): boolean {
  if (capacity === undefined || need === undefined) return true;
  const parts = (code: string) => code.split("-");
  const c = parts(capacity);
  const n = parts(need);
  return c.length <= n.length && c.every((part, i) => part === n[i]);
}

function admits(capacity: Capacity, recipient: string): boolean {
  const filter = capacity.filter;
  if (filter === undefined) return true;
  if ("allow" in filter) return filter.allow.some((a) => lower(a) === lower(recipient));
  return !filter.deny.some((a) => lower(a) === lower(recipient));
}

/** What is wrong with one allocation, or undefined. */
function incompatibility(a: Allocation, capacity: Capacity | undefined, need: Need | undefined): string | undefined {
  const what = `${a.amount} from ${a.capacity} to ${a.need}`;
  if (capacity === undefined) return `${what}: no capacity ${a.capacity} in the input`;
  if (need === undefined) return `${what}: no need ${a.need} in the input`;
  if (lower(a.provider) !== lower(capacity.provider)) return `${what}: provider ${a.provider} is not the capacity's ${capacity.provider}`;
  if (lower(a.recipient) !== lower(need.recipient)) return `${what}: recipient ${a.recipient} is not the need's ${need.recipient}`;
  if (capacity.type !== need.type) return `${what}: sector ${capacity.type} ≠ ${need.type}`;
  if (capacity.unit !== need.unit) return `${what}: unit ${capacity.unit} ≠ ${need.unit}`;
  if (!overlaps(capacity.window, need.window)) {
    return `${what}: windows [${capacity.window!.start}, ${capacity.window!.end}) and [${need.window!.start}, ${need.window!.end}) do not overlap`;
  }
  if (!covers(capacity.location, need.location)) return `${what}: location ${capacity.location} does not cover ${need.location}`;
  if (!admits(capacity, need.recipient)) return `${what}: the capacity's filter does not admit ${need.recipient}`;
  if (capacity.minUnit !== undefined && capacity.minUnit > 1n && a.amount % capacity.minUnit !== 0n) {
    return `${what}: not a multiple of minUnit ${capacity.minUnit}`;
  }
  return undefined;
}

export const compatibility: AxiomProperty = {
  id: "consistency.compatibility",
  axiom: "consistency",
  title: "every allocation serves a compatible need (sector, unit, window, location, filter, minUnit)",
  check(protocol, { scenario }): Violation | undefined {
    const capacities = new Map(scenario.capacities.map((c) => [c.id, c]));
    const needs = new Map(scenario.needs.map((n) => [n.id, n]));
    for (const a of protocol.allocate(scenario).allocations) {
      if (a.amount === 0n) continue;
      const wrong = incompatibility(a, capacities.get(a.capacity), needs.get(a.need));
      if (wrong !== undefined) return { detail: wrong };
    }
    return undefined;
  },
};
