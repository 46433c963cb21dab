/**
 * Conversions between the SDK's readable capacity/need terms (codes as strings, optional fields)
 * and the contracts' CapacityInput / NeedInput tuples.
 */
import { zeroHash, type Hex } from "viem";
import type { Address, RecipientFilter, TimeWindow } from "../core/index.js";
import { decodeCode, encodeCode, encodeOptionalCode } from "./codes.js";

/** A capacity's terms as a user writes them (SPEC §3). */
export interface CapacityTerms {
  readonly sector: string;
  readonly unit: string;
  readonly quantity: bigint;
  readonly window?: TimeWindow;
  readonly location?: string;
  readonly filter?: RecipientFilter;
  readonly minUnit?: bigint;
  readonly recurring?: boolean;
}

/** A need's terms as a user writes them. */
export interface NeedTerms {
  readonly sector: string;
  readonly unit: string;
  readonly quantity: bigint;
  readonly window?: TimeWindow;
  readonly location?: string;
}

export interface CapacityInputTuple {
  sector: Hex;
  unit: Hex;
  quantity: bigint;
  windowStart: bigint;
  windowEnd: bigint;
  location: Hex;
  filterMode: number;
  filterList: Address[];
  minUnit: bigint;
  recurring: boolean;
}

export interface NeedInputTuple {
  sector: Hex;
  unit: Hex;
  quantity: bigint;
  windowStart: bigint;
  windowEnd: bigint;
  location: Hex;
}

export const FILTER_MODE = { none: 0, allow: 1, deny: 2 } as const;

/** The contract's CapacityInput; the filter list is sorted ascending as the registry requires. */
export function encodeCapacityTerms(terms: CapacityTerms): CapacityInputTuple {
  const list = terms.filter === undefined ? [] : "allow" in terms.filter ? terms.filter.allow : terms.filter.deny;
  const filterMode = terms.filter === undefined ? FILTER_MODE.none : "allow" in terms.filter ? FILTER_MODE.allow : FILTER_MODE.deny;
  return {
    sector: encodeCode(terms.sector),
    unit: encodeCode(terms.unit),
    quantity: terms.quantity,
    windowStart: terms.window?.start ?? 0n,
    windowEnd: terms.window?.end ?? 0n,
    location: encodeOptionalCode(terms.location),
    filterMode,
    filterList: [...list].map((a) => a.toLowerCase() as Address).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)),
    minUnit: terms.minUnit ?? 0n,
    recurring: terms.recurring ?? false,
  };
}

export function encodeNeedTerms(terms: NeedTerms): NeedInputTuple {
  return {
    sector: encodeCode(terms.sector),
    unit: encodeCode(terms.unit),
    quantity: terms.quantity,
    windowStart: terms.window?.start ?? 0n,
    windowEnd: terms.window?.end ?? 0n,
    location: encodeOptionalCode(terms.location),
  };
}

interface RawInput {
  sector: Hex;
  unit: Hex;
  quantity: bigint;
  windowStart: bigint;
  windowEnd: bigint;
  location: Hex;
}

function decodeCommon(input: RawInput): NeedTerms {
  const window = input.windowStart === 0n && input.windowEnd === 0n ? undefined : { start: input.windowStart, end: input.windowEnd };
  const location = input.location === zeroHash ? undefined : decodeCode(input.location);
  return {
    sector: decodeCode(input.sector),
    unit: decodeCode(input.unit),
    quantity: input.quantity,
    ...(window !== undefined ? { window } : {}),
    ...(location !== undefined ? { location } : {}),
  };
}

export function decodeNeedInput(input: RawInput): NeedTerms {
  return decodeCommon(input);
}

export function decodeCapacityInput(
  input: RawInput & { filterMode: number; filterList: readonly Address[]; minUnit: bigint; recurring: boolean },
): CapacityTerms {
  const list = input.filterList.map((a) => a.toLowerCase() as Address);
  const filter = input.filterMode === FILTER_MODE.allow ? { allow: list } : input.filterMode === FILTER_MODE.deny ? { deny: list } : undefined;
  return {
    ...decodeCommon(input),
    ...(filter !== undefined ? { filter } : {}),
    ...(input.minUnit > 0n ? { minUnit: input.minUnit } : {}),
    recurring: input.recurring,
  };
}
