/**
 * Core types of the Free-Association engine. Pure data: no chain, no Node-only imports.
 * All quantities are bigint (integers only, SPEC §3.3). Addresses are canonical
 * lower-case hex strings; ids are strings (a decimal id such as "7" is the on-chain id).
 */

/** A 20-byte address in canonical lower-case form. */
export type Address = `0x${string}`;

/** Half-open time window [start, end) in unix seconds. */
export interface TimeWindow {
  readonly start: bigint;
  readonly end: bigint;
}

/** Who a capacity may serve: only the listed recipients, or everyone but them. */
export type RecipientFilter =
  | { readonly allow: readonly Address[] }
  | { readonly deny: readonly Address[] };

/** What a provider can give (SPEC §3). */
export interface Capacity {
  readonly id: string;
  readonly provider: Address;
  /** Sector code, e.g. an IASC cluster such as "WASH". */
  readonly type: string;
  readonly unit: string;
  readonly quantity: bigint;
  readonly window?: TimeWindow;
  /** Hierarchical location code (ISO 3166 / P-code); "MZ-P" covers "MZ-P-01". */
  readonly location?: string;
  readonly filter?: RecipientFilter;
  /** Divisibility: every amount allocated from this capacity is a multiple of it. */
  readonly minUnit?: bigint;
  /** Recurring capacities renew every round; one-off ones are consumed by commitments. */
  readonly recurring?: boolean;
}

/** What a recipient needs (SPEC §3). `quantity` is the residual at the snapshot. */
export interface Need {
  readonly id: string;
  readonly recipient: Address;
  readonly type: string;
  readonly unit: string;
  readonly quantity: bigint;
  readonly window?: TimeWindow;
  readonly location?: string;
}

/** Integer recognition points: recognition[from][to] = points `from` gives `to`. */
export type RecognitionPoints = Readonly<Record<Address, Readonly<Record<Address, bigint>>>>;

/** The inputs of one round: the chain's state at a snapshot, or a scenario file. */
export interface Scenario {
  readonly names?: Readonly<Record<Address, string>>;
  readonly recognition: RecognitionPoints;
  readonly capacities: readonly Capacity[];
  readonly needs: readonly Need[];
}

/** One transfer the protocol assigns: `amount` of capacity `capacity` to need `need`. */
export interface Allocation {
  readonly capacity: string;
  readonly need: string;
  readonly provider: Address;
  readonly recipient: Address;
  readonly amount: bigint;
  /** 1 = mutual recognition, 2 = one-way recognition by the provider. */
  readonly tier: 1 | 2;
}

/** The outcome of a protocol on a scenario. */
export interface AllocationResult {
  readonly protocol: string;
  /** Sorted canonically: by capacity id, then need id. Zero amounts are omitted. */
  readonly allocations: readonly Allocation[];
  /** Need id -> need quantity not allocated (every need appears). */
  readonly unmet: Readonly<Record<string, bigint>>;
  /** Capacity id -> capacity quantity not allocated (every capacity appears). */
  readonly unused: Readonly<Record<string, bigint>>;
  /** Rounds of offers the protocol ran to reach its fixed point (protocol-specific). */
  readonly rounds?: number;
}

/** A deterministic allocation rule; FA-1 is one, users may design others. */
export interface Protocol {
  /** Short identifier, e.g. "fa-1"; on chain it is the bytes32 of this ASCII string. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  allocate(scenario: Scenario): AllocationResult;
}
