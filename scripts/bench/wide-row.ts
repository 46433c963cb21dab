/**
 * Worst case for exact tier-1 weights: one capacity whose provider recognizes K recipients
 * that recognize it back with pairwise unrelated totals, so the common denominator of the
 * weights MR(P,r) = p[r][P]/T_r grows with K (big-integer arithmetic in water-filling).
 *
 *   npx tsx scripts/bench/wide-row.ts --sizes 100,1000,5000
 */
import { allocate, type Address, type Scenario } from "../../sdk/core/index.js";
import { addressOf, prng } from "./network.js";

const i = process.argv.indexOf("--sizes");
const sizes = (i >= 0 ? process.argv[i + 1] : "100,1000,5000").split(",").map(Number);
for (const K of sizes) {
  const rand = prng(1);
  const P = addressOf(0);
  const row: Record<Address, bigint> = {};
  const recognition: Record<Address, Record<Address, bigint>> = { [P]: row };
  const needs: Scenario["needs"][number][] = [];
  for (let r = 1; r <= K; r++) {
    const who = addressOf(r);
    row[who] = BigInt(1 + rand(1000));
    // who's total is 1..1000 + 1,000,003..1,001,000,002: denominators rarely share factors.
    recognition[who] = { [P]: BigInt(1 + rand(1000)), [addressOf(K + r)]: BigInt(1_000_003 + rand(1_000_000_000)) };
    needs.push({ id: `n${r}`, recipient: who, type: "WASH", unit: "L", quantity: BigInt(1 + rand(100)) });
  }
  const scenario: Scenario = { recognition, capacities: [{ id: "c", provider: P, type: "WASH", unit: "L", quantity: BigInt(K * 30) }], needs };
  const t = performance.now();
  const result = allocate(scenario);
  console.log(`${K} tier-1 recipients of one capacity: ${(performance.now() - t).toFixed(0)} ms, ${result.rounds} round(s)`);
}
