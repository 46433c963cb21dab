/**
 * The gas limit of every write the SDK sends (and the dapp, through it): the node's estimate plus a
 * fixed margin for one checkpoint slot.
 *
 * Why: the registries checkpoint each term change keyed by block timestamp (OpenZeppelin
 * `Checkpoints`), and a second change in the same second updates the last checkpoint in place while
 * one in a later second writes a new slot (about 22,100 gas more). A node estimates at its latest
 * block's timestamp (geth and Anvil do; EDR estimates at the next one), but the transaction lands in a
 * later block. So right after a change to the same capacity or need, the estimate takes the cheap path
 * and the transaction then runs out of gas: on Anvil, `updateCapacityQuantity` estimated 47,267 and
 * needed 69,533 in the next second. Each action writes at most one checkpoint, so one slot's cost with
 * room to spare covers it; unused gas is not charged.
 */
import type { Abi, Address, Hex, PublicClient } from "viem";
import type { ChainClients } from "./types.js";
import { ChainError } from "./errors.js";

/** Added to every estimate: one new checkpoint slot (22,100 gas) with room to spare. */
export const CHECKPOINT_GAS_MARGIN = 25_000n;

/** The gas limit to send with, given a node's estimate. */
export function gasLimitOf(estimate: bigint): bigint {
  return estimate + CHECKPOINT_GAS_MARGIN;
}

/** A contract call to write: target, ABI, function and arguments. */
export interface ContractWrite {
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args?: readonly unknown[];
}

/**
 * Estimates `call` from the wallet's account, sends it with `gasLimitOf(estimate)` and waits for its
 * receipt; a revert in the estimate throws viem's error (decoded by `describeError`), a revert once
 * mined throws ChainError RPC_FAILED with the hash.
 */
export async function writeAndWait(clients: ChainClients, call: ContractWrite, details: Record<string, unknown> = {}) {
  const wallet = clients.walletClient;
  if (wallet?.account === undefined) throw new ChainError("NO_ACCOUNT", "a wallet client with an account is needed to send transactions");
  const request = { ...call, args: call.args ?? [], account: wallet.account } as const;
  const estimate = await (clients.publicClient as PublicClient).estimateContractGas(request as any);
  const hash: Hex = await wallet.writeContract({ ...request, chain: wallet.chain, gas: gasLimitOf(estimate) } as any);
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new ChainError("RPC_FAILED", "transaction reverted", { hash, functionName: call.functionName, ...details });
  return { hash, receipt };
}
