/**
 * A round verified in the browser with sdk/chain: `compareCommitments` (each commitment re-run with
 * the protocol its id names — FA-2 by default, FA-1 for rounds committed under FA-1 — on the round's
 * snapshot, roots and totals compared with the ledger) and `expectedCommitments` (the leaves, for
 * delivery proofs and exports). This file only joins the two for display.
 */
import { compareCommitments, expectedCommitments, leafProof, protocolOfCommitment, type CommitmentStatus, type ComputedCommitment, type RoundLedger } from "../../../sdk/chain/index.js";
import { protocolIdToBytes32, defaultProtocol, type AllocationResult } from "../../../sdk/core/index.js";
import type { Hex } from "viem";
import type { ChainSnapshot, RoundCommitment } from "./types.js";

export type VerificationStatus = CommitmentStatus;

export interface CommitmentCheck {
  readonly capacityId: string;
  readonly status: VerificationStatus;
  readonly expected?: ComputedCommitment;
  readonly committed?: RoundCommitment;
  /** Why it is not a match, in words. */
  readonly reason?: string;
}

/** The protocol the dapp computes and commits with (FA-2), and its on-chain id. */
export const DEFAULT_PROTOCOL_NAME = defaultProtocol.id.toUpperCase();
export const DEFAULT_PROTOCOL_BYTES32 = protocolIdToBytes32(defaultProtocol.id);

export interface RoundComputation {
  readonly snapshot: ChainSnapshot;
  readonly result: AllocationResult;
  /** By capacity id (decimal), under the default protocol. */
  readonly expected: Record<string, ComputedCommitment>;
}

export function computeRound(snapshot: ChainSnapshot): RoundComputation {
  const { result, commitments } = expectedCommitments(snapshot.sdk, defaultProtocol);
  return { snapshot, result, expected: Object.fromEntries([...commitments].map(([id, c]) => [String(id), c])) };
}

export function checkCommitments(snapshot: ChainSnapshot, ledger: RoundLedger, commitments: Map<string, RoundCommitment>, round: bigint, computation: RoundComputation): CommitmentCheck[] {
  const report = compareCommitments(snapshot.sdk, ledger, round, defaultProtocol);
  return report.commitments.map((v) => {
    const capacityId = String(v.capacityId);
    const name = v.protocol.toUpperCase();
    let reason: string | undefined;
    if (v.status === "mismatch" && v.committed && v.expected) {
      if (v.committed.total !== v.expected.total) reason = `total ${v.committed.total} ≠ ${name}'s ${v.expected.total}`;
      else reason = `Merkle root differs from ${name}'s`;
    } else if (v.status === "unexpected") reason = `${name} allocates nothing from this capacity at the snapshot`;
    else if (v.status === "unknown-protocol") reason = `committed under protocol "${v.protocol}", which this app does not know: not checked`;
    const committed = commitments.get(capacityId);
    // A commitment made under another known protocol (e.g. FA-1) is shown with that protocol's leaves.
    const named = committed ? protocolOfCommitment(committed.protocolId) : undefined;
    const expected = named && named.id !== defaultProtocol.id
      ? expectedCommitments(snapshot.sdk, named).commitments.get(v.capacityId)
      : computation.expected[capacityId];
    return { capacityId, status: v.status, expected, committed, reason };
  });
}

/**
 * The Merkle proof of the leaf (capacity, need) in the tree of the protocol the commitment names
 * (`protocolId`; default FA-2), from sdk/chain's leafProof.
 */
export function proofOf(computation: RoundComputation, capacityId: string, needId: string, protocolId: Hex = DEFAULT_PROTOCOL_BYTES32): { proof: Hex[]; amount: bigint; recipient: Hex } {
  const protocol = protocolOfCommitment(protocolId);
  if (!protocol) throw new Error(`capacity ${capacityId} is committed under a protocol this app does not know`);
  const expected = protocol.id === defaultProtocol.id
    ? computation.expected[capacityId]
    : expectedCommitments(computation.snapshot.sdk, protocol).commitments.get(BigInt(capacityId));
  if (!expected) throw new Error(`${protocol.id.toUpperCase()} allocates nothing from capacity ${capacityId}`);
  const { leaf, proof } = leafProof(expected.leaves, BigInt(needId));
  return { proof, amount: leaf[3], recipient: leaf[2] };
}
