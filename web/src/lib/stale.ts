/**
 * A commitment is computed from one round's snapshot; it may be sent only if that is still the
 * round the ledger would record it in, and the page really computed it from that round's snapshot
 * block (not from data left over while the next round's snapshot loads). Pure: unit-tested.
 */
export interface ComputedFor {
  /** The round the page shows. */
  readonly round: bigint;
  /** The block of the snapshot the allocation was computed from. */
  readonly computedAtBlock: bigint;
}

export interface ChainNow {
  readonly currentRound: bigint;
  /** The block `currentRound`'s snapshot time resolves to (the last block at or before it). */
  readonly snapshotBlock: bigint;
}

/** Why sending would commit a stale result, in words; undefined when it is current. */
export function staleReason(page: ComputedFor, chain: ChainNow): string | undefined {
  if (chain.currentRound !== page.round) {
    return `Round ${chain.currentRound} has opened since this allocation was computed for round ${page.round}. Nothing was sent: the page now recomputes for round ${chain.currentRound}; check it and commit again.`;
  }
  if (chain.snapshotBlock !== page.computedAtBlock) {
    return `This allocation was computed from block ${page.computedAtBlock}, but round ${page.round}'s snapshot is block ${chain.snapshotBlock}. Nothing was sent: wait for the page to recompute, then commit again.`;
  }
  return undefined;
}
