/**
 * IATI 2.03 activity XML from a round's audit (docs/audit.md has the mapping field by field).
 *
 * Granularity: one `iati-activity` per provider × round. A round is the ledger's unit of
 * commitment (one Merkle root per capacity per round) and every export is per round, so each file
 * stands alone; identifier `<provider ref>-FA<chainId>-R<round>`.
 *
 * In-kind quantities (litres, kg, kits, consultations) are results: one output result per
 * commitment (capacity) with two indicators in the commitment's unit, "delivered" and "confirmed",
 * each with target = committed and actual = delivered resp. confirmed, disaggregated by location.
 * Transactions (2 outgoing commitment, 3 disbursement) are written only for units the caller gives
 * a monetary value per unit (`options.unitValues`): a litre count never goes into a currency field.
 * On-chain references: transaction hashes as `transaction/@ref`, the provider's address and the
 * ledger round as `other-identifier`s, explorer links as `document-link`s, and the full record in
 * `fa:` extension elements (IATI allows elements of other namespaces at the end of an activity).
 *
 * Pure and deterministic: the same audit and options give the same bytes. Text is escaped by
 * ./xml.ts; characters XML 1.0 forbids are replaced with U+FFFD.
 */
import type { Address } from "../core/index.js";
import type { AuditFlow, AuditReport, CommitmentVerification } from "../chain/types.js";
import { ChainError } from "../chain/errors.js";
import { clusterOf, type IatiSector } from "./clusters.js";
import { adminLevels } from "./locations.js";
import { resolveOrganization, type ResolvedOrganization } from "./organizations.js";
import { auditDates, isoDate, isoDateTime, leafId, protocolName, providersOf, roundReferences, statusReason, valueOf, type RoundReferences } from "./references.js";
import type { ExportOptions, UnitValue } from "./types.js";
import { XmlElement, xmlDocument } from "./xml.js";

/** Namespace of the `fa:` extension elements (a URN: nothing to resolve). */
export const FA_IATI_NAMESPACE = "urn:free-association:iati-extension:1";

/** The IATI codes the exporter writes (IATI-Codelists, version-2.03; docs/audit.md). */
export const IATI_CODES = {
  transaction: { outgoingCommitment: "2", disbursement: "3" },
  role: { funding: "1", implementing: "4" },
  activityStatus: { implementation: "2" },
  activityDate: { actualStart: "2" },
  resultType: { output: "1" },
  indicatorMeasure: { unit: "1" },
  otherIdentifier: { otherActivity: "A9", otherOrganisation: "B9" },
  organisationType: { other: "90" },
  documentCategory: { results: "A08" },
  geographicVocabulary: { isoCountry: "A4" },
  locationReach: { intendedBeneficiaries: "2" },
  locationClass: { administrativeRegion: "1" },
  descriptionType: { general: "1" },
} as const;

type Node = XmlElement;

function narrative(node: Node, name: string, text: string, attributes: Record<string, string> = {}): Node {
  return node.ele(name, attributes).ele("narrative").txt(text).up().up();
}

function orgAttributes(org: ResolvedOrganization): Record<string, string> {
  return { ref: org.ref, ...(org.type === undefined ? {} : { type: org.type }) };
}

const compare = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== "").sort();
}

/** ActivityScope from the P-codes the activity reaches ("" = anywhere). */
function activityScope(locations: readonly string[]): string | undefined {
  if (locations.length === 0 || locations.includes("")) return undefined;
  const levels = locations.map(adminLevels);
  const countries = new Set(levels.map((l) => l.country));
  if (countries.has("")) return undefined;
  if (countries.size > 1) return "3";
  const adm1 = new Set(levels.map((l) => l.adm1));
  if (adm1.has("")) return "4";
  if (adm1.size > 1) return "5";
  const adm2 = new Set(levels.map((l) => l.adm2));
  if (adm2.has("") || adm2.size > 1) return "6";
  return "7";
}

/** GeoNames feature code of a location code by its depth (IATI LocationType). */
function featureDesignation(code: string): string {
  const l = adminLevels(code);
  return l.adm3 !== "" ? "ADM3" : l.adm2 !== "" ? "ADM2" : l.adm1 !== "" ? "ADM1" : "PCLI";
}

interface CommitmentInfo {
  readonly verification: CommitmentVerification;
  readonly sector: string;
  readonly unit: string;
  /** Location of the capacity when its leaves are unknown. */
  readonly location: string;
  readonly flows: readonly AuditFlow[];
}

/** The round's IATI activities file: one activity per provider (docs/audit.md). */
export function toIatiXml(audit: AuditReport, options: ExportOptions = {}): string {
  const { openedAt, readAt } = auditDates(audit);
  const refs = roundReferences(audit);
  const org = (address: Address) => resolveOrganization(address, audit.chainId, options);
  const round = audit.round.toString();
  const protocol = audit.verification.protocol;
  const unitValue = (unit: string): UnitValue | undefined => {
    const v = options.unitValues?.[unit];
    if (v !== undefined && !/^[A-Z]{3}$/.test(v.currency)) {
      throw new ChainError("INVALID_INPUT", `unit value of "${unit}": currency must be an ISO 4217 code such as "USD", got ${JSON.stringify(v.currency)}`, { unit });
    }
    return v;
  };

  const root = new XmlElement("iati-activities", {
    version: "2.03",
    ...(options.generatedAt ? { "generated-datetime": options.generatedAt.toISOString().replace(/\.\d{3}Z$/, "Z") } : {}),
    "xmlns:fa": FA_IATI_NAMESPACE,
  });
  root.com(
    ` Free Association ledger, chain ${audit.chainId}, round ${round}: read from the chain alone up to block ${audit.toBlock}. ` +
      "In-kind quantities are results (target = committed, actual = delivered / confirmed); transactions only where a unit value was configured. ",
  );

  const providers = providersOf(audit);
  if (providers.length === 0) {
    throw new ChainError("NOT_FOUND", `round ${round} has no commitment: nothing to export as IATI activities (the format needs at least one)`, { round: audit.round });
  }
  for (const provider of providers) {
    const owner = org(provider);
    const identifier = `${owner.ref}-FA${audit.chainId}-R${round}`;
    const flows = audit.flows.filter((f) => f.provider === provider).sort((a, b) => compare(a.capacityId, b.capacityId) || compare(a.needId, b.needId));
    const commitments: CommitmentInfo[] = audit.verification.commitments
      .filter((c) => c.provider.toLowerCase() === provider)
      .sort((a, b) => compare(a.capacityId, b.capacityId))
      .map((verification) => {
        const own = flows.filter((f) => f.capacityId === verification.capacityId);
        const info = options.capacities?.[verification.capacityId.toString()];
        return {
          verification,
          flows: own,
          sector: own[0]?.sector ?? info?.sector ?? "unknown",
          unit: own[0]?.unit ?? info?.unit ?? "unknown",
          location: own.length > 0 ? "" : (info?.location ?? ""),
        };
      });
    // Flows of a capacity without a verification entry (should not happen): still exported.
    for (const f of flows) {
      if (commitments.some((c) => c.verification.capacityId === f.capacityId)) continue;
      commitments.push({ verification: { round: audit.round, capacityId: f.capacityId, provider, status: "unexpected", protocol: audit.verification.protocol }, flows: flows.filter((x) => x.capacityId === f.capacityId), sector: f.sector, unit: f.unit, location: "" });
    }
    const committed = commitments.filter((c) => c.verification.committed !== undefined || c.flows.length > 0);
    const locations = uniqueSorted([...flows.map((f) => f.location), ...committed.map((c) => c.location)]);
    const anywhere = flows.some((f) => f.location === "") || committed.some((c) => c.flows.length === 0 && c.location === "");
    const countries = uniqueSorted(locations.map((l) => adminLevels(l).country));
    const sectors = new Map<string, IatiSector>();
    for (const c of committed) {
      const s = clusterOf(c.sector);
      sectors.set(`${s.vocabulary}:${s.code}`, s);
    }
    const recipients = [...new Set(flows.map((f) => f.recipient))].sort().map(org);

    const a = root.ele("iati-activity", { "last-updated-datetime": isoDateTime(readAt), "xml:lang": "en", humanitarian: "1" });
    a.ele("iati-identifier").txt(identifier);
    const reporter = options.reporter;
    narrative(
      a,
      "reporting-org",
      reporter?.name ?? owner.name,
      reporter ? { ref: reporter.ref, type: reporter.type, "secondary-reporter": "1" } : { ref: owner.ref, type: owner.type ?? IATI_CODES.organisationType.other, "secondary-reporter": "0" },
    );
    narrative(a, "title", `${owner.name}: in-kind commitments, deliveries and confirmed receipts, round ${round} (Free Association ledger, chain ${audit.chainId})`);
    const counts = new Map<string, number>();
    for (const c of commitments) counts.set(c.verification.status, (counts.get(c.verification.status) ?? 0) + 1);
    narrative(
      a,
      "description",
      `What ${owner.name} committed in round ${round} under protocol ${protocol} (one Merkle root per capacity), delivered against each leaf, and what its recipients confirmed receiving, ` +
        `read from the public ledger up to block ${audit.toBlock}. Quantities are in kind, in the unit of each result. ` +
        `Verification against ${protocol}: ${[...counts].map(([s, n]) => `${n} ${s}`).join(", ") || "no commitment expected"}.`,
      { type: IATI_CODES.descriptionType.general },
    );
    narrative(a, "participating-org", owner.name, { ...orgAttributes(owner), role: IATI_CODES.role.funding, "activity-id": identifier });
    for (const r of recipients) narrative(a, "participating-org", r.name, { ...orgAttributes(r), role: IATI_CODES.role.implementing });
    const ledger = options.ledger ? `/${options.ledger.toLowerCase()}` : "";
    a.ele("other-identifier", { ref: `eip155:${audit.chainId}${ledger}/round/${round}`, type: IATI_CODES.otherIdentifier.otherActivity })
      .ele("owner-org")
      .ele("narrative")
      .txt(`Free Association AllocationLedger${options.ledger ? ` ${options.ledger.toLowerCase()}` : ""} on chain ${audit.chainId}: round ${round}`);
    a.ele("other-identifier", { ref: provider, type: IATI_CODES.otherIdentifier.otherOrganisation })
      .ele("owner-org")
      .ele("narrative")
      .txt(`Ethereum account of ${owner.name} on chain eip155:${audit.chainId}`);
    a.ele("activity-status", { code: IATI_CODES.activityStatus.implementation });
    a.ele("activity-date", { type: IATI_CODES.activityDate.actualStart, "iso-date": isoDate(openedAt) });
    const scope = anywhere ? undefined : activityScope(locations);
    if (scope !== undefined) a.ele("activity-scope", { code: scope });
    for (const country of countries) a.ele("recipient-country", { code: country, ...(countries.length === 1 && !anywhere ? { percentage: "100" } : {}) });
    for (const code of locations) {
      const l = a.ele("location", { ref: code });
      l.ele("location-reach", { code: IATI_CODES.locationReach.intendedBeneficiaries });
      narrative(l, "name", options.locationNames?.[code] ?? code);
      const country = adminLevels(code).country;
      if (country !== "") l.ele("administrative", { vocabulary: IATI_CODES.geographicVocabulary.isoCountry, level: "0", code: country });
      l.ele("location-class", { code: IATI_CODES.locationClass.administrativeRegion });
      l.ele("feature-designation", { code: featureDesignation(code) });
    }
    for (const s of [...sectors.values()].sort((x, y) => `${x.vocabulary}:${x.code}`.localeCompare(`${y.vocabulary}:${y.code}`))) {
      narrative(a, "sector", s.narrative, { vocabulary: s.vocabulary, code: s.code, ...(sectors.size === 1 ? { percentage: "100" } : {}) });
    }
    writeTransactions(a, audit, committed, refs, identifier, owner, org, unitValue);
    writeDocumentLinks(a, options, committed, refs, readAt);
    for (const c of committed) writeResult(a, audit, c, openedAt, readAt);
    writeExtension(a, audit, commitments, refs);
  }
  return xmlDocument(root);
}

function writeTransactions(
  a: Node,
  audit: AuditReport,
  commitments: readonly CommitmentInfo[],
  refs: RoundReferences,
  identifier: string,
  owner: ResolvedOrganization,
  org: (address: Address) => ResolvedOrganization,
  unitValue: (unit: string) => UnitValue | undefined,
): void {
  const transaction = (code: string, hash: string | undefined, time: bigint | undefined, amount: bigint, unit: string, uv: UnitValue, text: string, receiver?: ResolvedOrganization) => {
    const date = time === undefined ? undefined : isoDate(time);
    if (date === undefined) throw new ChainError("INVALID_INPUT", "an event has no block time: use auditRound or datedAudit", { round: audit.round });
    const t = a.ele("transaction", hash ? { ref: hash } : {});
    t.ele("transaction-type", { code });
    t.ele("transaction-date", { "iso-date": date });
    t.ele("value", { currency: uv.currency, "value-date": date }).txt(valueOf(amount, uv.value));
    narrative(t, "description", `${text}: ${amount} ${unit} at ${uv.value} ${uv.currency} per ${unit} (unit value set by the exporter, not recorded on chain)`);
    narrative(t, "provider-org", owner.name, { ref: owner.ref, "provider-activity-id": identifier, ...(owner.type ? { type: owner.type } : {}) });
    if (receiver) narrative(t, "receiver-org", receiver.name, orgAttributes(receiver));
  };
  for (const c of commitments) {
    const uv = unitValue(c.unit);
    if (uv === undefined) continue;
    const commitment = refs.commitments.get(c.verification.capacityId);
    if (c.flows.length === 0 && c.verification.committed) {
      transaction(IATI_CODES.transaction.outgoingCommitment, commitment?.transactionHash, commitment?.timestamp, c.verification.committed.total, c.unit, uv, `Capacity ${c.verification.capacityId} committed, receivers unknown (root not ${audit.verification.protocol}'s)`);
    }
    for (const f of c.flows) {
      const leaf = refs.leaf(f.capacityId, f.needId);
      const receiver = org(f.recipient);
      if (f.committed > 0n) transaction(IATI_CODES.transaction.outgoingCommitment, leaf.commitment?.transactionHash, leaf.commitment?.timestamp, f.committed, f.unit, uv, `Leaf ${leafId(audit.round, f)} committed`, receiver);
      for (const d of leaf.deliveries) transaction(IATI_CODES.transaction.disbursement, d.transactionHash, d.timestamp, d.amount ?? 0n, f.unit, uv, `Delivery against leaf ${leafId(audit.round, f)}`, receiver);
    }
  }
}

function writeDocumentLinks(a: Node, options: ExportOptions, commitments: readonly CommitmentInfo[], refs: RoundReferences, readAt: bigint): void {
  for (const d of options.documents ?? []) {
    const l = a.ele("document-link", { url: d.url, format: d.format });
    narrative(l, "title", d.title);
    l.ele("category", { code: d.category ?? IATI_CODES.documentCategory.results });
    l.ele("document-date", { "iso-date": isoDate(readAt) });
  }
  if (options.explorer === undefined) return;
  const base = options.explorer.replace(/\/+$/, "");
  for (const c of commitments) {
    const e = refs.commitments.get(c.verification.capacityId);
    if (e === undefined) continue;
    const l = a.ele("document-link", { url: `${base}/tx/${e.transactionHash}`, format: "text/html" });
    narrative(l, "title", `On-chain commitment of capacity ${c.verification.capacityId} (transaction ${e.transactionHash})`);
    l.ele("category", { code: IATI_CODES.documentCategory.results });
    if (e.timestamp !== undefined) l.ele("document-date", { "iso-date": isoDate(e.timestamp) });
  }
}

/** Sums of a field per location code ("" = anywhere), in code order. */
function byLocation(flows: readonly AuditFlow[], field: "committed" | "delivered" | "confirmed"): [string, bigint][] {
  const sums = new Map<string, bigint>();
  for (const f of flows) sums.set(f.location, (sums.get(f.location) ?? 0n) + f[field]);
  return [...sums].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

function writeResult(a: Node, audit: AuditReport, c: CommitmentInfo, openedAt: bigint, readAt: bigint): void {
  const v = c.verification;
  const protocol = audit.verification.protocol;
  const r = a.ele("result", { type: IATI_CODES.resultType.output });
  narrative(r, "title", `Capacity ${v.capacityId}: ${c.sector} in ${c.unit}, committed, delivered and confirmed in round ${audit.round}`);
  narrative(r, "description", `Verification against ${protocol}: ${v.status} (${statusReason(v, protocol)}).`);
  r.ele("reference", { vocabulary: "99", code: `capacity:${v.capacityId}` });
  const targets: [string, bigint][] = c.flows.length > 0 ? byLocation(c.flows, "committed") : [[c.location, v.committed?.total ?? 0n]];
  for (const [field, label] of [
    ["delivered", "delivered (DeliveryRecorded, proven by the leaf's Merkle proof)"],
    ["confirmed", "confirmed received by the recipients (ReceiptConfirmed)"],
  ] as const) {
    const i = r.ele("indicator", { measure: IATI_CODES.indicatorMeasure.unit, ascending: "1" });
    narrative(i, "title", `${c.unit} ${field} (target: ${c.unit} committed)`);
    narrative(i, "description", `Quantity in ${c.unit}, not money. Target: what the commitment assigns under its Merkle root; actual: what was ${label}. One value per location.`);
    const p = i.ele("period");
    p.ele("period-start", { "iso-date": isoDate(openedAt) });
    p.ele("period-end", { "iso-date": isoDate(readAt) });
    const actuals: [string, bigint][] = c.flows.length > 0 ? byLocation(c.flows, field) : [[c.location, 0n]];
    for (const [kind, values] of [["target", targets], ["actual", actuals]] as const) {
      for (const [location, value] of values) {
        const t = p.ele(kind, { value: value.toString() });
        if (location !== "") t.ele("location", { ref: location });
      }
    }
  }
}

function writeExtension(a: Node, audit: AuditReport, commitments: readonly CommitmentInfo[], refs: RoundReferences): void {
  const protocol = audit.verification.protocol;
  a.ele("fa:round", {
    "chain-id": String(audit.chainId),
    round: audit.round.toString(),
    ...(audit.snapshotTime !== undefined ? { "snapshot-time": isoDateTime(audit.snapshotTime) } : {}),
    "snapshot-block": audit.snapshotBlock.toString(),
    "to-block": audit.toBlock.toString(),
    protocol,
  });
  for (const c of commitments) {
    const v = c.verification;
    const e = refs.commitments.get(v.capacityId);
    a.ele("fa:commitment", {
      "capacity-id": v.capacityId.toString(),
      status: v.status,
      reason: statusReason(v, protocol),
      ...(v.committed ? { root: v.committed.root, total: v.committed.total.toString(), protocol: protocolName(v.committed.protocolId) } : {}),
      ...(v.expected ? { "expected-root": v.expected.root, "expected-total": v.expected.total.toString() } : {}),
      ...(e ? { tx: e.transactionHash, block: e.blockNumber.toString() } : {}),
    });
    for (const f of c.flows) {
      const leaf = refs.leaf(f.capacityId, f.needId);
      a.ele("fa:leaf", {
        id: leafId(audit.round, f),
        "need-id": f.needId.toString(),
        recipient: f.recipient,
        unit: f.unit,
        committed: f.committed.toString(),
        delivered: f.delivered.toString(),
        confirmed: f.confirmed.toString(),
        ...(leaf.deliveries.length ? { "delivery-txs": leaf.deliveries.map((d) => d.transactionHash).join(" ") } : {}),
        ...(leaf.receipts.length ? { "receipt-txs": leaf.receipts.map((d) => d.transactionHash).join(" ") } : {}),
      });
    }
    for (const t of refs.attestations.filter((x) => x.capacityId === v.capacityId)) {
      a.ele("fa:attestation", { auditor: t.account ?? "", matches: String(t.matches), "report-hash": t.reportHash ?? "", tx: t.transactionHash });
    }
  }
}
