/**
 * The engine (package entry `free-association/core`, also `free-association`): types, recognition math,
 * compatibility, water-filling, FA-1, FA-2 (the default), the need-weighted contrast protocol and Merkle
 * commitments. No chain, no Node-only imports, and neither zod nor fast-check: scenario files are
 * `free-association/scenario` (scenario.ts), the protocol lab `free-association/lab` (lab/index.ts).
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
export { explainAllocations, type Explanation, type SlotExplanation, type CapacityExplanation } from "./explain.js";
