/**
 * Benchmark of one full round on the embedded chain (sdk/chain over Hardhat's in-process EDR network):
 * for each size, deploy, publish every organization's signals (generated network, scripts/bench/network.ts),
 * open a round, then time the round as a provider and an auditor experience it:
 *   read   readSnapshot: every event log from the deployment block, replayed, cross-checked against views
 *   compute FA-1 on the snapshot
 *   commit every provider's commitments (one transaction per allocating capacity)
 *   verify verifyRound from the chain alone (reads the snapshot and the round's ledger logs again)
 * and the gas: signals (one-off setup) and commitments, per organization.
 *
 *   npx hardhat run scripts/bench/chain.ts                 # 50, 200, 1000 organizations
 *   BENCH_SIZES=50,200 npx hardhat run scripts/bench/chain.ts
 *   BENCH_TYPES=1 npx hardhat run scripts/bench/chain.ts   # one sector: ~8x the allocations
 *   # over HTTP JSON-RPC to a running `npx hardhat node` (FA_PRIVATE_KEY deploys and funds):
 *   BENCH_RPC_URL=http://127.0.0.1:8545 FA_RPC_URL=http://127.0.0.1:8545 FA_PRIVATE_KEY=0x… \
 *     npx hardhat run --network remote scripts/bench/chain.ts
 *
 * Every organization signs its own transactions with a local key (viem signs, the node only
 * executes). Providers commit one after the other from this one process; the protocol runs once
 * per snapshot (each provider would run it once on its own machine, in parallel).
 */
import { network } from "hardhat";
import { createPublicClient, createWalletClient, custom, http, keccak256, toHex, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { fa1, type Address, type Scenario } from "../../sdk/core/index.js";
import {
  commitRound,
  declareCapacity,
  declareNeed,
  expectedCommitments,
  deployContracts,
  readRoundSnapshot,
  setRecognition,
  verifyRound,
  type ChainClients,
} from "../../sdk/chain/index.js";
import { generateNetwork } from "./network.js";

const sizes = (process.env.BENCH_SIZES ?? "50,200,1000").split(",").map(Number);
/** Sectors in the generated network (8 = the required shape; 1 = stress, every capacity competes). */
const types = Number(process.env.BENCH_TYPES ?? "8");

/** Organization i signs with its own deterministic key (local signing, as a real wallet would). */
const accountOf = (generated: string) => privateKeyToAccount(keccak256(toHex(`fa-bench-${generated.toLowerCase()}`)));

/** Moves every generated organization (0x…<i>, some of them precompiles) to its own key's address. */
function relocate(scenario: Scenario): Scenario {
  const map = (a: string) => accountOf(a).address.toLowerCase() as Address;
  const recognition = Object.fromEntries(
    Object.entries(scenario.recognition).map(([from, row]) => [map(from), Object.fromEntries(Object.entries(row).map(([to, p]) => [map(to), p]))]),
  );
  return {
    recognition,
    capacities: scenario.capacities.map((c) => ({ ...c, provider: map(c.provider) })),
    needs: scenario.needs.map((n) => ({ ...n, recipient: map(n.recipient) })),
  };
}

const ms = (start: number) => Math.round(performance.now() - start);

async function benchOne(n: number) {
  const { viem, provider, networkHelpers } = await network.create();
  const hardhatClient = (await viem.getPublicClient()) as unknown as PublicClient;
  // Over HTTP the SDK talks to the node with viem's own transport, as an application would;
  // embedded, through Hardhat's in-process provider.
  const transport = process.env.BENCH_RPC_URL ? http(process.env.BENCH_RPC_URL) : custom(provider);
  const publicClient = createPublicClient({ chain: hardhatClient.chain, transport }) as PublicClient;
  // The SDK's one deploy path, with Hardhat's first wallet over the same transport.
  const [deployer] = await viem.getWalletClients();
  const { contracts, fromBlock, start } = await deployContracts(
    { publicClient, walletClient: createWalletClient({ account: deployer.account, chain: publicClient.chain, transport }) as any },
    { roundLength: 3600n },
  );
  const generated = generateNetwork(n, 42, 16, types);
  const scenario = relocate(generated);
  const clientsOf = new Map<Address, ChainClients>();
  for (const g of Object.keys(generated.recognition)) {
    const account = accountOf(g);
    // Funded through the SDK's transport (viem retries dropped keep-alive sockets; Hardhat's HTTP provider does not).
    await publicClient.request({ method: "hardhat_setBalance", params: [account.address, toHex(10n ** 20n)] } as never);
    const walletClient = createWalletClient({ account, chain: publicClient.chain, transport });
    clientsOf.set(account.address.toLowerCase() as Address, { publicClient, walletClient: walletClient as unknown as ChainClients["walletClient"] });
  }
  const orgs = Object.keys(scenario.recognition) as Address[];

  // Signals (setup): recognition vectors, capacities (recurring), needs.
  let signalGas = 0n;
  const setupStart = performance.now();
  for (const org of orgs) {
    const row = scenario.recognition[org];
    const sent = await setRecognition(clientsOf.get(org)!, { contracts, recipients: Object.keys(row) as Address[], points: Object.values(row) });
    signalGas += sent.receipt.gasUsed;
  }
  for (const c of scenario.capacities) {
    const sent = await declareCapacity(clientsOf.get(c.provider)!, {
      contracts,
      capacity: { sector: c.type, unit: c.unit, quantity: c.quantity, window: c.window, location: c.location, minUnit: c.minUnit, recurring: true },
    });
    signalGas += sent.receipt.gasUsed;
  }
  for (const need of scenario.needs) {
    const sent = await declareNeed(clientsOf.get(need.recipient)!, {
      contracts,
      need: { sector: need.type, unit: need.unit, quantity: need.quantity, window: need.window, location: need.location },
    });
    signalGas += sent.receipt.gasUsed;
  }
  const setupMs = ms(setupStart);
  await networkHelpers.time.increaseTo(start); // round 1 opens on schedule

  // The round.
  let t = performance.now();
  const snapshot = await readRoundSnapshot(publicClient, { contracts, fromBlock });
  const readMs = ms(t);
  t = performance.now();
  const { result, commitments } = expectedCommitments(snapshot, fa1);
  const computeMs = ms(t);
  t = performance.now();
  const providers = [...new Set([...commitments.values()].map((c) => c.provider))];
  let commitGas = 0n;
  let committed = 0;
  for (const provider of providers) {
    const out = await commitRound(clientsOf.get(provider)!, { contracts, snapshot, provider });
    for (const c of out.commitments) {
      commitGas += c.gasUsed ?? 0n;
      committed++;
    }
  }
  const commitMs = ms(t);
  t = performance.now();
  const report = await verifyRound(publicClient, { contracts, round: snapshot.round!, fromBlock });
  const verifyMs = ms(t);
  if (!report.ok || report.counts.match !== committed) throw new Error(`verification failed at n=${n}: ${JSON.stringify(report.counts)}`);
  return {
    organizations: n,
    capacities: scenario.capacities.length,
    needs: scenario.needs.length,
    edges: orgs.reduce((s, o) => s + Object.keys(scenario.recognition[o]).length, 0),
    logs: snapshot.logCount,
    allocations: result.allocations.length,
    commitments: committed,
    setupMs,
    readMs,
    computeMs,
    commitMs,
    verifyMs,
    roundMs: readMs + computeMs + commitMs + verifyMs,
    signalGasPerOrg: signalGas / BigInt(n),
    commitGasPerOrg: commitGas / BigInt(n),
    commitGasPerCommitment: committed > 0 ? commitGas / BigInt(committed) : 0n,
  };
}

const rows = [];
for (const n of sizes) {
  const row = await benchOne(n);
  rows.push(row);
  console.error(`n=${n}: round ${row.roundMs} ms`);
}
const header = "| organizations | edges | capacities | needs | logs | allocations | commitments | setup ms | read ms | compute ms | commit ms | verify ms | round ms | signal gas / org | commit gas / org | gas / commitment |";
console.log(header);
console.log(`|${header.split("|").slice(1, -1).map(() => "---").join("|")}|`);
for (const r of rows) {
  console.log(
    `| ${r.organizations} | ${r.edges} | ${r.capacities} | ${r.needs} | ${r.logs} | ${r.allocations} | ${r.commitments} | ${r.setupMs} | ${r.readMs} | ${r.computeMs} | ${r.commitMs} | ${r.verifyMs} | ${r.roundMs} | ${r.signalGasPerOrg} | ${r.commitGasPerOrg} | ${r.commitGasPerCommitment} |`,
  );
}
