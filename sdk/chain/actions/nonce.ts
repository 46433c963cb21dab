/**
 * The nonce a signer signs for an action. Nonces are keyed (OpenZeppelin NoncesKeyed): each action
 * belongs to a scope — the input it changes — and a target, and the contract's
 * `signatureNonce(signer, revocation, scope, target)` gives the next nonce for them (docs/contracts.md,
 * "Signatures"). This file states every action's scope and target once, as the contracts compute them.
 */
import { encodeAbiParameters, keccak256, toBytes, type Hex, type PublicClient } from "viem";
import type { Address, ContractAddresses } from "../types.js";
import { abis } from "../contracts.js";
import { ledgerTypes } from "../ledgerTypedData.js";
import { actionSpecs, type ActionName, type ActionParams } from "./specs.js";

/** Where an action's signature lives: a revocation or not, its scope and its target. */
export interface NonceScope {
  readonly revocation: boolean;
  readonly scope: Hex;
  readonly target: Hex;
}

const ZERO: Hex = `0x${"00".repeat(32)}`;
const word = (value: bigint): Hex => encodeAbiParameters([{ type: "uint256" }], [value]);
const addressWord = (address: Address): Hex => encodeAbiParameters([{ type: "uint256" }], [BigInt(address)]);

/** keccak256 of a ledger action's EIP-712 type string (its `*_TYPEHASH`). */
function ledgerTypeHash(action: keyof typeof ledgerTypes): Hex {
  const fields = ledgerTypes[action].map((f) => `${f.type} ${f.name}`).join(",");
  return keccak256(toBytes(`${action}(${fields})`));
}

const hashWords = (types: readonly string[], values: readonly unknown[]): Hex =>
  keccak256(encodeAbiParameters(types.map((type) => ({ type })), values as unknown[]));

function leafKey(p: { round: bigint; capacityId: bigint; version?: bigint; needId: bigint }): Hex {
  return hashWords(["uint256", "uint256", "uint256", "uint256"], [p.round, p.capacityId, p.version!, p.needId]);
}

/** What a leaf delivered and confirmed so far (the target of its deliveries' and confirmations' nonces). */
export interface LeafProgress {
  readonly delivered: bigint;
  readonly confirmed: bigint;
}

/**
 * The scope and target of `action` with `params` (their `version` resolved, see `withVersion`). Ledger
 * deliveries and confirmations are targeted at what the leaf delivered / confirmed so far (`leaf`), so a
 * signature made before any later delivery or confirmation of that leaf is dead (no double counting).
 */
export function nonceScopeOf<A extends ActionName>(action: A, params: ActionParams[A], leaf?: LeafProgress): NonceScope {
  const p = params as Record<string, any>;
  switch (action) {
    case "SetRecognition":
    case "SetRecognitionEntry":
      return { revocation: false, scope: ZERO, target: ZERO };
    case "RevokeRecognition":
      return { revocation: true, scope: ZERO, target: addressWord(p.recipient) };
    case "RevokeAllRecognition":
      return { revocation: true, scope: ZERO, target: ZERO };
    case "DeclareCapacity":
    case "DeclareNeed":
      return { revocation: false, scope: ZERO, target: ZERO };
    case "UpdateCapacity":
    case "UpdateCapacityQuantity":
      return { revocation: false, scope: word(p.capacityId), target: ZERO };
    case "RevokeCapacity":
      return { revocation: true, scope: word(p.capacityId), target: ZERO };
    case "UpdateNeed":
    case "UpdateNeedQuantity":
      return { revocation: false, scope: word(p.needId), target: ZERO };
    case "RevokeNeed":
      return { revocation: true, scope: word(p.needId), target: ZERO };
    case "Commit":
    case "Withdraw":
      return {
        revocation: action === "Withdraw",
        scope: hashWords(["bytes32", "uint256", "uint256"], [ledgerTypeHash("Commit"), p.round, p.capacityId]),
        target: ZERO,
      };
    case "RecordDelivery":
    case "ConfirmReceipt": {
      if (leaf === undefined) throw new Error(`${action as string}: the leaf's progress is needed for its nonce`);
      return {
        revocation: false,
        scope: hashWords(["bytes32", "bytes32"], [ledgerTypeHash(action as "RecordDelivery"), leafKey(p as any)]),
        target: word(action === "RecordDelivery" ? leaf.delivered : leaf.confirmed),
      };
    }
    case "Attest":
      return {
        revocation: false,
        scope: hashWords(["bytes32", "uint256", "uint256", "uint256"], [ledgerTypeHash("Attest"), p.round, p.capacityId, p.version]),
        target: ZERO,
      };
  }
  throw new Error(`no nonce scope for ${action as string}`);
}

/** `nonceScopeOf`, reading the leaf's progress from the ledger when the action needs it. */
export async function actionNonceScope<A extends ActionName>(
  client: PublicClient,
  contracts: ContractAddresses,
  action: A,
  params: ActionParams[A],
): Promise<NonceScope> {
  if (action !== "RecordDelivery" && action !== "ConfirmReceipt") return nonceScopeOf(action, params);
  const p = params as ActionParams["RecordDelivery"];
  const [, delivered, confirmed] = (await client.readContract({
    address: contracts.ledger,
    abi: abis.ledger,
    functionName: "leafOf",
    args: [p.round, p.capacityId, p.version!, p.needId],
  })) as readonly [Address, bigint, bigint];
  return nonceScopeOf(action, params, { delivered, confirmed });
}

/** The nonce `signer` must sign now for `action` with `params` (their `version` resolved). */
export async function actionNonce<A extends ActionName>(
  client: PublicClient,
  contracts: ContractAddresses,
  action: A,
  signer: Address,
  params: ActionParams[A],
): Promise<bigint> {
  const { revocation, scope, target } = await actionNonceScope(client, contracts, action, params);
  const contract = actionSpecs[action].contract;
  return (await client.readContract({
    address: contracts[contract],
    abi: abis[contract] as any,
    functionName: "signatureNonce",
    args: [signer, revocation, scope, target],
  })) as bigint;
}
