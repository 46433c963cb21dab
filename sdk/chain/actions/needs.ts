/**
 * Typed actions of the need registry: each as a direct transaction (`xxx`), as an EIP-712 signature
 * (`signXxx`, by an EOA or a Safe) and as the relay of such a signature (`relayXxx`, by anyone).
 * Thin wrappers over the generic send/sign/relay of send.ts.
 */
import type { PublicClient } from "viem";
import type { ChainClients, ContractAddresses } from "../types.js";
import type { ActionSigner } from "../signers.js";
import type { ActionParams } from "./specs.js";
import { relayAction, sendAction, signAction, type ActionReceipt, type SignedAction, type SignOptions } from "./send.js";

/** DeclareNeed: direct transaction from the wallet client's account. */
export async function declareNeed(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["DeclareNeed"]): Promise<ActionReceipt & { needId: bigint }> {
  const sent = await sendAction(clients, options.contracts, "DeclareNeed", options);
  return { ...sent, needId: sent.events.find((e) => e.eventName === "NeedDeclared")!.args.needId as bigint };
}

/** DeclareNeed: `signer` signs; anyone relays the result with `relayDeclareNeed`. */
export function signDeclareNeed(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["DeclareNeed"] & SignOptions,
): Promise<SignedAction<"DeclareNeed">> {
  return signAction(client, signer, options.contracts, "DeclareNeed", options, options);
}

/** DeclareNeed: submits a signature made by `signDeclareNeed` from the relayer's wallet. */
export async function relayDeclareNeed(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"DeclareNeed">): Promise<ActionReceipt & { needId: bigint }> {
  const sent = await relayAction(clients, contracts, signed);
  return { ...sent, needId: sent.events.find((e) => e.eventName === "NeedDeclared")!.args.needId as bigint };
}

/** UpdateNeed: direct transaction from the wallet client's account. */
export function updateNeed(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["UpdateNeed"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "UpdateNeed", options);
}

/** UpdateNeed: `signer` signs; anyone relays the result with `relayUpdateNeed`. */
export function signUpdateNeed(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["UpdateNeed"] & SignOptions,
): Promise<SignedAction<"UpdateNeed">> {
  return signAction(client, signer, options.contracts, "UpdateNeed", options, options);
}

/** UpdateNeed: submits a signature made by `signUpdateNeed` from the relayer's wallet. */
export function relayUpdateNeed(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"UpdateNeed">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** UpdateNeedQuantity: direct transaction from the wallet client's account. */
export function updateNeedQuantity(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["UpdateNeedQuantity"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "UpdateNeedQuantity", options);
}

/** UpdateNeedQuantity: `signer` signs; anyone relays the result with `relayUpdateNeedQuantity`. */
export function signUpdateNeedQuantity(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["UpdateNeedQuantity"] & SignOptions,
): Promise<SignedAction<"UpdateNeedQuantity">> {
  return signAction(client, signer, options.contracts, "UpdateNeedQuantity", options, options);
}

/** UpdateNeedQuantity: submits a signature made by `signUpdateNeedQuantity` from the relayer's wallet. */
export function relayUpdateNeedQuantity(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"UpdateNeedQuantity">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** RevokeNeed: direct transaction from the wallet client's account. */
export function revokeNeed(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["RevokeNeed"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "RevokeNeed", options);
}

/** RevokeNeed: `signer` signs; anyone relays the result with `relayRevokeNeed`. */
export function signRevokeNeed(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["RevokeNeed"] & SignOptions,
): Promise<SignedAction<"RevokeNeed">> {
  return signAction(client, signer, options.contracts, "RevokeNeed", options, options);
}

/** RevokeNeed: submits a signature made by `signRevokeNeed` from the relayer's wallet. */
export function relayRevokeNeed(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"RevokeNeed">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}
