/**
 * Typed actions of the allocation ledger: each as a direct transaction (`xxx`), as an EIP-712 signature
 * (`signXxx`, by an EOA or a Safe) and as the relay of such a signature (`relayXxx`, by anyone).
 * Thin wrappers over the generic send/sign/relay of send.ts.
 */
import type { PublicClient } from "viem";
import type { ChainClients, ContractAddresses } from "../types.js";
import type { ActionSigner } from "../signers.js";
import type { ActionParams } from "./specs.js";
import { abis } from "../contracts.js";
import { ChainError } from "../errors.js";
import { relayAction, sendAction, signAction, type ActionReceipt, type SignedAction, type SignOptions } from "./send.js";

/**
 * Commit: direct transaction from the wallet client's account. The contract commits into the current
 * round, so `round` is checked first (WRONG_ROUND): a commitment never lands in a round it was not
 * computed for. (A round opening between the check and the transaction is still possible: the relayed
 * `signCommit` signs the round and cannot drift.)
 */
export async function commit(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["Commit"]): Promise<ActionReceipt> {
  const current = (await clients.publicClient.readContract({ address: options.contracts.rounds, abi: abis.rounds, functionName: "currentRound" })) as bigint;
  if (current !== options.round) throw new ChainError("WRONG_ROUND", "commitments go into the current round only", { round: options.round, currentRound: current });
  return sendAction(clients, options.contracts, "Commit", options);
}

/** Commit: `signer` signs; anyone relays the result with `relayCommit`. */
export function signCommit(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["Commit"] & SignOptions,
): Promise<SignedAction<"Commit">> {
  return signAction(client, signer, options.contracts, "Commit", options, options);
}

/** Commit: submits a signature made by `signCommit` from the relayer's wallet. */
export function relayCommit(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"Commit">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** Withdraw: direct transaction from the wallet client's account. */
export function withdraw(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["Withdraw"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "Withdraw", options);
}

/** Withdraw: `signer` signs; anyone relays the result with `relayWithdraw`. */
export function signWithdraw(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["Withdraw"] & SignOptions,
): Promise<SignedAction<"Withdraw">> {
  return signAction(client, signer, options.contracts, "Withdraw", options, options);
}

/** Withdraw: submits a signature made by `signWithdraw` from the relayer's wallet. */
export function relayWithdraw(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"Withdraw">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** RecordDelivery: direct transaction with an explicit leaf and proof (`recordDelivery` in deliver.ts finds them for you). */
export function sendRecordDelivery(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["RecordDelivery"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "RecordDelivery", options);
}

/** RecordDelivery: `signer` signs; anyone relays the result with `relayRecordDelivery`. */
export function signRecordDelivery(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["RecordDelivery"] & SignOptions,
): Promise<SignedAction<"RecordDelivery">> {
  return signAction(client, signer, options.contracts, "RecordDelivery", options, options);
}

/** RecordDelivery: submits a signature made by `signRecordDelivery` from the relayer's wallet. */
export function relayRecordDelivery(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"RecordDelivery">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** ConfirmReceipt: direct transaction with an explicit amount (`confirmReceipt` in deliver.ts defaults it). */
export function sendConfirmReceipt(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["ConfirmReceipt"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "ConfirmReceipt", options);
}

/** ConfirmReceipt: `signer` signs; anyone relays the result with `relayConfirmReceipt`. */
export function signConfirmReceipt(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["ConfirmReceipt"] & SignOptions,
): Promise<SignedAction<"ConfirmReceipt">> {
  return signAction(client, signer, options.contracts, "ConfirmReceipt", options, options);
}

/** ConfirmReceipt: submits a signature made by `signConfirmReceipt` from the relayer's wallet. */
export function relayConfirmReceipt(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"ConfirmReceipt">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}

/** Attest: direct transaction from the wallet client's account. */
export function attest(clients: ChainClients, options: { contracts: ContractAddresses } & ActionParams["Attest"]): Promise<ActionReceipt> {
  return sendAction(clients, options.contracts, "Attest", options);
}

/** Attest: `signer` signs; anyone relays the result with `relayAttest`. */
export function signAttest(
  client: PublicClient,
  signer: ActionSigner,
  options: { contracts: ContractAddresses } & ActionParams["Attest"] & SignOptions,
): Promise<SignedAction<"Attest">> {
  return signAction(client, signer, options.contracts, "Attest", options, options);
}

/** Attest: submits a signature made by `signAttest` from the relayer's wallet. */
export function relayAttest(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction<"Attest">): Promise<ActionReceipt> {
  return relayAction(clients, contracts, signed);
}
