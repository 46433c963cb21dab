/** Rounds (the schedule's views, and per round the block its snapshot time resolves to) and one round's ledger record. */
import type { PublicClient } from "viem";
import { blockAtTime, readBlockRef, roundOpensAt, readRoundLedger as sdkReadRoundLedger, type BlockRef, type RoundLedger } from "../../../sdk/chain/index.js";
import { roundsAbi } from "./abi.js";
import type { Deployment } from "./deployment.js";
import { commitmentsOf } from "./adapt.js";
import type { RoundCommitment } from "./types.js";

export type { LeafProgress, RoundCommitment } from "./types.js";

export interface RoundInfo {
  readonly round: bigint;
  /** When the round opened (by the schedule) and its snapshot time, the second before. */
  readonly opensAt: bigint;
  readonly snapshotTime: bigint;
  /** The last block whose timestamp is ≤ the snapshot time: the state every provider computes from. */
  readonly snapshotBlock: bigint;
}

export interface RoundsState {
  readonly current: bigint;
  readonly start: bigint;
  readonly roundLength: bigint;
  /** When round `current + 1` opens (unix seconds). */
  readonly nextOpenTime: bigint;
  /** The time of the block the state was read at (the chain's clock, which the schedule follows). */
  readonly chainTime: bigint;
  readonly rounds: readonly RoundInfo[];
}

/** An opened round's snapshot block never changes: resolved once per deployment and round. */
const snapshotBlocks = new Map<string, BlockRef>();

export async function readRounds(client: PublicClient, d: Deployment): Promise<RoundsState> {
  const head = await readBlockRef(client, "latest");
  const read = (functionName: string, args: unknown[] = []) =>
    client.readContract({ address: d.contracts.rounds, abi: roundsAbi, functionName, args, blockNumber: head.number });
  const [current, start, roundLength, nextOpenTime] = (await Promise.all([read("currentRound"), read("start"), read("roundLength"), read("nextOpenTime")])).map((x) => BigInt(x as bigint));
  const rounds: RoundInfo[] = [];
  let before: BlockRef | undefined;
  for (let round = 1n; round <= current; round++) {
    // The contract's own arithmetic (sdk/chain/schedule.ts, tested against Rounds.roundInfo): one
    // read of the schedule instead of one per round.
    const opensAt = roundOpensAt({ start, roundLength }, round);
    const snapshotTime = opensAt - 1n;
    const key = `${d.contracts.rounds}:${round}`;
    let at = snapshotBlocks.get(key);
    if (at === undefined) {
      const found = await blockAtTime(client, snapshotTime, { head, atOrBefore: before });
      at = { number: found.block, timestamp: found.timestamp ?? 0n };
      snapshotBlocks.set(key, at);
    }
    if (at.number >= 0n) before = at;
    rounds.push({ round, opensAt, snapshotTime, snapshotBlock: at.number });
  }
  return { current, start, roundLength, nextOpenTime, chainTime: head.timestamp, rounds };
}

export interface RoundLedgerView {
  readonly sdk: RoundLedger;
  readonly commitments: Map<string, RoundCommitment>;
}

export async function readRoundLedger(client: PublicClient, d: Deployment, round: RoundInfo): Promise<RoundLedgerView> {
  const sdk = await sdkReadRoundLedger(client, { contracts: d.contracts, round: round.round, snapshotBlock: round.snapshotBlock });
  return { sdk, commitments: commitmentsOf(sdk, round.round) };
}
