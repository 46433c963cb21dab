/**
 * fast-check generators of small scenarios (≤ 6 entities, ≤ 4 capacities, ≤ 6 needs) and
 * independent checkers used by the property tests.
 */
import fc from "fast-check";
import type { Address, AllocationResult, Capacity, Need, Scenario } from "../../sdk/core/index.js";
import { isCompatible, tierOf, indexRecognition } from "../../sdk/core/index.js";
import { addr } from "./fixtures.js";

export const POOL: Address[] = [1, 2, 3, 4, 5, 6].map(addr);
const KINDS = [{ type: "WASH", unit: "L" }, { type: "Health", unit: "kit" }];
const LOCATIONS = ["A", "A-1", "A-2", "B"];

export interface GenOptions {
  /** Allow minUnit > 1 on capacities. */
  readonly minUnits?: boolean;
  readonly maxCapacities?: number;
  /** Only one kind, no windows, no locations, no filters: maximal competition. */
  readonly dense?: boolean;
}

/** `arb` with probability 1/(1+rarity), else undefined. */
function sometimes<T>(arb: fc.Arbitrary<T>, rarity: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: rarity }, { arbitrary: arb, weight: 1 });
}

const sparseWindowArb = sometimes(
  fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 6 })).map(([s, l]) => ({ start: BigInt(s), end: BigInt(s + l) })),
  4,
);
const sparseLocationArb = sometimes(fc.constantFrom(...LOCATIONS), 2);
/** Mostly WASH, so that capacities compete for the same needs. */
const sparseKindArb = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.constant(1), weight: 1 });

/** Half sparse (windows, locations, filters, two kinds), half dense (everyone competes). */
export function scenarioArb(options: GenOptions = {}): fc.Arbitrary<Scenario> {
  return fc.oneof(shapedScenarioArb({ ...options, dense: false }), shapedScenarioArb({ ...options, dense: true }));
}

function shapedScenarioArb(options: GenOptions): fc.Arbitrary<Scenario> {
  const dense = options.dense === true;
  const windowArb = dense ? fc.constant(undefined) : sparseWindowArb;
  const locationArb = dense ? fc.constant(undefined) : sparseLocationArb;
  const kindArb = dense ? fc.constant(0) : sparseKindArb;
  // Each edge may be reciprocated (often), so that both tiers are well populated.
  const edges = fc.array(
    fc.record({ from: fc.nat(5), to: fc.nat(5), points: fc.integer({ min: 0, max: 9 }), back: fc.option(fc.integer({ min: 1, max: 9 }), { freq: 3, nil: undefined }) }),
    { minLength: 3, maxLength: 24 },
  );
  const capacities = fc.array(
    fc.record({
      provider: fc.nat(5),
      kind: kindArb,
      quantity: fc.integer({ min: 0, max: 40 }),
      location: locationArb,
      window: windowArb,
      minUnit: options.minUnits ? sometimes(fc.integer({ min: 1, max: 4 }), 3) : fc.constant(undefined),
      filter: dense ? fc.constant(undefined) : sometimes(fc.record({ mode: fc.constantFrom("allow", "deny"), who: fc.uniqueArray(fc.nat(5), { maxLength: 3 }) }), 8),
    }),
    { minLength: 1, maxLength: options.maxCapacities ?? 4 },
  );
  const needs = fc.array(
    fc.record({ recipient: fc.nat(5), kind: kindArb, quantity: fc.integer({ min: 0, max: 25 }), location: locationArb, window: windowArb }),
    { minLength: 1, maxLength: 7 },
  );
  return fc.record({ edges, capacities, needs }).map(({ edges, capacities, needs }) => {
    const recognition: Record<Address, Record<Address, bigint>> = {};
    for (const e of edges) {
      const from = POOL[e.from];
      (recognition[from] ??= {})[POOL[e.to]] = BigInt(e.points);
      if (e.back !== undefined) (recognition[POOL[e.to]] ??= {})[from] = BigInt(e.back);
    }
    const caps: Capacity[] = capacities.map((c, i) => ({
      id: `c${i}`,
      provider: POOL[c.provider],
      ...KINDS[c.kind],
      quantity: BigInt(c.quantity),
      ...(c.location !== undefined ? { location: c.location } : {}),
      ...(c.window !== undefined ? { window: c.window } : {}),
      ...(c.minUnit !== undefined ? { minUnit: BigInt(c.minUnit) } : {}),
      ...(c.filter !== undefined
        ? { filter: c.filter.mode === "allow" ? { allow: c.filter.who.map((i) => POOL[i]) } : { deny: c.filter.who.map((i) => POOL[i]) } }
        : {}),
    }));
    const ns: Need[] = needs.map((n, i) => ({
      id: `n${i}`,
      recipient: POOL[n.recipient],
      ...KINDS[n.kind],
      quantity: BigInt(n.quantity),
      ...(n.location !== undefined ? { location: n.location } : {}),
      ...(n.window !== undefined ? { window: n.window } : {}),
    }));
    return { recognition, capacities: caps, needs: ns };
  });
}

/** Σ amounts from capacity `c` (optionally only to `recipient`). */
export function fromCapacity(result: AllocationResult, c: string, recipient?: Address): bigint {
  let s = 0n;
  for (const a of result.allocations) if (a.capacity === c && (recipient === undefined || a.recipient === recipient)) s += a.amount;
  return s;
}

export function toNeed(result: AllocationResult, n: string): bigint {
  let s = 0n;
  for (const a of result.allocations) if (a.need === n) s += a.amount;
  return s;
}

/** Σ amounts provider `p` gives recipient `r`. */
export function fromProviderTo(result: AllocationResult, p: Address, r: Address): bigint {
  let s = 0n;
  for (const a of result.allocations) if (a.provider === p && a.recipient === r) s += a.amount;
  return s;
}

/** Needs that capacity `c` may serve: compatible and the recipient has a tier for c's provider. */
export function eligibleNeeds(s: Scenario, c: Capacity): { need: Need; tier: 1 | 2 }[] {
  const index = indexRecognition(s.recognition);
  const out: { need: Need; tier: 1 | 2 }[] = [];
  for (const n of s.needs) {
    if (!isCompatible(c, n)) continue;
    const t = tierOf(index, c.provider, n.recipient);
    if (t !== undefined) out.push({ need: n, tier: t.tier });
  }
  return out;
}

/** Deterministic Fisher–Yates driven by an integer seed. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const RUNS = { numRuns: 1000, seed: 20261126 } as const;
