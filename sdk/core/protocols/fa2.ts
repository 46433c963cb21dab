/**
 * FA-2, the default protocol (SPEC §3 "FA-2"; every rule and tie-break in docs/protocol.md §9).
 *
 * Discrete simultaneous filling with Webster slots: a claim (c, r) of weight w (MR(P,r) in tier 1,
 * R[P][r] in tier 2) is due blocks of m = c.minUnit at τ_k = (k − ½)·m/w, k = 1, 2, …. Phase 1 serves
 * the tier-1 slots of every capacity in the order (τ, capacity id, recipient address): the block goes
 * to the recipient's first need in split order with residual ≥ m if the capacity still has a block,
 * otherwise the claim closes. Phase 2 does the same for tier-2 claims on what is left, from τ = 0.
 *
 * Computed in batches of events, not block by block: between two events every live claim gets a
 * block at each of its slots, so its count at position T is ⌊T·w/m + ½⌋. Each constraint — a
 * capacity's last block, a need's residual falling below the largest minUnit aimed at it — knows the
 * slot at which it binds (found from a rate estimate and a short exact walk over slots); a heap takes
 * the earliest; only the claims that constraint touches are brought up to date. Exact bigint
 * rationals throughout; the estimate only chooses where the exact walk starts.
 */
import type { Address, Allocation, AllocationResult, Protocol, Scenario } from "../types.js";
import { EngineError } from "../errors.js";
import { indexRecognition } from "../recognition.js";
import { compareIds, compareStrings } from "../ids.js";
import { capacityClaims, indexNeeds, validateScenario } from "../claims.js";

export const FA2_ID = "fa-2";

/** A position in the slot order: time tn/td (td > 0), then the claim's rank (capacity id, recipient). */
interface Position {
  readonly tn: bigint;
  readonly td: bigint;
  readonly rank: number;
}

const START: Position = { tn: 0n, td: 1n, rank: -1 };

function comparePositions(a: Position, b: Position): number {
  const l = a.tn * b.td;
  const r = b.tn * a.td;
  return l < r ? -1 : l > r ? 1 : a.rank - b.rank;
}

interface NeedState {
  readonly id: string;
  readonly recipient: Address;
  residual: bigint;
  /** Capacities that may serve this need (compatible, recognizing its recipient, quantity >= minUnit): split order. */
  servers: number;
  /** Live claims whose current target is this need. */
  readonly claims: Set<Claim>;
  version: number;
  /** Claims left since the scheduled event was computed: the event may be later than scheduled. */
  dirty: boolean;
}

interface CapacityState {
  readonly id: string;
  readonly provider: Address;
  readonly minUnit: bigint;
  remaining: bigint;
  /** Live claims of the current phase. */
  readonly claims: Set<Claim>;
  readonly allocated: Map<NeedState, { amount: bigint; tier: 1 | 2 }>;
  version: number;
  dirty: boolean;
}

interface Claim {
  readonly cap: CapacityState;
  readonly recipient: Address;
  readonly tier: 1 | 2;
  /** Compatible needs in split order. */
  readonly needs: NeedState[];
  /** Slot k is due at (2k − 1)·a/b: a = m·den(w), b = 2·num(w). */
  readonly a: bigint;
  readonly b: bigint;
  /** Place in the tie order (capacity id, recipient address) among the phase's claims. */
  rank: number;
  /** Index of the current target in `needs`. */
  target: number;
  /** Blocks counted (and delivered) up to the last materialization. */
  mark: bigint;
}

/** Number of the claim's slots at or before `p` (slots at p.tn/p.td count if the claim's rank <= p.rank). */
function countAt(c: Claim, p: Position): bigint {
  if (p.tn === 0n) return 0n;
  const num = p.tn * c.b;
  const den = p.td * c.a;
  // Slots (2k−1)·a/b <= T  <=>  2k−1 <= T·b/a; strictly before: 2k−1 <= (T·b·den − 1)/… in integers.
  const q = c.rank <= p.rank ? num / den : (num - 1n) / den;
  return (q + 1n) / 2n;
}

function slotPosition(c: Claim, k: bigint): Position {
  return { tn: (2n * k - 1n) * c.a, td: c.b, rank: c.rank };
}

/** A small binary heap. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (x: T, y: T) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  peek(): T {
    return this.items[0];
  }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): T {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m])) m = l;
        if (r < a.length && this.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/**
 * The position of the first slot after `from` at which Σ step(c)·(count_c − mark_c) over `claims`
 * reaches `target` (>= 1), every claim being live throughout. Marks must be the counts at `from`.
 * A fixed-point estimate of the combined rate picks a time; an exact walk over slots (a heap,
 * at most about one slot per claim either way) finds the answer.
 */
function bindingPosition(claims: readonly Claim[], step: (c: Claim) => bigint, target: bigint, from: Position): Position {
  let maxA = 0;
  for (const c of claims) maxA = Math.max(maxA, bitLength(c.a));
  const shift = BigInt(32 + maxA);
  // Rate of claim c in steps per unit time: step·b/(2a); fixed point with `shift` fractional bits (>= 1 each).
  let rate = 0n;
  for (const c of claims) rate += (step(c) * c.b << shift) / (2n * c.a);
  // T = from + target/rate.
  const tn = from.tn * rate + (target << shift) * from.td;
  const td = from.td * rate;
  const probe: Position = { tn, td, rank: Number.MAX_SAFE_INTEGER };
  const counts = new Map<Claim, bigint>();
  let reached = 0n;
  for (const c of claims) {
    const k = countAt(c, probe);
    counts.set(c, k);
    reached += step(c) * (k - c.mark);
  }
  if (reached >= target) {
    // Walk back over the latest counted slots while the total stays >= target.
    const heap = new Heap<{ c: Claim; p: Position }>((x, y) => comparePositions(x.p, y.p) > 0);
    for (const c of claims) {
      const k = counts.get(c)!;
      if (k > c.mark) heap.push({ c, p: slotPosition(c, k) });
    }
    for (;;) {
      const top = heap.pop();
      const s = step(top.c);
      if (reached - s < target) return top.p;
      reached -= s;
      const k = counts.get(top.c)! - 1n;
      counts.set(top.c, k);
      if (k > top.c.mark) heap.push({ c: top.c, p: slotPosition(top.c, k) });
    }
  }
  const heap = new Heap<{ c: Claim; p: Position }>((x, y) => comparePositions(x.p, y.p) < 0);
  for (const c of claims) heap.push({ c, p: slotPosition(c, counts.get(c)! + 1n) });
  for (;;) {
    const top = heap.pop();
    reached += step(top.c);
    if (reached >= target) return top.p;
    const k = counts.get(top.c)! + 1n;
    counts.set(top.c, k);
    heap.push({ c: top.c, p: slotPosition(top.c, k + 1n) });
  }
}

type Constraint = { kind: "capacity"; state: CapacityState } | { kind: "need"; state: NeedState };

interface Event {
  readonly at: Position;
  readonly seq: number;
  readonly constraint: Constraint;
  readonly version: number;
}

/** Brings a live claim up to `p`: its blocks since the last mark go to its current target. */
function materialize(c: Claim, p: Position): void {
  const k = countAt(c, p);
  if (k <= c.mark) return;
  const amount = (k - c.mark) * c.cap.minUnit;
  c.mark = k;
  const need = c.needs[c.target];
  need.residual -= amount;
  c.cap.remaining -= amount;
  if (need.residual < 0n || c.cap.remaining < 0n) {
    throw new EngineError("INVARIANT", "FA-2 event order violated", { capacity: c.cap.id, need: need.id });
  }
  const entry = c.cap.allocated.get(need);
  if (entry === undefined) c.cap.allocated.set(need, { amount, tier: c.tier });
  else entry.amount += amount;
}

/** Runs one phase (one tier of every capacity) to its end. Returns the number of events fired. */
function runPhase(claims: Claim[]): number {
  claims.sort((x, y) => compareIds(x.cap.id, y.cap.id) || compareStrings(x.recipient, y.recipient));
  claims.forEach((c, i) => (c.rank = i));
  const heap = new Heap<Event>((x, y) => {
    const d = comparePositions(x.at, y.at);
    return d < 0 || (d === 0 && x.seq < y.seq);
  });
  let seq = 0;

  const schedule = (constraint: Constraint, at: Position): void => {
    const s = constraint.state;
    s.version++;
    s.dirty = false;
    if (s.claims.size === 0) return;
    const live = [...s.claims];
    for (const c of live) materialize(c, at);
    let when: Position;
    if (constraint.kind === "capacity") {
      const blocks = constraint.state.remaining / constraint.state.minUnit;
      when = blocks === 0n ? at : bindingPosition(live, () => 1n, blocks, at);
    } else {
      let largest = 0n;
      for (const c of live) if (c.cap.minUnit > largest) largest = c.cap.minUnit;
      const slack = constraint.state.residual - largest;
      when = slack < 0n ? at : bindingPosition(live, (c) => c.cap.minUnit, slack + 1n, at);
    }
    heap.push({ at: when, seq: seq++, constraint, version: s.version });
  };

  const close = (c: Claim): void => {
    c.cap.claims.delete(c);
    c.cap.dirty = true;
  };

  /** The claim's next need in split order with residual >= m at `at`, or close the claim. */
  const retarget = (c: Claim, at: Position): void => {
    for (let j = c.target + 1; j < c.needs.length; j++) {
      const need = c.needs[j];
      for (const other of need.claims) materialize(other, at);
      if (need.residual >= c.cap.minUnit) {
        c.target = j;
        need.claims.add(c);
        schedule({ kind: "need", state: need }, at);
        return;
      }
    }
    close(c);
  };

  // Initial targets: the first need in split order with residual >= m, if the capacity has a block.
  const caps = new Set<CapacityState>();
  const needs = new Set<NeedState>();
  for (const c of claims) {
    c.mark = 0n;
    if (c.cap.remaining < c.cap.minUnit) continue;
    const j = c.needs.findIndex((n) => n.residual >= c.cap.minUnit);
    if (j < 0) continue;
    c.target = j;
    c.needs[j].claims.add(c);
    c.cap.claims.add(c);
    caps.add(c.cap);
    needs.add(c.needs[j]);
  }
  for (const cap of caps) schedule({ kind: "capacity", state: cap }, START);
  for (const need of needs) schedule({ kind: "need", state: need }, START);

  let events = 0;
  while (heap.size > 0) {
    const e = heap.pop();
    const s = e.constraint.state;
    if (e.version !== s.version) continue;
    if (s.dirty) {
      schedule(e.constraint, e.at);
      continue;
    }
    events++;
    if (e.constraint.kind === "capacity") {
      // The capacity gave its last block at e.at: every claim of it closes.
      const cap = e.constraint.state;
      for (const c of cap.claims) {
        materialize(c, e.at);
        const need = c.needs[c.target];
        need.claims.delete(c);
        need.dirty = true;
      }
      cap.claims.clear();
      cap.version++;
    } else {
      // The need's residual fell below the largest minUnit aimed at it: those claims move on.
      const need = e.constraint.state;
      for (const c of need.claims) materialize(c, e.at);
      for (const c of [...need.claims]) {
        if (c.cap.minUnit > need.residual) {
          need.claims.delete(c);
          retarget(c, e.at);
        }
      }
      schedule(e.constraint, e.at);
    }
  }
  return events;
}

/** Runs FA-2 on a scenario. Pure and deterministic; the result does not depend on input order. */
export function allocate(scenario: Scenario): AllocationResult {
  validateScenario(scenario);
  const recognition = indexRecognition(scenario.recognition);
  const { index: needIndex, states: needStates } = indexNeeds<NeedState>(scenario.needs, (need, recipient) => (
    { id: need.id, recipient, residual: need.quantity, servers: 0, claims: new Set(), version: 0, dirty: false }
  ));
  const sorted = [...scenario.capacities].sort((x, y) => compareIds(x.id, y.id));
  const caps: CapacityState[] = [];
  const phases: [Claim[], Claim[]] = [[], []];
  for (const capacity of sorted) {
    const { provider, tiers } = capacityClaims(capacity, recognition, needIndex);
    const minUnit = capacity.minUnit ?? 1n;
    const cap: CapacityState = {
      id: capacity.id, provider, minUnit, remaining: capacity.quantity,
      claims: new Set(), allocated: new Map(), version: 0, dirty: false,
    };
    caps.push(cap);
    const serves = capacity.quantity >= minUnit && tiers[0].length + tiers[1].length > 0;
    tiers.forEach((list, t) => {
      for (const tc of list) {
        if (serves) for (const n of tc.needs) n.servers++;
        phases[t].push({
          cap, recipient: tc.recipient, tier: (t + 1) as 1 | 2, needs: tc.needs,
          a: minUnit * tc.weight.den, b: 2n * tc.weight.num, rank: 0, target: 0, mark: 0n,
        });
      }
    });
  }
  // Split order of a recipient's needs: fewest servers first, then canonical id.
  for (const phase of phases) for (const c of phase) c.needs.sort((x, y) => x.servers - y.servers || compareIds(x.id, y.id));
  const events = runPhase(phases[0]) + runPhase(phases[1]);

  const allocations: Allocation[] = [];
  for (const cap of caps) {
    for (const [need, { amount, tier }] of cap.allocated) {
      allocations.push({ capacity: cap.id, need: need.id, provider: cap.provider, recipient: need.recipient, amount, tier });
    }
  }
  allocations.sort((x, y) => compareIds(x.capacity, y.capacity) || compareIds(x.need, y.need));
  const unused: Record<string, bigint> = {};
  for (const cap of caps) unused[cap.id] = cap.remaining;
  const unmet: Record<string, bigint> = {};
  for (const need of [...needStates].sort((x, y) => compareIds(x.id, y.id))) unmet[need.id] = need.residual;
  void events; // FA-2 has no rounds; `rounds` is left out.
  return { protocol: FA2_ID, allocations, unmet, unused };
}

/** FA-2 as a Protocol object. */
export const fa2: Protocol = {
  id: FA2_ID,
  name: "FA-2 (Free Association, discrete simultaneous filling)",
  description:
    "Every claim gets blocks of its capacity's minUnit at Webster slots (k − ½)·minUnit/weight, served across " +
    "all capacities in time order (tier 1, then tier 2 on what is left); a block goes to the recipient's first " +
    "need with room, else the claim closes. Needs monotone exactly; one capacity's recognition monotone. See docs/protocol.md.",
  allocate,
};
