/**
 * Cancelling outstanding signatures (SignedActions): a signer kills every signature it made for relaying,
 * in every contract that takes them, or burns the next nonce of one key. Direct transactions only: a
 * cancellation must never itself wait for a relayer.
 */
import type { Abi, Hex } from "viem";
import type { ChainClients, ContractAddresses } from "../types.js";
import type { ContractName } from "../contracts.js";
import { abis } from "../contracts.js";
import { writeAndWait } from "../gas.js";

/** The contracts that accept relayed signatures. */
export const SIGNING_CONTRACTS = ["recognition", "capacities", "needs", "ledger"] as const satisfies readonly ContractName[];
export type SigningContract = (typeof SIGNING_CONTRACTS)[number];

/**
 * Invalidates every outstanding signature of the wallet's account in `only` (default: all four contracts),
 * one `invalidateAllNonces()` transaction each, in order; returns their hashes as they are mined.
 */
export async function invalidateAllSignatures(
  clients: ChainClients,
  options: { contracts: ContractAddresses; only?: readonly SigningContract[] },
): Promise<{ contract: SigningContract; hash: Hex }[]> {
  const sent: { contract: SigningContract; hash: Hex }[] = [];
  for (const contract of options.only ?? SIGNING_CONTRACTS) {
    const { hash } = await writeAndWait(clients, { address: options.contracts[contract], abi: abis[contract] as Abi, functionName: "invalidateAllNonces" }, { contract });
    sent.push({ contract, hash });
  }
  return sent;
}

/** Burns the wallet account's next nonce on `key` (the top 192 bits of a signed nonce) in `contract`. */
export async function invalidateNonce(
  clients: ChainClients,
  options: { contracts: ContractAddresses; contract: SigningContract; key: bigint },
): Promise<{ hash: Hex }> {
  const { hash } = await writeAndWait(
    clients,
    { address: options.contracts[options.contract], abi: abis[options.contract] as Abi, functionName: "invalidateNonce", args: [options.key] },
    { contract: options.contract },
  );
  return { hash };
}
