/** `fa deploy`: deploys the five contracts with the SDK's `deployContracts` and writes the deployment file. */
import { access, rename, writeFile } from "node:fs/promises";
import { deployContracts, serializeDeployment } from "../../chain/index.js";
import { UserError } from "../errors.js";
import { clientsOf, deploymentPathOf, type ChainFlags } from "./context.js";
import { parseBigint, toJson } from "./parse.js";
import { isoTime } from "./round.js";

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function deployCommand(flags: ChainFlags & { roundLength: string; start?: string; force?: boolean }): Promise<string> {
  const roundLength = parseBigint("--round-length", flags.roundLength, 1n);
  if (roundLength >= 2n ** 64n) throw new UserError(`--round-length: at most 2^64 - 1 seconds, got ${roundLength}`);
  const start = flags.start === undefined ? undefined : parseBigint("--start", flags.start, 1n);
  if (start !== undefined && start >= 2n ** 64n) throw new UserError(`--start: at most 2^64 - 1, got ${start}`);
  const path = deploymentPathOf(flags);
  // Checked before anything is sent: a deployment file is the only record of where the contracts are.
  if (!flags.force && (await exists(path))) {
    throw new UserError(`${path} exists: pass --force to replace it, or --deployment <file> to write another`);
  }
  const clients = await clientsOf(flags, true);
  const deployment = await deployContracts(clients, {
    roundLength,
    start,
    // Each hash before its receipt: if the connection drops, the user knows what was sent.
    onSent: (name, hash) => process.stderr.write(`sent ${name}: ${hash}\n`),
  });
  // Written whole or not at all: a temporary file renamed over the target.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, serializeDeployment(deployment));
  await rename(temporary, path);
  if (flags.json) return toJson({ file: path, ...deployment });
  return [
    `deployed on chain ${deployment.chainId} (from block ${deployment.fromBlock}, ${deployment.gasUsed} gas); round 1 opens at ${isoTime(deployment.start)}, then every ${roundLength} s; wrote ${path}`,
    ...Object.entries(deployment.contracts).map(([k, v]) => `  ${k.padEnd(11)} ${v}`),
  ].join("\n");
}
