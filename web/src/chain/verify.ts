/**
 * Recomputes a round in the browser: FA-1 on the state at the round's snapshot block, the Merkle
 * root and total per capacity, and compares them with what each provider committed.
 */
import { allocate, commitmentRoots, commitmentTree, protocolIdToBytes32, FA1_ID, type AllocationResult, type CapacityCommitment } from "../../../sdk/core/index.js";
import type { Hex } from "viem";
import type { RoundCommitment } from "./types.js";
import type { ChainSnapshot } from "./types.js";

export type VerificationStatus = "match" | "mismatch" | "withdrawn" | "uncommitted";

export interface CommitmentCheck {
  readonly capacityId: string;
  readonly status: VerificationStatus;
  readonly expected?: CapacityCommitment;
  readonly committed?: RoundCommitment;
  /** Why it is a mismatch, in words. */
  readonly reason?: string;
}

export const FA1_BYTES32 = protocolIdToBytes32(FA1_ID);

export interface RoundComputation {
  readonly result: AllocationResult;
  readonly expected: Record<string, CapacityCommitment>;
}

export function computeRound(snapshot: ChainSnapshot): RoundComputation {
  const result = allocate(snapshot.scenario);
  return { result, expected: commitmentRoots(result) };
}

export function checkCommitments(computation: RoundComputation, commitments: Map<string, RoundCommitment>): CommitmentCheck[] {
  const ids = new Set([...Object.keys(computation.expected), ...commitments.keys()]);
  const checks: CommitmentCheck[] = [];
  for (const capacityId of [...ids].sort((a, b) => Number(BigInt(a) - BigInt(b)))) {
    const expected = computation.expected[capacityId];
    const committed = commitments.get(capacityId);
    if (!committed) {
      checks.push({ capacityId, status: "uncommitted", expected });
      continue;
    }
    if (committed.withdrawn) {
      checks.push({ capacityId, status: "withdrawn", expected, committed });
      continue;
    }
    let reason: string | undefined;
    if (committed.protocolId.toLowerCase() !== FA1_BYTES32.toLowerCase()) reason = "committed under another protocol id";
    else if (!expected) reason = "FA-1 allocates nothing from this capacity at the snapshot";
    else if (expected.total !== committed.total) reason = `total ${committed.total} ≠ FA-1's ${expected.total}`;
    else if (expected.root.toLowerCase() !== committed.root.toLowerCase()) reason = "Merkle root differs from FA-1's";
    checks.push({ capacityId, status: reason ? "mismatch" : "match", expected, committed, reason });
  }
  return checks;
}

/** The Merkle proof of the leaf (capacity, need) in the FA-1 tree of that capacity. */
export function proofOf(result: AllocationResult, capacityId: string, needId: string): { proof: Hex[]; amount: bigint; recipient: Hex } {
  const allocations = result.allocations.filter((a) => a.capacity === capacityId);
  const tree = commitmentTree(capacityId, allocations);
  for (const [i, leaf] of tree.entries()) {
    if (leaf[1] === BigInt(needId)) return { proof: tree.getProof(i) as Hex[], amount: leaf[3], recipient: leaf[2] };
  }
  throw new Error(`no leaf for need ${needId} in capacity ${capacityId}'s allocation`);
}
