/**
 * IATI-like activities and transactions from a round's audit (docs/audit.md). IATI's
 * TransactionType codelist fits the lifecycle: a commitment is 2 (outgoing commitment) on the
 * provider's side and 11 (incoming commitment) on the recipient's side, a delivery is 3
 * (disbursement), a confirmed receipt is 1 (incoming funds). Values are quantities in kind with an
 * explicit unit, not money — hence "IATI-like". Pure and deterministic: the same audit gives the
 * same JSON, byte for byte.
 */
import type { Address } from "../core/index.js";
import type { AuditFlow, AuditReport, CommitmentStatus } from "../chain/types.js";
import { clusterOf, type IatiSector } from "./clusters.js";
import { adminLevels } from "./locations.js";
import { resolveOrganization, type ResolvedOrganization } from "./organizations.js";
import type { ExportOptions } from "./types.js";

export const IATI_TRANSACTION = {
  incomingFunds: "1",
  outgoingCommitment: "2",
  disbursement: "3",
  incomingCommitment: "11",
} as const;

export type IatiTransactionCode = (typeof IATI_TRANSACTION)[keyof typeof IATI_TRANSACTION];

export interface IatiOrgRef {
  readonly ref: string;
  readonly type?: string;
  readonly narrative: string;
}

export interface IatiLocation {
  /** The location code as registered ("MZ-S-04"). */
  readonly ref: string;
  readonly administrative: { readonly adm1: string; readonly adm2: string };
}

export interface IatiTransaction {
  readonly "transaction-type": { readonly code: IatiTransactionCode };
  /** Integer quantity as a decimal string, with its unit (in-kind, not a currency). */
  readonly value: { readonly amount: string; readonly unit: string };
  readonly "provider-org": IatiOrgRef;
  readonly "receiver-org": IatiOrgRef;
  readonly sector: IatiSector;
  readonly location?: IatiLocation;
  /** The ledger leaf this transaction is about. */
  readonly "fa:leaf": { readonly round: string; readonly "capacity-id": string; readonly "need-id": string };
}

export interface IatiActivity {
  readonly "iati-identifier": string;
  readonly "reporting-org": IatiOrgRef;
  readonly title: { readonly narrative: string };
  /** "provider" activities report commitments and disbursements, "recipient" ones incoming commitments and receipts. */
  readonly "fa:side": "provider" | "recipient";
  readonly "participating-org": readonly (IatiOrgRef & { readonly role: "4" })[];
  readonly "recipient-country": readonly { readonly code: string }[];
  readonly sector: readonly IatiSector[];
  readonly location: readonly IatiLocation[];
  readonly transaction: readonly IatiTransaction[];
  /** Provider activities: the verification status of the commitment (match, mismatch, …). */
  readonly "fa:verification"?: CommitmentStatus;
}

export interface IatiActivities {
  readonly "fa:format": "iati-like-activities/1";
  readonly "fa:chain-id": number;
  readonly "fa:round": string;
  readonly "fa:snapshot-block": string;
  readonly "fa:to-block": string;
  readonly activities: readonly IatiActivity[];
}

function orgRef(org: ResolvedOrganization): IatiOrgRef {
  return { ref: org.ref, ...(org.type === undefined ? {} : { type: org.type }), narrative: org.name };
}

function locationOf(code: string): IatiLocation | undefined {
  if (code === "") return undefined;
  const levels = adminLevels(code);
  return { ref: code, administrative: { adm1: levels.adm1, adm2: levels.adm2 } };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

/**
 * One provider activity per (provider, capacity) with transactions 2 and 3 per leaf, and one
 * recipient activity per (recipient, need) with transactions 11 and 1 per leaf. Zero amounts are
 * left out (an undelivered leaf has no disbursement). Activities are ordered provider side by
 * capacity id, then recipient side by need id. A commitment without flows (its root is not the
 * protocol's, so its leaves are unknown, and nothing was delivered against it) becomes a provider
 * activity with one transaction 2 of its committed total and an unknown receiver, after the others.
 */
export function toIatiActivities(audit: AuditReport, options?: ExportOptions): IatiActivities {
  const org = (address: Address) => resolveOrganization(address, audit.chainId, options);
  const status = new Map(audit.verification.commitments.map((c) => [c.capacityId, c.status]));
  const round = audit.round.toString();
  const base = (ref: string) => `${ref}-FA${audit.chainId}-R${round}`;

  const transaction = (flow: AuditFlow, code: IatiTransactionCode, amount: bigint): IatiTransaction => {
    const location = locationOf(flow.location);
    return {
      "transaction-type": { code },
      value: { amount: amount.toString(), unit: flow.unit },
      "provider-org": orgRef(org(flow.provider)),
      "receiver-org": orgRef(org(flow.recipient)),
      sector: clusterOf(flow.sector),
      ...(location === undefined ? {} : { location }),
      "fa:leaf": { round, "capacity-id": flow.capacityId.toString(), "need-id": flow.needId.toString() },
    };
  };

  const activity = (
    side: "provider" | "recipient",
    owner: ResolvedOrganization,
    id: string,
    title: string,
    flows: readonly AuditFlow[],
    transactions: IatiTransaction[],
  ): IatiActivity => {
    const others = uniqueBy(
      flows.map((f) => org(side === "provider" ? f.recipient : f.provider)),
      (o) => o.ref,
    );
    const locations = uniqueBy(
      flows.map((f) => locationOf(f.location)).filter((l): l is IatiLocation => l !== undefined),
      (l) => l.ref,
    ).sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    const countries = uniqueBy(
      flows.map((f) => adminLevels(f.location).country).filter((c) => c !== ""),
      (c) => c,
    ).sort();
    return {
      "iati-identifier": id,
      "reporting-org": orgRef(owner),
      title: { narrative: title },
      "fa:side": side,
      "participating-org": [owner, ...others].map((o) => ({ ...orgRef(o), role: "4" as const })),
      "recipient-country": countries.map((code) => ({ code })),
      sector: uniqueBy(flows.map((f) => clusterOf(f.sector)), (s) => s.code),
      location: locations,
      transaction: transactions,
    };
  };

  const activities: IatiActivity[] = [];
  const byCapacity = groupBy(audit.flows, (f) => f.capacityId);
  for (const capacityId of [...byCapacity.keys()].sort(compareBig)) {
    const flows = [...byCapacity.get(capacityId)!].sort((a, b) => compareBig(a.needId, b.needId));
    const provider = org(flows[0].provider);
    const txs: IatiTransaction[] = [];
    for (const f of flows) {
      if (f.committed > 0n) txs.push(transaction(f, IATI_TRANSACTION.outgoingCommitment, f.committed));
      if (f.delivered > 0n) txs.push(transaction(f, IATI_TRANSACTION.disbursement, f.delivered));
    }
    const verification = status.get(capacityId);
    activities.push({
      ...activity(
        "provider",
        provider,
        `${base(provider.ref)}-C${capacityId}`,
        `${provider.name}: ${flows[0].sector} (${flows[0].unit}), capacity ${capacityId}, round ${round}`,
        flows,
        txs,
      ),
      ...(verification === undefined ? {} : { "fa:verification": verification }),
    });
  }
  // Commitments with no flow: a root that is not FA-1's has no known leaves, only a committed total.
  for (const c of audit.verification.commitments) {
    if (c.committed === undefined || byCapacity.has(c.capacityId)) continue;
    const provider = org(c.provider);
    const info = options?.capacities?.[c.capacityId.toString()];
    const sector = clusterOf(info?.sector ?? "unknown");
    const location = locationOf(info?.location ?? "");
    const country = adminLevels(info?.location ?? "").country;
    activities.push({
      "iati-identifier": `${base(provider.ref)}-C${c.capacityId}`,
      "reporting-org": orgRef(provider),
      title: { narrative: `${provider.name}: capacity ${c.capacityId}, round ${round} (commitment without known leaves)` },
      "fa:side": "provider",
      "participating-org": [{ ...orgRef(provider), role: "4" as const }],
      "recipient-country": country === "" ? [] : [{ code: country }],
      sector: [sector],
      location: location === undefined ? [] : [location],
      transaction: [
        {
          "transaction-type": { code: IATI_TRANSACTION.outgoingCommitment },
          value: { amount: c.committed.total.toString(), unit: info?.unit ?? "unknown" },
          "provider-org": orgRef(provider),
          "receiver-org": { ref: "", narrative: "unknown: the committed root is not the protocol's" },
          sector,
          ...(location === undefined ? {} : { location }),
          "fa:leaf": { round, "capacity-id": c.capacityId.toString(), "need-id": "" },
        },
      ],
      "fa:verification": c.status,
    });
  }
  const byNeed = groupBy(audit.flows, (f) => f.needId);
  for (const needId of [...byNeed.keys()].sort(compareBig)) {
    const flows = [...byNeed.get(needId)!].sort((a, b) => compareBig(a.capacityId, b.capacityId));
    const recipient = org(flows[0].recipient);
    const txs: IatiTransaction[] = [];
    for (const f of flows) {
      if (f.committed > 0n) txs.push(transaction(f, IATI_TRANSACTION.incomingCommitment, f.committed));
      if (f.confirmed > 0n) txs.push(transaction(f, IATI_TRANSACTION.incomingFunds, f.confirmed));
    }
    activities.push(
      activity(
        "recipient",
        recipient,
        `${base(recipient.ref)}-N${needId}`,
        `${recipient.name}: ${flows[0].sector} (${flows[0].unit}) need ${needId}${flows[0].location ? ` in ${flows[0].location}` : ""}, round ${round}`,
        flows,
        txs,
      ),
    );
  }
  return {
    "fa:format": "iati-like-activities/1",
    "fa:chain-id": audit.chainId,
    "fa:round": round,
    "fa:snapshot-block": audit.snapshotBlock.toString(),
    "fa:to-block": audit.toBlock.toString(),
    activities,
  };
}
