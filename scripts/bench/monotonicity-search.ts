/**
 * Long randomized search for weak-monotonicity counterexamples of FA-1 (beyond the 1,000 runs
 * of the test suite). Prints, per case, how many runs violated the property and the first one.
 *
 *   npx tsx scripts/bench/monotonicity-search.ts --runs 60000
 */
import fc from "fast-check";
import { fa1, type Address, type Scenario } from "../../sdk/core/index.js";
import { scenarioArb, POOL, fromProviderTo, toNeed } from "../../test/engine/arbitraries.js";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 20000);
const singleProvider = (s: Scenario): Scenario => ({ ...s, capacities: s.capacities.map((c) => ({ ...c, provider: POOL[0] })) });
const raise = (s: Scenario, P: Address, X: Address, by: bigint): Scenario => ({
  ...s, recognition: { ...s.recognition, [P]: { ...(s.recognition[P] ?? {}), [X]: (s.recognition[P]?.[X] ?? 0n) + by } },
});

interface Case { name: string; minUnits: boolean; maxCapacities?: number; single: boolean; what: "recognition" | "need" }
const cases: Case[] = [
  { name: "recognition, one capacity, minUnit", minUnits: true, maxCapacities: 1, single: true, what: "recognition" },
  { name: "recognition, one provider, no minUnit", minUnits: false, single: true, what: "recognition" },
  { name: "recognition, one provider, minUnit", minUnits: true, single: true, what: "recognition" },
  { name: "recognition, several providers", minUnits: true, single: false, what: "recognition" },
  { name: "need, one provider, minUnit", minUnits: true, single: true, what: "need" },
  { name: "need, several providers, minUnit", minUnits: true, single: false, what: "need" },
];

for (const c of cases) {
  const samples = fc.sample(
    fc.tuple(scenarioArb({ minUnits: c.minUnits, ...(c.maxCapacities ? { maxCapacities: c.maxCapacities } : {}) }), fc.nat(5), fc.nat(10), fc.integer({ min: 1, max: 50 })),
    { numRuns: runs, seed: 7 },
  );
  let violations = 0;
  let first = "";
  for (const [s0, j, k, by] of samples) {
    const s = c.single ? singleProvider(s0) : s0;
    let ok: boolean;
    if (c.what === "need") {
      const n = s.needs[k % s.needs.length];
      const raised = { ...s, needs: s.needs.map((x) => (x === n ? { ...x, quantity: x.quantity + BigInt(by) } : x)) };
      ok = toNeed(fa1.allocate(raised), n.id) >= toNeed(fa1.allocate(s), n.id);
    } else {
      const P = s.capacities[k % s.capacities.length].provider;
      const X = POOL[j];
      ok = fromProviderTo(fa1.allocate(raise(s, P, X, BigInt(by))), P, X) >= fromProviderTo(fa1.allocate(s), P, X);
    }
    if (!ok && violations++ === 0) first = fc.stringify([s, j, k, by]);
  }
  console.log(`${c.name}: ${violations} / ${runs} runs violate${first ? `\n  first: ${first}` : ""}`);
}
