/**
 * `blockAtTime`: the one place the SDK turns a time of the contracts' ERC-6372 timestamp clock into the
 * block whose end state is the state at that time. The registries checkpoint terms by block timestamp and
 * look them up with `upperLookup`, so the terms at time T are those after the **last block whose
 * timestamp is ≤ T** — also when several blocks share one timestamp (they share one checkpoint, and the
 * last of them wins). Block timestamps never decrease with the block number, so a binary search over
 * block numbers finds that block with O(log n) `eth_getBlockByNumber` calls, and every auditor finds the
 * same one. The answer is final only once some block has a timestamp > T (a later block could otherwise
 * still carry T): `blockAtTime` refuses with SNAPSHOT_NOT_FINAL before.
 */
import type { PublicClient } from "viem";
import { ChainError } from "./errors.js";
import { withRetry } from "./retry.js";

export interface BlockRef {
  readonly number: bigint;
  readonly timestamp: bigint;
}

export interface BlockAtTime {
  /**
   * The last block with timestamp ≤ `time`; -1n when even the genesis block is later (the state at
   * `time` is then empty).
   */
  readonly block: bigint;
  /** Its timestamp (undefined for -1n). */
  readonly timestamp?: bigint;
}

export interface BlockAtTimeOptions {
  readonly retries?: number;
  /** The chain head to search below (read when absent); its timestamp must be > `time`. */
  readonly head?: BlockRef;
  /** A block known to have timestamp ≤ `time` (e.g. an earlier answer), to shorten the search. */
  readonly atOrBefore?: BlockRef;
}

export async function readBlockRef(client: PublicClient, block: bigint | "latest", retries?: number): Promise<BlockRef> {
  const b = await withRetry(
    () => (block === "latest" ? client.getBlock({ blockTag: "latest" }) : client.getBlock({ blockNumber: block })),
    { retries, what: `eth_getBlockByNumber(${block})` },
  );
  return { number: b.number!, timestamp: b.timestamp };
}

/** The block whose end state is the state at unix time `time` (see the module comment). */
export async function blockAtTime(client: PublicClient, time: bigint, options: BlockAtTimeOptions = {}): Promise<BlockAtTime> {
  const head = options.head ?? (await readBlockRef(client, "latest", options.retries));
  if (head.timestamp <= time) {
    throw new ChainError("SNAPSHOT_NOT_FINAL", "the state at this time is not final yet: no block after it exists", {
      time,
      latestBlock: head.number,
      latestTimestamp: head.timestamp,
    });
  }
  // Invariant: timestamp(lo) ≤ time < timestamp(hi).
  let lo: BlockRef;
  if (options.atOrBefore !== undefined && options.atOrBefore.timestamp <= time && options.atOrBefore.number < head.number) {
    lo = options.atOrBefore;
  } else {
    lo = await readBlockRef(client, 0n, options.retries);
    if (lo.timestamp > time) return { block: -1n };
  }
  let hi = head;
  while (hi.number - lo.number > 1n) {
    const mid = await readBlockRef(client, (lo.number + hi.number) / 2n, options.retries);
    if (mid.timestamp <= time) lo = mid;
    else hi = mid;
  }
  return { block: lo.number, timestamp: lo.timestamp };
}
