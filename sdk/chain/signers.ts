/**
 * Who signs a relayed action. An EOA signs the EIP-712 typed data itself; a Safe (ERC-1271) signs
 * through its owners, who each approve the action's digest as a Safe message (Safe 1.4.1's
 * CompatibilityFallbackHandler), concatenated in ascending owner order.
 */
import { concat, hashTypedData, type Account, type Chain, type Hex, type Transport, type TypedDataDefinition, type WalletClient } from "viem";
import type { Address } from "./types.js";
import { ChainError } from "./errors.js";

export interface ActionSigner {
  /** The account the action is for (an EOA or a contract wallet). */
  readonly address: Address;
  signTypedData(typedData: TypedDataDefinition): Promise<Hex>;
}

/** An EOA signer from a wallet client with an account (local key or injected wallet). */
export function walletSigner(walletClient: WalletClient<Transport, Chain | undefined, Account | undefined>): ActionSigner {
  const account = walletClient.account;
  if (account === undefined) throw new ChainError("NO_ACCOUNT", "wallet client has no account");
  return {
    address: account.address.toLowerCase() as Address,
    signTypedData: (typedData) => walletClient.signTypedData({ account, ...(typedData as any) }),
  };
}

/** The typed data a Safe owner signs to approve `hash` as a message of `safe` (Safe 1.4.1). */
export function safeMessageTypedData(safe: Address, chainId: number, hash: Hex) {
  return {
    domain: { chainId, verifyingContract: safe },
    types: { SafeMessage: [{ name: "message", type: "bytes" }] },
    primaryType: "SafeMessage" as const,
    message: { message: hash },
  };
}

/**
 * A Safe signer: `owners` (at least the Safe's threshold of them) approve the action's EIP-712 digest.
 * The contract verifies the result with the Safe's `isValidSignature` (ERC-1271).
 */
export function safeSigner(options: { safe: Address; chainId: number; owners: readonly ActionSigner[] }): ActionSigner {
  return {
    address: options.safe.toLowerCase() as Address,
    async signTypedData(typedData) {
      const digest = hashTypedData(typedData);
      const approval = safeMessageTypedData(options.safe, options.chainId, digest) as unknown as TypedDataDefinition;
      const signed = await Promise.all(options.owners.map(async (o) => ({ owner: BigInt(o.address), signature: await o.signTypedData(approval) })));
      signed.sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
      return concat(signed.map((s) => s.signature));
    },
  };
}
