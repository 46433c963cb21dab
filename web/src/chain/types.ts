/** Data types of the dapp's chain layer, free of ABI and bundler imports (so Node tests can use them). */
import type { Address, Hex } from "viem";
import type { Capacity, Need, Scenario } from "../../../sdk/core/index.js";
import type { Snapshot } from "../../../sdk/chain/types.js";

export interface LeafProgress {
  readonly needId: string;
  readonly recipient: Address;
  delivered: bigint;
  confirmed: bigint;
}

export interface RoundCommitment {
  readonly capacityId: string;
  readonly provider: Address;
  readonly root: Hex;
  readonly total: bigint;
  readonly protocolId: Hex;
  /** The commitment's latest version (ledger actions name it). */
  readonly version: number;
  withdrawn: boolean;
  delivered: bigint;
  /** needId -> progress. */
  readonly leaves: Map<string, LeafProgress>;
}

/** A capacity or need as declared on chain, with the fields the pages show. */
export interface ChainCapacity extends Capacity {
  readonly declared: bigint;
  readonly active: boolean;
}
export interface ChainNeed extends Need {
  readonly declared: bigint;
  readonly active: boolean;
}

export interface ChainSnapshot {
  readonly block: bigint;
  /** The engine's input: active capacities with something left, active needs with a residual. */
  readonly scenario: Scenario;
  /** Every capacity and need ever declared, also revoked ones (for "my" lists). */
  readonly allCapacities: readonly ChainCapacity[];
  readonly allNeeds: readonly ChainNeed[];
  /** The SDK's snapshot this was made from (for verification). */
  readonly sdk: Snapshot;
}

