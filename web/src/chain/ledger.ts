/** Rounds (views) and one round's ledger record (sdk/chain's readRoundLedger, from logs). */
import type { PublicClient } from "viem";
import { readRoundLedger as sdkReadRoundLedger, type RoundLedger } from "../../../sdk/chain/index.js";
import { roundsAbi } from "./abi.js";
import type { Deployment } from "./deployment.js";
import { commitmentsOf } from "./adapt.js";
import type { RoundCommitment } from "./types.js";

export type { LeafProgress, RoundCommitment } from "./types.js";

export interface RoundInfo {
  readonly round: bigint;
  readonly openedAt: bigint;
  readonly snapshotBlock: bigint;
}

export interface RoundsState {
  readonly current: bigint;
  readonly roundLength: bigint;
  readonly nextOpenTime: bigint;
  readonly rounds: readonly RoundInfo[];
}

export async function readRounds(client: PublicClient, d: Deployment): Promise<RoundsState> {
  const read = (functionName: string, args: unknown[] = []) =>
    client.readContract({ address: d.contracts.rounds, abi: roundsAbi, functionName, args });
  const [current, roundLength, nextOpenTime] = (await Promise.all([read("currentRound"), read("roundLength"), read("nextOpenTime")])) as bigint[];
  const rounds = await Promise.all(
    Array.from({ length: Number(current) }, async (_, i) => {
      const round = BigInt(i + 1);
      const [openedAt, snapshotBlock] = (await read("roundInfo", [round])) as readonly [bigint, bigint];
      return { round, openedAt, snapshotBlock };
    }),
  );
  return { current, roundLength, nextOpenTime, rounds };
}

export interface RoundLedgerView {
  readonly sdk: RoundLedger;
  readonly commitments: Map<string, RoundCommitment>;
}

export async function readRoundLedger(client: PublicClient, d: Deployment, round: RoundInfo): Promise<RoundLedgerView> {
  const sdk = await sdkReadRoundLedger(client, { contracts: d.contracts, round: round.round, snapshotBlock: round.snapshotBlock });
  return { sdk, commitments: commitmentsOf(sdk, round.round) };
}
