/**
 * Typed actions of the recognition registry: each as a direct transaction (`xxx`), as an EIP-712 signature
 * (`signXxx`, by an EOA or a Safe) and as the relay of such a signature (`relayXxx`, by anyone).
 * Thin wrappers over the generic send/sign/relay of send.ts.
 */
import type { PublicClient } from "viem";
import type { ChainClients, ContractAddresses } from "../types.js";
import type { ActionSigner } from "../signers.js";
import type { ActionParams } from "./specs.js";
import { relayAction, sendAction, signAction, type ActionReceipt, type SignedAction, type SignOptions } from "./send.js";

/** SetRecognition: direct transaction from the wallet client's account. */
export function setRecognition(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["SetRecognition"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "SetRecognition", options);
}

/** SetRecognition: `signer` signs; anyone relays the result with `relaySetRecognition`. */
export function signSetRecognition(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["SetRecognition"] & SignOptions,
): Promise<SignedAction<"SetRecognition">> {
  return signAction(client, signer, options.contracts, "SetRecognition", options, options);
}

/** SetRecognition: submits a signature made by `signSetRecognition` from the relayer's wallet. */
export function relaySetRecognition(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"SetRecognition">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** SetRecognitionEntry: direct transaction from the wallet client's account. */
export function setRecognitionEntry(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["SetRecognitionEntry"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "SetRecognitionEntry", options);
}

/** SetRecognitionEntry: `signer` signs; anyone relays the result with `relaySetRecognitionEntry`. */
export function signSetRecognitionEntry(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["SetRecognitionEntry"] & SignOptions,
): Promise<SignedAction<"SetRecognitionEntry">> {
  return signAction(client, signer, options.contracts, "SetRecognitionEntry", options, options);
}

/** SetRecognitionEntry: submits a signature made by `signSetRecognitionEntry` from the relayer's wallet. */
export function relaySetRecognitionEntry(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"SetRecognitionEntry">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** RevokeRecognition: direct transaction from the wallet client's account. */
export function revokeRecognition(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["RevokeRecognition"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "RevokeRecognition", options);
}

/** RevokeRecognition: `signer` signs; anyone relays the result with `relayRevokeRecognition`. */
export function signRevokeRecognition(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["RevokeRecognition"] & SignOptions,
): Promise<SignedAction<"RevokeRecognition">> {
  return signAction(client, signer, options.contracts, "RevokeRecognition", options, options);
}

/** RevokeRecognition: submits a signature made by `signRevokeRecognition` from the relayer's wallet. */
export function relayRevokeRecognition(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"RevokeRecognition">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** RevokeAllRecognition: direct transaction from the wallet client's account. */
export function revokeAllRecognition(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["RevokeAllRecognition"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "RevokeAllRecognition", options);
}

/** RevokeAllRecognition: `signer` signs; anyone relays the result with `relayRevokeAllRecognition`. */
export function signRevokeAllRecognition(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["RevokeAllRecognition"] & SignOptions,
): Promise<SignedAction<"RevokeAllRecognition">> {
  return signAction(client, signer, options.contracts, "RevokeAllRecognition", options, options);
}

/** RevokeAllRecognition: submits a signature made by `signRevokeAllRecognition` from the relayer's wallet. */
export function relayRevokeAllRecognition(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"RevokeAllRecognition">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}
