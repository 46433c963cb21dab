/**
 * The ledger's record of one round, from its event logs: commitments (live or withdrawn), and per
 * leaf the recipient, delivered and confirmed amounts. Commitments of a round are made in blocks of
 * its time or later, after its snapshot block (the last block at or before the snapshot time), so the
 * scan starts there.
 */
import type { PublicClient } from "viem";
import type { ContractAddresses, ProgressCallback } from "./types.js";
import { fetchLogs, type ChainEvent } from "./fetchLogs.js";
import { emptyState, replayLogs, type ReplayedState } from "./replayLogs.js";
import { withRetry } from "./retry.js";

export interface RoundLedger {
  readonly state: ReplayedState;
  readonly events: readonly ChainEvent[];
  readonly toBlock: bigint;
}

export async function readRoundLedger(
  client: PublicClient,
  options: { contracts: ContractAddresses; round: bigint; snapshotBlock: bigint; toBlock?: bigint; chunkSize?: bigint; retries?: number; onProgress?: ProgressCallback },
): Promise<RoundLedger> {
  const toBlock = options.toBlock ?? (await withRetry(() => client.getBlockNumber({ cacheTime: 0 }), { retries: options.retries, what: "eth_blockNumber" }));
  const all = await fetchLogs(client, {
    contracts: options.contracts,
    only: ["ledger"],
    fromBlock: options.snapshotBlock + 1n,
    toBlock,
    chunkSize: options.chunkSize,
    retries: options.retries,
    onProgress: options.onProgress,
  });
  const events = all.filter((e) => e.args.round === options.round);
  return { state: replayLogs(emptyState(), events), events, toBlock };
}
