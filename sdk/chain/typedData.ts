/**
 * EIP-712 typed data of every registry action (RecognitionRegistry, CapacityRegistry, NeedRegistry).
 *
 * These definitions mirror the contracts' public `*_TYPE` constants field for field: a signature made
 * with them verifies on chain only if both sides agree, and the tests relay signatures made from this
 * module, so a drift breaks the build. Wallets show every field (clear signing): the struct holds the
 * action's real arguments plus the signer's nonce in that registry and a deadline (unix seconds).
 */
import type { Address, TypedDataDomain } from "viem";

/** EIP-712 domain names of the three registries (version "1"). */
export const registryDomainNames = {
  recognition: "FreeAssociation.Recognition",
  capacities: "FreeAssociation.Capacities",
  needs: "FreeAssociation.Needs",
} as const;

export type RegistryName = keyof typeof registryDomainNames;

export const REGISTRY_DOMAIN_VERSION = "1";

/** The domain a registry deployed at `verifyingContract` on `chainId` signs under. */
export function registryDomain(
  registry: RegistryName,
  chainId: number | bigint,
  verifyingContract: Address,
): TypedDataDomain {
  return {
    name: registryDomainNames[registry],
    version: REGISTRY_DOMAIN_VERSION,
    chainId: BigInt(chainId),
    verifyingContract,
  };
}

// ------------------------------------------------------------------ recognition

export const setRecognitionTypes = {
  SetRecognition: [
    { name: "signer", type: "address" },
    { name: "recipients", type: "address[]" },
    { name: "points", type: "uint96[]" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export const setRecognitionEntryTypes = {
  SetRecognitionEntry: [
    { name: "signer", type: "address" },
    { name: "recipient", type: "address" },
    { name: "points", type: "uint96" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export const revokeRecognitionTypes = {
  RevokeRecognition: [
    { name: "signer", type: "address" },
    { name: "recipient", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export const revokeAllRecognitionTypes = {
  RevokeAllRecognition: [
    { name: "signer", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

// ------------------------------------------------------------------ capacities

/** Fields of a capacity, in the contract's CapacityInput order. filterMode: 0 None, 1 Allow, 2 Deny. */
export const capacityFields = [
  { name: "sector", type: "bytes32" },
  { name: "unit", type: "bytes32" },
  { name: "quantity", type: "uint128" },
  { name: "windowStart", type: "uint64" },
  { name: "windowEnd", type: "uint64" },
  { name: "location", type: "bytes32" },
  { name: "filterMode", type: "uint8" },
  { name: "filterList", type: "address[]" },
  { name: "minUnit", type: "uint128" },
  { name: "recurring", type: "bool" },
] as const;

export const declareCapacityTypes = {
  DeclareCapacity: [
    { name: "signer", type: "address" },
    { name: "capacity", type: "Capacity" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  Capacity: capacityFields,
} as const;

export const updateCapacityTypes = {
  UpdateCapacity: [
    { name: "signer", type: "address" },
    { name: "capacityId", type: "uint256" },
    { name: "capacity", type: "Capacity" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  Capacity: capacityFields,
} as const;

export const updateCapacityQuantityTypes = {
  UpdateCapacityQuantity: [
    { name: "signer", type: "address" },
    { name: "capacityId", type: "uint256" },
    { name: "quantity", type: "uint128" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export const revokeCapacityTypes = {
  RevokeCapacity: [
    { name: "signer", type: "address" },
    { name: "capacityId", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

// ------------------------------------------------------------------ needs

/** Fields of a need, in the contract's NeedInput order. */
export const needFields = [
  { name: "sector", type: "bytes32" },
  { name: "unit", type: "bytes32" },
  { name: "quantity", type: "uint128" },
  { name: "windowStart", type: "uint64" },
  { name: "windowEnd", type: "uint64" },
  { name: "location", type: "bytes32" },
] as const;

export const declareNeedTypes = {
  DeclareNeed: [
    { name: "signer", type: "address" },
    { name: "need", type: "Need" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  Need: needFields,
} as const;

export const updateNeedTypes = {
  UpdateNeed: [
    { name: "signer", type: "address" },
    { name: "needId", type: "uint256" },
    { name: "need", type: "Need" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  Need: needFields,
} as const;

export const updateNeedQuantityTypes = {
  UpdateNeedQuantity: [
    { name: "signer", type: "address" },
    { name: "needId", type: "uint256" },
    { name: "quantity", type: "uint128" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export const revokeNeedTypes = {
  RevokeNeed: [
    { name: "signer", type: "address" },
    { name: "needId", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/**
 * Every registry action: its domain (which registry) and its types, keyed by primary type.
 * `signTypedData({ domain: registryDomain(a.registry, ...), types: a.types, primaryType, message })`.
 */
export const registryActions = {
  SetRecognition: { registry: "recognition", types: setRecognitionTypes },
  SetRecognitionEntry: { registry: "recognition", types: setRecognitionEntryTypes },
  RevokeRecognition: { registry: "recognition", types: revokeRecognitionTypes },
  RevokeAllRecognition: { registry: "recognition", types: revokeAllRecognitionTypes },
  DeclareCapacity: { registry: "capacities", types: declareCapacityTypes },
  UpdateCapacity: { registry: "capacities", types: updateCapacityTypes },
  UpdateCapacityQuantity: { registry: "capacities", types: updateCapacityQuantityTypes },
  RevokeCapacity: { registry: "capacities", types: revokeCapacityTypes },
  DeclareNeed: { registry: "needs", types: declareNeedTypes },
  UpdateNeed: { registry: "needs", types: updateNeedTypes },
  UpdateNeedQuantity: { registry: "needs", types: updateNeedQuantityTypes },
  RevokeNeed: { registry: "needs", types: revokeNeedTypes },
} as const satisfies Record<string, { registry: RegistryName; types: Record<string, readonly { name: string; type: string }[]> }>;

export type RegistryActionName = keyof typeof registryActions;

/**
 * The EIP-712 `encodeType` string of an action (primary type, then referenced struct types sorted by
 * name), as the contracts publish it in their `*_TYPE` constants.
 */
export function encodeActionType(action: RegistryActionName): string {
  const types = registryActions[action].types as Record<string, readonly { name: string; type: string }[]>;
  const render = (name: string) => `${name}(${types[name].map((f) => `${f.type} ${f.name}`).join(",")})`;
  const referenced = Object.keys(types)
    .filter((name) => name !== action)
    .sort();
  return [action, ...referenced].map(render).join("");
}
