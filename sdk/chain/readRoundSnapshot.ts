/**
 * The snapshot a round derives from: the state at its snapshot time (`opensAt − 1`, fixed by the
 * Rounds schedule), i.e. at the end of the last block whose timestamp is ≤ that time (`blockAtTime`).
 */
import type { PublicClient } from "viem";
import type { ContractAddresses, ProgressCallback, Snapshot } from "./types.js";
import { abis } from "./contracts.js";
import { readSnapshot } from "./readSnapshot.js";
import { withRetry } from "./retry.js";
import { ChainError } from "./errors.js";
import { blockAtTime, readBlockRef, type BlockRef } from "./snapshotBlock.js";

export interface RoundOptions {
  readonly contracts: ContractAddresses;
  /** Default: the current round. */
  readonly round?: bigint;
  readonly fromBlock?: bigint;
  readonly chunkSize?: bigint;
  readonly retries?: number;
  readonly onProgress?: ProgressCallback;
  readonly crossCheck?: boolean;
}

export interface RoundInfo {
  readonly round: bigint;
  /** The current round at `head` (the contract's `currentRound()` at that block's time). */
  readonly currentRound: bigint;
  /** When the round opened (unix seconds). */
  readonly opensAt: bigint;
  /** Its snapshot time: `opensAt − 1` on the contracts' timestamp clock. */
  readonly snapshotTime: bigint;
  /** The block whose end state is the state at `snapshotTime` (-1n: before genesis, empty state). */
  readonly snapshotBlock: bigint;
  /** The block everything was read at. */
  readonly head: BlockRef;
}

/**
 * The current round and, for `round` (default current), its opening, snapshot time and snapshot block,
 * all read at one head block (so the snapshot, < the head's time, is final). Throws ROUND_NOT_OPENED.
 */
export async function roundInfo(client: PublicClient, contracts: ContractAddresses, round?: bigint, retries?: number): Promise<RoundInfo> {
  const head = await readBlockRef(client, "latest", retries);
  const current = (await withRetry(
    () => client.readContract({ address: contracts.rounds, abi: abis.rounds, functionName: "currentRound", blockNumber: head.number }),
    { retries, what: "currentRound" },
  )) as bigint;
  const wanted = round ?? current;
  if (wanted === 0n || wanted > current) {
    throw new ChainError("ROUND_NOT_OPENED", "round not opened", { round: wanted, currentRound: current });
  }
  const [opensAt, snapshotTime] = (await withRetry(
    () => client.readContract({ address: contracts.rounds, abi: abis.rounds, functionName: "roundInfo", args: [wanted], blockNumber: head.number }),
    { retries, what: `roundInfo(${wanted})` },
  )) as readonly [bigint, bigint];
  const at = await blockAtTime(client, BigInt(snapshotTime), { head, retries });
  return { round: wanted, currentRound: current, opensAt: BigInt(opensAt), snapshotTime: BigInt(snapshotTime), snapshotBlock: at.block, head };
}

export async function readRoundSnapshot(client: PublicClient, options: RoundOptions): Promise<Snapshot> {
  const info = await roundInfo(client, options.contracts, options.round, options.retries);
  const snapshot = await readSnapshot(client, { ...options, block: info.snapshotBlock, round: info.round });
  return { ...snapshot, time: info.snapshotTime };
}
