/**
 * The single public export of the pure core: types, recognition math, compatibility,
 * water-filling, FA-1, FA-2 (the default), the need-weighted contrast protocol, Merkle commitments, scenario files
 * and the protocol lab (axiom checker). No chain, no Node-only imports.
 */
export type * from "./types.js";
export { compareIds, compareStrings, isCanonicalDecimal } from "./ids.js";
export { EngineError, type EngineErrorCode } from "./errors.js";
export { type Rational, ZERO, rational, compareRational, equalRational, minRational, isZero, gcd, lcm } from "./rational.js";
export {
  type RecognitionIndex,
  indexRecognition,
  validateRecognition,
  normalizeAddress,
  pointsOf,
  recognitionShare,
  mutualRecognition,
} from "./recognition.js";
export { windowsOverlap, locationCovers, filterAdmits, compileFilter, isCompatible, type CompiledFilter } from "./compatibility.js";
export { tierOf, type TierMembership } from "./tiers.js";
export { waterFill, waterFillIntegers, integerWeights, type WaterFillClaim, type WaterFillResult } from "./waterFill.js";
export { scaleOffers, type Offer } from "./scaleOffers.js";
export { fa1, allocate, FA1_ID } from "./protocols/fa1.js";
export { fa2, allocate as allocateFa2, FA2_ID } from "./protocols/fa2.js";
export {
  LEAF_ENCODING,
  type CommitmentLeaf,
  type CapacityCommitment,
  type LeafProof,
  idToUint256,
  protocolIdToBytes32,
  commitmentTree,
  commitmentRoots,
  proofFor,
  verifyLeaf,
} from "./merkle.js";
export { needWeighted } from "./protocols/needWeighted.js";
export { PROTOCOLS, DEFAULT_PROTOCOL_ID, defaultProtocol, protocolsByBytes32, protocolIdFromBytes32 } from "./protocols/registry.js";
export {
  ScenarioError,
  formatPath,
  parseScenario,
  serializeScenario,
  serializeResult,
  type SerializedResult,
} from "./scenario.js";
export {
  checkAxioms,
  type AxiomReport,
  type CheckOptions,
  type PropertyResult,
  AXIOM_PROPERTIES,
  canonicalResult,
  type AxiomName,
  type AxiomProperty,
  type Violation,
  ENTITY_POOL,
  SYBIL,
  scenarioArbitrary,
  scenarioWithPicksArbitrary,
  type ScenarioWithPicks,
  findSignalWitnesses,
  type SignalWitness,
  serializeReport,
} from "./lab/index.js";
