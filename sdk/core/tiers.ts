/**
 * Tiers of a provider's recipients (SPEC §3): tier 1 = MR(P,r) > 0 with weight MR(P,r);
 * tier 2 = R[P][r] > 0 and MR(P,r) = 0 with weight R[P][r]; anyone else gets nothing.
 */
import type { Address } from "./types.js";
import { mutualRecognition, pointsOf, recognitionShare, type RecognitionIndex } from "./recognition.js";
import type { Rational } from "./rational.js";

export interface TierMembership {
  readonly tier: 1 | 2;
  readonly weight: Rational;
}

/** The tier and weight of `recipient` for capacities of `provider`, or undefined (gets nothing). */
export function tierOf(index: RecognitionIndex, provider: Address, recipient: Address): TierMembership | undefined {
  if (pointsOf(index, provider, recipient) === 0n) return undefined;
  if (pointsOf(index, recipient, provider) > 0n) {
    return { tier: 1, weight: mutualRecognition(index, provider, recipient) };
  }
  return { tier: 2, weight: recognitionShare(index, provider, recipient) };
}
