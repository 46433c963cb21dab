/**
 * Configuration of the chain commands: RPC URL, private key and deployment file, from flags or the
 * environment (FA_RPC_URL, FA_PRIVATE_KEY, FA_DEPLOYMENT). Builds viem clients and checks, before
 * anything is sent, that the RPC answers and that the deployment's contracts exist on that chain.
 */
import { readFile } from "node:fs/promises";
import { createPublicClient, createWalletClient, http, isHex, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { ChainClients, Deployment, ProgressCallback } from "../../chain/index.js";
import { CONTRACT_NAMES, ChainError, parseDeployment } from "../../chain/index.js";
import { UserError } from "../errors.js";

export const DEFAULT_RPC_URL = "http://127.0.0.1:8545";
export const DEFAULT_DEPLOYMENT_FILE = "fa-deployment.json";

/** Flags every chain command accepts. */
export interface ChainFlags {
  rpc?: string;
  privateKey?: string;
  deployment?: string;
  json?: boolean;
  progress?: boolean;
}

export function rpcUrlOf(flags: ChainFlags): string {
  return flags.rpc ?? process.env.FA_RPC_URL ?? DEFAULT_RPC_URL;
}

/** A public client on the RPC URL; throws a UserError if the endpoint does not answer. */
export async function connect(flags: ChainFlags): Promise<{ publicClient: PublicClient; chainId: number; url: string }> {
  const url = rpcUrlOf(flags);
  let transport;
  try {
    transport = http(url, { retryCount: 1, timeout: 10_000 });
    new URL(url);
  } catch {
    throw new UserError(`--rpc: not a URL: ${JSON.stringify(url)}`);
  }
  const publicClient = createPublicClient({ transport }) as PublicClient;
  try {
    const chainId = await publicClient.getChainId();
    return { publicClient, chainId, url };
  } catch {
    throw new UserError(`no RPC reachable at ${url} (set --rpc or FA_RPC_URL; e.g. start \`npx hardhat node\`)`);
  }
}

/** The wallet's account from --private-key / FA_PRIVATE_KEY. */
export function accountOf(flags: ChainFlags) {
  const key = flags.privateKey ?? process.env.FA_PRIVATE_KEY;
  if (key === undefined || key === "") throw new UserError("no private key: set --private-key or FA_PRIVATE_KEY");
  if (!isHex(key) || key.length !== 66) throw new UserError("private key: expected 0x followed by 64 hex digits");
  return privateKeyToAccount(key);
}

export async function clientsOf(flags: ChainFlags, write: boolean): Promise<ChainClients & { chainId: number; url: string }> {
  const { publicClient, chainId, url } = await connect(flags);
  if (!write) return { publicClient, chainId, url };
  const walletClient = createWalletClient({ account: accountOf(flags), transport: http(url, { retryCount: 1 }) });
  return { publicClient, walletClient: walletClient as unknown as ChainClients["walletClient"], chainId, url };
}

export function deploymentPathOf(flags: ChainFlags): string {
  return flags.deployment ?? process.env.FA_DEPLOYMENT ?? DEFAULT_DEPLOYMENT_FILE;
}

/** Reads the deployment file and checks it against the chain the RPC serves. */
export async function loadDeployment(flags: ChainFlags, publicClient: PublicClient, chainId: number): Promise<Deployment> {
  const path = deploymentPathOf(flags);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UserError(code === "ENOENT" ? `${path}: no such deployment file (run \`fa deploy\`, or set --deployment / FA_DEPLOYMENT)` : `${path}: cannot read (${code})`);
  }
  let deployment: Deployment;
  try {
    deployment = parseDeployment(text);
  } catch (error) {
    if (error instanceof ChainError) throw new UserError(`${path}: ${error.message}`);
    throw error;
  }
  if (deployment.chainId !== chainId) throw new UserError(`${path} is for chain ${deployment.chainId}, the RPC serves chain ${chainId}`);
  for (const name of CONTRACT_NAMES) {
    const address = deployment.contracts[name];
    const code = await publicClient.getCode({ address });
    if (code === undefined || code === "0x") throw new UserError(`no contract at ${address} (${name}) on chain ${chainId}: is ${path} from this chain's current deployment?`);
  }
  return deployment;
}

/** A progress bar on stderr, only when stderr is a terminal (scripts and pipes stay clean). */
export function progressBar(flags: ChainFlags): ProgressCallback | undefined {
  if (flags.progress === false || !(process.stderr.isTTY || process.env.FA_PROGRESS === "1")) return undefined;
  let last = "";
  return (e) => {
    const ratio = e.total > 0 ? Math.min(1, e.done / e.total) : 0;
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `${e.phase.padEnd(7)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round(ratio * 100)}%`;
    if (line === last) return;
    last = line;
    process.stderr.write(`\r${line}${ratio >= 1 ? "\n" : ""}`);
  };
}

export { ChainError };
