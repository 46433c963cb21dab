/**
 * `npm run dev`: a local Hardhat node on 127.0.0.1:8545, the contracts deployed and seeded, the
 * addresses written to web/public/deployment.json, and the Vite dev server. Ctrl-C stops all.
 */
import { createServer } from "vite";
import { startNode, deployAndSeed, mineAtRoundOpenings } from "./web/localChain.js";

const port = Number(process.env.FA_NODE_PORT ?? 8545);
// Short rounds locally: round 1 opens a minute after deployment, then one round every minute (the
// schedule is fixed at deployment; nobody opens rounds).
const roundLength = BigInt(process.env.FA_ROUND_LENGTH ?? 60);
// The demo's cyclone scenario by default; FA_SEED=small for four organizations on Hardhat's own
// accounts (which can also sign typed data, for trying the Safe/relay path).
const seed = process.env.FA_SEED === "small" ? "small" : "cyclone";

const node = await startNode(port);
console.log(`Hardhat node on ${node.url}`);
const stopAll = () => { node.stop(); process.exit(0); };
process.on("exit", () => node.stop());
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);
try {
  const deployment = await deployAndSeed(node.url, new URL("../web/public/deployment.json", import.meta.url), roundLength, seed);
  console.log(`Contracts deployed and seeded (${seed}: ${deployment.devAccounts.length} organizations); ledger at ${deployment.contracts.ledger}`);
  // The idle local node makes no blocks by itself: mark each scheduled opening with an empty block.
  mineAtRoundOpenings(node.url, deployment.contracts.rounds, (line) => console.log(line));
  const vite = await createServer({ configFile: new URL("../web/vite.config.ts", import.meta.url).pathname, server: { host: "127.0.0.1" } });
  await vite.listen();
  vite.printUrls();
  console.log("Connect with a dev account (local chain only) or your browser wallet on chain 31337.");
} catch (error) {
  console.error(error);
  node.stop();
  process.exit(1);
}
