/** Shared fixtures for the registry tests: deployments, typed-data signing, sample inputs. */
import type { WalletClient } from "@nomicfoundation/hardhat-viem/types";
import { type Address, type Hex, hashTypedData, zeroHash } from "viem";
import { encodeCode } from "../../sdk/chain/codes.js";
import { type RegistryActionName, registryActions, registryDomain } from "../../sdk/chain/typedData.js";

import { type CapacityInputTuple, FILTER_MODE, type NeedInputTuple } from "../../sdk/chain/inputs.js";

export const FILTER_NONE = FILTER_MODE.none;
export const FILTER_ALLOW = FILTER_MODE.allow;
export const FILTER_DENY = FILTER_MODE.deny;

/** The contracts' CapacityInput / NeedInput, as the SDK encodes them. */
export type CapacityInputValue = CapacityInputTuple;
export type NeedInputValue = NeedInputTuple;

/** Where a signature is meant to be verified. */
export interface SigningTarget {
  chainId: number;
  registry: Address;
}

/** The EIP-712 digest of a registry action (what an EOA signs, and what a Safe approves). */
export function actionDigest(target: SigningTarget, action: RegistryActionName, message: Record<string, unknown>): Hex {
  const { registry, types } = registryActions[action];
  // The action is chosen at run time, so the typed-data generics cannot narrow: pass it untyped.
  const typedData = {
    domain: registryDomain(registry, target.chainId, target.registry),
    types,
    primaryType: action,
    message,
  } as unknown as Parameters<typeof hashTypedData>[0];
  return hashTypedData(typedData);
}

/** `signer` signs a registry action with typed data built from sdk/chain/typedData.ts. */
export async function signAction(
  signer: WalletClient,
  target: SigningTarget,
  action: RegistryActionName,
  message: Record<string, unknown>,
): Promise<Hex> {
  const { registry, types } = registryActions[action];
  const typedData = {
    account: signer.account,
    domain: registryDomain(registry, target.chainId, target.registry),
    types,
    primaryType: action,
    message,
  } as unknown as Parameters<WalletClient["signTypedData"]>[0];
  return signer.signTypedData(typedData);
}

/** A capacity input as the contract's CapacityInput tuple. */
export function capacityInput(overrides: Partial<CapacityInputValue> = {}): CapacityInputValue {
  return {
    sector: encodeCode("WASH"),
    unit: encodeCode("litre"),
    quantity: 5_000n,
    windowStart: 0n,
    windowEnd: 0n,
    location: zeroHash,
    filterMode: FILTER_NONE,
    filterList: [],
    minUnit: 0n,
    recurring: false,
    ...overrides,
  };
}

/** A capacity as getCapacity returns it. */
export interface CapacityValue {
  provider: Address;
  active: boolean;
  input: CapacityInputValue;
}

/** A need as getNeed returns it. */
export interface NeedValue {
  recipient: Address;
  active: boolean;
  input: NeedInputValue;
}

/** A need input as the contract's NeedInput tuple. */
export function needInput(overrides: Partial<NeedInputValue> = {}): NeedInputValue {
  return {
    sector: encodeCode("WASH"),
    unit: encodeCode("litre"),
    quantity: 1_200n,
    windowStart: 0n,
    windowEnd: 0n,
    location: zeroHash,
    ...overrides,
  };
}

/** Addresses sorted ascending, as a capacity filter list must be. */
export function ascending(addresses: readonly Address[]): Address[] {
  return [...addresses].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}

/**
 * A far-away deadline (unix seconds): 29 days from now, within the contracts' 30-day signature lifetime
 * (the simulated chain starts at the wall clock).
 */
export const FAR_DEADLINE = BigInt(Math.floor(Date.now() / 1000)) + 29n * 24n * 3600n;
