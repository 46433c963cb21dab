/**
 * Merkle commitments of an allocation, in the exact leaf encoding the ledger contract
 * verifies: leaf = keccak256(bytes.concat(keccak256(abi.encode(capacityId, needId, recipient, amount))))
 * with types (uint256, uint256, address, uint256) — OpenZeppelin's StandardMerkleTree.
 */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { keccak256, stringToHex, toBytes, type Hex } from "viem";
import type { Address, Allocation, AllocationResult } from "./types.js";
import { EngineError } from "./errors.js";
import { compareIds, isCanonicalDecimal } from "./ids.js";

export const LEAF_ENCODING = ["uint256", "uint256", "address", "uint256"] as const;

/** One leaf: [capacityId, needId, recipient, amount]. */
export type CommitmentLeaf = [bigint, bigint, Address, bigint];

const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * On-chain uint256 id of a scenario id: a canonical decimal string ("0", "42"; no sign, no
 * leading zero) below 2^256 is the number itself; any other string is uint256(keccak256(utf8(id))).
 */
export function idToUint256(id: string): bigint {
  if (isCanonicalDecimal(id)) {
    const value = BigInt(id);
    if (value <= MAX_UINT256) return value;
  }
  return BigInt(keccak256(toBytes(id)));
}

/** A protocol id as bytes32: ASCII, left-aligned, zero-padded ("fa-1" -> 0x66612d31 00…). */
export function protocolIdToBytes32(id: string): Hex {
  if (new TextEncoder().encode(id).length > 32) throw new EngineError("INVALID_ID", "protocol id longer than 32 bytes", { id });
  return stringToHex(id, { size: 32 });
}

/** Leaves sorted canonically: by needId (numeric), then recipient. */
function leavesOf(capacityId: string, allocations: readonly Allocation[]): CommitmentLeaf[] {
  const cap = idToUint256(capacityId);
  const leaves: CommitmentLeaf[] = [];
  for (const a of allocations) {
    if (a.capacity !== capacityId || a.amount === 0n) continue;
    leaves.push([cap, idToUint256(a.need), a.recipient.toLowerCase() as Address, a.amount]);
  }
  leaves.sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0));
  return leaves;
}

/**
 * The commitment tree of one capacity: one leaf per non-zero allocation from it. Throws on an
 * empty allocation (nothing to commit). The root does not depend on the order of `allocations`.
 */
export function commitmentTree(capacityId: string, allocations: readonly Allocation[]): StandardMerkleTree<CommitmentLeaf> {
  const leaves = leavesOf(capacityId, allocations);
  if (leaves.length === 0) throw new EngineError("NOTHING_TO_COMMIT", "no allocation from this capacity to commit", { capacity: capacityId });
  return StandardMerkleTree.of(leaves, [...LEAF_ENCODING]);
}

export interface CapacityCommitment {
  readonly capacityId: bigint;
  readonly root: Hex;
  /** Σ amounts of the leaves (what the ledger checks against the capacity). */
  readonly total: bigint;
  readonly leaves: readonly CommitmentLeaf[];
}

/** Commitment root, total and leaves of every capacity that allocates something, keyed by scenario capacity id. */
export function commitmentRoots(result: AllocationResult): Record<string, CapacityCommitment> {
  const byCapacity = new Map<string, Allocation[]>();
  for (const a of result.allocations) {
    if (a.amount === 0n) continue;
    let list = byCapacity.get(a.capacity);
    if (list === undefined) byCapacity.set(a.capacity, (list = []));
    list.push(a);
  }
  const out: Record<string, CapacityCommitment> = {};
  for (const capacity of [...byCapacity.keys()].sort(compareIds)) {
    const tree = commitmentTree(capacity, byCapacity.get(capacity)!);
    const leaves = leavesOf(capacity, byCapacity.get(capacity)!);
    out[capacity] = {
      capacityId: idToUint256(capacity),
      root: tree.root as Hex,
      total: leaves.reduce((s, l) => s + l[3], 0n),
      leaves,
    };
  }
  return out;
}

export interface LeafProof {
  readonly leaf: CommitmentLeaf;
  readonly proof: Hex[];
  readonly root: Hex;
}

/** The leaf and Merkle proof of allocation (capacity, need) in `result`. */
export function proofFor(result: AllocationResult, capacityId: string, needId: string): LeafProof {
  const mine = result.allocations.filter((a) => a.capacity === capacityId);
  const alloc = mine.find((a) => a.need === needId && a.amount > 0n);
  if (alloc === undefined) throw new EngineError("NO_ALLOCATION", "no allocation for this capacity and need", { capacity: capacityId, need: needId });
  const tree = commitmentTree(capacityId, mine);
  const leaf: CommitmentLeaf = [idToUint256(capacityId), idToUint256(needId), alloc.recipient.toLowerCase() as Address, alloc.amount];
  return { leaf, proof: tree.getProof(leaf) as Hex[], root: tree.root as Hex };
}

/** Verifies a leaf against a root (same check as the contract's MerkleProof.verify). */
export function verifyLeaf(root: Hex, leaf: CommitmentLeaf, proof: readonly Hex[]): boolean {
  return StandardMerkleTree.verify(root, [...LEAF_ENCODING], leaf, [...proof]);
}
