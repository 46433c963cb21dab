/**
 * A greedy pass after fast-check's shrinking. fast-check shrinks the raw choices, but
 * removing a need shifts the index a property uses to pick "its" need, so irrelevant
 * needs (often with quantity 0) survive. Here each capacity, need and recognition edge
 * is removed in turn, keeping the picked capacity and need the same, as long as the
 * property still fails.
 */
import type { Address, Scenario } from "../types.js";
import type { ScenarioWithPicks } from "./arbitraries.js";

/** Removes item `i`, re-pointing `pick` at the same item; undefined when `i` is the picked one. */
function removeAt<T>(items: readonly T[], i: number, pick: number): { items: T[]; pick: number } | undefined {
  const picked = pick % items.length;
  if (i === picked || items.length <= 1) return undefined;
  return { items: items.filter((_, j) => j !== i), pick: picked > i ? picked - 1 : picked };
}

function withoutEdge(scenario: Scenario, from: Address, to: Address): Scenario {
  const { [to]: _removed, ...row } = scenario.recognition[from];
  const { [from]: _old, ...others } = scenario.recognition;
  const recognition = Object.keys(row).length === 0 ? others : { ...scenario.recognition, [from]: row };
  return { ...scenario, recognition };
}

/** Every input one removal smaller than `input`. */
function smaller(input: ScenarioWithPicks): ScenarioWithPicks[] {
  const { scenario } = input;
  const out: ScenarioWithPicks[] = [];
  for (let i = 0; i < scenario.needs.length; i++) {
    const r = removeAt(scenario.needs, i, input.needPick);
    if (r) out.push({ ...input, scenario: { ...scenario, needs: r.items }, needPick: r.pick });
  }
  for (let i = 0; i < scenario.capacities.length; i++) {
    const r = removeAt(scenario.capacities, i, input.capacityPick);
    if (r) out.push({ ...input, scenario: { ...scenario, capacities: r.items }, capacityPick: r.pick });
  }
  for (const [from, row] of Object.entries(scenario.recognition)) {
    for (const to of Object.keys(row)) out.push({ ...input, scenario: withoutEdge(scenario, from as Address, to as Address) });
  }
  return out;
}

/** The smallest input reachable by single removals on which `fails` still holds. */
export function simplify(input: ScenarioWithPicks, fails: (input: ScenarioWithPicks) => boolean): ScenarioWithPicks {
  let current = input;
  for (;;) {
    const next = smaller(current).find((candidate) => {
      try {
        return fails(candidate);
      } catch {
        return false; // a removal that makes the protocol crash is not a simpler failure
      }
    });
    if (next === undefined) return current;
    current = next;
  }
}
