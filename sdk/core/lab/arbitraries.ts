/**
 * fast-check generators of small scenarios (≤ 6 entities, ≤ 3 capacities, ≤ 4 needs)
 * for the protocol lab. Small on purpose: counterexamples must fit on one screen, and
 * shrinking works on the raw choices (indices, quantities), so removing a recognition
 * edge or a need is one shrink step.
 */
import fc from "fast-check";
import type { Address, Capacity, Need, RecipientFilter, Scenario, TimeWindow } from "../types.js";

/** Readable, distinct addresses: 0x1111…, 0x2222…, … */
export const ENTITY_POOL: readonly Address[] = ["11", "22", "33", "44", "55", "66"].map(
  (byte) => `0x${byte.repeat(20)}` as Address,
);

/** An address no generated entity ever recognizes (used by the Sybil-zero property). */
export const SYBIL: Address = `0x${"5b".repeat(20)}`;

const SECTORS = [
  { type: "WASH", unit: "litre" },
  { type: "Food", unit: "kg" },
] as const;

const WINDOWS: readonly (TimeWindow | undefined)[] = [
  undefined,
  { start: 0n, end: 100n },
  { start: 50n, end: 150n },
  { start: 200n, end: 300n },
];

const LOCATIONS: readonly (string | undefined)[] = [undefined, "MZ", "MZ-P", "MZ-P-01", "MZ-Q"];

const entityIndex = fc.nat({ max: ENTITY_POOL.length - 1 });

/** Raw generated choices; entity indices are taken modulo the scenario's entity count. */
interface RawScenario {
  entities: number;
  /** `back`: points of the reverse edge, when the recognition is reciprocated. */
  edges: { from: number; to: number; points: number; back: number | null }[];
  capacities: {
    provider: number;
    sector: number;
    quantity: number;
    window: number;
    location: number;
    filter: { kind: "allow" | "deny"; members: number[] } | null;
    minUnit: number | null;
  }[];
  needs: { recipient: number; sector: number; quantity: number; window: number; location: number }[];
}

/**
 * Sparse scenarios exercise the constraints (two sectors, windows, locations, filters);
 * dense ones (one sector, no constraints, 2–3 entities, mostly reciprocated recognition,
 * small quantities) make every capacity compete for every need, which is where
 * multi-provider and rounding effects show.
 */
function rawScenario(dense: boolean): fc.Arbitrary<RawScenario> {
  const unconstrained = fc.constant(0);
  const sometimes = (max: number) => (dense ? unconstrained : fc.oneof({ weight: 3, arbitrary: unconstrained }, fc.nat({ max })));
  const sector = dense ? unconstrained : fc.nat({ max: SECTORS.length - 1 });
  const edge = fc.record({
    from: entityIndex,
    to: entityIndex,
    points: fc.integer({ min: 1, max: 10 }),
    back: dense ? fc.option(fc.integer({ min: 1, max: 10 }), { freq: 3, nil: null }) : fc.constant(null),
  });
  return fc.record({
    entities: dense ? fc.integer({ min: 2, max: 3 }) : fc.integer({ min: 2, max: ENTITY_POOL.length }),
    edges: fc.array(edge, { maxLength: 14 }),
    capacities: fc.array(
      fc.record({
        provider: entityIndex,
        sector,
        // Quantities are positive: the registries refuse zero (ZeroQuantity).
        quantity: fc.integer({ min: 1, max: dense ? 40 : 120 }),
        window: sometimes(WINDOWS.length - 1),
        location: sometimes(LOCATIONS.length - 1),
        filter: dense
          ? fc.constant(null)
          : fc.oneof(
              { weight: 4, arbitrary: fc.constant(null) },
              // A filter lists at least one address: the registry refuses an empty list.
              fc.record({ kind: fc.constantFrom("allow" as const, "deny" as const), members: fc.array(entityIndex, { minLength: 1, maxLength: 3 }) }),
            ),
        minUnit: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.constantFrom(2, 3, 5, 10)),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    needs: fc.array(
      fc.record({
        recipient: entityIndex,
        sector,
        quantity: fc.integer({ min: 1, max: dense ? 30 : 80 }),
        window: sometimes(WINDOWS.length - 1),
        location: sometimes(LOCATIONS.length - 1),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  });
}

/** Copies only the optional fields that are set, so scenarios print without `undefined`s. */
function withOptional<T extends object>(base: T, optional: Record<string, unknown>): T {
  const set = Object.entries(optional).filter(([, v]) => v !== undefined && v !== null);
  return { ...base, ...Object.fromEntries(set) };
}

function toScenario(raw: RawScenario): Scenario {
  const entity = (i: number): Address => ENTITY_POOL[i % raw.entities];
  const recognition: Record<Address, Record<Address, bigint>> = {};
  for (const edge of raw.edges) {
    const from = entity(edge.from);
    const to = entity(edge.to);
    recognition[from] = { ...recognition[from], [to]: BigInt(edge.points) };
    if (edge.back !== null) recognition[to] = { ...recognition[to], [from]: BigInt(edge.back) };
  }
  const capacities = raw.capacities.map((c, i): Capacity => {
    const sector = SECTORS[c.sector];
    const members = c.filter === null ? [] : [...new Set(c.filter.members.map(entity))];
    const filter: RecipientFilter | undefined =
      c.filter === null ? undefined : c.filter.kind === "allow" ? { allow: members } : { deny: members };
    return withOptional(
      { id: `c${i + 1}`, provider: entity(c.provider), type: sector.type, unit: sector.unit, quantity: BigInt(c.quantity) },
      { window: WINDOWS[c.window], location: LOCATIONS[c.location], filter, minUnit: c.minUnit === null ? undefined : BigInt(c.minUnit) },
    );
  });
  const needs = raw.needs.map((n, i): Need => {
    const sector = SECTORS[n.sector];
    return withOptional(
      { id: `n${i + 1}`, recipient: entity(n.recipient), type: sector.type, unit: sector.unit, quantity: BigInt(n.quantity) },
      { window: WINDOWS[n.window], location: LOCATIONS[n.location] },
    );
  });
  return { recognition, capacities, needs };
}

/** Small random scenarios; every capacity and need id is unique (c1…, n1…). */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.oneof(rawScenario(false), rawScenario(true)).map(toScenario);

const WASH = SECTORS[0];

/**
 * Dense stress scenarios (need monotonicity, cross-capacity recognition): one sector, two
 * entities P and Y — P recognizes itself and Y, Y recognizes P (and sometimes itself) — 2–4
 * capacities, mostly P's, with coarse minUnits 1–5 and quantities 3–30, and one need each (1–25).
 * The need case of docs/protocol.md §9 has this shape; FA-1 fails about 1 input in 700 of it.
 */
export const stressScenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    pSelf: fc.integer({ min: 1, max: 4 }),
    pY: fc.integer({ min: 1, max: 4 }),
    yP: fc.integer({ min: 1, max: 4 }),
    ySelf: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    capacities: fc.array(
      fc.record({ byY: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true)), quantity: fc.integer({ min: 3, max: 30 }), minUnit: fc.integer({ min: 1, max: 5 }) }),
      { minLength: 2, maxLength: 4 },
    ),
    needP: fc.integer({ min: 1, max: 25 }),
    needY: fc.integer({ min: 1, max: 25 }),
  })
  .map(({ pSelf, pY, yP, ySelf, capacities, needP, needY }): Scenario => {
    const [P, Y] = ENTITY_POOL;
    return {
      recognition: { [P]: { [P]: BigInt(pSelf), [Y]: BigInt(pY) }, [Y]: { [P]: BigInt(yP), ...(ySelf === null ? {} : { [Y]: BigInt(ySelf) }) } },
      capacities: capacities.map((c, i): Capacity => ({ id: `c${i + 1}`, provider: c.byY ? Y : P, ...WASH, quantity: BigInt(c.quantity), minUnit: BigInt(c.minUnit) })),
      needs: [
        { id: "n1", recipient: P, ...WASH, quantity: BigInt(needP) },
        { id: "n2", recipient: Y, ...WASH, quantity: BigInt(needY) },
      ],
    };
  });

/**
 * Single-capacity scenarios, both tiers (per-capacity recognition monotonicity): P (entity 1)
 * provides one capacity (quantity 1–12, minUnit 1 or 2–5) to 3–4 recipients it recognizes with
 * 1–50 points; most recognize P back (tier 1), some do not (tier 2), and each also recognizes an
 * outsider (entity 6), so their own side often bounds their mutual weight. Needs 4–40. This is
 * where largest remainder's population paradox (S1) shows: FA-1 fails about 1 input in 1,000.
 */
export const singleCapacityArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    recipients: fc.array(
      fc.record({
        given: fc.integer({ min: 1, max: 50 }),
        back: fc.option(fc.integer({ min: 1, max: 50 }), { freq: 6, nil: null }),
        outside: fc.nat({ max: 60 }),
        need: fc.integer({ min: 4, max: 40 }),
      }),
      { minLength: 3, maxLength: 4 },
    ),
    quantity: fc.integer({ min: 1, max: 12 }),
    minUnit: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 5 })),
  })
  .map(({ recipients, quantity, minUnit }): Scenario => {
    const P = ENTITY_POOL[0];
    const outsider = ENTITY_POOL[ENTITY_POOL.length - 1];
    const recognition: Record<Address, Record<Address, bigint>> = { [P]: {} };
    const needs: Need[] = [];
    recipients.forEach((r, i) => {
      const X = ENTITY_POOL[i + 1];
      recognition[P][X] = BigInt(r.given);
      const row: Record<Address, bigint> = {};
      if (r.back !== null) row[P] = BigInt(r.back);
      if (r.outside > 0) row[outsider] = BigInt(r.outside);
      recognition[X] = row;
      needs.push({ id: `n${i + 1}`, recipient: X, ...WASH, quantity: BigInt(r.need) });
    });
    return {
      recognition,
      capacities: [{ id: "c1", provider: P, ...WASH, quantity: BigInt(quantity), ...(minUnit > 1 ? { minUnit: BigInt(minUnit) } : {}) }],
      needs,
    };
  });

/** A scenario plus choices a property uses to pick what to change (taken modulo sizes). */
export interface ScenarioWithPicks {
  readonly scenario: Scenario;
  readonly capacityPick: number;
  readonly needPick: number;
  readonly delta: number;
}

/** `scenarios` with picks; raises of 1 to `maxDelta`. */
export function withPicks(scenarios: fc.Arbitrary<Scenario>, maxDelta = 50): fc.Arbitrary<ScenarioWithPicks> {
  return fc.record({
    scenario: scenarios,
    capacityPick: fc.nat({ max: 5 }),
    needPick: fc.nat({ max: 5 }),
    delta: fc.integer({ min: 1, max: maxDelta }),
  });
}

export const scenarioWithPicksArbitrary: fc.Arbitrary<ScenarioWithPicks> = fc.record({
  scenario: scenarioArbitrary,
  capacityPick: fc.nat({ max: 5 }),
  needPick: fc.nat({ max: 5 }),
  delta: fc.integer({ min: 1, max: 50 }),
});

/** Every generated input: the lab's small scenarios and the dense stress ones, half each. */
/** Stress scenarios with small raises (1–3 units or points): rounding effects need them. */
export const stressWithPicks: fc.Arbitrary<ScenarioWithPicks> = withPicks(stressScenarioArbitrary, 3);
export const anyScenarioWithPicks: fc.Arbitrary<ScenarioWithPicks> = fc.oneof(scenarioWithPicksArbitrary, stressWithPicks);
export const singleCapacityWithPicks: fc.Arbitrary<ScenarioWithPicks> = withPicks(singleCapacityArbitrary);
