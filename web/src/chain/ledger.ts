/**
 * What the ledger holds for one round, rebuilt from its events: commitments (root, total, protocol,
 * withdrawn), and per (capacity, need) leaf the cumulative delivered and confirmed amounts.
 */
import type { Address, Hex, PublicClient } from "viem";
import { ledgerAbi, roundsAbi } from "./abi.js";
import type { Deployment } from "./deployment.js";
import type { LeafProgress, RoundCommitment } from "./types.js";

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

type LedgerLog = { eventName: string; args: Record<string, unknown> };

/** Every commitment of `round`, keyed by capacity id, with delivery and confirmation progress. */
export async function readRoundLedger(client: PublicClient, d: Deployment, round: bigint): Promise<Map<string, RoundCommitment>> {
  const logs = (await client.getContractEvents({
    address: d.contracts.ledger,
    abi: ledgerAbi,
    fromBlock: d.fromBlock,
    toBlock: "latest",
    args: { round },
  })) as unknown as LedgerLog[];
  const commitments = new Map<string, RoundCommitment>();
  for (const log of logs) {
    if (log.args.round !== round) continue; // events without the round topic are not filtered by args
    const capacityId = String(log.args.capacityId);
    switch (log.eventName) {
      case "CommitmentMade":
        // A new commitment after a withdrawal starts from zero (the contract versions its leaves).
        commitments.set(capacityId, {
          capacityId,
          provider: (log.args.provider as string).toLowerCase() as Address,
          root: log.args.root as Hex,
          total: log.args.total as bigint,
          protocolId: log.args.protocolId as Hex,
          withdrawn: false,
          delivered: 0n,
          leaves: new Map(),
        });
        break;
      case "CommitmentWithdrawn": {
        const c = commitments.get(capacityId);
        if (c) c.withdrawn = true;
        break;
      }
      case "DeliveryRecorded": {
        const c = commitments.get(capacityId);
        if (!c) break;
        const leaf = leafOf(c, String(log.args.needId), log.args.recipient as string);
        leaf.delivered = log.args.cumulative as bigint;
        c.delivered += log.args.amount as bigint;
        break;
      }
      case "ReceiptConfirmed": {
        const c = commitments.get(capacityId);
        if (!c) break;
        const leaf = leafOf(c, String(log.args.needId), log.args.recipient as string);
        leaf.confirmed = log.args.cumulative as bigint;
        break;
      }
    }
  }
  return commitments;
}

function leafOf(c: RoundCommitment, needId: string, recipient: string): LeafProgress {
  let leaf = c.leaves.get(needId);
  if (!leaf) c.leaves.set(needId, (leaf = { needId, recipient: recipient.toLowerCase() as Address, delivered: 0n, confirmed: 0n }));
  return leaf;
}
