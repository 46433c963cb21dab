/**
 * Benchmark of the engines, FA-1 and FA-2 side by side, on the same generated networks
 * (scripts/bench/network.ts): 8 sectors and 1 sector (every capacity competes).
 *
 *   npx tsx scripts/bench/engine.ts                 # 1k, 10k, 100k entities; 8 and 1 sectors; fa-1 and fa-2
 *   npx tsx scripts/bench/engine.ts --sizes 1000,10000 --seed 42
 *   npx tsx scripts/bench/engine.ts --types 1       # one shape only
 *   npx tsx scripts/bench/engine.ts --protocols fa-2
 *
 * Each (size, shape, protocol) runs in a fresh child process so that its peak RSS is its own. Reported per size:
 * a plain linear pass over the same inputs, the engine's wall time (first run, and best of
 * --repeat runs, default 3), the ratio engine(best)/linear(best), rounds to the fixed point, peak RSS and heap
 * used after the run; then the growth exponent (log-log slope of engine time between sizes).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PROTOCOLS, type Scenario } from "../../sdk/core/index.js";
import { generateNetwork } from "./network.js";

interface Measurement {
  protocol: string;
  types: number;
  entities: number;
  edges: number;
  capacities: number;
  needs: number;
  generateMs: number;
  linearMs: number;
  /** First run of the engine in the process (includes JIT warm-up). */
  engineColdMs: number;
  /** Best of `repeat` runs. */
  engineMs: number;
  rounds: number;
  allocations: number;
  allocated: string;
  peakRssMiB: number;
  heapUsedMiB: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A plain pass touching every input once: the floor any allocation must pay. */
function linearPass(s: Scenario): bigint {
  let acc = 0n;
  for (const from of Object.keys(s.recognition)) {
    const row = s.recognition[from as `0x${string}`];
    for (const to of Object.keys(row)) acc += row[to as `0x${string}`];
  }
  for (const c of s.capacities) acc += c.quantity + BigInt(c.type.length + c.unit.length + (c.location?.length ?? 0));
  for (const n of s.needs) acc += n.quantity + BigInt(n.type.length + n.unit.length + (n.location?.length ?? 0));
  return acc;
}

/** Best wall time of `repeat` calls of `f` (the machine is shared: the minimum is the least noisy). */
function best<T>(repeat: number, f: () => T): { ms: number; firstMs: number; value: T } {
  let ms = Infinity;
  let firstMs = 0;
  let value!: T;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    value = f();
    const dt = performance.now() - t;
    if (i === 0) firstMs = dt;
    ms = Math.min(ms, dt);
  }
  return { ms, firstMs, value };
}

function child(protocolId: string, entities: number, seed: number, types: number, repeat: number): void {
  const protocol = PROTOCOLS[protocolId];
  if (protocol === undefined) throw new Error(`unknown protocol ${protocolId}`);
  const t = performance.now();
  const scenario = generateNetwork(entities, seed, 16, types);
  const generateMs = performance.now() - t;
  const linearMs = best(repeat, () => linearPass(scenario)).ms;
  const engine = best(repeat, () => protocol.allocate(scenario));
  const result = engine.value;
  const heapUsedMiB = process.memoryUsage().heapUsed / 2 ** 20;
  let edges = 0;
  for (const row of Object.values(scenario.recognition)) edges += Object.keys(row).length;
  const m: Measurement = {
    protocol: protocolId,
    types,
    entities,
    edges,
    capacities: scenario.capacities.length,
    needs: scenario.needs.length,
    generateMs,
    linearMs,
    engineColdMs: engine.firstMs,
    engineMs: engine.ms,
    rounds: result.rounds ?? 0,
    allocations: result.allocations.length,
    allocated: result.allocations.reduce((s, a) => s + a.amount, 0n).toString(),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    heapUsedMiB,
  };
  process.stdout.write(JSON.stringify(m) + "\n");
}

function main(): void {
  const seed = Number(arg("--seed") ?? 42);
  const repeat = Number(arg("--repeat") ?? 3);
  if (arg("--child") !== undefined) return child(arg("--protocol")!, Number(arg("--child")), seed, Number(arg("--types") ?? 8), repeat);
  const sizes = (arg("--sizes") ?? "1000,10000,100000").split(",").map(Number);
  const shapes = (arg("--types") ?? "8,1").split(",").map(Number);
  const protocols = (arg("--protocols") ?? "fa-1,fa-2").split(",");
  const self = fileURLToPath(import.meta.url);
  console.log(`engine benchmark — ${protocols.join(" vs ")}, seed ${seed}, best of ${repeat}, node ${process.version}`);
  for (const types of shapes) {
    const rows = new Map<string, Measurement[]>();
    console.log("");
    console.log(`${types} sector${types === 1 ? "" : "s"}${types === 1 ? " (stress: every capacity competes)" : ""}:`);
    console.log("");
    console.log("| protocol | entities | edges | capacities | needs | linear ms | engine ms (cold) | engine ms (best) | engine/linear | rounds | allocations | allocated | peak RSS MiB | heap used MiB |");
    console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (const n of sizes) {
      for (const protocol of protocols) {
        const run = spawnSync(process.execPath, [...process.execArgv, self, "--child", String(n), "--protocol", protocol, "--seed", String(seed), "--types", String(types), "--repeat", String(repeat)], {
          encoding: "utf8",
          maxBuffer: 1 << 24,
        });
        if (run.status !== 0) throw new Error(`benchmark child for ${protocol}, ${n} entities failed:\n${run.stderr}`);
        const m = JSON.parse(run.stdout.trim().split("\n").pop()!) as Measurement;
        rows.set(protocol, [...(rows.get(protocol) ?? []), m]);
        console.log(
          "| " + [m.protocol, m.entities, m.edges, m.capacities, m.needs, m.linearMs.toFixed(1), m.engineColdMs.toFixed(0), m.engineMs.toFixed(0),
            (m.engineMs / m.linearMs).toFixed(1), m.rounds || "-", m.allocations, m.allocated, m.peakRssMiB.toFixed(0), m.heapUsedMiB.toFixed(0)].join(" | ") + " |",
        );
      }
    }
    console.log("");
    for (const [protocol, list] of rows) {
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1], list[i]];
        const slope = Math.log(b.engineMs / a.engineMs) / Math.log(b.entities / a.entities);
        console.log(`growth exponent ${protocol} (best engine time) ${a.entities} -> ${b.entities}: ${slope.toFixed(2)} (1.00 = linear)`);
      }
    }
    if (protocols.length === 2) {
      const [x, y] = protocols.map((p) => rows.get(p)!);
      for (let i = 0; i < sizes.length; i++) {
        console.log(`${protocols[1]}/${protocols[0]} time ratio at ${sizes[i]}: ${(y[i].engineMs / x[i].engineMs).toFixed(2)}`);
      }
    }
  }
}

main();
