/**
 * Why each allocation is the amount it is, in plain words (issue 11). Pure, no heavy imports.
 *
 * Reasons are read off the inputs (recognition, compatibility, quantities, minUnit) and the result
 * (amounts, unmet, unused): this file never re-runs an allocation. A slot's *share* is its
 * recipient's recognition weight divided by the total weight of the capacity's recipients in the
 * same group (mutual recognition first, then one-way) that have a compatible need.
 */
import type { Address, AllocationResult, Capacity, Need, Scenario } from "./types.js";
import { indexRecognition, normalizeAddress } from "./recognition.js";
import { isCompatible } from "./compatibility.js";
import { tierOf } from "./tiers.js";
import { rational, type Rational } from "./rational.js";

export interface SlotExplanation {
  readonly capacity: string;
  readonly need: string;
  readonly recipient: Address;
  readonly amount: bigint;
  /** 1 = mutual recognition (served first), 2 = one-way recognition (served from what is left). */
  readonly tier: 1 | 2;
  /** The recipient's recognition weight within its group for this capacity (shares in a group sum to 1). */
  readonly share: Rational;
  /** What this slot got out of everything the capacity gave to the group. */
  readonly received: Rational;
  /** The need's quantity at the snapshot, and what is left of it after every provider. */
  readonly needQuantity: bigint;
  readonly needLeft: bigint;
  /** The need is met (what is left is below one lot of this capacity). */
  readonly cappedAtNeed: boolean;
  /** Other capacities that also give to this need, and how much they give in total. */
  readonly otherProviders: number;
  readonly fromOthers: bigint;
  /** Compatible capacities' total quantity aimed at this need exceeded it: each gives less. */
  readonly scaledByOthers: boolean;
  /** Lot size of the capacity (1 when indivisible rounding does not apply). */
  readonly minUnit: bigint;
  /** The capacity gives in lots > 1 and the need is left with less than a lot. */
  readonly roundedToLot: boolean;
  /** One plain-language line. */
  readonly why: string;
}

export interface CapacityExplanation {
  readonly capacity: string;
  readonly quantity: bigint;
  readonly committed: bigint;
  readonly uncommitted: bigint;
  /** Σ quantity of the needs this capacity could serve (recognized recipients, compatible needs). */
  readonly compatibleNeed: bigint;
  /** Why part is left, in plain words; undefined when all is committed. */
  readonly whyUncommitted?: string;
}

export interface Explanation {
  readonly slots: readonly SlotExplanation[];
  readonly capacities: readonly CapacityExplanation[];
}

function pct(r: Rational): string {
  if (r.den === 0n) return "0 %";
  const tenths = Number((r.num * 1000n + r.den / 2n) / r.den) / 10;
  return `${tenths.toFixed(1)} %`;
}

/** 12345 -> "12,345": amounts read as in the dapp. */
function grouped(x: bigint): string {
  return x.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function compare(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Explains `result`, computed by a protocol on `scenario`, slot by slot and capacity by capacity. */
export function explainAllocations(scenario: Scenario, result: AllocationResult): Explanation {
  const index = indexRecognition(scenario.recognition);
  const needs = new Map<string, Need>(scenario.needs.map((n) => [n.id, n]));
  const caps = new Map<string, Capacity>(scenario.capacities.map((c) => [c.id, c]));
  const byNeed = new Map<string, { capacity: string; amount: bigint }[]>();
  const byCapTier = new Map<string, bigint>();
  for (const a of result.allocations) {
    const list = byNeed.get(a.need) ?? [];
    list.push({ capacity: a.capacity, amount: a.amount });
    byNeed.set(a.need, list);
    const k = a.capacity + "\u0000" + a.tier;
    byCapTier.set(k, (byCapTier.get(k) ?? 0n) + a.amount);
  }

  /** Recipients (with weight) of capacity c in each group that have a compatible need; and those needs. */
  const claimants = (c: Capacity) => {
    const provider = normalizeAddress(c.provider);
    const groups: [Map<Address, Rational>, Map<Address, Rational>] = [new Map(), new Map()];
    const compatible: Need[] = [];
    for (const n of scenario.needs) {
      if (!isCompatible(c, n)) continue;
      const recipient = normalizeAddress(n.recipient);
      const t = tierOf(index, provider, recipient);
      if (t === undefined) continue;
      groups[t.tier - 1].set(recipient, t.weight);
      compatible.push(n);
    }
    return { groups, compatible };
  };
  const cache = new Map<string, ReturnType<typeof claimants>>();
  const claimantsOf = (c: Capacity) => {
    let v = cache.get(c.id);
    if (v === undefined) cache.set(c.id, (v = claimants(c)));
    return v;
  };

  const slots: SlotExplanation[] = [];
  for (const a of result.allocations) {
    const c = caps.get(a.capacity)!;
    const n = needs.get(a.need)!;
    const minUnit = c.minUnit ?? 1n;
    const recipient = normalizeAddress(a.recipient);
    const group = claimantsOf(c).groups[a.tier - 1];
    let total = rational(0n, 1n);
    for (const w of group.values()) total = { num: total.num * w.den + w.num * total.den, den: total.den * w.den };
    const w = group.get(recipient) ?? rational(0n, 1n);
    const share = total.num === 0n ? rational(0n, 1n) : rational(w.num * total.den, w.den * total.num);
    const groupGot = byCapTier.get(a.capacity + "\u0000" + a.tier) ?? a.amount;
    const received = rational(a.amount, groupGot === 0n ? 1n : groupGot);
    const needLeft = result.unmet[a.need] ?? 0n;
    const cappedAtNeed = needLeft < minUnit;
    const others = (byNeed.get(a.need) ?? []).filter((x) => x.capacity !== a.capacity);
    const fromOthers = others.reduce((s, x) => s + x.amount, 0n);
    // Every compatible capacity whose provider recognizes the recipient could aim at this need.
    let offered = 0n;
    for (const other of scenario.capacities) {
      if (!isCompatible(other, n)) continue;
      if (tierOf(index, normalizeAddress(other.provider), recipient) === undefined) continue;
      offered += other.quantity;
    }
    const scaledByOthers = others.length > 0 && offered > n.quantity;
    const roundedToLot = minUnit > 1n && needLeft > 0n && needLeft < minUnit;

    const parts: string[] = [];
    parts.push(a.tier === 1
      ? `Mutual recognition (served first): weight ${group.size === 1 ? "100 % (the only one)" : `${pct(share)} among ${group.size}`}`
      : `One-way recognition (served after mutual partners): weight ${group.size === 1 ? "100 % (the only one)" : `${pct(share)} among ${group.size}`}`);
    const cmp = compare(received, share);
    if (cappedAtNeed && fromOthers === 0n) parts.push(`capped at its need of ${grouped(n.quantity)}`);
    if (scaledByOthers) parts.push(`${others.length} other provider${others.length === 1 ? "" : "s"} also serve${others.length === 1 ? "s" : ""} this need (${grouped(fromOthers)} from them), so each gives less`);
    else if (cappedAtNeed && fromOthers > 0n) parts.push(`need met together with ${others.length} other provider${others.length === 1 ? "" : "s"}`);
    // Only an uncapped slot's share says something: a capped one got exactly what it needed.
    if (cmp > 0 && !cappedAtNeed) parts.push(`gets ${pct(received)}, more than its weight, because others needed less and their surplus was shared out`);
    if (roundedToLot) parts.push(`given in lots of ${grouped(minUnit)}, so ${grouped(needLeft)} stays unmet`);
    else if (minUnit > 1n) parts.push(`in lots of ${grouped(minUnit)}`);
    slots.push({
      capacity: a.capacity, need: a.need, recipient, amount: a.amount, tier: a.tier, share, received,
      needQuantity: n.quantity, needLeft, cappedAtNeed, otherProviders: others.length, fromOthers,
      scaledByOthers, minUnit, roundedToLot, why: parts.join("; ") + ".",
    });
  }

  const capacities: CapacityExplanation[] = [];
  for (const c of [...scenario.capacities].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const uncommitted = result.unused[c.id] ?? 0n;
    const committed = c.quantity - uncommitted;
    const { compatible, groups } = claimantsOf(c);
    const compatibleNeed = compatible.reduce((s, n) => s + n.quantity, 0n);
    const minUnit = c.minUnit ?? 1n;
    let whyUncommitted: string | undefined;
    if (uncommitted > 0n) {
      const leftInNeeds = compatible.reduce((s, n) => s + (result.unmet[n.id] ?? 0n), 0n);
      if (groups[0].size + groups[1].size === 0) whyUncommitted = `${grouped(uncommitted)} left: nobody you recognize needs this (same sector, unit, place and time).`;
      else if (uncommitted < minUnit) whyUncommitted = `${grouped(uncommitted)} left: less than one lot of ${grouped(minUnit)}.`;
      else if (leftInNeeds === 0n) whyUncommitted = `${grouped(uncommitted)} left: the recipients you recognize need only ${grouped(compatibleNeed)} in all${compatibleNeed > committed ? ", and others cover the rest" : ""}.`;
      else if (minUnit > 1n) whyUncommitted = `${grouped(uncommitted)} left: what is still needed (${grouped(leftInNeeds)}) is less than a lot of ${grouped(minUnit)} per need.`;
      else whyUncommitted = `${grouped(uncommitted)} left: the remaining needs are covered by other providers.`;
    }
    capacities.push({ capacity: c.id, quantity: c.quantity, committed, uncommitted, compatibleNeed, ...(whyUncommitted ? { whyUncommitted } : {}) });
  }
  return { slots, capacities };
}
