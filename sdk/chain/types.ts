/**
 * Public types of the chain layer (sdk/chain). Other parts (the demo, the dapp) code against these:
 * fields may be added, never renamed. Pure types: no runtime code, browser-safe.
 *
 * Conventions: ids, quantities, block and round numbers are bigint; addresses are lower-case hex;
 * a snapshot's scenario uses the on-chain ids as canonical decimal strings ("7"), so the engine's
 * canonical order is the on-chain numeric order and `idToUint256(scenarioId)` is the on-chain id.
 */
import type { Account, Chain, Hex, PublicClient, Transport, WalletClient } from "viem";
import type { Address, AllocationResult, CommitmentLeaf, Scenario } from "../core/index.js";

export type { Address } from "../core/index.js";

// ------------------------------------------------------------------ deployment

/** Addresses of the five contracts of one deployment. */
export interface ContractAddresses {
  readonly recognition: Address;
  readonly capacities: Address;
  readonly needs: Address;
  readonly rounds: Address;
  readonly ledger: Address;
}

/** What `fa deploy` writes (fa-deployment.json): where the contracts live and from which block to read logs. */
export interface Deployment {
  readonly chainId: number;
  readonly contracts: ContractAddresses;
  /** Block of the first deployment transaction: log reads start here. */
  readonly fromBlock: bigint;
  /** Round length in seconds the Rounds contract was deployed with. */
  readonly roundLength: bigint;
  /** When round 1 opens (unix seconds), the Rounds contract's `start` (absent in files written before it existed). */
  readonly start?: bigint;
}

/** A public client for reads plus, for writes, a wallet client with an account. */
export interface ChainClients {
  readonly publicClient: PublicClient<Transport, Chain | undefined>;
  readonly walletClient?: WalletClient<Transport, Chain | undefined, Account>;
}

// ------------------------------------------------------------------ progress

/** Phases of a long operation, reported to a progress callback. */
export type ProgressPhase = "logs" | "views" | "compute" | "commit" | "verify" | "audit";

export interface ProgressEvent {
  readonly phase: ProgressPhase;
  /** Units done so far (blocks scanned for "logs", items for the others). */
  readonly done: number;
  /** Units in total (may be 0 when unknown). */
  readonly total: number;
  /** Short human detail, e.g. "blocks 0-1999" or "capacity 7". */
  readonly detail?: string;
}

/** Called synchronously as work progresses; must not throw. */
export type ProgressCallback = (event: ProgressEvent) => void;

// ------------------------------------------------------------------ snapshot

/** A capacity as rebuilt at a block (active or revoked). */
export interface SnapshotCapacity {
  readonly id: bigint;
  readonly provider: Address;
  readonly active: boolean;
  readonly recurring: boolean;
  /** Quantity as declared in the registry. */
  readonly declared: bigint;
  /** Units held by non-withdrawn commitments (one-off capacities only; 0 for recurring). */
  readonly consumed: bigint;
  /** What the protocol may allocate: declared if recurring, declared − consumed (floored at 0) if one-off. */
  readonly available: bigint;
  readonly sector: string;
  readonly unit: string;
  /** "" = anywhere. */
  readonly location: string;
}

/** A need as rebuilt at a block (active or revoked), with the need update law applied. */
export interface SnapshotNeed {
  readonly id: bigint;
  readonly recipient: Address;
  readonly active: boolean;
  /** Quantity as declared in the registry. */
  readonly declared: bigint;
  /** Units its recipient confirmed receiving against it, all rounds, up to the block. */
  readonly confirmed: bigint;
  /** declared − confirmed, floored at 0 (the need update law). */
  readonly residual: bigint;
  readonly sector: string;
  readonly unit: string;
  /** "" = anywhere. */
  readonly location: string;
}

/** The registry state at one block, rebuilt from event logs only and cross-checked against views. */
export interface Snapshot {
  readonly chainId: number;
  readonly contracts: ContractAddresses;
  /**
   * The block whose end state this is: for a round, the last block whose timestamp is ≤ the round's
   * snapshot time (`blockAtTime`); -1n when that time precedes the genesis block (empty state).
   */
  readonly block: bigint;
  /** The round whose snapshot this is (undefined when read at an arbitrary block). */
  readonly round?: bigint;
  /** The round's snapshot time (unix seconds, `opensAt − 1`), when read for a round. */
  readonly time?: bigint;
  /**
   * The engine's input: active capacities with quantity = available (> 0), active needs with
   * quantity = residual (> 0), and every recognition vector. Ids are on-chain ids as decimal strings.
   */
  readonly scenario: Scenario;
  /** Every capacity declared up to the block, by ascending id. */
  readonly capacities: readonly SnapshotCapacity[];
  /** Every need declared up to the block, by ascending id. */
  readonly needs: readonly SnapshotNeed[];
  /** Every address that gives or receives recognition, provides or needs, sorted. */
  readonly entities: readonly Address[];
  /** Number of logs replayed. */
  readonly logCount: number;
}

/** Options of `readSnapshot`. */
export interface ReadSnapshotOptions {
  readonly contracts: ContractAddresses;
  /** Block to rebuild the state at (inclusive). */
  readonly block: bigint;
  /** First block to scan (the deployment block); default 0. */
  readonly fromBlock?: bigint;
  /** Blocks per eth_getLogs request; default 2,000. */
  readonly chunkSize?: bigint;
  readonly onProgress?: ProgressCallback;
  /** Retries per RPC request on transport faults, with exponential backoff; default 4. */
  readonly retries?: number;
  /** Cross-check the rebuilt state against the contracts' views at `block`; default true. */
  readonly crossCheck?: boolean;
  /** Round number to record in the snapshot (set by callers that read a round's snapshot). */
  readonly round?: bigint;
}

// ------------------------------------------------------------------ commitments

/** One capacity's commitment as the SDK computed (and possibly sent) it. */
export interface ComputedCommitment {
  readonly capacityId: bigint;
  readonly provider: Address;
  readonly root: Hex;
  readonly total: bigint;
  /** Leaves [capacityId, needId, recipient, amount], in the tree's canonical order. */
  readonly leaves: readonly CommitmentLeaf[];
  /** Transaction hash, when sent. */
  readonly hash?: Hex;
  readonly gasUsed?: bigint;
}

/** What `commitRound` returns: everything the provider needs to prove its leaves later. */
export interface CommitRoundResult {
  readonly round: bigint;
  /** The round's snapshot time (unix seconds, fixed by the schedule) and the block whose end state it is. */
  readonly snapshotTime: bigint;
  readonly snapshotBlock: bigint;
  readonly protocol: string;
  readonly result: AllocationResult;
  /** The caller's commitments, by ascending capacity id. */
  readonly commitments: readonly ComputedCommitment[];
  /** The caller's active capacities that the protocol gives nothing this round (nothing to commit). */
  readonly idle: readonly bigint[];
}

// ------------------------------------------------------------------ verify

/**
 * match: committed root and total equal the recomputed ones.
 * mismatch: committed, but root or total differ.
 * missing: the protocol allocates from this capacity but nothing is committed.
 * withdrawn: the (last) commitment of this capacity was withdrawn.
 * unexpected: committed, but the protocol allocates nothing from this capacity.
 */
/**
 * "unknown-protocol": committed under a protocol id this verifier does not know (neither built in
 * nor given), so it cannot be recomputed — not a mismatch.
 */
export type CommitmentStatus = "match" | "mismatch" | "missing" | "withdrawn" | "unexpected" | "unknown-protocol";

export interface RootAndTotal {
  readonly root: Hex;
  readonly total: bigint;
}

export interface CommitmentVerification {
  readonly round: bigint;
  readonly capacityId: bigint;
  readonly provider: Address;
  readonly status: CommitmentStatus;
  /**
   * The protocol this entry was verified with: the one the commitment's id names (or, for a missing
   * commitment, the default one); for "unknown-protocol" the id as read from chain.
   */
  readonly protocol: string;
  /** What the protocol yields (absent when it allocates nothing from the capacity). */
  readonly expected?: RootAndTotal;
  /** What is on chain (absent when nothing was committed). */
  readonly committed?: RootAndTotal & { readonly protocolId: Hex };
}

export interface VerifyReport {
  readonly chainId: number;
  readonly round: bigint;
  /** The block whose end state the round's snapshot is; `snapshotTime` its time (absent when the snapshot was read at a bare block). */
  readonly snapshotBlock: bigint;
  readonly snapshotTime?: bigint;
  /** The default protocol: the one expected where nothing was committed. */
  readonly protocol: string;
  /** One entry per capacity that is expected or committed, by ascending capacity id. */
  readonly commitments: readonly CommitmentVerification[];
  readonly counts: Readonly<Record<CommitmentStatus, number>>;
  /** True when every entry is "match". */
  readonly ok: boolean;
}

// ------------------------------------------------------------------ audit

/** Committed ≥ delivered ≥ confirmed along the lifecycle (SPEC axiom 2). */
export interface LifecycleTotals {
  readonly committed: bigint;
  readonly delivered: bigint;
  readonly confirmed: bigint;
}

/** One leaf's lifecycle: who gives what to whom, and how far it got. */
export interface AuditFlow extends LifecycleTotals {
  readonly capacityId: bigint;
  readonly needId: bigint;
  readonly provider: Address;
  readonly recipient: Address;
  readonly sector: string;
  readonly unit: string;
  /** The need's location ("" = unspecified). */
  readonly location: string;
}

export interface OrganizationAudit {
  readonly organization: Address;
  /** As provider (committed, delivered; confirmed by its recipients). */
  readonly provided: LifecycleTotals;
  /** As recipient. */
  readonly received: LifecycleTotals;
}

export interface SectorAudit extends LifecycleTotals {
  readonly sector: string;
  readonly unit: string;
  /** Σ residual needs at the snapshot. */
  readonly needed: bigint;
}

export interface LocationAudit extends LifecycleTotals {
  readonly location: string;
  readonly unit: string;
  readonly needed: bigint;
}

/** Unmet need in one location × sector: residual need at the snapshot minus what was committed to it. */
export interface Gap {
  readonly location: string;
  readonly sector: string;
  readonly unit: string;
  readonly needed: bigint;
  readonly committed: bigint;
  readonly confirmed: bigint;
  /** max(0, needed − committed). */
  readonly gap: bigint;
}

/** One need after the round's receipts (the need update law applied to the latest state). */
export interface ResidualNeed {
  readonly needId: bigint;
  readonly recipient: Address;
  readonly sector: string;
  readonly unit: string;
  readonly location: string;
  readonly declared: bigint;
  /** Residual at the round's snapshot. */
  readonly residualAtSnapshot: bigint;
  /** Confirmed in this round. */
  readonly confirmedInRound: bigint;
  /** Residual now: max(0, residualAtSnapshot − confirmedInRound). */
  readonly residual: bigint;
}

export interface AuditReport {
  readonly chainId: number;
  readonly round: bigint;
  /** The block whose end state the round's snapshot is; `snapshotTime` its time (absent when the snapshot was read at a bare block). */
  readonly snapshotBlock: bigint;
  readonly snapshotTime?: bigint;
  /** The block the lifecycle (deliveries, confirmations) was read up to. */
  readonly toBlock: bigint;
  readonly totals: LifecycleTotals;
  readonly flows: readonly AuditFlow[];
  readonly organizations: readonly OrganizationAudit[];
  readonly sectors: readonly SectorAudit[];
  readonly locations: readonly LocationAudit[];
  /** Per location × sector, largest gap first. */
  readonly gaps: readonly Gap[];
  readonly residualNeeds: readonly ResidualNeed[];
  /** The verification of the round's commitments, included so an audit is self-contained. */
  readonly verification: VerifyReport;
  /** The round's ledger events in chain order: the on-chain references behind every figure. */
  readonly events: readonly AuditEvent[];
  /** Unix seconds: when the round opened, and the time of `toBlock` (absent until `datedAudit` adds them). */
  readonly openedAt?: bigint;
  readonly readAt?: bigint;
}

/** One ledger event of a round, as exports cite it (transaction hash, block, what it recorded). */
export interface AuditEvent {
  readonly kind: "commitment" | "withdrawal" | "delivery" | "receipt" | "attestation";
  readonly capacityId: bigint;
  /** Deliveries and receipts. */
  readonly needId?: bigint;
  /** Commitment total, withdrawn (released) quantity, delivered or confirmed quantity. */
  readonly amount?: bigint;
  /** Provider (commitment), recipient (delivery, receipt) or auditor (attestation). */
  readonly account?: Address;
  /** Commitments: the committed root and protocol id. */
  readonly root?: Hex;
  readonly protocolId?: Hex;
  /** Attestations: the auditor's verdict and its report hash. */
  readonly matches?: boolean;
  readonly reportHash?: Hex;
  readonly blockNumber: bigint;
  readonly logIndex: number;
  readonly transactionHash: Hex;
  /** Unix seconds of the block (set by `datedAudit`). */
  readonly timestamp?: bigint;
}
