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
  /** Only these property ids (default: all of AXIOM_PROPERTIES and the "signals matter" pair). */
  readonly only?: readonly string[];
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
  /** Measured properties: inputs that violate it out of `runs` (the report's `passed` ignores them). */
  readonly violations?: number;
  readonly measured?: boolean;
}

export interface AxiomReport {
  readonly protocol: string;
  readonly runs: number;
  readonly seed: number;
  /** True when every property that must hold holds (measured ones are reported, not judged). */
  readonly passed: boolean;
  readonly results: readonly PropertyResult[];
}

/** Raised inside fast-check so the shrunk failure carries the structured violation. */
class ViolationError extends Error {
  constructor(readonly violation: Violation) {
    super(violation.detail);
  }
}

/**
 * `property.check`, with a protocol that throws reported as a violation of that property (the run
 * goes on with the other properties).
 */
function checked(protocol: Protocol, property: AxiomProperty, input: ScenarioWithPicks): Violation | undefined {
  try {
    return property.check(protocol, input);
  } catch (error) {
    return { detail: `the protocol threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A measured property: every input is tried; the first violation found is simplified for the report. */
function measureProperty(protocol: Protocol, property: AxiomProperty, runs: number, seed: number): PropertyResult {
  const inputs = fc.sample(property.inputs ?? scenarioWithPicksArbitrary, { numRuns: runs, seed });
  let violations = 0;
  let first: ScenarioWithPicks | undefined;
  for (const input of inputs) {
    if (checked(protocol, property, input) === undefined) continue;
    violations++;
    first ??= input;
  }
  const base = { id: property.id, axiom: property.axiom, title: property.title, runs, measured: true, violations, passed: true };
  if (first === undefined) return { ...base, detail: `0 of ${runs} inputs violate it` };
  const input = simplify(first, (candidate) => checked(protocol, property, candidate) !== undefined);
  const { scenario, ...violation } = checked(protocol, property, input)!;
  return {
    ...base,
    counterexample: scenario ?? input.scenario,
    ...violation,
    detail: `${violations} of ${runs} inputs violate it; e.g. ${violation.detail}`,
  };
}

function runProperty(protocol: Protocol, property: AxiomProperty, runs: number, seed: number): PropertyResult {
  if (property.measured) return measureProperty(protocol, property, runs, seed);
  const details = fc.check(
    fc.property(property.inputs ?? scenarioWithPicksArbitrary, (input: ScenarioWithPicks) => {
      const violation = checked(protocol, property, input);
      if (violation !== undefined) throw new ViolationError(violation);
    }),
    { numRuns: runs, seed },
  );
  const base = { id: property.id, axiom: property.axiom, title: property.title, runs: details.numRuns };
  if (!details.failed || details.counterexample === null) return { ...base, passed: true };
  const [shrunk] = details.counterexample;
  const error = details.errorInstance;
  const input = simplify(shrunk, (candidate) => checked(protocol, property, candidate) !== undefined);
  const found = checked(protocol, property, input) ?? (error instanceof ViolationError ? error.violation : { detail: String(error) });
  const { scenario, ...violation } = found;
  return { ...base, passed: false, counterexample: scenario ?? input.scenario, ...violation };
}

function signalsMatter(protocol: Protocol, runs: number, seed: number): PropertyResult[] {
  let found: ReturnType<typeof findSignalWitnesses>;
  try {
    found = findSignalWitnesses(protocol, { runs, seed });
  } catch (error) {
    const detail = `the protocol threw: ${error instanceof Error ? error.message : String(error)}`;
    return [
      { id: "monotonicity.recognition-matters", axiom: "monotonicity", title: "some input where recognition strictly changes the outcome", runs, passed: false, detail },
      { id: "monotonicity.need-matters", axiom: "monotonicity", title: "some input where a need strictly changes the outcome", runs, passed: false, detail },
    ];
  }
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
 * Checks `protocol` against the three axioms (as SPEC §2 states them for the default protocol) and
 * the extra properties FA-1 and FA-2 share; cross-capacity recognition monotonicity is measured.
 * Deterministic for a given seed.
 */
export function checkAxioms(protocol: Protocol, options: CheckOptions = {}): AxiomReport {
  const runs = options.runs ?? 1000;
  const seed = options.seed ?? 42;
  const wanted = (id: string) => options.only === undefined || options.only.includes(id);
  const results: PropertyResult[] = [];
  for (const property of AXIOM_PROPERTIES) {
    if (wanted(property.id)) results.push(runProperty(protocol, property, runs, seed));
    if (property.id === "monotonicity.need" && (wanted("monotonicity.recognition-matters") || wanted("monotonicity.need-matters"))) {
      results.push(...signalsMatter(protocol, runs, seed).filter((r) => wanted(r.id)));
    }
  }
  return { protocol: protocol.id, runs, seed, passed: results.every((r) => r.passed), results };
}
