/**
 * What every export says about a round beyond its totals: per leaf the transactions that recorded
 * it, per commitment its status with the reason and its protocol, the attestations, and dates.
 * Reads the audit's verification and events generically (any status string, any protocol id), so
 * a new protocol or status shows up as itself. Pure, browser-safe.
 */
import { hexToString, type Hex } from "viem";
import type { Address } from "../core/index.js";
import type { AuditEvent, AuditFlow, AuditReport, CommitmentVerification } from "../chain/types.js";
import { ChainError } from "../chain/errors.js";

/** The transactions behind one leaf of the live commitment. */
export interface LeafReferences {
  readonly commitment?: AuditEvent;
  readonly deliveries: readonly AuditEvent[];
  readonly receipts: readonly AuditEvent[];
}

export interface RoundReferences {
  /** The live commitment event per capacity (the last CommitmentMade of the round). */
  readonly commitments: ReadonlyMap<bigint, AuditEvent>;
  readonly withdrawals: ReadonlyMap<bigint, AuditEvent>;
  readonly attestations: readonly AuditEvent[];
  leaf(capacityId: bigint, needId: bigint): LeafReferences;
}

/** Indexes the audit's events: deliveries and receipts count only after the capacity's last commitment. */
export function roundReferences(audit: AuditReport): RoundReferences {
  const commitments = new Map<bigint, AuditEvent>();
  const withdrawals = new Map<bigint, AuditEvent>();
  const leaves = new Map<string, { deliveries: AuditEvent[]; receipts: AuditEvent[] }>();
  const attestations: AuditEvent[] = [];
  for (const e of audit.events) {
    if (e.kind === "commitment") {
      commitments.set(e.capacityId, e);
      withdrawals.delete(e.capacityId);
      for (const key of [...leaves.keys()]) if (key.startsWith(`${e.capacityId}:`)) leaves.delete(key);
    } else if (e.kind === "withdrawal") withdrawals.set(e.capacityId, e);
    else if (e.kind === "attestation") attestations.push(e);
    else {
      const key = `${e.capacityId}:${e.needId}`;
      const leaf = leaves.get(key) ?? { deliveries: [], receipts: [] };
      (e.kind === "delivery" ? leaf.deliveries : leaf.receipts).push(e);
      leaves.set(key, leaf);
    }
  }
  return {
    commitments,
    withdrawals,
    attestations,
    leaf: (capacityId, needId) => ({ commitment: commitments.get(capacityId), ...(leaves.get(`${capacityId}:${needId}`) ?? { deliveries: [], receipts: [] }) }),
  };
}

/** A bytes32 protocol id as its ASCII name ("fa-1"), or the hex when it is not printable text. */
export function protocolName(id: Hex): string {
  try {
    const text = hexToString(id, { size: 32 }).replace(/\0+$/, "");
    return /^[\x20-\x7e]+$/.test(text) ? text : id;
  } catch {
    return id;
  }
}

/** Why a commitment has its verification status, in one sentence. Unknown statuses are named as such. */
export function statusReason(c: CommitmentVerification, protocol: string): string {
  const committedProtocol = c.committed ? protocolName(c.committed.protocolId) : undefined;
  switch (c.status) {
    case "match":
      return `root and total are what ${protocol} yields`;
    case "mismatch": {
      if (c.expected && c.committed && c.expected.total !== c.committed.total) return `committed total ${c.committed.total} differs from ${protocol}'s ${c.expected.total}`;
      return `committed root differs from the root ${protocol} yields (same total, other recipients or amounts)`;
    }
    case "missing":
      return `${protocol} allocates ${c.expected?.total ?? 0n} from this capacity; nothing was committed`;
    case "withdrawn":
      return "the provider withdrew the commitment (what was delivered before stays counted)";
    case "unexpected":
      return `committed, but ${protocol} allocates nothing from this capacity`;
    default:
      return `status "${c.status}"${committedProtocol ? ` (committed under protocol ${committedProtocol})` : ""}`;
  }
}

/** Unix seconds -> "YYYY-MM-DD" (UTC). */
export function isoDate(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
}

/** Unix seconds -> "YYYY-MM-DDTHH:MM:SSZ". */
export function isoDateTime(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The audit's dates, or a typed error: exports need the round's opening time and the read time. */
export function auditDates(audit: AuditReport): { openedAt: bigint; readAt: bigint } {
  if (audit.openedAt === undefined || audit.readAt === undefined) {
    throw new ChainError("INVALID_INPUT", "the audit has no dates: use auditRound, or datedAudit(audit, openedAt, blockTimes)", { round: audit.round });
  }
  return { openedAt: audit.openedAt, readAt: audit.readAt };
}

/** "R2-C5-N17": one leaf of one round. */
export function leafId(round: bigint, flow: Pick<AuditFlow, "capacityId" | "needId">): string {
  return `R${round}-C${flow.capacityId}-N${flow.needId}`;
}

/** Providers of the round (every commitment, expected or made, and every flow), by address. */
export function providersOf(audit: AuditReport): Address[] {
  const all = new Set<Address>([...audit.verification.commitments.map((c) => c.provider), ...audit.flows.map((f) => f.provider)].map((a) => a.toLowerCase() as Address));
  return [...all].sort();
}

/** Exact decimal product of an integer quantity and a decimal unit value ("0.002" × 1500n = "3"). */
export function valueOf(quantity: bigint, unitValue: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(unitValue);
  if (m === null) throw new ChainError("INVALID_INPUT", `unit value: expected a non-negative decimal such as "0.25", got ${JSON.stringify(unitValue)}`, { unitValue });
  const decimals = m[2]?.length ?? 0;
  const product = (quantity < 0n ? -quantity : quantity) * BigInt(m[1] + (m[2] ?? ""));
  const digits = product.toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${quantity < 0n ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
