/**
 * Recognition shares and mutual recognition (SPEC §3) as exact rationals.
 * R[a][b] = p[a][b] / Σx p[a][x] (0 if a gives none); MR(a,b) = min(R[a][b], R[b][a]).
 */
import type { Address, RecognitionPoints } from "./types.js";
import { EngineError } from "./errors.js";
import { ZERO, minRational, rational, type Rational } from "./rational.js";

/** Recognition points indexed for O(1) look-ups, with each giver's total precomputed. */
export interface RecognitionIndex {
  /** from -> (to -> points > 0); zero entries are dropped. Addresses lower-cased. */
  readonly points: ReadonlyMap<Address, ReadonlyMap<Address, bigint>>;
  /** from -> Σ points it gives (> 0 for every key). */
  readonly totals: ReadonlyMap<Address, bigint>;
}

export function normalizeAddress(a: string): Address {
  return a.toLowerCase() as Address;
}

/** Builds the index; rejects negative points. Key order of the input does not matter. */
export function indexRecognition(recognition: RecognitionPoints): RecognitionIndex {
  const points = new Map<Address, Map<Address, bigint>>();
  const totals = new Map<Address, bigint>();
  for (const fromKey of Object.keys(recognition)) {
    const from = normalizeAddress(fromKey);
    const row = recognition[fromKey as Address];
    let target = points.get(from);
    for (const toKey of Object.keys(row)) {
      const p = row[toKey as Address];
      if (p < 0n) {
        throw new EngineError("NEGATIVE_POINTS", "recognition points must be >= 0", { from, to: toKey, points: p });
      }
      if (p === 0n) continue;
      const to = normalizeAddress(toKey);
      if (target === undefined) {
        target = new Map();
        points.set(from, target);
      }
      // Two keys differing only in case are the same address: their points add up.
      target.set(to, (target.get(to) ?? 0n) + p);
      totals.set(from, (totals.get(from) ?? 0n) + p);
    }
  }
  return { points, totals };
}

/** p[a][b] (0 if absent). */
export function pointsOf(index: RecognitionIndex, a: Address, b: Address): bigint {
  return index.points.get(a)?.get(b) ?? 0n;
}

/** R[a][b] = p[a][b] / Σx p[a][x], in lowest terms; 0 if a gives no points. */
export function recognitionShare(index: RecognitionIndex, a: Address, b: Address): Rational {
  const p = pointsOf(index, a, b);
  if (p === 0n) return ZERO;
  return rational(p, index.totals.get(a)!);
}

/** MR(a,b) = min(R[a][b], R[b][a]); symmetric; MR(a,a) = R[a][a]. */
export function mutualRecognition(index: RecognitionIndex, a: Address, b: Address): Rational {
  return minRational(recognitionShare(index, a, b), recognitionShare(index, b, a));
}
