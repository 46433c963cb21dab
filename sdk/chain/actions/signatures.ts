/**
 * Cancelling outstanding signatures (SignedActions): a signer kills every signature it made for relaying,
 * in every contract that takes them, or burns the next nonce of one key. Direct transactions only: a
 * cancellation must never itself wait for a relayer.
 */
import type { Hex } from "viem";
import type { ChainClients, ContractAddresses } from "../types.js";
import type { ContractName } from "../contracts.js";
import { abis } from "../contracts.js";
import { ChainError } from "../errors.js";

/** The contracts that accept relayed signatures. */
export const SIGNING_CONTRACTS = ["recognition", "capacities", "needs", "ledger"] as const satisfies readonly ContractName[];
export type SigningContract = (typeof SIGNING_CONTRACTS)[number];

function walletOf(clients: ChainClients) {
  if (clients.walletClient === undefined) throw new ChainError("NO_ACCOUNT", "a wallet client with an account is needed to send transactions");
  return clients.walletClient;
}

/**
 * Invalidates every outstanding signature of the wallet's account in `only` (default: all four contracts),
 * one `invalidateAllNonces()` transaction each, in order; returns their hashes as they are mined.
 */
export async function invalidateAllSignatures(
  clients: ChainClients,
  options: { contracts: ContractAddresses; only?: readonly SigningContract[] },
): Promise<{ contract: SigningContract; hash: Hex }[]> {
  const wallet = walletOf(clients);
  const sent: { contract: SigningContract; hash: Hex }[] = [];
  for (const contract of options.only ?? SIGNING_CONTRACTS) {
    const hash = await wallet.writeContract({
      address: options.contracts[contract],
      abi: abis[contract] as any,
      functionName: "invalidateAllNonces",
      account: wallet.account!,
      chain: wallet.chain,
    } as any);
    const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new ChainError("RPC_FAILED", "transaction reverted", { hash, contract });
    sent.push({ contract, hash });
  }
  return sent;
}

/** Burns the wallet account's next nonce on `key` (the top 192 bits of a signed nonce) in `contract`. */
export async function invalidateNonce(
  clients: ChainClients,
  options: { contracts: ContractAddresses; contract: SigningContract; key: bigint },
): Promise<{ hash: Hex }> {
  const wallet = walletOf(clients);
  const hash = await wallet.writeContract({
    address: options.contracts[options.contract],
    abi: abis[options.contract] as any,
    functionName: "invalidateNonce",
    args: [options.key],
    account: wallet.account!,
    chain: wallet.chain,
  } as any);
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new ChainError("RPC_FAILED", "transaction reverted", { hash, contract: options.contract });
  return { hash };
}
