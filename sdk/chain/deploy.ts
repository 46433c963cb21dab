/**
 * The one deploy path: the five contracts in dependency order, from the bytecode this package ships
 * (bytecode.ts, generated from the build), so it works from the installed package without artifacts/.
 * The CLI (`fa deploy`), the demo, the dapp's dev server, the tests and the benchmarks all call it.
 */
import type { Address, Hex } from "viem";
import { abis, CONTRACT_NAMES, type ContractName } from "./contracts.js";
import {
  allocationLedgerBytecode,
  capacityRegistryBytecode,
  needRegistryBytecode,
  recognitionRegistryBytecode,
  roundsBytecode,
} from "./bytecode.js";
import { ChainError } from "./errors.js";
import { defaultRoundStart, MAX_UINT64 } from "./schedule.js";
import type { ChainClients, ContractAddresses, Deployment } from "./types.js";

const BYTECODE: Record<ContractName, Hex> = {
  recognition: recognitionRegistryBytecode,
  capacities: capacityRegistryBytecode,
  needs: needRegistryBytecode,
  rounds: roundsBytecode,
  ledger: allocationLedgerBytecode,
};

export interface DeployContractsOptions {
  /** Round length in seconds (1 to 2^64 - 1). */
  readonly roundLength: bigint;
  /** When round 1 opens (unix seconds); default: one round length after the latest block's time. */
  readonly start?: bigint;
  /** Called with each deployment's transaction hash as soon as it is sent, before its receipt. */
  readonly onSent?: (name: ContractName, hash: Hex) => void;
}

/** The deployment and the gas all five deployments used. */
export interface DeployResult extends Deployment {
  readonly start: bigint;
  readonly gasUsed: bigint;
}

/**
 * Deploys RecognitionRegistry, CapacityRegistry, NeedRegistry, Rounds(start, roundLength) and
 * AllocationLedger(rounds, capacities, needs) from `clients.walletClient`'s account, waiting for each
 * receipt. `fromBlock` is the block of the first deployment (log reads start there).
 */
export async function deployContracts(clients: ChainClients, options: DeployContractsOptions): Promise<DeployResult> {
  const { publicClient } = clients;
  const wallet = clients.walletClient;
  if (wallet?.account === undefined) throw new ChainError("NO_ACCOUNT", "deploying needs a wallet client with an account");
  const { roundLength } = options;
  if (roundLength < 1n || roundLength > MAX_UINT64) {
    throw new ChainError("INVALID_INPUT", `roundLength: expected 1 to 2^64 - 1 seconds, got ${roundLength}`, { roundLength });
  }
  if (options.start !== undefined && (options.start < 0n || options.start > MAX_UINT64)) {
    throw new ChainError("INVALID_INPUT", `start: expected a unix time 0 to 2^64 - 1, got ${options.start}`, { start: options.start });
  }
  const chainId = await publicClient.getChainId();
  const start = options.start ?? defaultRoundStart((await publicClient.getBlock({ blockTag: "latest" })).timestamp, roundLength);
  const deployed: Partial<Record<ContractName, Address>> = {};
  let fromBlock: bigint | undefined;
  let gasUsed = 0n;
  const argsOf = (name: ContractName): unknown[] =>
    name === "rounds" ? [start, roundLength] : name === "ledger" ? [deployed.rounds, deployed.capacities, deployed.needs] : [];
  for (const name of CONTRACT_NAMES) {
    const hash = await wallet.deployContract({
      abi: abis[name],
      bytecode: BYTECODE[name],
      args: argsOf(name),
      account: wallet.account,
      chain: wallet.chain,
    } as any);
    options.onSent?.(name, hash);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success" || !receipt.contractAddress) {
      throw new ChainError("RPC_FAILED", `deploying ${name} failed`, { name, hash, deployed });
    }
    fromBlock ??= receipt.blockNumber;
    gasUsed += receipt.gasUsed;
    deployed[name] = receipt.contractAddress.toLowerCase() as Address;
  }
  return { chainId, contracts: deployed as ContractAddresses, fromBlock: fromBlock!, roundLength, start, gasUsed };
}
