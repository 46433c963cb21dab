/**
 * Reads every event of a deployment in a block range with plain eth_getLogs (no archive node, no
 * indexer): fixed-size chunks, retry with backoff per chunk, progress per chunk. Returns the logs
 * decoded, in chain order (block, then log index).
 */
import { decodeEventLog, type Hex, type Log, type PublicClient } from "viem";
import type { Address, ContractAddresses, ProgressCallback } from "./types.js";
import { abis, CONTRACT_NAMES, type ContractName } from "./contracts.js";
import { withRetry } from "./retry.js";
import { ChainError } from "./errors.js";

/** One decoded event. `args` follows the contract's ABI (bigint for integers, checksummed addresses). */
export interface ChainEvent {
  readonly contract: ContractName;
  readonly eventName: string;
  readonly args: Record<string, any>;
  readonly blockNumber: bigint;
  readonly logIndex: number;
  readonly transactionHash: Hex;
}

export interface FetchLogsOptions {
  readonly contracts: ContractAddresses;
  /** Only these contracts (default all five). */
  readonly only?: readonly ContractName[];
  readonly fromBlock: bigint;
  readonly toBlock: bigint;
  readonly chunkSize?: bigint;
  readonly retries?: number;
  readonly onProgress?: ProgressCallback;
}

export const DEFAULT_CHUNK_SIZE = 2_000n;

function decode(byAddress: Map<string, ContractName>, log: Log<bigint, number, false>): ChainEvent | undefined {
  const contract = byAddress.get(log.address.toLowerCase());
  if (contract === undefined) return undefined;
  try {
    const decoded = decodeEventLog({ abi: abis[contract], data: log.data, topics: log.topics });
    return {
      contract,
      eventName: decoded.eventName as string,
      args: (decoded.args ?? {}) as Record<string, any>,
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      transactionHash: log.transactionHash,
    };
  } catch {
    // An event of another ABI emitted at this address (none today): not part of the state.
    return undefined;
  }
}

export async function fetchLogs(client: PublicClient, options: FetchLogsOptions): Promise<ChainEvent[]> {
  const { fromBlock, toBlock } = options;
  if (toBlock < fromBlock) return [];
  const chunk = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (chunk <= 0n) throw new ChainError("INVALID_INPUT", "chunk size must be positive", { chunkSize: chunk });
  const names = options.only ?? CONTRACT_NAMES;
  const byAddress = new Map<string, ContractName>(names.map((n) => [options.contracts[n].toLowerCase(), n]));
  const address = names.map((n) => options.contracts[n]) as Address[];
  const total = Number(toBlock - fromBlock + 1n);
  const events: ChainEvent[] = [];
  options.onProgress?.({ phase: "logs", done: 0, total });
  for (let start = fromBlock; start <= toBlock; start += chunk) {
    const end = start + chunk - 1n < toBlock ? start + chunk - 1n : toBlock;
    const logs = await withRetry(() => client.getLogs({ address, fromBlock: start, toBlock: end }), {
      retries: options.retries,
      what: `eth_getLogs ${start}-${end}`,
    });
    for (const log of logs) {
      const event = decode(byAddress, log as Log<bigint, number, false>);
      if (event !== undefined) events.push(event);
    }
    options.onProgress?.({ phase: "logs", done: Number(end - fromBlock + 1n), total, detail: `blocks ${start}-${end}` });
  }
  events.sort((a, b) => (a.blockNumber !== b.blockNumber ? (a.blockNumber < b.blockNumber ? -1 : 1) : a.logIndex - b.logIndex));
  return events;
}
