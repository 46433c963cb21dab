/** The snapshot a round derives from: the state at the block the Rounds contract fixed when it opened. */
import type { PublicClient } from "viem";
import type { ContractAddresses, ProgressCallback, Snapshot } from "./types.js";
import { abis } from "./contracts.js";
import { readSnapshot } from "./readSnapshot.js";
import { withRetry } from "./retry.js";
import { ChainError } from "./errors.js";

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

/** Current round number and, for `round` (default current), its snapshot block. Throws ROUND_NOT_OPENED. */
export async function roundInfo(client: PublicClient, contracts: ContractAddresses, round?: bigint, retries?: number) {
  const current = (await withRetry(
    () => client.readContract({ address: contracts.rounds, abi: abis.rounds, functionName: "currentRound" }),
    { retries, what: "currentRound" },
  )) as bigint;
  const wanted = round ?? current;
  if (wanted === 0n || wanted > current) {
    throw new ChainError("ROUND_NOT_OPENED", "round not opened", { round: wanted, currentRound: current });
  }
  const [openedAt, snapshotBlock] = (await withRetry(
    () => client.readContract({ address: contracts.rounds, abi: abis.rounds, functionName: "roundInfo", args: [wanted] }),
    { retries, what: `roundInfo(${wanted})` },
  )) as readonly [bigint, bigint];
  return { round: wanted, currentRound: current, openedAt: BigInt(openedAt), snapshotBlock: BigInt(snapshotBlock) };
}

export async function readRoundSnapshot(client: PublicClient, options: RoundOptions): Promise<Snapshot> {
  const info = await roundInfo(client, options.contracts, options.round, options.retries);
  return readSnapshot(client, { ...options, block: info.snapshotBlock, round: info.round });
}
