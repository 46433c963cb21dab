/**
 * Scaling of over-offered needs (SPEC §3, step 2; docs/protocol.md §5).
 *
 * When the capacities together offer a need more than its residual, each offer o_c is
 * scaled to the exact share residual·o_c/O (O = Σ offers), rounded down to a multiple of
 * the capacity's minUnit m_c. The units still missing are handed out, in order of the
 * largest exact remainder (ties by canonical capacity id order, see ids.ts): first pass one m_c each where
 * it fits, second pass as many m_c as fit. With every m_c = 1 the need gets exactly its
 * residual after the first pass; with larger minUnits what stays missing is smaller than
 * the minUnit of every capacity whose offer was cut.
 */
import { compareIds } from "./ids.js";

export interface Offer {
  /** Canonical tie-break key: the capacity id. Unique within a call. */
  readonly key: string;
  /** Offered amount, a multiple of minUnit, > 0. */
  readonly amount: bigint;
  /** The capacity's divisibility (1 if none). */
  readonly minUnit: bigint;
}

/** Accepted amounts (same order as `offers`): Σ ≤ residual, each ≤ its offer, multiples of minUnit. */
export function scaleOffers(residual: bigint, offers: readonly Offer[]): bigint[] {
  let total = 0n;
  for (const o of offers) total += o.amount;
  if (total <= residual) return offers.map((o) => o.amount);
  const accepted = new Array<bigint>(offers.length);
  const remainder = new Array<bigint>(offers.length);
  let missing = residual;
  for (let i = 0; i < offers.length; i++) {
    const { amount, minUnit } = offers[i];
    const exactNum = residual * amount; // exact share = exactNum / total
    accepted[i] = (exactNum / (total * minUnit)) * minUnit;
    remainder[i] = exactNum - accepted[i] * total; // (exact share − accepted) × total
    missing -= accepted[i];
  }
  if (missing === 0n) return accepted;
  const order = offers.map((_, i) => i).sort((a, b) =>
    remainder[a] > remainder[b] ? -1 : remainder[a] < remainder[b] ? 1 : compareIds(offers[a].key, offers[b].key),
  );
  for (const i of order) {
    const m = offers[i].minUnit;
    if (missing >= m && accepted[i] + m <= offers[i].amount) {
      accepted[i] += m;
      missing -= m;
    }
  }
  if (missing === 0n) return accepted;
  for (const i of order) {
    const m = offers[i].minUnit;
    const room = (offers[i].amount - accepted[i]) / m;
    const fit = missing / m;
    const k = room < fit ? room : fit;
    accepted[i] += k * m;
    missing -= k * m;
  }
  return accepted;
}
