/**
 * Generic direct transaction, EIP-712 signing and relaying of any action in the table (specs.ts).
 * Transactions wait for their receipt; a revert throws viem's error, whose custom error
 * `describeError` decodes into one line.
 */
import { parseEventLogs, type Abi, type Hex, type PublicClient, type TransactionReceipt, type TypedDataDefinition } from "viem";
import type { Address, ChainClients, ContractAddresses } from "../types.js";
import { abis } from "../contracts.js";
import { writeAndWait } from "../gas.js";
import type { ActionSigner } from "../signers.js";
import { actionSpecs, typedDataOf, versionDefaults, type ActionName, type ActionParams } from "./specs.js";
import { actionNonce } from "./nonce.js";

/** Result of a mined transaction, with the events the target contract emitted in it. */
export interface ActionReceipt {
  readonly hash: Hex;
  readonly receipt: TransactionReceipt;
  readonly events: readonly { eventName: string; args: Record<string, any> }[];
}

/** A signed action anyone may relay. */
export interface SignedAction<A extends ActionName = ActionName> {
  readonly action: A;
  readonly signer: Address;
  readonly params: ActionParams[A];
  readonly nonce: bigint;
  readonly deadline: bigint;
  readonly signature: Hex;
}

async function sendAndWait(
  clients: ChainClients,
  contracts: ContractAddresses,
  action: ActionName,
  functionName: string,
  args: readonly unknown[],
): Promise<ActionReceipt> {
  const contract = actionSpecs[action].contract;
  const abi = abis[contract];
  const { hash, receipt } = await writeAndWait(clients, { address: contracts[contract], abi: abi as Abi, functionName, args });
  const events = parseEventLogs({ abi, logs: receipt.logs.filter((l) => l.address.toLowerCase() === contracts[contract].toLowerCase()) }).map((e) => ({
    eventName: e.eventName as string,
    args: e.args as Record<string, any>,
  }));
  return { hash, receipt, events };
}

/**
 * Fills a ledger action's omitted `version` from the ledger: the next version for Commit, the latest one
 * for the others (the actions name the version they target, so a signature never lands on another).
 */
export async function withVersion<A extends ActionName>(client: PublicClient, contracts: ContractAddresses, action: A, params: ActionParams[A]): Promise<ActionParams[A]> {
  const mode = versionDefaults[action];
  const p = params as { round?: bigint; capacityId?: bigint; version?: bigint };
  if (mode === undefined || p.version !== undefined) return params;
  const commitment = (await client.readContract({ address: contracts.ledger, abi: abis.ledger, functionName: "commitmentOf", args: [p.round!, p.capacityId!] })) as { version: number };
  const latest = BigInt(commitment.version);
  return { ...params, version: mode === "next" ? latest + 1n : latest };
}

/** Sends `action` as a direct transaction from the wallet client's account. */
export async function sendAction<A extends ActionName>(clients: ChainClients, contracts: ContractAddresses, action: A, params: ActionParams[A]): Promise<ActionReceipt> {
  const spec = actionSpecs[action];
  const resolved = await withVersion(clients.publicClient as PublicClient, contracts, action, params);
  return sendAndWait(clients, contracts, action, spec.functionName, spec.direct(resolved));
}

export interface SignOptions {
  /** Unix seconds; default: latest block timestamp + 1 hour. */
  readonly deadline?: bigint;
  /** Default: the signer's next nonce for this action (`actionNonce`: keyed by the action's scope). */
  readonly nonce?: bigint;
}

/** The EIP-712 typed data `signer` signs to authorise `action` (for wallets that sign themselves). */
export async function actionTypedData<A extends ActionName>(
  client: PublicClient,
  contracts: ContractAddresses,
  action: A,
  signer: Address,
  params: ActionParams[A],
  options: SignOptions = {},
): Promise<{ typedData: TypedDataDefinition; nonce: bigint; deadline: bigint; params: ActionParams[A] }> {
  const spec = actionSpecs[action];
  const address = contracts[spec.contract];
  params = await withVersion(client, contracts, action, params);
  const [chainId, nonce, deadline] = await Promise.all([
    client.getChainId(),
    options.nonce ?? actionNonce(client, contracts, action, signer, params),
    options.deadline ?? client.getBlock().then((b) => b.timestamp + 3600n),
  ]);
  const { domain, types } = typedDataOf(action, chainId, address);
  const typedData = {
    domain,
    types,
    primaryType: action,
    message: { signer, ...spec.message(params), nonce, deadline },
  } as unknown as TypedDataDefinition;
  return { typedData, nonce, deadline, params };
}

/** `signer` (an EOA or a Safe, see signers.ts) signs `action`; anyone may relay the result. */
export async function signAction<A extends ActionName>(
  client: PublicClient,
  signer: ActionSigner,
  contracts: ContractAddresses,
  action: A,
  params: ActionParams[A],
  options: SignOptions = {},
): Promise<SignedAction<A>> {
  const typed = await actionTypedData(client, contracts, action, signer.address, params, options);
  const signature = await signer.signTypedData(typed.typedData);
  // The resolved params (with the version signed), so the relay sends exactly what was signed.
  return { action, signer: signer.address, params: typed.params, nonce: typed.nonce, deadline: typed.deadline, signature };
}

/** Submits a signed action from the relayer's wallet (`xxxBySig`). */
export function relayAction(clients: ChainClients, contracts: ContractAddresses, signed: SignedAction): Promise<ActionReceipt> {
  const spec = actionSpecs[signed.action] as (typeof actionSpecs)[ActionName];
  const args = [signed.signer, ...spec.relayed(signed.params as never), signed.deadline, signed.signature];
  return sendAndWait(clients, contracts, signed.action, spec.bySigFunctionName, args);
}
