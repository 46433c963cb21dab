/**
 * The contracts' state machine, replayed from their events alone: recognition vectors, capacities,
 * needs and the ledger (commitments, consumed one-off quantities, deliveries, confirmations).
 * Pure: feed it events in chain order; it mirrors what each contract stores.
 */
import type { Address, Hex } from "viem";
import type { ChainEvent } from "./fetchLogs.js";
import type { CapacityInputTuple, NeedInputTuple } from "./inputs.js";

export interface ReplayedCapacity {
  provider: Address;
  active: boolean;
  input: CapacityInputTuple;
}

export interface ReplayedNeed {
  recipient: Address;
  active: boolean;
  input: NeedInputTuple;
}

export interface ReplayedCommitment {
  round: bigint;
  capacityId: bigint;
  provider: Address;
  root: Hex;
  total: bigint;
  protocolId: Hex;
  delivered: bigint;
  withdrawn: boolean;
  /** Counted in the capacity's consumed quantity (one-off at the round's snapshot). */
  countsConsumed: boolean;
  version: number;
  /** Delivered under every version of this (round, capacity), the ledger's `roundDelivered`. */
  roundDelivered: bigint;
}

export interface ReplayedLeaf {
  recipient: Address;
  delivered: bigint;
  confirmed: bigint;
}

export interface ReplayedState {
  /** from -> to -> points (> 0). */
  readonly recognition: Map<Address, Map<Address, bigint>>;
  readonly capacities: Map<bigint, ReplayedCapacity>;
  readonly needs: Map<bigint, ReplayedNeed>;
  /** `${round}:${capacityId}` -> live or last commitment. */
  readonly commitments: Map<string, ReplayedCommitment>;
  /** `${round}:${capacityId}:${version}:${needId}` -> leaf record. */
  readonly leaves: Map<string, ReplayedLeaf>;
  readonly consumed: Map<bigint, bigint>;
  readonly confirmed: Map<bigint, bigint>;
  /** Block of the last event applied. */
  lastBlock: bigint;
  count: number;
}

export function emptyState(): ReplayedState {
  return {
    recognition: new Map(),
    capacities: new Map(),
    needs: new Map(),
    commitments: new Map(),
    leaves: new Map(),
    consumed: new Map(),
    confirmed: new Map(),
    lastBlock: 0n,
    count: 0,
  };
}

const lower = (a: string) => a.toLowerCase() as Address;
const SIGNATURE_EVENTS = new Set(["NonceUsed", "AllNoncesInvalidated", "ScopeSignaturesSuperseded"]);
export const commitmentKey = (round: bigint, capacityId: bigint) => `${round}:${capacityId}`;
export const leafKey = (round: bigint, capacityId: bigint, version: number, needId: bigint) => `${round}:${capacityId}:${version}:${needId}`;

function vectorOf(state: ReplayedState, from: Address): Map<Address, bigint> {
  let vector = state.recognition.get(from);
  if (vector === undefined) state.recognition.set(from, (vector = new Map()));
  return vector;
}

function normalizeCapacityInput(input: any): CapacityInputTuple {
  return {
    sector: input.sector,
    unit: input.unit,
    quantity: input.quantity,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    location: input.location,
    filterMode: Number(input.filterMode),
    filterList: (input.filterList as string[]).map(lower),
    minUnit: input.minUnit,
    recurring: input.recurring,
  };
}

function normalizeNeedInput(input: any): NeedInputTuple {
  return {
    sector: input.sector,
    unit: input.unit,
    quantity: input.quantity,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    location: input.location,
  };
}

function applyRecognition(state: ReplayedState, e: ChainEvent): void {
  const from = lower(e.args.from);
  switch (e.eventName) {
    case "RecognitionSet": {
      const vector = new Map<Address, bigint>();
      (e.args.recipients as string[]).forEach((to, i) => vector.set(lower(to), e.args.points[i] as bigint));
      state.recognition.set(from, vector);
      return;
    }
    case "RecognitionEntrySet":
      vectorOf(state, from).set(lower(e.args.to), e.args.points);
      return;
    case "RecognitionRevoked":
      vectorOf(state, from).delete(lower(e.args.to));
      return;
    case "RecognitionCleared":
      state.recognition.set(from, new Map());
      return;
  }
}

function applyCapacity(state: ReplayedState, e: ChainEvent): void {
  const id = e.args.capacityId as bigint;
  const provider = lower(e.args.provider);
  switch (e.eventName) {
    case "CapacityDeclared":
    case "CapacityUpdated":
      state.capacities.set(id, { provider, active: true, input: normalizeCapacityInput(e.args.input) });
      return;
    case "CapacityQuantityUpdated": {
      const c = state.capacities.get(id);
      if (c !== undefined) c.input = { ...c.input, quantity: e.args.quantity };
      return;
    }
    case "CapacityRevoked": {
      const c = state.capacities.get(id);
      if (c !== undefined) c.active = false;
      return;
    }
  }
}

function applyNeed(state: ReplayedState, e: ChainEvent): void {
  const id = e.args.needId as bigint;
  const recipient = lower(e.args.recipient);
  switch (e.eventName) {
    case "NeedDeclared":
    case "NeedUpdated":
      state.needs.set(id, { recipient, active: true, input: normalizeNeedInput(e.args.input) });
      return;
    case "NeedQuantityUpdated": {
      const n = state.needs.get(id);
      if (n !== undefined) n.input = { ...n.input, quantity: e.args.quantity };
      return;
    }
    case "NeedRevoked": {
      const n = state.needs.get(id);
      if (n !== undefined) n.active = false;
      return;
    }
  }
}

function applyLedger(state: ReplayedState, e: ChainEvent): void {
  const round = e.args.round as bigint;
  const capacityId = e.args.capacityId as bigint;
  const key = commitmentKey(round, capacityId);
  switch (e.eventName) {
    // Every ledger event carries the version it concerns and the new totals, so nothing here depends on
    // the registries' state or on re-deriving the contract's arithmetic.
    case "CommitmentMade": {
      const previous = state.commitments.get(key);
      state.commitments.set(key, {
        round,
        capacityId,
        provider: lower(e.args.provider),
        root: e.args.root,
        total: e.args.total,
        protocolId: e.args.protocolId,
        delivered: 0n,
        withdrawn: false,
        countsConsumed: e.args.oneOff,
        version: Number(e.args.version),
        roundDelivered: previous?.roundDelivered ?? 0n,
      });
      state.consumed.set(capacityId, e.args.consumedTotal as bigint);
      return;
    }
    case "CommitmentWithdrawn": {
      const c = state.commitments.get(key);
      if (c !== undefined && c.version === Number(e.args.version)) c.withdrawn = true;
      state.consumed.set(capacityId, e.args.consumedTotal as bigint);
      return;
    }
    case "DeliveryRecorded": {
      const c = state.commitments.get(key);
      const version = Number(e.args.version);
      if (c !== undefined && c.version === version) {
        c.delivered = e.args.versionDelivered;
        c.roundDelivered = e.args.roundDelivered;
      }
      const lk = leafKey(round, capacityId, version, e.args.needId);
      const leaf = state.leaves.get(lk) ?? { recipient: lower(e.args.recipient), delivered: 0n, confirmed: 0n };
      leaf.delivered = e.args.cumulative;
      state.leaves.set(lk, leaf);
      return;
    }
    case "ReceiptConfirmed": {
      const lk = leafKey(round, capacityId, Number(e.args.version), e.args.needId);
      const leaf = state.leaves.get(lk);
      if (leaf !== undefined) leaf.confirmed = e.args.cumulative;
      state.confirmed.set(e.args.needId as bigint, e.args.needConfirmedTotal as bigint);
      return;
    }
  }
}

/** Applies `events` (chain order) with blockNumber ≤ `toBlock` to `state`. */
export function replayLogs(state: ReplayedState, events: readonly ChainEvent[], toBlock?: bigint): ReplayedState {
  for (const e of events) {
    if (toBlock !== undefined && e.blockNumber > toBlock) break;
    // Signature bookkeeping (SignedActions: which signatures are dead) changes no registry or ledger view.
    if (SIGNATURE_EVENTS.has(e.eventName)) {
      state.lastBlock = e.blockNumber;
      state.count++;
      continue;
    }
    switch (e.contract) {
      case "recognition":
        applyRecognition(state, e);
        break;
      case "capacities":
        applyCapacity(state, e);
        break;
      case "needs":
        applyNeed(state, e);
        break;
      case "rounds":
        break; // the schedule is computed: Rounds emits nothing
      case "ledger":
        applyLedger(state, e);
        break;
    }
    state.lastBlock = e.blockNumber;
    state.count++;
  }
  return state;
}
