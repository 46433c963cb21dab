/**
 * The round schedule as the chain states it. There is nothing to send: rounds open by the clock
 * (`start + (r − 1) · roundLength`), nobody opens them and nobody picks their snapshots.
 */
import type { PublicClient } from "viem";
import type { ContractAddresses } from "../types.js";
import { abis } from "../contracts.js";
import { withRetry } from "../retry.js";
import { readBlockRef, type BlockRef } from "../snapshotBlock.js";

export interface RoundStatus {
  /** When round 1 opens and the length of every round (seconds). */
  readonly start: bigint;
  readonly roundLength: bigint;
  /** The current round at `head` (0 before the start). */
  readonly currentRound: bigint;
  /** When round `currentRound + 1` opens (2^64 − 1 when it never does). */
  readonly nextOpenTime: bigint;
  /** The block the status was read at. */
  readonly head: BlockRef;
}

/** The schedule and where the chain is in it, all read at the latest block. */
export async function readRoundStatus(client: PublicClient, options: { contracts: ContractAddresses; retries?: number }): Promise<RoundStatus> {
  const head = await readBlockRef(client, "latest", options.retries);
  const read = (functionName: "start" | "roundLength" | "currentRound" | "nextOpenTime") =>
    withRetry(() => client.readContract({ address: options.contracts.rounds, abi: abis.rounds, functionName, blockNumber: head.number }), {
      retries: options.retries,
      what: functionName,
    }) as Promise<bigint | number>;
  const [start, roundLength, currentRound, nextOpenTime] = await Promise.all([read("start"), read("roundLength"), read("currentRound"), read("nextOpenTime")]);
  return { start: BigInt(start), roundLength: BigInt(roundLength), currentRound: BigInt(currentRound), nextOpenTime: BigInt(nextOpenTime), head };
}
