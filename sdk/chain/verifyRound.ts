/**
 * `verifyRound`: recomputes every commitment of a round from the chain alone (the snapshot rebuilt
 * from logs, the protocol re-run) and compares roots and totals with what the ledger's logs record.
 */
import type { PublicClient } from "viem";
import { fa1, protocolIdToBytes32, type Protocol } from "../core/index.js";
import type { CommitmentStatus, CommitmentVerification, ContractAddresses, ProgressCallback, Snapshot, VerifyReport } from "./types.js";
import { readRoundSnapshot, roundInfo } from "./readRoundSnapshot.js";
import { readRoundLedger, type RoundLedger } from "./roundLedger.js";
import { expectedCommitments } from "./commitRound.js";

export interface VerifyRoundOptions {
  readonly contracts: ContractAddresses;
  readonly round: bigint;
  readonly protocol?: Protocol;
  readonly fromBlock?: bigint;
  readonly chunkSize?: bigint;
  readonly retries?: number;
  readonly onProgress?: ProgressCallback;
  readonly crossCheck?: boolean;
}

/** Compares a round's ledger record with the protocol's recomputation on `snapshot`. Pure. */
export function compareCommitments(snapshot: Snapshot, ledger: RoundLedger, round: bigint, protocol: Protocol = fa1): VerifyReport {
  const { commitments: expected } = expectedCommitments(snapshot, protocol);
  const protocolId = protocolIdToBytes32(protocol.id);
  const committed = new Map([...ledger.state.commitments.values()].map((c) => [c.capacityId, c]));
  const providers = new Map(snapshot.capacities.map((c) => [c.id, c.provider]));
  const ids = [...new Set([...expected.keys(), ...committed.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries: CommitmentVerification[] = ids.map((capacityId) => {
    const want = expected.get(capacityId);
    const got = committed.get(capacityId);
    let status: CommitmentStatus;
    if (got === undefined) status = "missing";
    else if (got.withdrawn) status = "withdrawn";
    else if (want === undefined) status = "unexpected";
    else status = want.root === got.root && want.total === got.total && got.protocolId === protocolId ? "match" : "mismatch";
    return {
      round,
      capacityId,
      provider: got?.provider ?? providers.get(capacityId) ?? want!.provider,
      status,
      ...(want !== undefined ? { expected: { root: want.root, total: want.total } } : {}),
      ...(got !== undefined ? { committed: { root: got.root, total: got.total, protocolId: got.protocolId } } : {}),
    };
  });
  const counts: Record<CommitmentStatus, number> = { match: 0, mismatch: 0, missing: 0, withdrawn: 0, unexpected: 0 };
  for (const e of entries) counts[e.status]++;
  return {
    chainId: snapshot.chainId,
    round,
    snapshotBlock: snapshot.block,
    protocol: protocol.id,
    commitments: entries,
    counts,
    ok: entries.every((e) => e.status === "match"),
  };
}

export async function verifyRound(client: PublicClient, options: VerifyRoundOptions): Promise<VerifyReport> {
  const info = await roundInfo(client, options.contracts, options.round, options.retries);
  const snapshot = await readRoundSnapshot(client, { ...options, round: info.round });
  const ledger = await readRoundLedger(client, { ...options, round: info.round, snapshotBlock: info.snapshotBlock });
  options.onProgress?.({ phase: "verify", done: 0, total: 1 });
  const report = compareCommitments(snapshot, ledger, info.round, options.protocol);
  options.onProgress?.({ phase: "verify", done: 1, total: 1 });
  return report;
}
