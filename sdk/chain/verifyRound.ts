/**
 * `verifyRound`: recomputes every commitment of a round from the chain alone (the snapshot rebuilt
 * from logs, the protocol each commitment's id names re-run) and compares roots and totals with what
 * the ledger's logs record.
 */
import type { Hex, PublicClient } from "viem";
import { defaultProtocol, protocolIdFromBytes32, protocolsByBytes32, type Protocol } from "../core/index.js";
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

/**
 * The protocol a commitment names (its bytes32 id), among the built-ins and `protocol` (a user's
 * own protocol is known by its id too); undefined when the id is unknown.
 */
export function protocolOfCommitment(protocolId: Hex, protocol: Protocol = defaultProtocol): Protocol | undefined {
  return protocolsByBytes32([protocol]).get(protocolId.toLowerCase());
}

/**
 * Compares a round's ledger record with the recomputation on `snapshot`. Pure. Each commitment is
 * recomputed with the protocol its id names (a round committed under FA-1 verifies as FA-1); an id
 * no known protocol has is reported as "unknown-protocol", not as a mismatch. `protocol` (default
 * FA-2) is what is expected where nothing was committed, and is known by its id as well.
 */
export function compareCommitments(snapshot: Snapshot, ledger: RoundLedger, round: bigint, protocol: Protocol = defaultProtocol): VerifyReport {
  const expectedBy = (p: Protocol) => expectedCommitments(snapshot, p).commitments;
  const committed = new Map([...ledger.state.commitments.values()].map((c) => [c.capacityId, c]));
  const providers = new Map(snapshot.capacities.map((c) => [c.id, c.provider]));
  const fallback = expectedBy(protocol);
  const ids = [...new Set([...fallback.keys(), ...committed.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries: CommitmentVerification[] = ids.map((capacityId) => {
    const got = committed.get(capacityId);
    const named = got === undefined ? protocol : protocolOfCommitment(got.protocolId, protocol);
    const want = named === undefined ? undefined : expectedBy(named).get(capacityId);
    let status: CommitmentStatus;
    if (got === undefined) status = "missing";
    else if (got.withdrawn) status = "withdrawn";
    else if (named === undefined) status = "unknown-protocol";
    else if (want === undefined) status = "unexpected";
    else status = want.root === got.root && want.total === got.total ? "match" : "mismatch";
    return {
      round,
      capacityId,
      provider: got?.provider ?? providers.get(capacityId) ?? want!.provider,
      status,
      protocol: named?.id ?? protocolIdFromBytes32(got!.protocolId),
      ...(want !== undefined ? { expected: { root: want.root, total: want.total } } : {}),
      ...(got !== undefined ? { committed: { root: got.root, total: got.total, protocolId: got.protocolId } } : {}),
    };
  });
  const counts: Record<CommitmentStatus, number> = { match: 0, mismatch: 0, missing: 0, withdrawn: 0, unexpected: 0, "unknown-protocol": 0 };
  for (const e of entries) counts[e.status]++;
  return {
    chainId: snapshot.chainId,
    round,
    snapshotBlock: snapshot.block,
    ...(snapshot.time !== undefined ? { snapshotTime: snapshot.time } : {}),
    protocol: protocol.id,
    commitments: entries,
    counts,
    ok: entries.every((e) => e.status === "match"),
  };
}

export async function verifyRound(client: PublicClient, options: VerifyRoundOptions): Promise<VerifyReport> {
  const info = await roundInfo(client, options.contracts, options.round, options.retries);
  const snapshot = await readRoundSnapshot(client, { ...options, round: info.round });
  const ledger = await readRoundLedger(client, { ...options, round: info.round, snapshotBlock: snapshot.block });
  options.onProgress?.({ phase: "verify", done: 0, total: 1 });
  const report = compareCommitments(snapshot, ledger, info.round, options.protocol);
  options.onProgress?.({ phase: "verify", done: 1, total: 1 });
  return report;
}
