import { network } from "hardhat";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { stringToHex, type Hex, type TransactionReceipt, hexToBytes } from "viem";
import { ledgerDomain, ledgerTypes, type LedgerAction } from "../../sdk/chain/ledgerTypedData.js";
import type { LeafProgress } from "../../sdk/chain/actions/nonce.js";
import { nonceFor } from "./nonces.js";

export const ROUND_LENGTH = 3600n;
export const FA1 = stringToHex("fa-1", { size: 32 });
export const LEAF_TYPES = ["uint256", "uint256", "address", "uint256"];

export type Leaf = [bigint, bigint, Hex, bigint];

/** A StandardMerkleTree over (capacityId, needId, recipient, amount) leaves, the ledger's leaf encoding. */
export function allocationTree(leaves: Leaf[]) {
  return StandardMerkleTree.of(leaves, LEAF_TYPES);
}

/** Proof of the leaf at `index` in `tree`, typed for viem. */
export function proofOf(tree: StandardMerkleTree<Leaf>, index: number): Hex[] {
  return tree.getProof(index) as Hex[];
}

/** Rounds + mock registry terms + ledger on a fresh simulated chain, round 1 (one round length ahead) not yet open. */
export async function deployLedger() {
  const { viem, networkHelpers } = await network.create();
  const [deployer, provider, alice, bob, stranger, relayer] = await viem.getWalletClients();
  const publicClient = await viem.getPublicClient();
  const rounds = await viem.deployContract("Rounds", [BigInt(await networkHelpers.time.latest()) + ROUND_LENGTH, ROUND_LENGTH]);
  const terms = await viem.deployContract("MockTerms");
  const ledger = await viem.deployContract("AllocationLedger", [rounds.address, terms.address, terms.address]);
  const chainId = await publicClient.getChainId();

  /** Lets the chain's clock reach the next round's scheduled opening (one block mined then); nobody opens it. */
  async function nextRound() {
    await networkHelpers.time.increaseTo(await rounds.read.nextOpenTime());
    return rounds.read.currentRound();
  }

  async function receiptOf(hash: Hex) {
    return publicClient.waitForTransactionReceipt({ hash });
  }

  /**
   * Signs `message` as `signer` (the signer field is filled in; the version defaults to 1; the nonce is
   * the signer's next one for the action's scope, read from the ledger, unless given). A `signer` field in
   * `message` names someone else as the signer (a forgery: the message names them, `signer` signs).
   */
  async function sign<A extends LedgerAction>(
    signer: typeof provider,
    action: A,
    message: Record<string, unknown>,
    nonce?: bigint,
  ): Promise<Hex> {
    // Every ledger message names a commitment version; the tests target version 1 unless they say otherwise.
    const params = { version: 1n, ...message } as Record<string, any>;
    let leaf: LeafProgress | undefined;
    if (action === "RecordDelivery" || action === "ConfirmReceipt") {
      const [, delivered, confirmed] = await ledger.read.leafOf([params.round, params.capacityId, params.version, params.needId]);
      leaf = { delivered, confirmed };
    }
    const n = nonce ?? (await nonceFor(ledger, params.signer ?? signer.account.address, action, params, leaf));
    // The action is chosen at run time, so the typed-data generics cannot narrow: pass it untyped.
    const typedData = {
      account: signer.account,
      domain: ledgerDomain(chainId, ledger.address),
      types: ledgerTypes,
      primaryType: action,
      message: { signer: signer.account.address, ...params, nonce: n },
    } as unknown as Parameters<typeof signer.signTypedData>[0];
    return signer.signTypedData(typedData);
  }

  return {
    viem,
    networkHelpers,
    publicClient,
    rounds,
    terms,
    ledger,
    chainId,
    deployer,
    provider,
    alice,
    bob,
    stranger,
    relayer,
    nextRound,
    receiptOf,
    sign,
  };
}

/**
 * The physical gas floor of a transaction: 21,000 base, calldata at 16 gas per non-zero and 4 per zero
 * byte, 22,100 per storage slot created, 2,900 per slot changed, and logs at 375 + 375 per topic + 8 per
 * data byte. Execution overhead (calls, hashing, checks) is what the measured gas adds on top.
 */
export function gasFloor(input: Hex, receipt: TransactionReceipt, newSlots: number, changedSlots: number): bigint {
  let calldata = 0;
  for (const byte of hexToBytes(input)) calldata += byte === 0 ? 4 : 16;
  let logs = 0;
  for (const log of receipt.logs) logs += 375 + 375 * log.topics.length + 8 * hexToBytes(log.data).length;
  return BigInt(21_000 + calldata + 22_100 * newSlots + 2_900 * changedSlots + logs);
}
