/**
 * Recognition shares and mutual recognition (SPEC §3) as exact rationals.
 * R[a][b] = p[a][b] / Σx p[a][x] (0 if a gives none); MR(a,b) = min(R[a][b], R[b][a]).
 */
import type { Address, RecognitionPoints } from "./types.js";
import { EngineError } from "./errors.js";
import { ZERO, minRational, rational, type Rational } from "./rational.js";

/**
 * Recognition points indexed for O(1) look-ups. Rows are normalized lazily, on first use:
 * the engine only reads the rows of providers and of recipients with needs.
 */
export interface RecognitionIndex {
  /** to -> points > 0 given by `from` (zero entries dropped, addresses lower-cased). */
  row(from: Address): ReadonlyMap<Address, bigint> | undefined;
  /** Σ points `from` gives (0 if none). */
  total(from: Address): bigint;
}

export function normalizeAddress(a: string): Address {
  return a.toLowerCase() as Address;
}

interface IndexedRow {
  readonly points: ReadonlyMap<Address, bigint>;
  readonly total: bigint;
}

/** Builds the index; rejects negative points (when the row is first read). Key order does not matter. */
export function indexRecognition(recognition: RecognitionPoints): RecognitionIndex {
  // Normalized giver -> its raw keys (two keys differing only in case are one address).
  const rawKeys = new Map<Address, string[]>();
  for (const key of Object.keys(recognition)) {
    const from = normalizeAddress(key);
    const list = rawKeys.get(from);
    if (list === undefined) rawKeys.set(from, [key]);
    else list.push(key);
  }
  const rows = new Map<Address, IndexedRow | null>();
  const load = (from: Address): IndexedRow | null => {
    let row = rows.get(from);
    if (row !== undefined) return row;
    row = null;
    const keys = rawKeys.get(from);
    if (keys !== undefined) {
      const points = new Map<Address, bigint>();
      let total = 0n;
      for (const key of keys) {
        const given = recognition[key as Address];
        for (const toKey of Object.keys(given)) {
          const p = given[toKey as Address];
          if (p < 0n) {
            throw new EngineError("NEGATIVE_POINTS", "recognition points must be >= 0", { from, to: toKey, points: p });
          }
          if (p === 0n) continue;
          const to = normalizeAddress(toKey);
          points.set(to, (points.get(to) ?? 0n) + p);
          total += p;
        }
      }
      if (total > 0n) row = { points, total };
    }
    rows.set(from, row);
    return row;
  };
  return {
    row: (from) => load(from)?.points,
    total: (from) => load(from)?.total ?? 0n,
  };
}

/** Validates every row now (negative points throw) instead of on first use. */
export function validateRecognition(recognition: RecognitionPoints): void {
  const index = indexRecognition(recognition);
  for (const key of Object.keys(recognition)) index.row(normalizeAddress(key));
}

/** p[a][b] (0 if absent). */
export function pointsOf(index: RecognitionIndex, a: Address, b: Address): bigint {
  return index.row(a)?.get(b) ?? 0n;
}

/** R[a][b] = p[a][b] / Σx p[a][x], in lowest terms; 0 if a gives no points. */
export function recognitionShare(index: RecognitionIndex, a: Address, b: Address): Rational {
  const p = pointsOf(index, a, b);
  if (p === 0n) return ZERO;
  return rational(p, index.total(a));
}

/** MR(a,b) = min(R[a][b], R[b][a]); symmetric; MR(a,a) = R[a][a]. */
export function mutualRecognition(index: RecognitionIndex, a: Address, b: Address): Rational {
  return minRational(recognitionShare(index, a, b), recognitionShare(index, b, a));
}
