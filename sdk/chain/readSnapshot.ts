/**
 * `readSnapshot`: the registry state at a block, rebuilt from event logs only (chunked eth_getLogs,
 * retried on RPC faults) and cross-checked against the contracts' views at that block.
 */
import type { PublicClient } from "viem";
import type { ReadSnapshotOptions, Snapshot } from "./types.js";
import { fetchLogs } from "./fetchLogs.js";
import { emptyState, replayLogs } from "./replayLogs.js";
import { crossCheck } from "./crossCheck.js";
import { snapshotOf } from "./snapshotOf.js";
import { withRetry } from "./retry.js";
import { ChainError } from "./errors.js";

export async function readSnapshot(client: PublicClient, options: ReadSnapshotOptions): Promise<Snapshot> {
  const { contracts, block } = options;
  const fromBlock = options.fromBlock ?? 0n;
  const [chainId, head] = await Promise.all([
    withRetry(() => client.getChainId(), { retries: options.retries, what: "eth_chainId" }),
    withRetry(() => client.getBlockNumber({ cacheTime: 0 }), { retries: options.retries, what: "eth_blockNumber" }),
  ]);
  if (block > head) throw new ChainError("INVALID_INPUT", "block is in the future", { block, head });
  const events = await fetchLogs(client, {
    contracts,
    fromBlock,
    toBlock: block,
    chunkSize: options.chunkSize,
    retries: options.retries,
    onProgress: options.onProgress,
  });
  const state = replayLogs(emptyState(), events, block);
  // Before the first deployment block (a round whose snapshot precedes the deployment) the state is
  // empty by definition and there are no contracts to ask.
  if ((options.crossCheck ?? true) && block >= fromBlock) await crossCheck(client, state, { contracts, block, retries: options.retries, onProgress: options.onProgress });
  return snapshotOf(state, { chainId, contracts, block, round: options.round });
}
