/** What a demo run produces: everything the console printout, the HTML report and the tests read. */
import type { Address, Hex } from "viem";
import type { AuditReport, ContractAddresses, SnapshotCapacity, SnapshotNeed, VerifyReport } from "../../sdk/chain/index.js";

export type OrganizationKind = "donor" | "un" | "ingo" | "government" | "community" | "unknown";

/** One organization of the scenario as it exists on chain. */
export interface DemoOrganization {
  /** Address in the scenario file (examples/cyclone.json). */
  readonly scenarioAddress: Address;
  /** Address on chain: a deterministic EOA, or the Safe for the Safe-signing organization. */
  readonly address: Address;
  readonly name: string;
  readonly kind: OrganizationKind;
  /** True when it signs through a Safe multisig (ERC-1271), its actions relayed as EIP-712 signatures. */
  readonly safe: boolean;
}

/** Gas of one round by step. */
export interface RoundGas {
  readonly commit: bigint;
  readonly deliver: bigint;
  readonly confirm: bigint;
  /** Signal changes between rounds (revocations, withdrawals) and auditor attestations. */
  readonly other: bigint;
}

/** One provider's or recipient's part in a round, per unit. */
export interface OrganizationRound {
  readonly address: Address;
  /** unit -> totals as provider. */
  readonly provided: Readonly<Record<string, { committed: bigint; delivered: bigint; confirmed: bigint }>>;
  /** unit -> totals as recipient. */
  readonly received: Readonly<Record<string, { committed: bigint; delivered: bigint; confirmed: bigint }>>;
  /** Short flags: "tampered root", "failed to deliver", "partial delivery", "Safe", … */
  readonly flags: readonly string[];
}

export interface DemoRound {
  readonly round: bigint;
  /** The round's snapshot time (fixed by the schedule) and the last block at or before it. */
  readonly snapshotTime: bigint;
  readonly snapshotBlock: bigint;
  /** What happened in this round, in order, in plain words. */
  readonly narrative: readonly string[];
  /** capacity id -> committed root (what is on chain, tampered or not). */
  readonly roots: Readonly<Record<string, Hex>>;
  /** The protocol's allocation at the round's snapshot, "capacityId/needId" -> amount. */
  readonly allocations: Readonly<Record<string, bigint>>;
  readonly verify: VerifyReport;
  readonly audit: AuditReport;
  /** Needs and capacities after the round's receipts (the need update law applied). */
  readonly needsAfter: readonly SnapshotNeed[];
  readonly capacitiesAfter: readonly SnapshotCapacity[];
  readonly organizations: readonly OrganizationRound[];
  readonly gas: RoundGas;
}

export interface DemoResult {
  readonly chainId: number;
  readonly contracts: ContractAddresses;
  readonly organizations: readonly DemoOrganization[];
  /** Gas of deployment and seeding (registries: recognition, capacities, needs). */
  readonly seedGas: bigint;
  readonly rounds: readonly DemoRound[];
  /** Wall-clock milliseconds of the run (not part of any comparison). */
  readonly elapsedMs: number;
}
