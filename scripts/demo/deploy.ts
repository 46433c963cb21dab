/**
 * Deployment on a Hardhat network connection (the embedded EDR chain): the five contracts, plus the
 * Safe 1.4.1 singleton, proxy factory and fallback handler for the organization that signs through
 * a Safe (those from Hardhat's artifacts). The SDK's actions take it from here.
 */
import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import { encodeFunctionData, zeroAddress, type Address } from "viem";
import type { ChainClients } from "../../sdk/chain/index.js";
import { deployContracts, type DeployResult } from "../../sdk/chain/deploy.js";

/** The demo's deployment: the SDK's `DeployResult` (contracts, fromBlock, roundLength, start, gasUsed). */
export type DeployedDemo = DeployResult;

/**
 * Deploys the five contracts through the SDK's one deploy path (`deployContracts`) with the
 * connection's first wallet. `start` defaults to one round length after the latest block (`defaultRoundStart`).
 */
export async function deployFreeAssociation(viem: HardhatViemHelpers, roundLength = 86_400n, start?: bigint): Promise<DeployedDemo> {
  const publicClient = (await viem.getPublicClient()) as unknown as ChainClients["publicClient"];
  const [deployer] = await viem.getWalletClients();
  return deployContracts({ publicClient, walletClient: deployer as unknown as ChainClients["walletClient"] }, { roundLength, start });
}

/** A function that deploys Safe proxies (shared singleton, factory and ERC-1271 fallback handler). */
export async function safeDeployer(viem: HardhatViemHelpers) {
  const singleton = await viem.deployContract("Safe");
  const factory = await viem.deployContract("SafeProxyFactory");
  const fallbackHandler = await viem.deployContract("CompatibilityFallbackHandler");
  const publicClient = await viem.getPublicClient();
  let saltNonce = 0n;
  return async (owners: readonly Address[], threshold: number): Promise<Address> => {
    const initializer = encodeFunctionData({
      abi: singleton.abi,
      functionName: "setup",
      args: [[...owners], BigInt(threshold), zeroAddress, "0x", fallbackHandler.address, zeroAddress, 0n, zeroAddress],
    });
    const salt = saltNonce++;
    const { result: proxy } = await factory.simulate.createProxyWithNonce([singleton.address, initializer, salt]);
    const hash = await factory.write.createProxyWithNonce([singleton.address, initializer, salt]);
    await publicClient.waitForTransactionReceipt({ hash });
    return proxy.toLowerCase() as Address;
  };
}
