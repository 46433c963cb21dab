/**
 * The SDK as a developer gets it: `npm pack`, installed into an empty project, run with plain `node`
 * (no tsx, no TypeScript). The program is docs/sdk.md's example, taken from the doc, against a fresh
 * local node (`FA_TEST_NODE`, Hardhat's by default, Anvil under `npm run test:anvil`).
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort, startNode, testNodeKind, type LocalNode } from "../../scripts/web/localChain.js";
import { REPO } from "../cli/runFa.js";
import { fencedBlock } from "../helpers/docs.js";

const run = promisify(execFile);
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
// Hardhat's and Anvil's first default account (a public test key).
const KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

describe(`the packed SDK, installed and run with plain node (${testNodeKind()} node)`, function () {
  // npm pack builds dist/ (tsc, ~20 s) and npm install fetches the dependencies (~20 s, cached after).
  this.timeout(300_000);
  let dir: string;
  let project: string;
  let entries: string[];
  let node: LocalNode | undefined;

  const nodeIn = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, args, { cwd: project, env: { ...process.env, ...env }, maxBuffer: 16 << 20 });

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "fa-package-"));
    const packed = await run(NPM, ["pack", "--json", "--pack-destination", dir], { cwd: REPO, maxBuffer: 16 << 20 });
    // npm prints the prepack build's output before the JSON.
    const report = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[\n"))) as { filename: string; files: { path: string }[] }[];
    entries = report[0].files.map((f) => f.path);
    project = path.join(dir, "consumer");
    mkdirSync(project);
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    await run(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline", path.join(dir, report[0].filename)], { cwd: project, maxBuffer: 16 << 20 });
    node = await startNode(await freePort(), () => {}, testNodeKind());
  });

  after(() => {
    node?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("ships the compiled SDK, the CLI and the docs' entry files only", () => {
    const outside = entries.filter((p) => !/^(dist\/sdk\/.+\.(js|d\.ts)|bin\/fa\.mjs|README\.md|LICENSE|package\.json)$/.test(p));
    expect(outside).to.deep.equal([]);
    expect(entries).to.include.members(["dist/sdk/chain/index.js", "dist/sdk/chain/index.d.ts", "dist/sdk/chain/bytecode.js", "dist/sdk/cli/main.js"]);
    expect(entries.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts"))).to.deep.equal([]);
  });

  it("runs docs/sdk.md's example: deploy, signals, allocate, commit, deliver, confirm, verify", async () => {
    writeFileSync(path.join(project, "round.mjs"), fencedBlock("docs/sdk.md", "## Example", "js", "free-association/chain"));
    const { stdout } = await nodeIn(["round.mjs"], { FA_RPC_URL: node!.url });
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!);
    console.log(`      ${stdout.trim()}`);
    expect(result.verified).to.equal(true);
    expect(result.protocol).to.equal("fa-2");
    // A's 1,000 litres between B (900 needed, 3 points) and C (600, 1 point), as computed locally and as committed.
    expect(result.allocated).to.have.length(2);
    expect(result.committed).to.deep.equal(result.allocated);
    expect(result.allocated.reduce((sum: bigint, [, amount]: [string, string]) => sum + BigInt(amount), 0n)).to.equal(1000n);
  });

  it("the core entry loads neither zod nor fast-check", async () => {
    // Node's module hooks see every module the import resolves, transitively.
    writeFileSync(
      path.join(project, "core-only.mjs"),
      [
        'import { registerHooks } from "node:module";',
        "const loaded = [];",
        "registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); loaded.push(r.url); return r; } });",
        'const core = await import("free-association/core");',
        "const byCore = [...loaded];",
        // The control: the scenario entry validates with zod, so the same hooks must see zod load.
        'await import("free-association/scenario");',
        "console.log(JSON.stringify({ exports: Object.keys(core).length, byCore, withScenario: loaded }));",
      ].join("\n"),
    );
    const { stdout } = await nodeIn(["core-only.mjs"]);
    const { exports, byCore, withScenario } = JSON.parse(stdout) as { exports: number; byCore: string[]; withScenario: string[] };
    const heavy = (urls: string[]) => urls.filter((url) => /\/node_modules\/(zod|fast-check)\//.test(url));
    expect(exports).to.be.greaterThan(10);
    expect(byCore.some((url) => url.includes("/free-association/dist/sdk/core/"))).to.equal(true);
    expect(heavy(byCore)).to.deep.equal([]);
    expect(heavy(withScenario)).to.not.deep.equal([]);
  });

  it("`fa deploy` works from the installed package (no artifacts/, no build)", async () => {
    const { stdout, stderr } = await nodeIn(
      ["node_modules/free-association/bin/fa.mjs", "deploy", "--round-length", "60", "--deployment", "deployed.json", "--json"],
      { FA_RPC_URL: node!.url, FA_PRIVATE_KEY: KEY },
    );
    expect(stderr).to.match(/^sent recognition: 0x[0-9a-f]{64}$/m);
    const deployed = JSON.parse(stdout);
    expect(deployed.file).to.equal("deployed.json");
    expect(Object.keys(deployed.contracts)).to.deep.equal(["recognition", "capacities", "needs", "rounds", "ledger"]);
  });
});
