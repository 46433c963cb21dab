/**
 * Deployment on a Hardhat network connection (the embedded EDR chain): the five contracts, plus the
 * Safe 1.4.1 singleton, proxy factory and fallback handler for the organization that signs through
 * a Safe. Node-only (Hardhat artifacts); the SDK's actions take it from here.
 */
import type { HardhatViemHelpers } from "@nomicfoundation/hardhat-viem/types";
import { encodeFunctionData, zeroAddress, type Address } from "viem";
import type { ContractAddresses } from "../../sdk/chain/index.js";
import { defaultRoundStart } from "../../sdk/chain/schedule.js";

export interface DeployedDemo {
  readonly contracts: ContractAddresses;
  readonly fromBlock: bigint;
  readonly roundLength: bigint;
  /** When round 1 opens (unix seconds). */
  readonly start: bigint;
  readonly gasUsed: bigint;
}

async function gasOf(viem: HardhatViemHelpers, address: Address): Promise<bigint> {
  // deployContract hides the receipt; the creation transaction is the last one that touched `address`.
  const publicClient = await viem.getPublicClient();
  const block = await publicClient.getBlock({ includeTransactions: true });
  const tx = block.transactions.find((t) => typeof t !== "string" && t.to === null);
  if (tx === undefined || typeof tx === "string") return 0n;
  const receipt = await publicClient.getTransactionReceipt({ hash: tx.hash });
  return receipt.contractAddress?.toLowerCase() === address.toLowerCase() ? receipt.gasUsed : 0n;
}

/**
 * Deploys RecognitionRegistry, CapacityRegistry, NeedRegistry, Rounds(start, roundLength) and
 * AllocationLedger. `start` defaults to one round length after the latest block (`defaultRoundStart`).
 */
export async function deployFreeAssociation(viem: HardhatViemHelpers, roundLength = 86_400n, start?: bigint): Promise<DeployedDemo> {
  const publicClient = await viem.getPublicClient();
  const roundStart = start ?? defaultRoundStart((await publicClient.getBlock({ blockTag: "latest" })).timestamp, roundLength);
  const fromBlock = (await publicClient.getBlockNumber()) + 1n;
  let gasUsed = 0n;
  const recognition = await viem.deployContract("RecognitionRegistry");
  gasUsed += await gasOf(viem, recognition.address);
  const capacities = await viem.deployContract("CapacityRegistry");
  gasUsed += await gasOf(viem, capacities.address);
  const needs = await viem.deployContract("NeedRegistry");
  gasUsed += await gasOf(viem, needs.address);
  const rounds = await viem.deployContract("Rounds", [roundStart, roundLength]);
  gasUsed += await gasOf(viem, rounds.address);
  const ledger = await viem.deployContract("AllocationLedger", [rounds.address, capacities.address, needs.address]);
  gasUsed += await gasOf(viem, ledger.address);
  const lower = (a: Address) => a.toLowerCase() as Address;
  return {
    contracts: {
      recognition: lower(recognition.address),
      capacities: lower(capacities.address),
      needs: lower(needs.address),
      rounds: lower(rounds.address),
      ledger: lower(ledger.address),
    },
    fromBlock,
    roundLength,
    start: roundStart,
    gasUsed,
  };
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
