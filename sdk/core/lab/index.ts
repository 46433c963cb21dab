/**
 * The protocol lab: check any `Protocol` against the axioms of SPEC §2 on generated
 * scenarios, with shrunk counterexamples. Pure TypeScript; runs in Node and the browser.
 */
export { checkAxioms, type AxiomReport, type CheckOptions, type PropertyResult } from "./checkAxioms.js";
export { AXIOM_PROPERTIES, canonicalResult, type AxiomName, type AxiomProperty, type Violation } from "./properties.js";
export {
  ENTITY_POOL,
  SYBIL,
  scenarioArbitrary,
  scenarioWithPicksArbitrary,
  stressScenarioArbitrary,
  singleCapacityArbitrary,
  withPicks,
  anyScenarioWithPicks,
  stressWithPicks,
  singleCapacityWithPicks,
  type ScenarioWithPicks,
} from "./arbitraries.js";
export { findSignalWitnesses, type SignalWitness } from "./signalsMatter.js";
export { serializeReport } from "./report.js";
