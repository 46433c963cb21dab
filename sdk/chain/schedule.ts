/**
 * The round schedule of the Rounds contract, computed exactly as it computes it (pure, browser-safe):
 * round r (r ≥ 1) opens at `start + (r − 1) · roundLength`, saturating at 2^64 − 1, and derives from the
 * state at time `opensAt(r) − 1` of the contracts' ERC-6372 timestamp clock. Nobody opens a round.
 */
import { ChainError } from "./errors.js";

export const MAX_UINT64 = 2n ** 64n - 1n;

export interface RoundSchedule {
  /** When round 1 opens (unix seconds). */
  readonly start: bigint;
  /** Seconds between two openings. */
  readonly roundLength: bigint;
}

/** When round `round` (≥ 1) opens: `start + (round − 1) · roundLength`, saturating at 2^64 − 1 (as `Rounds`). */
export function roundOpensAt(schedule: RoundSchedule, round: bigint): bigint {
  if (round < 1n) throw new ChainError("INVALID_INPUT", "rounds are numbered from 1", { round });
  const opensAt = schedule.start + (round - 1n) * schedule.roundLength;
  return opensAt > MAX_UINT64 ? MAX_UINT64 : opensAt;
}

/** The round open at unix time `time`: 0 before the start (as `Rounds.currentRound()` at a block of that time). */
export function roundAtTime(schedule: RoundSchedule, time: bigint): bigint {
  if (time < schedule.start) return 0n;
  return (time - schedule.start) / schedule.roundLength + 1n;
}

/** The snapshot time of round `round`: one second before it opens. */
export function roundSnapshotTime(schedule: RoundSchedule, round: bigint): bigint {
  return roundOpensAt(schedule, round) - 1n;
}

/**
 * The start `fa deploy` and the local dev chain use when none is given: one round length after the
 * latest block's time, so round 1's snapshot sees everything declared during the first round length.
 */
export function defaultRoundStart(latestTimestamp: bigint, roundLength: bigint): bigint {
  const start = latestTimestamp + roundLength;
  return start > MAX_UINT64 ? MAX_UINT64 : start;
}
