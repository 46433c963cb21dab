/**
 * "need-weighted": the single-pass rule of the reference implementation, kept as a
 * contrast to FA-1 so `fa axioms` has something to tell apart.
 *
 * For each capacity c of provider P with quantity Q, every compatible need n of a
 * recipient r that P recognizes (p[P][r] > 0) gets
 *
 *     floor(Q · w_r · d_n / Σ w · d)   with w = R[P][r], d = need quantity,
 *
 * rounded down to c's minUnit and capped at d_n. R[P][r] = p[P][r] / Σ p[P][·], and the
 * common denominator cancels, so the computation uses integer points only (exact).
 *
 * What it does NOT do, on purpose (this is the contrast):
 * - no redistribution: what a capped need does not take stays unused, even if other
 *   recognized needs still want it (it wastes capacity);
 * - no coordination across capacities: each capacity caps its allocation at the need's
 *   full quantity, so two providers can together give a need more than it needs.
 *   `unmet` is then 0 for that need (never negative) — the conservation check of the
 *   protocol lab reports the excess.
 * Tiers are reported (1 when r also recognizes P, else 2) but do not change the amounts.
 * Compatibility and recognition come from the engine (the same rules as FA-1).
 */
import type { Allocation, AllocationResult, Capacity, Need, Protocol, Scenario } from "../types.js";
import { isCompatible } from "../compatibility.js";
import { compareIds } from "../ids.js";
import { indexRecognition, pointsOf, type RecognitionIndex } from "../recognition.js";

/** One capacity's allocations: proportional to points × need, floored, capped, no second pass. */
function allocateCapacity(capacity: Capacity, needs: readonly Need[], recognition: RecognitionIndex): Allocation[] {
  const eligible = needs
    .filter((n) => isCompatible(capacity, n))
    .map((n) => ({ need: n, weight: pointsOf(recognition, capacity.provider, n.recipient) * n.quantity }))
    .filter((e) => e.weight > 0n);
  const totalWeight = eligible.reduce((sum, e) => sum + e.weight, 0n);
  if (totalWeight === 0n) return [];
  const step = capacity.minUnit ?? 1n;
  const allocations: Allocation[] = [];
  for (const { need, weight } of eligible) {
    const raw = (capacity.quantity * weight) / totalWeight;
    const capped = raw < need.quantity ? raw : need.quantity;
    const amount = capped - (capped % step);
    if (amount === 0n) continue;
    const mutual = pointsOf(recognition, need.recipient, capacity.provider) > 0n;
    allocations.push({
      capacity: capacity.id,
      need: need.id,
      provider: capacity.provider,
      recipient: need.recipient,
      amount,
      tier: mutual ? 1 : 2,
    });
  }
  return allocations;
}

/** The engine's canonical order (numeric ids first, as numbers), as FA-1 sorts. */
function byCapacityThenNeed(a: Allocation, b: Allocation): number {
  return compareIds(a.capacity, b.capacity) || compareIds(a.need, b.need);
}

function allocate(scenario: Scenario): AllocationResult {
  const recognition = indexRecognition(scenario.recognition);
  const allocations = scenario.capacities
    .flatMap((c) => allocateCapacity(c, scenario.needs, recognition))
    .sort(byCapacityThenNeed);
  const given = new Map<string, bigint>();
  const received = new Map<string, bigint>();
  for (const a of allocations) {
    given.set(a.capacity, (given.get(a.capacity) ?? 0n) + a.amount);
    received.set(a.need, (received.get(a.need) ?? 0n) + a.amount);
  }
  const unused: Record<string, bigint> = {};
  for (const c of [...scenario.capacities].sort((a, b) => compareIds(a.id, b.id))) unused[c.id] = c.quantity - (given.get(c.id) ?? 0n);
  const unmet: Record<string, bigint> = {};
  for (const n of [...scenario.needs].sort((a, b) => compareIds(a.id, b.id))) {
    const rest = n.quantity - (received.get(n.id) ?? 0n);
    unmet[n.id] = rest > 0n ? rest : 0n;
  }
  return { protocol: "need-weighted", allocations, unmet, unused, rounds: 1 };
}

export const needWeighted: Protocol = {
  id: "need-weighted",
  name: "Need-weighted single pass",
  description:
    "Each capacity is split among the needs its provider recognizes, in proportion to recognition × need, " +
    "capped at each need; no redistribution and no coordination across providers.",
  allocate,
};
