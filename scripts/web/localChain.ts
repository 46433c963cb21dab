/**
 * Starts a local node (Hardhat's, or Anvil as the second EVM) as a child process and waits until it
 * answers JSON-RPC. Shared by `npm run dev`, `npm run test:e2e`, the CLI tests and `npm run test:anvil`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { writeFile, mkdir } from "node:fs/promises";
import { deployContracts, type Deployment } from "./deploy.js";
import { seedLocal, DEV_ACCOUNTS, DEV_NAMES } from "./seed.js";
import { seedCyclone } from "./demoSeed.js";
import { encodeFunctionData } from "viem";
import { roundsAbi } from "../../sdk/chain/abi.js";

/** A free TCP port on 127.0.0.1 (asks the OS for one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function rpcAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Waits until `check` is true, polling every 250 ms, or throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A small-seed organization without a key on the node (impersonated). */
export const OBSERVER = "0x00000000000000000000000000000000000F0A01" as const;

async function rpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

export interface LocalNode {
  url: string;
  process: ChildProcess;
  stop(): void;
}

/** The local nodes the project runs on: Hardhat's (EDR) and Anvil (npm `@foundry-rs/anvil`). */
export type LocalNodeKind = "hardhat" | "anvil";

/** The node kind the tests should start: FA_TEST_NODE=anvil|hardhat (default hardhat). */
export function testNodeKind(): LocalNodeKind {
  const kind = process.env.FA_TEST_NODE ?? "hardhat";
  if (kind !== "hardhat" && kind !== "anvil") throw new Error(`FA_TEST_NODE: expected "hardhat" or "anvil", got ${JSON.stringify(kind)}`);
  return kind;
}

/**
 * The command line of a node on 127.0.0.1:`port`. Both have chain id 31337 and fund the same 20
 * accounts (Hardhat's default mnemonic; Anvil generates 10 unless told), mining as `mining` says.
 */
function nodeCommand(kind: LocalNodeKind, port: number, mining: NodeMining): [string, string[]] {
  if (kind === "anvil") {
    const anvil = createRequire(import.meta.url).resolve("@foundry-rs/anvil/bin.mjs");
    const args = [anvil, "--host", "127.0.0.1", "--port", String(port), "--accounts", "20"];
    const modes = { auto: [], manual: ["--no-mining"], interval: ["--block-time", "1"] };
    return [process.execPath, [...args, ...modes[mining]]];
  }
  if (mining !== "auto") throw new Error(`${mining} mining is set up for Anvil only`);
  return ["npx", ["hardhat", "node", "--hostname", "127.0.0.1", "--port", String(port)]];
}

/**
 * How a local node makes blocks: "auto", one per transaction as it comes; "manual", only on
 * `evm_mine`; "interval", one every second whether or not transactions come, as a real chain does.
 */
export type NodeMining = "auto" | "manual" | "interval";

/** `npx hardhat node` (or Anvil) on 127.0.0.1:`port`; resolves once it answers eth_chainId. */
export async function startNode(
  port: number,
  log: (line: string) => void = () => {},
  kind: LocalNodeKind = "hardhat",
  mining: NodeMining = "auto",
): Promise<LocalNode> {
  const url = `http://127.0.0.1:${port}`;
  if (await rpcAnswers(url)) throw new Error(`something already answers JSON-RPC at ${url}; stop it or pick another port`);
  const [command, args] = nodeCommand(kind, port, mining);
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.on("data", (d) => log(String(d)));
  child.stderr?.on("data", (d) => log(String(d)));
  const stop = () => {
    // The node runs under a wrapper (npx, Anvil's bin.mjs): signal the whole process group we created.
    if (child.pid !== undefined && child.exitCode === null) {
      try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
    }
  };
  try {
    await waitFor(`the ${kind === "anvil" ? "Anvil" : "Hardhat"} node at ${url}`, () => rpcAnswers(url), 90_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, process: child, stop };
}

/**
 * A local node with automine makes a block only when a transaction comes, so nothing would mark a
 * round's scheduled opening. This mines one empty block as soon as the wall clock passes each opening
 * while the node's latest block is still before it (as a real chain, which makes blocks all the time,
 * would). Returns a function that stops it.
 */
export function mineAtRoundOpenings(rpcUrl: string, rounds: `0x${string}`, log: (line: string) => void = () => {}): () => void {
  const nextOpenTime = encodeFunctionData({ abi: roundsAbi, functionName: "nextOpenTime" });
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const next = BigInt((await rpc(rpcUrl, "eth_call", [{ to: rounds, data: nextOpenTime }, "latest"])) as string);
      const latest = (await rpc(rpcUrl, "eth_getBlockByNumber", ["latest", false])) as { timestamp: string };
      if (BigInt(Math.floor(Date.now() / 1000)) >= next && BigInt(latest.timestamp) < next) {
        await rpc(rpcUrl, "evm_mine", []);
        log(`round opened on schedule at ${new Date(Number(next) * 1000).toISOString()} (empty block mined)`);
      }
    } catch {
      // The node is gone or busy: try again on the next tick.
    } finally {
      busy = false;
    }
  }, 1_000);
  return () => clearInterval(timer);
}

/**
 * Deploys, seeds and writes the deployment file the dapp reads. "small": four organizations on
 * Hardhat's accounts #1..#5 (the end-to-end test's world); "cyclone": the demo's seedDemo with
 * examples/cyclone.json.
 */
export async function deployAndSeed(rpcUrl: string, deploymentPath: URL, roundLength: bigint, seed: "small" | "cyclone" = "small"): Promise<Deployment> {
  const deployment = await deployContracts(rpcUrl, roundLength);
  if (seed === "cyclone") {
    deployment.devAccounts = (await seedCyclone(deployment)).map((a) => ({ ...a, signs: false }));
    deployment.names = Object.fromEntries(deployment.devAccounts.map((a) => [a.address, a.name]));
  } else {
    await seedLocal(deployment);
    deployment.names = { ...DEV_NAMES };
    deployment.devAccounts = [
      ...DEV_ACCOUNTS.map((address) => ({ address, name: DEV_NAMES[address], signs: true })),
      { address: OBSERVER, name: "Inhaminga Observer", signs: false },
    ];
    deployment.names[OBSERVER] = "Inhaminga Observer";
    // One account the node only impersonates (like every organization of the cyclone seed): it can
    // send transactions but not sign typed data, so the dapp's explanation of that is testable.
    await rpc(rpcUrl, "hardhat_impersonateAccount", [OBSERVER]);
    await rpc(rpcUrl, "hardhat_setBalance", [OBSERVER, "0x56bc75e2d63100000"]);
  }
  await mkdir(new URL(".", deploymentPath), { recursive: true });
  await writeFile(deploymentPath, JSON.stringify(deployment, null, 2) + "\n");
  return deployment;
}
