/**
 * Water-filling (SPEC §3, step 1) with exact rationals and a documented integer rounding.
 *
 * Every claim i gets min(demand_i, λ·weight_i) for the single level λ at which the
 * quantity is used up or every demand is met. Integer rule (docs/protocol.md §4):
 * capped claims get their demand exactly; uncapped claims get floor(λ·w_i) and the
 * leftover units (fewer than the number of uncapped claims with a fractional share)
 * go one each to the largest fractional remainders, ties by ascending key.
 * No claim ever exceeds its demand and the amounts sum to min(quantity, Σ demand).
 */
import { EngineError } from "./errors.js";
import { lcm, rational, type Rational } from "./rational.js";

export interface WaterFillClaim {
  /** Canonical tie-break key (a recipient address, a need id, ...); unique within a call. */
  readonly key: string;
  /** Weight > 0. */
  readonly weight: Rational;
  /** Demand >= 0. */
  readonly demand: bigint;
}

export interface WaterFillResult {
  /** amounts[i] for claims[i]. */
  readonly amounts: bigint[];
  /**
   * The exact level λ: quantity per unit of weight given to uncapped claims. When all
   * demand is met it is the smallest level that meets it (max demand_i / weight_i).
   */
  readonly level: Rational;
}

/** Rational weights -> integer weights with the same ratios (× lcm of denominators). */
export function integerWeights(weights: readonly Rational[]): { weights: bigint[]; scale: bigint } {
  let scale = 1n;
  for (const w of weights) scale = lcm(scale, w.den);
  return { weights: weights.map((w) => w.num * (scale / w.den)), scale };
}

/** Water-fill `quantity` over claims with rational weights. */
export function waterFill(quantity: bigint, claims: readonly WaterFillClaim[]): WaterFillResult {
  for (const c of claims) {
    if (c.weight.num <= 0n || c.weight.den <= 0n) {
      throw new EngineError("INVALID_WEIGHT", "water-fill weights must be > 0", { key: c.key, weight: c.weight });
    }
  }
  const { weights, scale } = integerWeights(claims.map((c) => c.weight));
  const demands = claims.map((c) => c.demand);
  const keys = claims.map((c) => c.key);
  const { amounts, levelNum, levelDen } = waterFillIntegers(quantity, weights, demands, keys);
  // λ in integer-weight units is levelNum/levelDen; one unit of rational weight is `scale` integer units.
  return { amounts, level: rational(levelNum * scale, levelDen) };
}

/**
 * The engine's hot path: water-fill with positive integer weights. Returns the amounts
 * and λ = levelNum/levelDen per integer weight unit.
 *
 * `ratios`, when given, are the same weights as small rationals (weights[i] = ratios[i]·s for
 * one common s). They only speed up the sort: integer weights scaled by the lcm of many
 * denominators can be huge, and the sort would multiply them O(n log n) times.
 */
export function waterFillIntegers(
  quantity: bigint,
  weights: readonly bigint[],
  demands: readonly bigint[],
  keys: readonly string[],
  ratios?: readonly Rational[],
): { amounts: bigint[]; levelNum: bigint; levelDen: bigint } {
  if (quantity < 0n) throw new EngineError("NEGATIVE_QUANTITY", "water-fill quantity must be >= 0", { quantity });
  const n = weights.length;
  const amounts = new Array<bigint>(n).fill(0n);
  // Claims with zero demand take no part; the rest are sorted by the level at which they
  // saturate (demand/weight, compared by cross-multiplication), ties by key.
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (demands[i] < 0n) throw new EngineError("NEGATIVE_QUANTITY", "water-fill demand must be >= 0", { key: keys[i], demand: demands[i] });
    if (weights[i] <= 0n) throw new EngineError("INVALID_WEIGHT", "water-fill weights must be > 0", { key: keys[i], weight: weights[i] });
    if (demands[i] > 0n) order.push(i);
  }
  // demand_a / w_a vs demand_b / w_b; with w = num/den: demand_a·den_a·num_b vs demand_b·den_b·num_a.
  order.sort(ratios === undefined
    ? (a, b) => {
      const l = demands[a] * weights[b];
      const r = demands[b] * weights[a];
      return l < r ? -1 : l > r ? 1 : keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0;
    }
    : (a, b) => {
      const l = demands[a] * ratios[a].den * ratios[b].num;
      const r = demands[b] * ratios[b].den * ratios[a].num;
      return l < r ? -1 : l > r ? 1 : keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0;
    });
  let rest = quantity;
  let weightLeft = 0n;
  for (const i of order) weightLeft += weights[i];
  let k = 0;
  // Cap claim i while its saturation level demand/weight is <= the current level rest/weightLeft.
  while (k < order.length && demands[order[k]] * weightLeft <= rest * weights[order[k]]) {
    const i = order[k];
    amounts[i] = demands[i];
    rest -= demands[i];
    weightLeft -= weights[i];
    k++;
  }
  if (k === order.length) {
    // All demand met (or no demand): λ is the highest saturation level.
    if (order.length === 0) return { amounts, levelNum: 0n, levelDen: 1n };
    const last = order[order.length - 1];
    return { amounts, levelNum: demands[last], levelDen: weights[last] };
  }
  // Uncapped claims share `rest` in proportion to weight: exact share rest·w/weightLeft.
  const uncapped = order.slice(k);
  const remainders = new Map<number, bigint>();
  let leftover = rest;
  for (const i of uncapped) {
    const exact = rest * weights[i];
    amounts[i] = exact / weightLeft;
    remainders.set(i, exact % weightLeft);
    leftover -= amounts[i];
  }
  if (leftover > 0n) {
    uncapped.sort((a, b) => {
      const ra = remainders.get(a)!;
      const rb = remainders.get(b)!;
      return ra > rb ? -1 : ra < rb ? 1 : keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0;
    });
    for (let j = 0; leftover > 0n; j++) {
      amounts[uncapped[j]] += 1n;
      leftover -= 1n;
    }
  }
  return { amounts, levelNum: rest, levelDen: weightLeft };
}
