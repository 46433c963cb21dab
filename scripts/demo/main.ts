/**
 * `npm run demo`: the cyclone-response scenario end to end on the embedded Hardhat chain (in-process
 * EDR, nothing to set up). Prints every round and writes out/report.html plus, per round, the audit
 * report out/audit-round-N.html and the auditor exports (out/iati-round-N.xml, out/hxl-round-N.csv,
 * out/hxl-gaps-round-N.csv, out/audit-round-N.json).
 *
 * Environment: FA_DEMO_SCENARIO (default examples/cyclone.json), FA_DEMO_ROUNDS (default 3),
 * FA_DEMO_OUT (default out).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { network } from "hardhat";
import { parseScenario } from "../../sdk/core/scenario.js";
import { cyclonePlan } from "./plan.js";
import { renderRound } from "./print.js";
import { runDemo, type DemoConnection } from "./run.js";
import { writeOutputs } from "./outputs.js";
import { overallCoverage, coverageBySector, formatUnits, PROTOCOL_CHANGE } from "./summary.js";

const scenarioPath = process.env.FA_DEMO_SCENARIO ?? "examples/cyclone.json";
const rounds = process.env.FA_DEMO_ROUNDS === undefined ? cyclonePlan.rounds : Number(process.env.FA_DEMO_ROUNDS);
const outDir = process.env.FA_DEMO_OUT ?? "out";

const scenario = parseScenario(JSON.parse(await readFile(scenarioPath, "utf8")));
console.log(`Free Association demo — ${scenarioPath}, ${rounds} rounds, on the embedded Hardhat chain`);
console.log(`Protocol ${PROTOCOL_CHANGE}`);
const connection = (await network.create()) as unknown as DemoConnection;
const result = await runDemo(connection, scenario, { ...cyclonePlan, rounds }, {
  log: (line) => console.log(`  ${line}`),
  onRound: (round, organizations) => console.log(renderRound({ organizations }, round)),
});
await mkdir(outDir, { recursive: true });
const written = await writeOutputs(result, outDir);
const last = result.rounds[result.rounds.length - 1];
console.log(
  `\nDone in ${(result.elapsedMs / 1000).toFixed(1)} s: needs met ${last ? overallCoverage(coverageBySector(last.needsAfter)) : 0} % after ${result.rounds.length} rounds; ` +
    `gas for deployment and seeding ${formatUnits(result.seedGas)}.`,
);
console.log(`Report: ${path.join(outDir, "report.html")}`);
for (const file of written) console.log(`  wrote ${file}`);
