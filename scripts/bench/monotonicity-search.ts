/**
 * Long randomized search over the monotonicity properties of the lab (SPEC §2, axiom 3), far
 * beyond the suite's runs: the two that must hold for FA-2 (needs, on every generator; one
 * capacity's recognition, on single-capacity scenarios) and the measured one (recognition across
 * capacities). Prints, per property, how many inputs violate it and the smallest counterexample.
 *
 *   npx tsx scripts/bench/monotonicity-search.ts                       # fa-2, 500,000 runs per property
 *   npx tsx scripts/bench/monotonicity-search.ts --runs 60000 --protocol fa-1 --seed 7
 *   npx tsx scripts/bench/monotonicity-search.ts --only monotonicity.recognition-across --runs 100000
 *
 * Exits 1 when a property that must hold is violated (so `npm run bench` fails loudly).
 */
import fc from "fast-check";
import { PROTOCOLS } from "../../sdk/core/index.js";
import { serializeScenario } from "../../sdk/core/scenario.js";
import { AXIOM_PROPERTIES, type ScenarioWithPicks } from "../../sdk/core/lab/index.js";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(arg("--runs") ?? 500_000);
const seed = Number(arg("--seed") ?? 20261201);
const protocolId = arg("--protocol") ?? "fa-2";
const protocol = PROTOCOLS[protocolId];
if (protocol === undefined) throw new Error(`unknown protocol ${protocolId} (known: ${Object.keys(PROTOCOLS).join(", ")})`);
const ids = (arg("--only") ?? "monotonicity.need,monotonicity.recognition-capacity,monotonicity.recognition-across").split(",");
const BATCH = 10_000;

const size = (i: ScenarioWithPicks) => i.scenario.capacities.length + i.scenario.needs.length + Object.values(i.scenario.recognition).reduce((n, r) => n + Object.keys(r).length, 0);
let failedClaim = false;
console.log(`monotonicity search — ${protocol.id}, ${runs} runs per property, seed ${seed}, node ${process.version}`);
for (const id of ids) {
  const property = AXIOM_PROPERTIES.find((p) => p.id === id);
  if (property === undefined) throw new Error(`unknown property ${id}`);
  const started = performance.now();
  let violations = 0;
  // Smallest counterexample per number of distinct providers (1: one provider with several capacities; 2: two providers).
  const smallest = new Map<number, { input: ScenarioWithPicks; detail: string; change?: string }>();
  // Batches with derived seeds: fc.sample keeps every input of a batch in memory.
  for (let done = 0; done < runs; done += BATCH) {
    const n = Math.min(BATCH, runs - done);
    for (const input of fc.sample(property.inputs!, { numRuns: n, seed: seed + done })) {
      const v = property.check(protocol, input);
      if (v === undefined) continue;
      violations++;
      const providers = new Set(input.scenario.capacities.map((c) => c.provider)).size;
      const best = smallest.get(providers);
      if (best === undefined || size(input) < size(best.input)) smallest.set(providers, { input, ...v });
    }
    process.stderr.write(`\r${id}: ${done + n}/${runs}, ${violations} violations`);
  }
  process.stderr.write("\n");
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const kind = property.measured ? "measured" : "must hold";
  console.log(`${id} (${kind}): ${violations} of ${runs} runs violate (${((100 * violations) / runs).toFixed(3)} %), ${seconds} s`);
  for (const [providers, best] of [...smallest].sort(([a], [b]) => a - b)) {
    console.log(`  smallest with ${providers} provider(s): ${best.change ?? ""}; ${best.detail}`);
    console.log(`  scenario: ${JSON.stringify(serializeScenario(best.input.scenario))}`);
  }
  if (!property.measured && violations > 0) failedClaim = true;
}
process.exitCode = failedClaim ? 1 : 0;
