/** `fa deploy`: deploys the five contracts from Hardhat's artifacts with viem and writes the deployment file. */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Hex } from "viem";
import { ARTIFACT_NAMES, defaultRoundStart, type ChainClients, type ContractAddresses, type Deployment } from "../../chain/index.js";
import { UserError } from "../errors.js";
import { clientsOf, deploymentPathOf, type ChainFlags } from "./context.js";
import { parseBigint, toJson } from "./parse.js";
import { isoTime } from "./round.js";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

async function artifact(name: string): Promise<{ abi: unknown[]; bytecode: Hex }> {
  const path = `${REPO}artifacts/contracts/${name}.sol/${name}.json`;
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    throw new UserError(`missing artifact ${name}: run \`npx hardhat build\` first`);
  }
}

/**
 * Deploys the five contracts from Hardhat's artifacts (Node only: reads artifacts/) with the wallet
 * client's account, in dependency order, waiting for each receipt. Returns the deployment record
 * (`fromBlock` = block of the first deployment, where log reads start). Round 1 opens at `start`,
 * by default one round length after the latest block's time (`defaultRoundStart`).
 */
export async function deployContracts(clients: ChainClients, options: { roundLength: bigint; start?: bigint }): Promise<Deployment> {
  const { publicClient } = clients;
  const wallet = clients.walletClient;
  if (wallet === undefined) throw new UserError("deploying needs an account (--private-key or FA_PRIVATE_KEY)");
  const chainId = await publicClient.getChainId();
  const start = options.start ?? defaultRoundStart((await publicClient.getBlock({ blockTag: "latest" })).timestamp, options.roundLength);
  const deployed: Partial<Record<keyof ContractAddresses, `0x${string}`>> = {};
  let fromBlock: bigint | undefined;
  const deploy = async (key: keyof ContractAddresses, args: unknown[]) => {
    const { abi, bytecode } = await artifact(ARTIFACT_NAMES[key]);
    const hash = await wallet.deployContract({ abi, bytecode, args, account: wallet.account, chain: wallet.chain } as any);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    fromBlock ??= receipt.blockNumber;
    deployed[key] = receipt.contractAddress!.toLowerCase() as `0x${string}`;
  };
  await deploy("recognition", []);
  await deploy("capacities", []);
  await deploy("needs", []);
  await deploy("rounds", [start, options.roundLength]);
  await deploy("ledger", [deployed.rounds, deployed.capacities, deployed.needs]);
  return { chainId, contracts: deployed as ContractAddresses, fromBlock: fromBlock!, roundLength: options.roundLength, start };
}

export async function deployCommand(flags: ChainFlags & { roundLength: string; start?: string }): Promise<string> {
  const roundLength = parseBigint("--round-length", flags.roundLength, 1n);
  if (roundLength >= 2n ** 64n) throw new UserError(`--round-length: at most 2^64 - 1 seconds, got ${roundLength}`);
  const start = flags.start === undefined ? undefined : parseBigint("--start", flags.start, 1n);
  if (start !== undefined && start >= 2n ** 64n) throw new UserError(`--start: at most 2^64 - 1, got ${start}`);
  const clients = await clientsOf(flags, true);
  const deployment = await deployContracts(clients, { roundLength, start });
  const path = deploymentPathOf(flags);
  await writeFile(path, `${toJson(deployment)}\n`);
  if (flags.json) return toJson({ file: path, ...deployment });
  return [
    `deployed on chain ${deployment.chainId} (from block ${deployment.fromBlock}); round 1 opens at ${isoTime(deployment.start!)}, then every ${roundLength} s; wrote ${path}`,
    ...Object.entries(deployment.contracts).map(([k, v]) => `  ${k.padEnd(11)} ${v}`),
  ].join("\n");
}
