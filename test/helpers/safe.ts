/**
 * Real Safe 1.4.1 multisigs on the embedded chain, for ERC-1271 tests.
 *
 * A Safe answers `isValidSignature(bytes32 hash, bytes signatures)` through its
 * CompatibilityFallbackHandler: the owners sign the EIP-712 `SafeMessage(bytes message)` with
 * `message = hash`, under the Safe's own domain {chainId, verifyingContract: safe}; the Safe then
 * checks `threshold` owner signatures, concatenated in ascending owner-address order.
 */
import type { HardhatViemHelpers, WalletClient } from "@nomicfoundation/hardhat-viem/types";
import { type Address, type Hex, concat, encodeFunctionData, zeroAddress } from "viem";

/** The shared contracts every Safe of a test chain uses. */
export async function deploySafeInfrastructure(viem: HardhatViemHelpers) {
  const singleton = await viem.deployContract("Safe");
  const factory = await viem.deployContract("SafeProxyFactory");
  const fallbackHandler = await viem.deployContract("CompatibilityFallbackHandler");
  return { singleton, factory, fallbackHandler };
}

export type SafeInfrastructure = Awaited<ReturnType<typeof deploySafeInfrastructure>>;

/**
 * Deploys a Safe proxy with `owners` and `threshold`, wired to the compatibility fallback handler
 * (needed for ERC-1271). Returns the Safe contract at the proxy address.
 */
export async function deploySafe(
  viem: HardhatViemHelpers,
  owners: readonly Address[],
  threshold: number,
  infrastructure?: SafeInfrastructure,
  saltNonce = 0n,
) {
  const { singleton, factory, fallbackHandler } = infrastructure ?? (await deploySafeInfrastructure(viem));
  const initializer = encodeFunctionData({
    abi: singleton.abi,
    functionName: "setup",
    args: [[...owners], BigInt(threshold), zeroAddress, "0x", fallbackHandler.address, zeroAddress, 0n, zeroAddress],
  });
  const { result: proxy } = await factory.simulate.createProxyWithNonce([singleton.address, initializer, saltNonce]);
  const publicClient = await viem.getPublicClient();
  const hash = await factory.write.createProxyWithNonce([singleton.address, initializer, saltNonce]);
  await publicClient.waitForTransactionReceipt({ hash });
  return viem.getContractAt("Safe", proxy);
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
 * A Safe signature over `hash` (an EIP-712 digest the Safe should accept through ERC-1271): each
 * owner's 65-byte ECDSA signature of the SafeMessage, sorted by owner address as the Safe requires.
 */
export async function signHashAsSafe(
  safe: Address,
  chainId: number,
  hash: Hex,
  owners: readonly WalletClient[],
): Promise<Hex> {
  const typedData = safeMessageTypedData(safe, chainId, hash);
  const signed = await Promise.all(
    owners.map(async (owner) => ({
      owner: owner.account.address,
      signature: await owner.signTypedData({ account: owner.account, ...typedData }),
    })),
  );
  signed.sort((a, b) => (BigInt(a.owner) < BigInt(b.owner) ? -1 : BigInt(a.owner) > BigInt(b.owner) ? 1 : 0));
  return concat(signed.map((s) => s.signature));
}
