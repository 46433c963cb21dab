/**
 * `auditRound`: what was committed, delivered and confirmed in a round — per leaf (flows), per
 * organization, per sector and per location — the unmet need per location × sector, and each
 * need's residual after the round's receipts. Everything from the chain's logs alone.
 *
 * A commitment's leaves are known only when its root is the recomputed one ("match"): for other
 * commitments the per-organization totals count their committed total, and flows list only the
 * leaves deliveries were recorded against (proven on chain by their Merkle proofs).
 */
import type { PublicClient } from "viem";
import { defaultProtocol, type Protocol } from "../core/index.js";
import { ChainError } from "./errors.js";
import type {
  Address,
  AuditEvent,
  AuditFlow,
  AuditReport,
  ContractAddresses,
  Gap,
  LifecycleTotals,
  LocationAudit,
  OrganizationAudit,
  ProgressCallback,
  ResidualNeed,
  SectorAudit,
  Snapshot,
} from "./types.js";
import { readRoundSnapshot, roundInfo } from "./readRoundSnapshot.js";
import { readRoundLedger, type RoundLedger } from "./roundLedger.js";
import { compareCommitments, protocolOfCommitment } from "./verifyRound.js";
import { expectedCommitments } from "./commitRound.js";
import { leafKey } from "./replayLogs.js";
import type { ChainEvent } from "./fetchLogs.js";
import { withRetry } from "./retry.js";

export interface AuditRoundOptions {
  readonly contracts: ContractAddresses;
  readonly round: bigint;
  readonly protocol?: Protocol;
  readonly fromBlock?: bigint;
  readonly chunkSize?: bigint;
  readonly retries?: number;
  readonly onProgress?: ProgressCallback;
  readonly crossCheck?: boolean;
}

interface Mutable {
  committed: bigint;
  delivered: bigint;
  confirmed: bigint;
}
const zero = (): Mutable => ({ committed: 0n, delivered: 0n, confirmed: 0n });
const add = (into: Mutable, x: LifecycleTotals) => {
  into.committed += x.committed;
  into.delivered += x.delivered;
  into.confirmed += x.confirmed;
};

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** Builds the audit from a snapshot and the round's ledger record. Pure. */
export function auditOf(snapshot: Snapshot, ledger: RoundLedger, round: bigint, protocol: Protocol = defaultProtocol): AuditReport {
  const verification = compareCommitments(snapshot, ledger, round, protocol);
  const status = new Map(verification.commitments.map((v) => [v.capacityId, v.status]));
  const needs = new Map(snapshot.needs.map((n) => [n.id, n]));

  const flows: AuditFlow[] = [];
  const orgs = new Map<Address, { provided: Mutable; received: Mutable }>();
  const org = (a: Address) => getOr(orgs, a, () => ({ provided: zero(), received: zero() }));
  const totals = zero();

  for (const c of ledger.state.commitments.values()) {
    const leafRecords = [...ledger.state.leaves.entries()].filter(([k]) => k.startsWith(`${round}:${c.capacityId}:${c.version}:`));
    const recorded = new Map(leafRecords.map(([k, v]) => [BigInt(k.split(":")[3]), v]));
    // A withdrawn commitment still holds what was delivered before the withdrawal.
    const commitmentTotal = c.withdrawn ? c.delivered : c.total;
    const provided = org(c.provider).provided;
    provided.committed += commitmentTotal;
    totals.committed += commitmentTotal;
    // A match's leaves are those of the protocol its id names (FA-1 rounds keep FA-1's leaves).
    const leaves = status.get(c.capacityId) === "match"
      ? expectedCommitments(snapshot, protocolOfCommitment(c.protocolId, protocol)!).commitments.get(c.capacityId)!.leaves
      : [];
    const listed = new Set<bigint>();
    const pushFlow = (needId: bigint, recipient: Address, committed: bigint) => {
      const rec = recorded.get(needId);
      const need = needs.get(needId);
      const flow: AuditFlow = {
        capacityId: c.capacityId,
        needId,
        provider: c.provider,
        recipient,
        sector: need?.sector ?? "",
        unit: need?.unit ?? "",
        location: need?.location ?? "",
        committed,
        delivered: rec?.delivered ?? 0n,
        confirmed: rec?.confirmed ?? 0n,
      };
      flows.push(flow);
      listed.add(needId);
      provided.delivered += flow.delivered;
      provided.confirmed += flow.confirmed;
      add(org(recipient).received, flow);
      totals.delivered += flow.delivered;
      totals.confirmed += flow.confirmed;
    };
    for (const [, needId, recipient, amount] of leaves) pushFlow(needId, recipient, c.withdrawn ? (recorded.get(needId)?.delivered ?? 0n) : amount);
    for (const [needId, rec] of recorded) if (!listed.has(needId)) pushFlow(needId, rec.recipient, rec.delivered);
  }
  flows.sort((a, b) => (a.capacityId !== b.capacityId ? (a.capacityId < b.capacityId ? -1 : 1) : a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : 0));

  const sectors = new Map<string, SectorAudit & Mutable & { needed: bigint }>();
  const locations = new Map<string, LocationAudit & Mutable & { needed: bigint }>();
  const gaps = new Map<string, Gap & Mutable & { needed: bigint }>();
  const groupsOf = (sector: string, unit: string, location: string) => [
    getOr(sectors, `${sector}\0${unit}`, () => ({ sector, unit, needed: 0n, ...zero() })),
    getOr(locations, `${location}\0${unit}`, () => ({ location, unit, needed: 0n, ...zero() })),
    getOr(gaps, `${location}\0${sector}\0${unit}`, () => ({ location, sector, unit, needed: 0n, gap: 0n, ...zero() })),
  ];
  for (const n of snapshot.needs) {
    if (!n.active || n.residual === 0n) continue;
    for (const g of groupsOf(n.sector, n.unit, n.location)) g.needed += n.residual;
  }
  const confirmedInRound = new Map<bigint, bigint>();
  for (const f of flows) {
    for (const g of groupsOf(f.sector, f.unit, f.location)) add(g, f);
    confirmedInRound.set(f.needId, (confirmedInRound.get(f.needId) ?? 0n) + f.confirmed);
  }
  const gapList: Gap[] = [...gaps.values()].map((g) => ({
    location: g.location,
    sector: g.sector,
    unit: g.unit,
    needed: g.needed,
    committed: g.committed,
    confirmed: g.confirmed,
    gap: g.needed > g.committed ? g.needed - g.committed : 0n,
  }));
  gapList.sort((a, b) => (a.gap !== b.gap ? (a.gap > b.gap ? -1 : 1) : `${a.location}\0${a.sector}` < `${b.location}\0${b.sector}` ? -1 : 1));

  const residualNeeds: ResidualNeed[] = snapshot.needs
    .filter((n) => n.active)
    .map((n) => {
      const got = confirmedInRound.get(n.id) ?? 0n;
      return {
        needId: n.id,
        recipient: n.recipient,
        sector: n.sector,
        unit: n.unit,
        location: n.location,
        declared: n.declared,
        residualAtSnapshot: n.residual,
        confirmedInRound: got,
        residual: n.residual > got ? n.residual - got : 0n,
      };
    });

  const strip = <T extends Mutable>(x: T) => ({ ...x });
  const organizations: OrganizationAudit[] = [...orgs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([organization, o]) => ({ organization, provided: { ...o.provided }, received: { ...o.received } }));
  return {
    chainId: snapshot.chainId,
    round,
    snapshotBlock: snapshot.block,
    ...(snapshot.time !== undefined ? { snapshotTime: snapshot.time } : {}),
    toBlock: ledger.toBlock,
    totals: { ...totals },
    flows,
    organizations,
    sectors: [...sectors.values()].map(strip).sort((a, b) => (`${a.sector}\0${a.unit}` < `${b.sector}\0${b.unit}` ? -1 : 1)),
    locations: [...locations.values()].map(strip).sort((a, b) => (`${a.location}\0${a.unit}` < `${b.location}\0${b.unit}` ? -1 : 1)),
    gaps: gapList,
    residualNeeds,
    verification,
    events: ledgerEvents(ledger.events, round),
  };
}

const lowerAddress = (a: string) => a.toLowerCase() as Address;

/** The round's ledger events as exports cite them, in chain order. Pure. */
export function ledgerEvents(events: readonly ChainEvent[], round: bigint): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (const e of events) {
    if (e.contract !== "ledger" || e.args.round !== round) continue;
    const at = { capacityId: e.args.capacityId as bigint, blockNumber: e.blockNumber, logIndex: e.logIndex, transactionHash: e.transactionHash };
    switch (e.eventName) {
      case "CommitmentMade":
        out.push({ kind: "commitment", ...at, amount: e.args.total, account: lowerAddress(e.args.provider), root: e.args.root, protocolId: e.args.protocolId });
        break;
      case "CommitmentWithdrawn":
        out.push({ kind: "withdrawal", ...at, amount: e.args.released });
        break;
      case "DeliveryRecorded":
        out.push({ kind: "delivery", ...at, needId: e.args.needId, amount: e.args.amount, account: lowerAddress(e.args.recipient) });
        break;
      case "ReceiptConfirmed":
        out.push({ kind: "receipt", ...at, needId: e.args.needId, amount: e.args.amount, account: lowerAddress(e.args.recipient) });
        break;
      case "Attested":
        out.push({ kind: "attestation", ...at, account: lowerAddress(e.args.auditor), matches: e.args.matches, reportHash: e.args.reportHash });
        break;
    }
  }
  return out;
}

/**
 * The audit with its dates: the round's opening time, the time of the block it was read up to and
 * each event's block time (unix seconds). Exports need them (IATI dates, report periods). Pure.
 */
export function datedAudit(audit: AuditReport, openedAt: bigint, blockTimes: ReadonlyMap<bigint, bigint>): AuditReport {
  const time = (block: bigint) => {
    const t = blockTimes.get(block);
    if (t === undefined) throw new ChainError("INVALID_INPUT", "block time missing", { block });
    return t;
  };
  return { ...audit, openedAt, readAt: time(audit.toBlock), events: audit.events.map((e) => ({ ...e, timestamp: time(e.blockNumber) })) };
}

/** The blocks whose times `datedAudit` needs. */
export function auditBlocks(audit: AuditReport): bigint[] {
  return [...new Set([audit.toBlock, ...audit.events.map((e) => e.blockNumber)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Block number -> unix seconds, one `eth_getBlockByNumber` per block. */
export async function readBlockTimes(client: PublicClient, blocks: readonly bigint[], retries?: number): Promise<Map<bigint, bigint>> {
  const times = new Map<bigint, bigint>();
  for (const blockNumber of blocks) {
    const block = await withRetry(() => client.getBlock({ blockNumber }), { retries, what: `eth_getBlockByNumber(${blockNumber})` });
    times.set(blockNumber, block.timestamp);
  }
  return times;
}

export async function auditRound(client: PublicClient, options: AuditRoundOptions): Promise<AuditReport> {
  const info = await roundInfo(client, options.contracts, options.round, options.retries);
  const snapshot = await readRoundSnapshot(client, { ...options, round: info.round });
  const ledger = await readRoundLedger(client, { ...options, round: info.round, snapshotBlock: snapshot.block });
  const audit = auditOf(snapshot, ledger, info.round, options.protocol);
  const times = await readBlockTimes(client, auditBlocks(audit), options.retries);
  options.onProgress?.({ phase: "audit", done: 1, total: 1 });
  return datedAudit(audit, info.opensAt, times);
}
