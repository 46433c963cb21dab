/**
 * Typed actions of the capacity registry: each as a direct transaction (`xxx`), as an EIP-712 signature
 * (`signXxx`, by an EOA or a Safe) and as the relay of such a signature (`relayXxx`, by anyone).
 * Thin wrappers over the generic send/sign/relay of send.ts.
 */
import type { PublicClient } from "viem";
import type { ChainClients, ContractAddresses } from "../types.js";
import type { ActionSigner } from "../signers.js";
import type { ActionParams } from "./specs.js";
import { relayAction, sendAction, signAction, type ActionReceipt, type SignedAction, type SignOptions } from "./send.js";

/** DeclareCapacity: direct transaction from the wallet client's account. */
export async function declareCapacity(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["DeclareCapacity"]): Promise<ActionReceipt & { capacityId: bigint }> {
  const sent = await sendAction(clients, options.contracts, "DeclareCapacity", options);
  return { ...sent, capacityId: sent.events.find((e) => e.eventName === "CapacityDeclared")!.args.capacityId as bigint };
}

/** DeclareCapacity: `signer` signs; anyone relays the result with `relayDeclareCapacity`. */
export function signDeclareCapacity(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["DeclareCapacity"] & SignOptions,
): Promise<SignedAction<"DeclareCapacity">> {
  return signAction(client, signer, options.contracts, "DeclareCapacity", options, options);
}

/** DeclareCapacity: submits a signature made by `signDeclareCapacity` from the relayer's wallet. */
export async function relayDeclareCapacity(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"DeclareCapacity">): Promise<ActionReceipt & { capacityId: bigint }> {
  const sent = await relayAction(clients, contracts, signed);
  return { ...sent, capacityId: sent.events.find((e) => e.eventName === "CapacityDeclared")!.args.capacityId as bigint };
}

/** UpdateCapacity: direct transaction from the wallet client's account. */
export function updateCapacity(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["UpdateCapacity"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "UpdateCapacity", options);
}

/** UpdateCapacity: `signer` signs; anyone relays the result with `relayUpdateCapacity`. */
export function signUpdateCapacity(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["UpdateCapacity"] & SignOptions,
): Promise<SignedAction<"UpdateCapacity">> {
  return signAction(client, signer, options.contracts, "UpdateCapacity", options, options);
}

/** UpdateCapacity: submits a signature made by `signUpdateCapacity` from the relayer's wallet. */
export function relayUpdateCapacity(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"UpdateCapacity">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** UpdateCapacityQuantity: direct transaction from the wallet client's account. */
export function updateCapacityQuantity(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["UpdateCapacityQuantity"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "UpdateCapacityQuantity", options);
}

/** UpdateCapacityQuantity: `signer` signs; anyone relays the result with `relayUpdateCapacityQuantity`. */
export function signUpdateCapacityQuantity(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["UpdateCapacityQuantity"] & SignOptions,
): Promise<SignedAction<"UpdateCapacityQuantity">> {
  return signAction(client, signer, options.contracts, "UpdateCapacityQuantity", options, options);
}

/** UpdateCapacityQuantity: submits a signature made by `signUpdateCapacityQuantity` from the relayer's wallet. */
export function relayUpdateCapacityQuantity(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"UpdateCapacityQuantity">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** RevokeCapacity: direct transaction from the wallet client's account. */
export function revokeCapacity(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["RevokeCapacity"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "RevokeCapacity", options);
}

/** RevokeCapacity: `signer` signs; anyone relays the result with `relayRevokeCapacity`. */
export function signRevokeCapacity(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["RevokeCapacity"] & SignOptions,
): Promise<SignedAction<"RevokeCapacity">> {
  return signAction(client, signer, options.contracts, "RevokeCapacity", options, options);
}

/** RevokeCapacity: submits a signature made by `signRevokeCapacity` from the relayer's wallet. */
export function relayRevokeCapacity(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"RevokeCapacity">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}
