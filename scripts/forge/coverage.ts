/**
 * Branch and line coverage of the production contracts (contracts/, without contracts/test/ and
 * contracts/mocks/), measured by `forge coverage` over the Solidity tests in contracts/test.
 * Prints one row per contract and the total; the full forge log and the LCOV file land in coverage/forge/.
 *
 *   npm run coverage [-- --min-branches 95] [-- <forge coverage flags, e.g. --match-path ...>]
 *
 * `--min-branches N` exits 1 when the total branch figure is below N %. forge compiles with the npm
 * solc through scripts/forge/solc.mjs (see foundry.toml); `--ir-minimum` because the unoptimized
 * legacy pipeline that coverage needs runs out of stack ("Stack too deep").
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = path.join(root, "coverage", "forge");
const lcovFile = path.join(outDir, "lcov.info");
const logFile = path.join(outDir, "forge.log");
/** Files that are not production contracts: test contracts, handlers, mocks, and OpenZeppelin's sources. */
export const EXCLUDED = "(contracts/(test|mocks)/|node_modules/)";

export interface FileCoverage {
  file: string;
  linesFound: number;
  linesHit: number;
  branchesFound: number;
  branchesHit: number;
}

/** The per-file line and branch totals of an LCOV report (its LF/LH/BRF/BRH records). */
export function parseLcov(text: string): FileCoverage[] {
  const files: FileCoverage[] = [];
  let current: FileCoverage | undefined;
  for (const line of text.split("\n")) {
    const [key, value = ""] = line.trim().split(/:(.*)/s, 2);
    if (key === "SF") current = { file: value, linesFound: 0, linesHit: 0, branchesFound: 0, branchesHit: 0 };
    else if (!current) continue;
    else if (key === "LF") current.linesFound = Number(value);
    else if (key === "LH") current.linesHit = Number(value);
    else if (key === "BRF") current.branchesFound = Number(value);
    else if (key === "BRH") current.branchesHit = Number(value);
    else if (key === "end_of_record") {
      files.push(current);
      current = undefined;
    }
  }
  return files;
}

/** hit/found as a percentage; a file with nothing to cover counts as fully covered. */
export function percent(hit: number, found: number): number {
  return found === 0 ? 100 : (100 * hit) / found;
}

/** The table `npm run coverage` prints, with a Total row. */
export function formatTable(files: FileCoverage[]): string {
  const total = files.reduce(
    (t, f) => ({
      ...t,
      linesFound: t.linesFound + f.linesFound,
      linesHit: t.linesHit + f.linesHit,
      branchesFound: t.branchesFound + f.branchesFound,
      branchesHit: t.branchesHit + f.branchesHit,
    }),
    { file: "Total", linesFound: 0, linesHit: 0, branchesFound: 0, branchesHit: 0 },
  );
  const cell = (hit: number, found: number) => `${percent(hit, found).toFixed(2)} % (${hit}/${found})`;
  const rows = [...files, total].map((f) => [f.file, cell(f.linesHit, f.linesFound), cell(f.branchesHit, f.branchesFound)]);
  const header = ["Contract", "Lines", "Branches"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(0, -1).map(fmt), widths.map((w) => "-".repeat(w)).join("  "), fmt(rows.at(-1)!)].join("\n");
}

function parseArgs(argv: string[]): { minBranches?: number; forgeArgs: string[] } {
  const forgeArgs: string[] = [];
  let minBranches: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--min-branches") {
      minBranches = Number(argv[++i]);
      if (!Number.isFinite(minBranches) || minBranches < 0 || minBranches > 100) {
        throw new Error(`--min-branches: expected a percentage between 0 and 100, got ${JSON.stringify(argv[i])}`);
      }
    } else forgeArgs.push(argv[i]);
  }
  return { minBranches, forgeArgs };
}

async function runForge(forgeArgs: string[]): Promise<void> {
  const forge = createRequire(import.meta.url).resolve("@foundry-rs/forge/bin.mjs");
  const args = [
    forge, "coverage", "--ir-minimum",
    "--no-match-coverage", EXCLUDED,
    "--report", "lcov", "--report-file", lcovFile,
    ...forgeArgs,
  ];
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let pending = "";
  // Progress: one line per finished suite; everything goes to the log.
  child.stdout.on("data", (chunk: Buffer) => {
    log.write(chunk);
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) if (/^(Ran \d+ tests? for|Suite result|Compiling|Solc )/.test(line)) console.log(`  ${line}`);
  });
  child.stderr.on("data", (chunk: Buffer) => log.write(chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) {
    const tail = (await readFile(logFile, "utf8")).split("\n").slice(-40).join("\n");
    throw new Error(`forge coverage failed (exit ${code}); last lines of ${path.relative(root, logFile)}:\n${tail}`);
  }
}

async function main(): Promise<void> {
  const { minBranches, forgeArgs } = parseArgs(process.argv.slice(2));
  await mkdir(outDir, { recursive: true });
  console.log("forge coverage over contracts/test (about 2 minutes on an idle 2-core machine) …");
  await runForge(forgeArgs);
  const files = parseLcov(await readFile(lcovFile, "utf8"));
  console.log(`\nProduction contracts (${EXCLUDED} excluded), Solidity tests only:\n`);
  console.log(formatTable(files));
  const hit = files.reduce((s, f) => s + f.branchesHit, 0);
  const found = files.reduce((s, f) => s + f.branchesFound, 0);
  const total = percent(hit, found);
  console.log(`\nBranch coverage: ${total.toFixed(2)} % (${hit}/${found}); LCOV: ${path.relative(root, lcovFile)}`);
  if (minBranches !== undefined && total < minBranches) {
    console.error(`Branch coverage ${total.toFixed(2)} % is below the required ${minBranches} %.`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
