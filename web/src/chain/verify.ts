/**
 * A round verified in the browser with sdk/chain: `compareCommitments` (FA-1 re-run on the round's
 * snapshot, roots and totals compared with the ledger) and `expectedCommitments` (the leaves, for
 * delivery proofs and exports). This file only joins the two for display.
 */
import { compareCommitments, expectedCommitments, leafProof, type CommitmentStatus, type ComputedCommitment, type RoundLedger } from "../../../sdk/chain/index.js";
import { protocolIdToBytes32, FA1_ID, type AllocationResult } from "../../../sdk/core/index.js";
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

export const FA1_BYTES32 = protocolIdToBytes32(FA1_ID);

export interface RoundComputation {
  readonly result: AllocationResult;
  /** By capacity id (decimal). */
  readonly expected: Record<string, ComputedCommitment>;
}

export function computeRound(snapshot: ChainSnapshot): RoundComputation {
  const { result, commitments } = expectedCommitments(snapshot.sdk);
  return { result, expected: Object.fromEntries([...commitments].map(([id, c]) => [String(id), c])) };
}

export function checkCommitments(snapshot: ChainSnapshot, ledger: RoundLedger, commitments: Map<string, RoundCommitment>, round: bigint, computation: RoundComputation): CommitmentCheck[] {
  const report = compareCommitments(snapshot.sdk, ledger, round);
  return report.commitments.map((v) => {
    const capacityId = String(v.capacityId);
    let reason: string | undefined;
    if (v.status === "mismatch" && v.committed && v.expected) {
      if (v.committed.protocolId.toLowerCase() !== FA1_BYTES32.toLowerCase()) reason = "committed under another protocol id";
      else if (v.committed.total !== v.expected.total) reason = `total ${v.committed.total} ≠ FA-1's ${v.expected.total}`;
      else reason = "Merkle root differs from FA-1's";
    } else if (v.status === "unexpected") reason = "FA-1 allocates nothing from this capacity at the snapshot";
    return { capacityId, status: v.status, expected: computation.expected[capacityId], committed: commitments.get(capacityId), reason };
  });
}

/** The Merkle proof of the leaf (capacity, need) in FA-1's tree of that capacity (sdk/chain's leafProof). */
export function proofOf(computation: RoundComputation, capacityId: string, needId: string): { proof: Hex[]; amount: bigint; recipient: Hex } {
  const expected = computation.expected[capacityId];
  if (!expected) throw new Error(`FA-1 allocates nothing from capacity ${capacityId}`);
  const { leaf, proof } = leafProof(expected.leaves, BigInt(needId));
  return { proof, amount: leaf[3], recipient: leaf[2] };
}
