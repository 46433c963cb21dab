/**
 * The CLI walkthrough of README.md ("Walkthrough on a local chain with the CLI") and docs/cli.md,
 * command by command as written there, against a fresh node on a free port: `npx hardhat node`, or
 * Anvil with FA_TEST_NODE=anvil (`npm run test:anvil`). The commands are read from the docs, so the
 * docs cannot drift from the CLI, and the outputs docs/cli.md shows are checked against what it prints.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startNode, testNodeKind, type LocalNode } from "../../scripts/web/localChain.js";
import { runFa } from "./runFa.js";
import { fencedBlock } from "../helpers/docs.js";

interface Walkthrough {
  /** Shell variables assigned in the block (KA=…, A=… B=… C=…). */
  vars: Record<string, string>;
  /** The `npx fa …` commands, comments stripped, one argv each (without `npx fa`). */
  commands: string[][];
}

/** Reads a walkthrough block: `export X=…` and `K=V` lines, then `npx fa …` lines. */
function parseWalkthrough(block: string): Walkthrough {
  const vars: Record<string, string> = {};
  const commands: string[][] = [];
  for (const raw of block.split("\n")) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (line === "" || line.startsWith("export ")) continue;
    if (line.startsWith("npx fa ")) {
      commands.push(line.slice("npx fa ".length).split(/\s+/).map((w) => w.replace(/\$([A-Z]+)/g, (_, v: string) => {
        if (!(v in vars)) throw new Error(`walkthrough uses $${v} before assigning it`);
        return vars[v];
      })));
      continue;
    }
    const assignments = line.split(/\s+/).map((w) => /^([A-Z]+)=(\S+)$/.exec(w));
    if (assignments.some((m) => m === null)) throw new Error(`walkthrough: unexpected line ${JSON.stringify(raw)}`);
    for (const m of assignments) vars[m![1]] = m![2];
  }
  return { vars, commands };
}

const readme = parseWalkthrough(fencedBlock("README.md", "## Walkthrough on a local chain with the CLI", "sh", "npx fa deploy"));
const cliDoc = parseWalkthrough(fencedBlock("docs/cli.md", "### Walkthrough against a local node", "sh", "npx fa deploy"));

describe(`the CLI walkthrough of README.md and docs/cli.md (${testNodeKind()} node)`, function () {
  this.timeout(240_000);
  let node: LocalNode | undefined;
  let dir: string;
  let env: Record<string, string>;
  const outputs = new Map<string, string>();

  before(async () => {
    node = await startNode(await freePort(), () => {}, testNodeKind());
    dir = mkdtempSync(path.join(tmpdir(), "fa-walkthrough-"));
    // The walkthrough writes fa-deployment.json in the working directory; keep it out of the repository.
    env = { FA_RPC_URL: node.url, FA_DEPLOYMENT: path.join(dir, "fa-deployment.json") };
  });

  after(() => {
    node?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("README.md and docs/cli.md show the same commands", () => {
    expect(readme.commands.length).to.be.greaterThan(10);
    expect(readme.commands[0].slice(0, 1)).to.deep.equal(["deploy"]);
    expect(cliDoc.commands).to.deep.equal(readme.commands);
    expect(cliDoc.vars).to.deep.equal(readme.vars);
  });

  it("every command succeeds, in order, from `fa deploy` on", async () => {
    for (const args of readme.commands) {
      const run = await runFa(args, env);
      expect(run.code, `fa ${args.join(" ")}: ${run.stderr}`).to.equal(0);
      // stderr carries only what a user should see: `fa deploy`'s hash of each deployment as it is sent.
      const expectedStderr = args[0] === "deploy" ? ["recognition", "capacities", "needs", "rounds", "ledger"].map((name) => `sent ${name}: HASH\n`).join("") : "";
      expect(run.stderr.replace(/0x[0-9a-f]{64}/g, "HASH"), `fa ${args.join(" ")}`).to.equal(expectedStderr);
      outputs.set(args.slice(0, 2).filter((a) => !a.startsWith("-")).join(" "), run.stdout);
    }
  });

  it("ends where the comments say: 1,000 committed, 500 delivered to B, all of it confirmed", async () => {
    const audit = await runFa(["audit", "--round", "1", "--format", "json"], env);
    expect(audit.code, audit.stderr).to.equal(0);
    expect(JSON.parse(audit.stdout).totals).to.deep.equal({ committed: "1000", delivered: "500", confirmed: "500" });
    const verify = await runFa(["verify", "--round", "1", "--json"], env);
    expect(verify.code, verify.stderr).to.equal(0);
    expect(JSON.parse(verify.stdout).counts).to.include({ match: 1, mismatch: 0, missing: 0, unexpected: 0 });
  });

  it("prints what docs/cli.md shows (hashes aside)", () => {
    const shown = fencedBlock("docs/cli.md", "What it prints (hashes shortened):", "console");
    const sections = new Map<string, string[]>();
    let current: string[] = [];
    for (const line of shown.split("\n")) {
      const command = /^\$ npx fa (\S+)/.exec(line);
      if (command) sections.set(command[1], (current = []));
      else current.push(line);
    }
    expect([...sections.keys()]).to.deep.equal(["commit", "verify", "gaps"]);
    // Hashes and transaction ids differ per run and are shortened in the docs (with their column
    // rules); everything else is exact.
    const mask = (text: string) =>
      text.trim().split("\n").map((l) => l.replace(/0x[0-9a-f]{8,}…?/g, "0x…").replace(/-{3,}/g, "---").trimEnd());
    expect(mask(outputs.get("commit")!)).to.deep.equal(mask(sections.get("commit")!.join("\n")));
    expect(mask(outputs.get("verify")!)).to.deep.equal(mask(sections.get("verify")!.join("\n")));
    expect(outputs.get("gaps")!.trim().split("\n").map((l) => l.trimEnd())).to.deep.equal(sections.get("gaps")!.map((l) => l.trimEnd()));
  });
});
