/**
 * The protocol lab's runner: checks a protocol against every axiom property on
 * generated scenarios and reports, for each failing property, fast-check's shrunk
 * counterexample, made smaller still by removing what the failure does not need. Pure TypeScript (fast-check runs in the browser too).
 */
import fc from "fast-check";
import type { Protocol, Scenario } from "../types.js";
import { scenarioWithPicksArbitrary, type ScenarioWithPicks } from "./arbitraries.js";
import { AXIOM_PROPERTIES, type AxiomName, type AxiomProperty, type Violation } from "./properties.js";
import { findSignalWitnesses } from "./signalsMatter.js";
import { simplify } from "./simplify.js";

export interface CheckOptions {
  /** Generated scenarios per property (default 1000). */
  readonly runs?: number;
  /** fast-check seed; the same seed gives the same report (default 42). */
  readonly seed?: number;
}

/** The outcome of one property. */
export interface PropertyResult {
  readonly id: string;
  readonly axiom: AxiomName;
  readonly title: string;
  readonly passed: boolean;
  /** Inputs tried (for a failure: until the first failing one). */
  readonly runs: number;
  /** The shrunk input on which the property fails. */
  readonly counterexample?: Scenario;
  /** What the property changed in the counterexample (revoked, raised, ...). */
  readonly change?: string;
  /** What went wrong, or for an existence property what was found. */
  readonly detail?: string;
  /** For existence properties: the input that shows it. */
  readonly witness?: Scenario;
}

export interface AxiomReport {
  readonly protocol: string;
  readonly runs: number;
  readonly seed: number;
  /** True when every property holds. */
  readonly passed: boolean;
  readonly results: readonly PropertyResult[];
}

/** Raised inside fast-check so the shrunk failure carries the structured violation. */
class ViolationError extends Error {
  constructor(readonly violation: Violation) {
    super(violation.detail);
  }
}

function runProperty(protocol: Protocol, property: AxiomProperty, runs: number, seed: number): PropertyResult {
  const details = fc.check(
    fc.property(scenarioWithPicksArbitrary, (input: ScenarioWithPicks) => {
      const violation = property.check(protocol, input);
      if (violation !== undefined) throw new ViolationError(violation);
    }),
    { numRuns: runs, seed },
  );
  const base = { id: property.id, axiom: property.axiom, title: property.title, runs: details.numRuns };
  if (!details.failed || details.counterexample === null) return { ...base, passed: true };
  const [shrunk] = details.counterexample;
  const error = details.errorInstance;
  if (!(error instanceof ViolationError)) {
    const detail = `the protocol threw: ${error instanceof Error ? error.message : String(error)}`;
    return { ...base, passed: false, counterexample: shrunk.scenario, detail };
  }
  const input = simplify(shrunk, (candidate) => property.check(protocol, candidate) !== undefined);
  const violation = property.check(protocol, input) ?? error.violation;
  return { ...base, passed: false, counterexample: input.scenario, ...violation };
}

function signalsMatter(protocol: Protocol, runs: number, seed: number): PropertyResult[] {
  const found = findSignalWitnesses(protocol, { runs, seed });
  const row = (id: string, title: string, witness: typeof found.recognition): PropertyResult => ({
    id,
    axiom: "monotonicity",
    title,
    runs,
    passed: witness !== undefined,
    ...(witness === undefined
      ? { detail: "no input found where this signal changes the outcome" }
      : { witness: witness.scenario, detail: `outcome changes when you ${witness.change}` }),
  });
  return [
    row("monotonicity.recognition-matters", "some input where recognition strictly changes the outcome", found.recognition),
    row("monotonicity.need-matters", "some input where a need strictly changes the outcome", found.need),
  ];
}

/**
 * Checks `protocol` against the three axioms and FA-1's extra properties.
 * Deterministic for a given seed.
 */
export function checkAxioms(protocol: Protocol, options: CheckOptions = {}): AxiomReport {
  const runs = options.runs ?? 1000;
  const seed = options.seed ?? 42;
  const results: PropertyResult[] = [];
  for (const property of AXIOM_PROPERTIES) {
    results.push(runProperty(protocol, property, runs, seed));
    if (property.id === "monotonicity.need") results.push(...signalsMatter(protocol, runs, seed));
  }
  return { protocol: protocol.id, runs, seed, passed: results.every((r) => r.passed), results };
}
