/**
 * The existential half of weak monotonicity (SPEC §2.3): "signals matter — there are
 * inputs where they strictly change the outcome". A protocol that ignores its inputs
 * satisfies every "never lowers" check, so this needs a witness: first a constructed
 * example (one provider, two recipients, scarce capacity), then a fast-check search.
 */
import fc from "fast-check";
import type { Address, Protocol, Scenario } from "../types.js";
import { ENTITY_POOL, scenarioWithPicksArbitrary, type ScenarioWithPicks } from "./arbitraries.js";
import { canonicalResult } from "./properties.js";

/** Two inputs that differ in one signal and give different results. */
export interface SignalWitness {
  readonly scenario: Scenario;
  readonly change: string;
}

const [P, A, B] = ENTITY_POOL as [Address, Address, Address];

/** P has 100 litres; A and B each need 100; all recognize each other both ways. */
function constructedScenario(pointsOnA: bigint, needOfA: bigint): Scenario {
  return {
    recognition: { [P]: { [A]: pointsOnA, [B]: 1n }, [A]: { [P]: 1n }, [B]: { [P]: 1n } },
    capacities: [{ id: "c1", provider: P, type: "WASH", unit: "litre", quantity: 100n }],
    needs: [
      { id: "n1", recipient: A, type: "WASH", unit: "litre", quantity: needOfA },
      { id: "n2", recipient: B, type: "WASH", unit: "litre", quantity: 100n },
    ],
  };
}

/** Compares allocations only: `unmet` follows a changed need even if nothing moves. */
function differ(protocol: Protocol, a: Scenario, b: Scenario): boolean {
  const allocations = (s: Scenario) => canonicalResult({ ...protocol.allocate(s), unmet: {}, unused: {} });
  return allocations(a) !== allocations(b);
}

/** Raising one recognition edge by `delta`; the search's notion of "one signal". */
function raiseEdge(scenario: Scenario, from: Address, to: Address, delta: bigint): Scenario {
  const row = { ...scenario.recognition[from] };
  row[to] = (row[to] ?? 0n) + delta;
  return { ...scenario, recognition: { ...scenario.recognition, [from]: row } };
}

function pickOf<T>(items: readonly T[], index: number): T {
  return items[index % items.length];
}

/** Searches generated inputs for one where `mutate` changes the result. */
function searchWitness(
  protocol: Protocol,
  options: { runs: number; seed: number },
  mutate: (input: ScenarioWithPicks) => { changed: Scenario; change: string },
): SignalWitness | undefined {
  // A failure of "this change changes nothing" is a witness.
  const search = fc.check(
    fc.property(scenarioWithPicksArbitrary, (input) => {
      try {
        return !differ(protocol, input.scenario, mutate(input).changed);
      } catch {
        return true; // a crash is not a witness; the other properties report crashes
      }
    }),
    { numRuns: options.runs, seed: options.seed },
  );
  if (!search.failed || search.counterexample === null) return undefined;
  const [input] = search.counterexample;
  return { scenario: input.scenario, change: mutate(input).change };
}

/**
 * Finds inputs where recognition changes the outcome, and inputs where a need does.
 * A signal without a witness is absent from the returned object.
 */
export function findSignalWitnesses(
  protocol: Protocol,
  options: { runs: number; seed: number },
): { recognition?: SignalWitness; need?: SignalWitness } {
  const out: { recognition?: SignalWitness; need?: SignalWitness } = {};
  const base = constructedScenario(1n, 100n);
  if (differ(protocol, base, constructedScenario(3n, 100n))) {
    out.recognition = { scenario: base, change: `raise p[${P}][${A}] from 1 to 3` };
  }
  if (differ(protocol, base, constructedScenario(1n, 10n))) {
    out.need = { scenario: base, change: "lower need n1 from 100 to 10" };
  }
  out.recognition ??= searchWitness(protocol, options, ({ scenario, capacityPick, needPick, delta }) => {
    const p = pickOf(scenario.capacities, capacityPick).provider;
    const x = pickOf(scenario.needs, needPick).recipient;
    return { changed: raiseEdge(scenario, p, x, BigInt(delta)), change: `raise p[${p}][${x}] by ${delta}` };
  });
  out.need ??= searchWitness(protocol, options, ({ scenario, needPick, delta }) => {
    const need = pickOf(scenario.needs, needPick);
    const needs = scenario.needs.map((n) => (n === need ? { ...n, quantity: n.quantity + BigInt(delta) } : n));
    return { changed: { ...scenario, needs }, change: `raise need ${need.id} by ${delta}` };
  });
  return out;
}
