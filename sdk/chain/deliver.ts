/**
 * `recordDelivery` and `confirmReceipt` over the recomputed tree: the provider names the leaf by
 * (round, capacity, need); the SDK finds its recipient, amount and Merkle proof by recomputing the
 * round (or from the leaves `commitRound` returned) and sends the transaction.
 */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import type { Hex, PublicClient } from "viem";
import { LEAF_ENCODING, protocolIdFromBytes32, type CommitmentLeaf } from "../core/index.js";
import type { Address, ChainClients, ContractAddresses, ProgressCallback } from "./types.js";
import { readRoundSnapshot } from "./readRoundSnapshot.js";
import { expectedCommitments } from "./commitRound.js";
import { protocolOfCommitment } from "./verifyRound.js";
import { sendAction, type ActionReceipt } from "./actions/send.js";
import { abis } from "./contracts.js";
import { ChainError } from "./errors.js";

export interface LeafWithProof {
  readonly leaf: CommitmentLeaf;
  readonly proof: Hex[];
  readonly root: Hex;
}

/** The leaf of `needId` in a commitment's leaves, with its proof. */
export function leafProof(leaves: readonly CommitmentLeaf[], needId: bigint): LeafWithProof {
  const tree = StandardMerkleTree.of([...leaves], [...LEAF_ENCODING]);
  const index = leaves.findIndex((l) => l[1] === needId);
  if (index < 0) throw new ChainError("NOT_FOUND", "no leaf for this need in the commitment", { capacityId: leaves[0]?.[0], needId });
  return { leaf: leaves[index], proof: tree.getProof(index) as Hex[], root: tree.root as Hex };
}

export interface LeafLookupOptions {
  readonly contracts: ContractAddresses;
  readonly round: bigint;
  readonly capacityId: bigint;
  readonly needId: bigint;
  /** The commitment's leaves (from commitRound); default: recompute the round from the chain. */
  readonly leaves?: readonly CommitmentLeaf[];
  readonly fromBlock?: bigint;
  readonly chunkSize?: bigint;
  readonly retries?: number;
  readonly onProgress?: ProgressCallback;
}

/** Finds the leaf and proof of (round, capacity, need) and checks the root is the one committed. */
export async function findLeaf(client: PublicClient, options: LeafLookupOptions): Promise<LeafWithProof> {
  // The snapshot first: it names a round that is not open before anything else.
  const snapshot = options.leaves === undefined ? await readRoundSnapshot(client, { ...options, round: options.round }) : undefined;
  const committed = (await client.readContract({
    address: options.contracts.ledger,
    abi: abis.ledger,
    functionName: "commitmentOf",
    args: [options.round, options.capacityId],
  })) as { root: Hex; version: number; protocolId: Hex };
  if (committed.version === 0) throw new ChainError("NOT_FOUND", "no commitment for this capacity in this round", { round: options.round, capacityId: options.capacityId });
  let leaves: readonly CommitmentLeaf[];
  if (options.leaves !== undefined) leaves = options.leaves;
  else {
    // The leaves are those of the protocol the commitment names (an FA-1 commitment keeps FA-1's).
    const protocol = protocolOfCommitment(committed.protocolId);
    if (protocol === undefined) {
      throw new ChainError("NOT_FOUND", "the commitment names a protocol this SDK does not know; pass its leaves", { protocolId: committed.protocolId, id: protocolIdFromBytes32(committed.protocolId) });
    }
    const expected = expectedCommitments(snapshot!, protocol).commitments.get(options.capacityId);
    if (expected === undefined) throw new ChainError("NOT_FOUND", "the protocol allocates nothing from this capacity in this round", { round: options.round, capacityId: options.capacityId, protocol: protocol.id });
    leaves = expected.leaves;
  }
  const found = leafProof(leaves, options.needId);
  if (committed.root !== found.root) {
    throw new ChainError("STATE_MISMATCH", "the committed root is not the recomputed one", { committed: committed.root, recomputed: found.root });
  }
  return found;
}

/** Records that the provider delivered `amount` (default: the rest of the leaf) against a committed leaf. */
export async function recordDelivery(
  clients: ChainClients,
  options: LeafLookupOptions & { amount?: bigint },
): Promise<ActionReceipt & { leaf: CommitmentLeaf; amount: bigint }> {
  const client = clients.publicClient as PublicClient;
  const { leaf, proof } = await findLeaf(client, options);
  const version = await latestVersion(client, options.contracts, options.round, options.capacityId);
  let amount = options.amount;
  if (amount === undefined) {
    const [, delivered] = (await client.readContract({
      address: options.contracts.ledger,
      abi: abis.ledger,
      functionName: "leafOf",
      args: [options.round, options.capacityId, version, options.needId],
    })) as readonly [Address, bigint, bigint];
    amount = leaf[3] - delivered;
  }
  const sent = await sendAction(clients, options.contracts, "RecordDelivery", {
    round: options.round,
    capacityId: options.capacityId,
    version,
    needId: options.needId,
    recipient: leaf[2],
    leafAmount: leaf[3],
    proof,
    amount,
  });
  return { ...sent, leaf, amount };
}

/** The latest version of commitment (round, capacityId), 0 if none. */
async function latestVersion(client: PublicClient, contracts: ContractAddresses, round: bigint, capacityId: bigint): Promise<bigint> {
  const c = (await client.readContract({ address: contracts.ledger, abi: abis.ledger, functionName: "commitmentOf", args: [round, capacityId] })) as { version: number };
  return BigInt(c.version);
}

/**
 * The recipient confirms receiving `amount` (default: everything delivered and not yet confirmed) under
 * version `version` of the commitment (default: the latest; a withdrawn version's deliveries stay confirmable).
 */
export async function confirmReceipt(
  clients: ChainClients,
  options: { contracts: ContractAddresses; round: bigint; capacityId: bigint; needId: bigint; version?: bigint; amount?: bigint },
): Promise<ActionReceipt & { amount: bigint }> {
  const version = options.version ?? (await latestVersion(clients.publicClient as PublicClient, options.contracts, options.round, options.capacityId));
  let amount = options.amount;
  if (amount === undefined) {
    const [, delivered, confirmed] = (await clients.publicClient.readContract({
      address: options.contracts.ledger,
      abi: abis.ledger,
      functionName: "leafOf",
      args: [options.round, options.capacityId, version, options.needId],
    })) as readonly [Address, bigint, bigint];
    amount = delivered - confirmed;
  }
  const sent = await sendAction(clients, options.contracts, "ConfirmReceipt", { ...options, version, amount });
  return { ...sent, amount };
}
