/**
 * `npm run test:anvil`: the tests that must hold on any EVM, run against Anvil (npm
 * `@foundry-rs/anvil`) as the second node beside Hardhat's EDR:
 *
 * - the contract tests and the SDK's chain tests, through Hardhat's `anvil` http network
 *   (hardhat.config.ts) pointed at one Anvil started here on a free loopback port (FA_ANVIL_URL);
 * - the CLI tests that start their own node (the README walkthrough, the chain commands), with
 *   FA_TEST_NODE=anvil so they start Anvil instead of `npx hardhat node`.
 *
 * Not on Anvil: deployment.test.ts (Ignition would keep a journal for chain 31337 in
 * ignition/deployments/ and reconcile each run against the last), the gas tables (their figures are
 * EDR's, see docs/benchmarks.md), and tests without a chain or with the embedded one only (engine, demo).
 *
 *   npm run test:anvil            # both groups
 */
import { spawn } from "node:child_process";
import { freePort, startNode } from "../web/localChain.js";

/**
 * Tests run through Hardhat's `anvil` network: every contract test but the deployment and gas ones.
 * All share the one node (each deploys what it uses), started without automine; sends return once
 * mined, as on EDR (scripts/test/minedOnReturn.ts mines each one).
 */
export const NETWORK_TESTS = [
  "test/scripts/minedOnReturn.test.ts",
  "test/recognitionRegistry.test.ts",
  "test/capacityRegistry.test.ts",
  "test/needRegistry.test.ts",
  "test/registryLogs.test.ts",
  "test/safeSignatures.test.ts",
  "test/rounds.test.ts",
  "test/ledger.test.ts",
  "test/ledgerSignatures.test.ts",
  "test/ledgerIntegration.test.ts",
  "test/chain/round.test.ts",
  "test/chain/relay.test.ts",
  "test/chain/retry.test.ts",
];
/** Tests that start their own node (FA_TEST_NODE selects Anvil). */
export const NODE_TESTS = ["test/cli/walkthrough.test.ts", "test/cli/chain.test.ts"];

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const anvilLog: string[] = [];
// Manual mining: the network hook mines each sent transaction itself (scripts/test/minedOnReturn.ts).
const anvil = await startNode(await freePort(), (line) => anvilLog.push(line), "anvil", "manual");
let code: number;
try {
  console.log(`Anvil at ${anvil.url}`);
  code = await run("npx", ["hardhat", "--network", "anvil", "test", "mocha", ...NETWORK_TESTS, ...NODE_TESTS], {
    FA_ANVIL_URL: anvil.url,
    FA_TEST_NODE: "anvil",
  });
} finally {
  anvil.stop();
}
if (code !== 0) {
  console.error(`Anvil's last output:\n${anvilLog.join("").split("\n").slice(-30).join("\n")}`);
}
process.exitCode = code;
