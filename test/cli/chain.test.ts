/**
 * The chain commands of `fa` against a real JSON-RPC node on a free port (`npx hardhat node`, or
 * Anvil with FA_TEST_NODE=anvil, as `npm run test:anvil` runs it), run as child processes the way
 * users run them: a full round, and exit codes and one-line errors for bad input.
 */
import { expect } from "chai";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createPublicClient, http } from "viem";
import { abis } from "../../sdk/chain/contracts.js";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startNode, testNodeKind, type LocalNode } from "../../scripts/web/localChain.js";
import { runFa } from "./runFa.js";
import { iatiSchemaDir, validateIati } from "../helpers/iatiSchema.js";

// Hardhat's default accounts (public test keys).
const KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
];
const ADDRESSES = ["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"];

describe(`fa chain commands (${testNodeKind()} node)`, function () {
  this.timeout(180_000);
  let node: LocalNode | undefined;
  let dir: string;
  let env: Record<string, string>;
  const fa = (args: string[], key = 0) => runFa([...args, "--private-key", KEYS[key]], env);

  before(async () => {
    node = await startNode(await freePort(), () => {}, testNodeKind());
    const url = node.url;
    dir = mkdtempSync(path.join(tmpdir(), "fa-chain-"));
    env = { FA_RPC_URL: url, FA_DEPLOYMENT: path.join(dir, "fa-deployment.json") };
    // Hour-long rounds: the wall clock opens none during the run; `fa round wait --advance` moves the
    // local node's clock to each scheduled opening.
    const deployed = await fa(["deploy", "--round-length", "3600"]);
    expect(deployed.code, deployed.stderr).to.equal(0);
  });

  after(() => {
    node?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("runs a round: signals, the scheduled opening, commit, deliver, confirm, verify, audit", async () => {
    const [A, B, C] = ADDRESSES;
    for (const [key, args] of [
      [0, ["recognize", `${B}=3`, `${C}=1`]],
      [1, ["recognize", `${A}=1`]],
      [2, ["recognize", `${A}=1`]],
      [0, ["capacity", "declare", "--sector", "WASH", "--unit", "litre", "--quantity", "1000", "--recurring"]],
      [1, ["need", "declare", "--sector", "WASH", "--unit", "litre", "--quantity", "900", "--location", "MZ-P-01"]],
      [2, ["need", "declare", "--sector", "WASH", "--unit", "litre", "--quantity", "600", "--location", "MZ-P-02"]],
      [1, ["round", "wait", "--advance"]],
    ] as const) {
      const run = await fa([...args], key);
      expect(run.code, `${args.join(" ")}: ${run.stderr}`).to.equal(0);
    }
    const commit = await fa(["commit", "--json"]);
    expect(commit.code, commit.stderr).to.equal(0);
    const committed = JSON.parse(commit.stdout);
    expect(committed.commitments).to.have.length(1);
    expect(committed.commitments[0].total).to.equal("1000");
    const deliver = await fa(["deliver", "--round", "1", "--capacity", "1", "--need", "1", "--json"]);
    expect(deliver.code, deliver.stderr).to.equal(0);
    expect(JSON.parse(deliver.stdout)).to.include({ amount: "750", recipient: B });
    const confirm = await fa(["confirm", "--round", "1", "--capacity", "1", "--need", "1", "--amount", "700"], 1);
    expect(confirm.code, confirm.stderr).to.equal(0);
    const verify = await runFa(["verify", "--round", "1", "--json"], env);
    expect(verify.code, verify.stderr).to.equal(0);
    expect(JSON.parse(verify.stdout).counts.match).to.equal(1);
    const audit = await runFa(["audit", "--round", "1", "--format", "json"], env);
    expect(audit.code, audit.stderr).to.equal(0);
    expect(JSON.parse(audit.stdout).totals).to.deep.equal({ committed: "1000", delivered: "750", confirmed: "700" });
    const gaps = await runFa(["gaps", "--round", "1"], env);
    expect(gaps.code, gaps.stderr).to.equal(0);
    expect(gaps.stdout).to.match(/MZ-P-02\s+WASH\s+litre\s+600\s+250\s+0\s+350/);
    const hxl = await runFa(["audit", "--round", "1", "--format", "hxl"], env);
    expect(hxl.code, hxl.stderr).to.equal(0);
    const [, tags, ...flows] = hxl.stdout.trim().split("\n");
    expect(tags).to.match(/^#/);
    expect(flows).to.have.length(2);
    // IATI 2.03 XML: results always; transactions only with a configured unit value (--export-config).
    const config = path.join(mkdtempSync(path.join(tmpdir(), "fa-export-")), "export.json");
    writeFileSync(config, JSON.stringify({ organizations: { [ADDRESSES[0].toUpperCase().replace("0X", "0x")]: { name: "Water Co", ref: "XM-TEST-1", type: "21" } }, unitValues: { litre: { currency: "EUR", value: "0.01" } } }));
    const iati = await runFa(["audit", "--round", "1", "--format", "iati-xml", "--export-config", config], env);
    expect(iati.code, iati.stderr).to.equal(0);
    expect(iati.stdout).to.match(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<iati-activities version="2.03"/);
    expect(iati.stdout).to.include("<iati-identifier>XM-TEST-1-FA31337-R1</iati-identifier>");
    // 1000 litres committed over the leaves at 0.01 EUR a litre: the commitments add up to 10 EUR.
    const committedValues = [...iati.stdout.matchAll(/<transaction-type code="2"\/>\s*<transaction-date [^>]*\/>\s*<value currency="EUR" value-date="\d{4}-\d\d-\d\d">([0-9.]+)<\/value>/g)].map((m) => Number(m[1]));
    expect(committedValues.length).to.be.greaterThan(0);
    expect(committedValues.reduce((a, b) => a + b, 0)).to.be.closeTo(10, 1e-9);
    const schema = iatiSchemaDir();
    if (schema !== undefined) expect((await validateIati(iati.stdout, schema)).errors).to.deep.equal([]);
    const html = await runFa(["audit", "--round", "1", "--format", "html", "--export-config", config], env);
    expect(html.code, html.stderr).to.equal(0);
    expect(html.stdout).to.match(/^<!doctype html>[\s\S]*Audit report — round 1[\s\S]*Water Co/);
    writeFileSync(config, JSON.stringify({ unitValues: { litre: { currency: "euro", value: "0.01" } } }));
    const bad = await runFa(["audit", "--round", "1", "--format", "iati-xml", "--export-config", config], env);
    expect(bad.code).to.equal(2);
    expect(bad.stderr.trim()).to.match(/^--export-config: unitValues\.litre\.currency: /);
    const format = await runFa(["audit", "--round", "1", "--format", "iati"], env);
    expect(format.code).to.equal(2);
    expect(format.stderr.trim()).to.equal('--format: expected table, json, iati-xml, hxl, html, got "iati"');
  });

  it("commits what the round's snapshot allows even if the quantity shrinks after it", async () => {
    // The ledger judges a commitment by the capacity's terms at the round's snapshot (issue 8), like the
    // SDK computing it: a change after the snapshot counts from the next round.
    expect((await fa(["capacity", "declare", "--sector", "Food", "--unit", "kg", "--quantity", "100"])).code).to.equal(0);
    expect((await fa(["need", "declare", "--sector", "Food", "--unit", "kg", "--quantity", "100"], 1)).code).to.equal(0);
    const open = await fa(["round", "wait", "--advance", "--json"]);
    expect(open.code, open.stderr).to.equal(0);
    expect(JSON.parse(open.stdout).round).to.equal("2");
    expect((await fa(["capacity", "update", "--id", "2", "--quantity", "10"])).code).to.equal(0);
    const run = await fa(["commit", "--json"]);
    expect(run.code, run.stderr).to.equal(0);
    const committed = JSON.parse(run.stdout).commitments.find((c: { capacityId: string }) => c.capacityId === "2");
    expect(committed.total).to.equal("100");
  });

  it("shows where the chain is in the fixed schedule; nobody can open a round", async () => {
    const status = await runFa(["round", "status", "--json"], env);
    expect(status.code, status.stderr).to.equal(0);
    const s = JSON.parse(status.stdout);
    expect(Number(s.currentRound)).to.be.greaterThan(0);
    expect(BigInt(s.opensAt)).to.equal(BigInt(s.start) + (BigInt(s.round) - 1n) * BigInt(s.roundLength));
    expect(BigInt(s.snapshotTime)).to.equal(BigInt(s.opensAt) - 1n);
    expect(BigInt(s.nextOpenTime)).to.equal(BigInt(s.start) + BigInt(s.currentRound) * BigInt(s.roundLength));
    const open = await fa(["round", "open"]);
    expect(open.code).to.equal(2);
    expect(open.stderr.trim()).to.equal('round: unknown action "open" (status, wait)');
  });

  it("names a round that is not open, exit 2", async () => {
    const run = await fa(["deliver", "--round", "99", "--capacity", "1", "--need", "1"]);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim()).to.match(/^round not opened \(round=99 currentRound=\d+\)$/);
  });

  it("rejects an unknown or malformed address, exit 2", async () => {
    const malformed = await fa(["recognize", "0x1234=5"]);
    expect(malformed.code).to.equal(2);
    expect(malformed.stderr.trim()).to.equal('recognition: not an address: "0x1234"');
    // One letter's case flipped in a checksummed address: a typo the checksum exists to catch.
    const typo = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8".replace("C51", "c51");
    const mistyped = await fa(["recognize", `${typo}=5`]);
    expect(mistyped.code).to.equal(2);
    expect(mistyped.stderr.trim()).to.equal(`recognition: EIP-55 checksum does not match: "${typo}" (a mistyped character? check it, or give it in lower case)`);
    const twice = await fa(["recognize", `${ADDRESSES[1]}=3=4`]);
    expect(twice.code).to.equal(2);
    expect(twice.stderr.trim()).to.equal(`recognition: expected ADDRESS=POINTS, got "${ADDRESSES[1]}=3=4"`);
    const stranger = "0x00000000000000000000000000000000000000aa";
    const bad = path.join(dir, "bad.json");
    const contracts = Object.fromEntries(["recognition", "capacities", "needs", "rounds", "ledger"].map((k) => [k, stranger]));
    await import("node:fs/promises").then((fs) => fs.writeFile(bad, JSON.stringify({ chainId: 31337, contracts, fromBlock: "0", roundLength: "3600" })));
    const run = await runFa(["verify", "--round", "1", "--deployment", bad], env);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim()).to.equal(`no contract at ${stranger} (recognition) on chain 31337: is ${bad} from this chain's current deployment?`);
  });

  it("never overwrites a deployment file without --force, and prints each hash as it is sent", async () => {
    const before = readFileSync(env.FA_DEPLOYMENT, "utf8");
    const refused = await fa(["deploy", "--round-length", "3600"]);
    expect(refused.code).to.equal(2);
    expect(refused.stderr.trim()).to.equal(`${env.FA_DEPLOYMENT} exists: pass --force to replace it, or --deployment <file> to write another`);
    expect(readFileSync(env.FA_DEPLOYMENT, "utf8")).to.equal(before);

    const other = path.join(dir, "other-deployment.json");
    writeFileSync(other, "{}\n");
    const forced = await fa(["deploy", "--round-length", "3600", "--deployment", other, "--force"]);
    expect(forced.code, forced.stderr).to.equal(0);
    const sent = forced.stderr.trim().split("\n");
    expect(sent.map((line) => line.replace(/0x[0-9a-f]{64}$/, "HASH"))).to.deep.equal(
      ["recognition", "capacities", "needs", "rounds", "ledger"].map((name) => `sent ${name}: HASH`),
    );
    const written = JSON.parse(readFileSync(other, "utf8"));
    expect(Object.keys(written)).to.deep.equal(["chainId", "contracts", "fromBlock", "roundLength", "start"]);
    expect(written.roundLength).to.equal("3600");
  });

  it("names the field and value of a malformed deployment file, exit 2", async () => {
    const good = JSON.parse(readFileSync(env.FA_DEPLOYMENT, "utf8"));
    const bad = path.join(dir, "checksum.json");
    // A mixed-case address with a wrong EIP-55 checksum (one letter's case flipped).
    const address: string = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8".replace("C51", "c51");
    writeFileSync(bad, JSON.stringify({ ...good, contracts: { ...good.contracts, ledger: address } }));
    const run = await runFa(["verify", "--round", "1", "--deployment", bad], env);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim()).to.equal(
      `${bad}: deployment contracts.ledger: expected an address (0x + 40 hex digits; EIP-55 checksum if mixed case), got "${address}"`,
    );
  });

  it("names the flag of a code the registries would refuse, exit 2", async () => {
    const run = await fa(["need", "declare", "--sector", "WA SH", "--unit", "litre", "--quantity", "10"]);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim()).to.equal('--sector: expected 1 to 32 printable ASCII characters without spaces, got "WA SH"');
  });

  it("says so when no RPC is reachable, exit 2", async () => {
    const run = await runFa(["verify", "--round", "1", "--rpc", "http://127.0.0.1:9"], env);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim()).to.equal("no RPC reachable at http://127.0.0.1:9 (set --rpc or FA_RPC_URL; e.g. start `npx hardhat node`)");
  });

  it("lets only the provider deliver, with the decoded custom error", async () => {
    const run = await fa(["deliver", "--round", "1", "--capacity", "1", "--need", "2", "--amount", "1"], 2);
    expect(run.code).to.equal(2);
    expect(run.stderr.trim().toLowerCase()).to.equal(`transaction reverted: notprovider(1, ${ADDRESSES[2]}, ${ADDRESSES[0]})`);
  });

  it("signatures revoke-all invalidates the account's relayed signatures in all four contracts", async () => {
    const run = await fa(["signatures", "revoke-all", "--json"], 2);
    expect(run.code, run.stderr).to.equal(0);
    const { invalidated } = JSON.parse(run.stdout) as { invalidated: { contract: string; hash: string }[] };
    expect(invalidated.map((i) => i.contract)).to.deep.equal(["recognition", "capacities", "needs", "ledger"]);
    const deployment = JSON.parse(readFileSync(env.FA_DEPLOYMENT, "utf8")) as { contracts: Record<string, `0x${string}`> };
    const client = createPublicClient({ transport: http(node!.url) });
    for (const contract of ["recognition", "capacities", "needs", "ledger"] as const) {
      const epoch = await client.readContract({ address: deployment.contracts[contract], abi: abis[contract], functionName: "signatureEpoch", args: [ADDRESSES[2] as `0x${string}`] });
      expect(epoch, contract).to.equal(1n);
    }
    const bad = await fa(["signatures", "cancel"], 2);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include('unknown action "cancel"');
  });
});
