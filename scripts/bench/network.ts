/**
 * Deterministic generated networks for benchmarks and stress tests (integer PRNG only).
 * n entities; each recognizes 16 others (8 near neighbours on a ring, so recognition is
 * often mutual, and 8 uniformly random); 10 % declare a capacity and 50 % a need, over 8
 * types and 20 locations (4 regions with 4 districts each, so capacities at region level
 * cover district needs); 20 % of capacities and needs carry a time window.
 */
import type { Address, Capacity, Need, Scenario } from "../../sdk/core/index.js";

/** xorshift32: a tiny deterministic integer PRNG. */
export function prng(seed: number): (bound: number) => number {
  let s = seed >>> 0 || 1;
  return (bound: number) => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s % bound;
  };
}

export const TYPES = ["WASH", "Health", "Shelter", "FoodSecurity", "Nutrition", "Protection", "Education", "Logistics"];
const UNITS: Record<string, string> = {
  WASH: "L", Health: "kit", Shelter: "tent", FoodSecurity: "kg", Nutrition: "sachet", Protection: "session", Education: "kit", Logistics: "truck-day",
};
const REGIONS = ["MZ-P", "MZ-S", "MZ-N", "MZ-Z"];
/** 4 regions + 16 districts = 20 location codes. */
export const LOCATIONS = [...REGIONS, ...REGIONS.flatMap((r) => ["01", "02", "03", "04"].map((d) => `${r}-${d}`))];

export function addressOf(i: number): Address {
  return `0x${i.toString(16).padStart(40, "0")}` as Address;
}

export function generateNetwork(n: number, seed = 42, edges = 16, types = TYPES.length): Scenario {
  const rand = prng(seed);
  const recognition: Record<Address, Record<Address, bigint>> = {};
  for (let i = 0; i < n; i++) {
    const row: Record<Address, bigint> = {};
    let made = 0;
    for (let attempt = 0; made < Math.min(edges, n - 1) && attempt < edges * 4; attempt++) {
      const near = made < edges / 2;
      const j = near ? (i + 1 + rand(16)) % n : rand(n);
      const key = addressOf(j);
      if (j === i || row[key] !== undefined) continue;
      row[key] = BigInt(1 + rand(100));
      made++;
    }
    recognition[addressOf(i)] = row;
  }
  const window = () => {
    const start = BigInt(rand(1000));
    return { start, end: start + 1n + BigInt(rand(500)) };
  };
  const capacities: Capacity[] = [];
  const needs: Need[] = [];
  for (let i = 0; i < n; i++) {
    if (rand(10) === 0) {
      const type = TYPES[rand(types)];
      const hasLoc = rand(5) !== 0;
      capacities.push({
        id: `c${i}`, provider: addressOf(i), type, unit: UNITS[type],
        quantity: BigInt(100 + rand(10_000)),
        ...(hasLoc ? { location: REGIONS[rand(REGIONS.length)] } : {}),
        ...(rand(5) === 0 ? { window: window() } : {}),
        ...(rand(10) === 0 ? { minUnit: BigInt(1 + rand(10)) } : {}),
      });
    }
    if (rand(2) === 0) {
      const type = TYPES[rand(types)];
      needs.push({
        id: `n${i}`, recipient: addressOf(i), type, unit: UNITS[type],
        quantity: BigInt(10 + rand(1000)),
        location: LOCATIONS[rand(LOCATIONS.length)],
        ...(rand(5) === 0 ? { window: window() } : {}),
      });
    }
  }
  return { recognition, capacities, needs };
}
