/**
 * What FA-1 and FA-2 share (SPEC §3): scenario validation, the index of needs by recipient and
 * kind, and the claims of a capacity — its recognized recipients with compatible needs, split in
 * tiers with their exact weights (tier 1: MR(P,r); tier 2: R[P][r]).
 */
import type { Address, Capacity, Need, Scenario } from "./types.js";
import { EngineError } from "./errors.js";
import { compileFilter, locationCovers, windowsOverlap } from "./compatibility.js";
import { normalizeAddress, type RecognitionIndex } from "./recognition.js";
import { rational, type Rational } from "./rational.js";
import { compareStrings } from "./ids.js";

/** Rejects duplicate ids, negative quantities, minUnit <= 0 and empty windows (field and value in details). */
export function validateScenario(scenario: Scenario): void {
  const capIds = new Set<string>();
  for (const c of scenario.capacities) {
    if (capIds.has(c.id)) throw new EngineError("DUPLICATE_ID", "duplicate capacity id", { capacity: c.id });
    capIds.add(c.id);
    if (c.quantity < 0n) throw new EngineError("NEGATIVE_QUANTITY", "capacity quantity must be >= 0", { capacity: c.id, quantity: c.quantity });
    if (c.minUnit !== undefined && c.minUnit <= 0n) throw new EngineError("INVALID_MIN_UNIT", "minUnit must be > 0", { capacity: c.id, minUnit: c.minUnit });
    if (c.window !== undefined && c.window.end <= c.window.start) throw new EngineError("INVALID_WINDOW", "window end must be after start", { capacity: c.id, window: c.window });
  }
  const needIds = new Set<string>();
  for (const n of scenario.needs) {
    if (needIds.has(n.id)) throw new EngineError("DUPLICATE_ID", "duplicate need id", { need: n.id });
    needIds.add(n.id);
    if (n.quantity < 0n) throw new EngineError("NEGATIVE_QUANTITY", "need quantity must be >= 0", { need: n.id, quantity: n.quantity });
    if (n.window !== undefined && n.window.end <= n.window.start) throw new EngineError("INVALID_WINDOW", "window end must be after start", { need: n.id, window: n.window });
  }
}

/** recipient -> "type\0unit" -> needs with a protocol's per-need state. */
export type NeedIndex<S> = Map<Address, Map<string, { need: Need; state: S }[]>>;

/** Indexes needs by recipient and kind; `makeState` builds each need's protocol state (kept in input order in `states`). */
export function indexNeeds<S>(needs: readonly Need[], makeState: (need: Need, recipient: Address) => S): { index: NeedIndex<S>; states: S[] } {
  const index: NeedIndex<S> = new Map();
  const states: S[] = [];
  for (const need of needs) {
    const recipient = normalizeAddress(need.recipient);
    const state = makeState(need, recipient);
    states.push(state);
    let byKind = index.get(recipient);
    if (byKind === undefined) index.set(recipient, (byKind = new Map()));
    const kind = need.type + "\u0000" + need.unit;
    let list = byKind.get(kind);
    if (list === undefined) byKind.set(kind, (list = []));
    list.push({ need, state });
  }
  return { index, states };
}

/** One recognized recipient of a capacity with its exact tier weight and compatible needs (input order). */
export interface TierClaim<S> {
  readonly recipient: Address;
  readonly weight: Rational;
  readonly needs: S[];
}

/** Tier 1 weight MR(P,r) = min(p[P][r]/T_P, p[r][P]/T_r), compared by cross-multiplication. */
function mutualWeight(pPr: bigint, tP: bigint, pRp: bigint, tR: bigint): Rational {
  return pPr * tR <= pRp * tP ? rational(pPr, tP) : rational(pRp, tR);
}

/**
 * The claims of `capacity`: tier 1 (MR > 0, weight MR) and tier 2 (R[P][r] > 0, MR = 0, weight
 * R[P][r]), each sorted by recipient address; recipients without a compatible need are left out.
 */
export function capacityClaims<S>(
  capacity: Capacity,
  recognition: RecognitionIndex,
  needIndex: NeedIndex<S>,
): { provider: Address; tiers: [TierClaim<S>[], TierClaim<S>[]] } {
  const provider = normalizeAddress(capacity.provider);
  const admits = compileFilter(capacity.filter);
  const kind = capacity.type + "\u0000" + capacity.unit;
  const tier1: TierClaim<S>[] = [];
  const tier2: TierClaim<S>[] = [];
  const given = recognition.row(provider);
  const tP = recognition.total(provider);
  if (given !== undefined) {
    for (const [recipient, pPr] of given) {
      const candidates = needIndex.get(recipient)?.get(kind);
      if (candidates === undefined || !admits(recipient)) continue;
      const needs: S[] = [];
      for (const { need, state } of candidates) {
        if (windowsOverlap(capacity.window, need.window) && locationCovers(capacity.location, need.location)) needs.push(state);
      }
      if (needs.length === 0) continue;
      const pRp = recognition.row(recipient)?.get(provider) ?? 0n;
      if (pRp > 0n) tier1.push({ recipient, weight: mutualWeight(pPr, tP, pRp, recognition.total(recipient)), needs });
      else tier2.push({ recipient, weight: rational(pPr, tP), needs });
    }
  }
  tier1.sort((a, b) => compareStrings(a.recipient, b.recipient));
  tier2.sort((a, b) => compareStrings(a.recipient, b.recipient));
  return { provider, tiers: [tier1, tier2] };
}
