/** `fa deploy`: deploys the five contracts from Hardhat's artifacts with viem and writes the deployment file. */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Hex } from "viem";
import { ARTIFACT_NAMES, type ContractAddresses, type Deployment } from "../../chain/index.js";
import { UserError } from "../errors.js";
import { clientsOf, deploymentPathOf, type ChainFlags } from "./context.js";
import { parseBigint, toJson } from "./parse.js";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

async function artifact(name: string): Promise<{ abi: unknown[]; bytecode: Hex }> {
  const path = `${REPO}artifacts/contracts/${name}.sol/${name}.json`;
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    throw new UserError(`missing artifact ${name}: run \`npx hardhat build\` first`);
  }
}

export async function deployCommand(flags: ChainFlags & { roundLength: string }): Promise<string> {
  const roundLength = parseBigint("--round-length", flags.roundLength, 1n);
  const { publicClient, walletClient, chainId } = await clientsOf(flags, true);
  const wallet = walletClient!;
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
  await deploy("rounds", [roundLength]);
  await deploy("ledger", [deployed.rounds, deployed.capacities, deployed.needs]);
  const deployment: Deployment = { chainId, contracts: deployed as ContractAddresses, fromBlock: fromBlock!, roundLength };
  const path = deploymentPathOf(flags);
  await writeFile(path, `${toJson(deployment)}\n`);
  if (flags.json) return toJson({ file: path, ...deployment });
  return [`deployed on chain ${chainId} (from block ${fromBlock}); wrote ${path}`, ...Object.entries(deployed).map(([k, v]) => `  ${k.padEnd(11)} ${v}`)].join("\n");
}
