/**
 * FA-1 (SPEC §3; normative description with every rounding rule in docs/protocol.md).
 *
 * Outline: per capacity, the recipients its provider recognizes are split in tiers; each
 * round every capacity with quantity left water-fills tier 1 then tier 2 at RECIPIENT level
 * (demand = Σ residuals of the recipient's compatible needs, in minUnits), splits each
 * recipient's amount over its needs (fewest possible servers first, then id), and offers it.
 * Offers above a need's residual are scaled down (scaleOffers). Accepted amounts reduce
 * the capacities and the needs; rounds repeat until no capacity can offer anything.
 */
import type { Address, Allocation, AllocationResult, Capacity, Protocol, Scenario } from "../types.js";
import { EngineError } from "../errors.js";
import { indexRecognition, type RecognitionIndex } from "../recognition.js";
import { integerWeights, waterFillIntegers } from "../waterFill.js";
import { scaleOffers } from "../scaleOffers.js";
import type { Rational } from "../rational.js";
import { compareIds } from "../ids.js";
import { capacityClaims, indexNeeds, validateScenario, type NeedIndex } from "../claims.js";

export const FA1_ID = "fa-1";

interface NeedState {
  readonly id: string;
  readonly recipient: Address;
  readonly quantity: bigint;
  residual: bigint;
  /** Number of capacities that may serve this need: compatible, recognizing its recipient, quantity >= minUnit. */
  servers: number;
  /** Offers received in the current round (reset after each round). */
  offers: { cap: CapacityState; amount: bigint }[];
}

/** One recipient of a capacity: its tier weight (integer, scaled within the tier) and compatible needs. */
interface Claim {
  readonly recipient: Address;
  readonly weight: bigint;
  /** The same weight as a small rational (sorting only; see waterFillIntegers). */
  readonly ratio: Rational;
  /** Compatible needs in split order: fewest servers first, then canonical id. */
  readonly needs: NeedState[];
}

interface CapacityState {
  readonly capacity: Capacity;
  readonly id: string;
  readonly provider: Address;
  readonly minUnit: bigint;
  remaining: bigint;
  /** Tier 1 and tier 2 claims, each sorted by recipient address. */
  readonly tiers: readonly [readonly Claim[], readonly Claim[]];
  readonly tierOf: ReadonlyMap<Address, 1 | 2>;
  readonly allocated: Map<NeedState, bigint>;
  alive: boolean;
}

function splitOrder(a: NeedState, b: NeedState): number {
  return a.servers - b.servers || compareIds(a.id, b.id);
}

function buildCapacity(capacity: Capacity, recognition: RecognitionIndex, needIndex: NeedIndex<NeedState>): CapacityState {
  const { provider, tiers } = capacityClaims(capacity, recognition, needIndex);
  const tierOf = new Map<Address, 1 | 2>();
  const scaled = tiers.map((claims, t) => {
    const weights = integerWeights(claims.map((c) => c.weight)).weights;
    return claims.map((c, i): Claim => {
      tierOf.set(c.recipient, (t + 1) as 1 | 2);
      return { recipient: c.recipient, weight: weights[i], ratio: c.weight, needs: c.needs };
    });
  });
  const minUnit = capacity.minUnit ?? 1n;
  return {
    capacity,
    id: capacity.id,
    provider,
    minUnit,
    remaining: capacity.quantity,
    tiers: [scaled[0], scaled[1]],
    tierOf,
    allocated: new Map(),
    alive: capacity.quantity >= minUnit && scaled[0].length + scaled[1].length > 0,
  };
}

/**
 * One capacity's offers for this round, pushed onto the needs' offer lists.
 * Returns false when the capacity can never offer again (no units or no demand left).
 */
function offer(cap: CapacityState, touched: NeedState[]): boolean {
  const m = cap.minUnit;
  let units = cap.remaining / m;
  if (units === 0n) return false;
  let anyDemand = false;
  for (const claims of cap.tiers) {
    if (units === 0n) break;
    const weights: bigint[] = [];
    const demands: bigint[] = [];
    const keys: string[] = [];
    const ratios: Rational[] = [];
    const active: Claim[] = [];
    for (const claim of claims) {
      let demand = 0n;
      for (const need of claim.needs) demand += need.residual / m;
      if (demand === 0n) continue;
      weights.push(claim.weight);
      demands.push(demand);
      keys.push(claim.recipient);
      ratios.push(claim.ratio);
      active.push(claim);
    }
    if (active.length === 0) continue;
    anyDemand = true;
    const { amounts } = waterFillIntegers(units, weights, demands, keys, ratios);
    for (let i = 0; i < active.length; i++) {
      const amount = amounts[i];
      if (amount === 0n) continue;
      units -= amount;
      // Split the recipient's amount over its compatible needs in split order (fewest
      // servers, then id), each filled up to its residual before the next (docs/protocol.md §3):
      // exact, no rounding, and a recipient gains nothing by splitting one need into many.
      let left = amount;
      for (const need of active[i].needs) {
        if (left === 0n) break;
        const room = need.residual / m;
        if (room === 0n) continue;
        const take = room < left ? room : left;
        left -= take;
        if (need.offers.length === 0) touched.push(need);
        need.offers.push({ cap, amount: take * m });
      }
    }
  }
  return anyDemand;
}

/** Runs FA-1 on a scenario. Pure and deterministic; the result does not depend on input order. */
export function allocate(scenario: Scenario): AllocationResult {
  validateScenario(scenario);
  const recognition = indexRecognition(scenario.recognition);
  const { index: needIndex, states: needStates } = indexNeeds<NeedState>(scenario.needs, (need, recipient) => (
    { id: need.id, recipient, quantity: need.quantity, residual: need.quantity, servers: 0, offers: [] }
  ));
  const caps = scenario.capacities.map((c) => buildCapacity(c, recognition, needIndex));
  // Split order of a recipient's needs: the need fewest capacities can serve first (so a
  // capacity does not spend itself on a need others could cover), then canonical id.
  for (const c of caps) if (c.alive) for (const t of c.tiers) for (const claim of t) for (const n of claim.needs) n.servers++;
  for (const c of caps) for (const t of c.tiers) for (const claim of t) claim.needs.sort(splitOrder);
  let pairs = 0;
  for (const c of caps) for (const t of c.tiers) for (const claim of t) pairs += claim.needs.length;
  // Termination (docs/protocol.md §6): every round that offers anything either ends at the
  // fixed point or fully serves a need or kills a (capacity, need) pair.
  const roundLimit = needStates.length + pairs + 2;

  let live = caps.filter((c) => c.alive);
  let rounds = 0;
  for (;;) {
    const touched: NeedState[] = [];
    for (const cap of live) cap.alive = offer(cap, touched);
    if (touched.length === 0) break;
    if (++rounds > roundLimit) throw new EngineError("ROUND_LIMIT", "FA-1 did not reach its fixed point", { rounds, roundLimit });
    for (const need of touched) {
      const accepted = scaleOffers(need.residual, need.offers.map((o) => ({ key: o.cap.id, amount: o.amount, minUnit: o.cap.minUnit })));
      for (let i = 0; i < need.offers.length; i++) {
        const a = accepted[i];
        if (a === 0n) continue;
        const cap = need.offers[i].cap;
        cap.remaining -= a;
        need.residual -= a;
        cap.allocated.set(need, (cap.allocated.get(need) ?? 0n) + a);
      }
      need.offers = [];
    }
    live = live.filter((c) => c.alive);
  }

  const allocations: Allocation[] = [];
  for (const cap of caps) {
    for (const [need, amount] of cap.allocated) {
      allocations.push({
        capacity: cap.id,
        need: need.id,
        provider: cap.provider,
        recipient: need.recipient,
        amount,
        tier: cap.tierOf.get(need.recipient)!,
      });
    }
  }
  allocations.sort((a, b) => compareIds(a.capacity, b.capacity) || compareIds(a.need, b.need));
  // Records are filled in id order so that even their key order is input-independent.
  const unused: Record<string, bigint> = {};
  for (const cap of [...caps].sort((a, b) => compareIds(a.id, b.id))) unused[cap.id] = cap.remaining;
  const unmet: Record<string, bigint> = {};
  for (const need of [...needStates].sort((a, b) => compareIds(a.id, b.id))) unmet[need.id] = need.residual;
  return { protocol: FA1_ID, allocations, unmet, unused, rounds };
}

/** FA-1 as a Protocol object. */
export const fa1: Protocol = {
  id: FA1_ID,
  name: "FA-1 (Free Association, first protocol)",
  description:
    "Per capacity: water-fill mutual-recognition recipients (tier 1) then one-way recognized ones (tier 2) " +
    "at recipient level, capped at residual need; joint rounds across capacities scale over-offered needs " +
    "down proportionally until the fixed point. Exact integers; see docs/protocol.md.",
  allocate,
};
