/**
 * Deploys the contract set to any JSON-RPC node whose first account is unlocked (a local Hardhat
 * node) from the compiled artifacts, in the Ignition module's order and wiring. Used by `npm run dev`
 * and the end-to-end test; a real network is deployed with Ignition (see docs/dapp.md).
 */
import { readFile } from "node:fs/promises";
import { createPublicClient, createWalletClient, http, type Abi, type Address, type Hex } from "viem";
import { defaultRoundStart } from "../../sdk/chain/schedule.js";

export interface Deployment {
  chainId: number;
  rpcUrl: string;
  /** Block the contracts were deployed in: log reads start here. */
  fromBlock: string;
  contracts: { recognition: Address; capacities: Address; needs: Address; rounds: Address; ledger: Address };
  /** Display names of known organizations (local demo only; the chain knows addresses only). */
  names: Record<string, string>;
  /** True on a local development chain: the dapp offers the dev-account connector only then. */
  local: boolean;
  /** Accounts the local node signs or sends for (the dev-account connector lists them). */
  /** `signs: false`: the node impersonates the account (sends for it) but holds no key to sign typed data. */
  devAccounts: { address: Address; name: string; signs?: boolean }[];
}

async function artifact(name: string): Promise<{ abi: Abi; bytecode: Hex }> {
  const url = new URL(`../../artifacts/contracts/${name}.sol/${name}.json`, import.meta.url);
  const json = JSON.parse(await readFile(url, "utf8"));
  return { abi: json.abi, bytecode: json.bytecode };
}

/**
 * Deploys the five contracts with account 0 of the node at `rpcUrl`. Round 1 opens at `start`, by
 * default one round length after the latest block's time (the SDK's `defaultRoundStart`, as `fa deploy`).
 */
export async function deployContracts(rpcUrl: string, roundLength: bigint, start?: bigint): Promise<Deployment> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ transport });
  const [deployer] = await createWalletClient({ transport }).getAddresses();
  const chainId = await publicClient.getChainId();
  const wallet = createWalletClient({ transport, account: deployer });
  const fromBlock = await publicClient.getBlockNumber();
  const roundStart = start ?? defaultRoundStart((await publicClient.getBlock({ blockTag: "latest" })).timestamp, roundLength);

  async function deploy(name: string, args: unknown[] = []): Promise<Address> {
    const { abi, bytecode } = await artifact(name);
    const hash = await wallet.deployContract({ abi, bytecode, args, chain: null });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error(`${name}: no contract address in receipt ${hash}`);
    return receipt.contractAddress;
  }

  const recognition = await deploy("RecognitionRegistry");
  const capacities = await deploy("CapacityRegistry");
  const needs = await deploy("NeedRegistry");
  const rounds = await deploy("Rounds", [roundStart, roundLength]);
  const ledger = await deploy("AllocationLedger", [rounds, capacities, needs]);
  return {
    chainId,
    rpcUrl,
    fromBlock: fromBlock.toString(),
    contracts: { recognition, capacities, needs, rounds, ledger },
    names: {},
    local: true,
    devAccounts: [],
  };
}
