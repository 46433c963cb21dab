/** A small hand-written AuditReport: two providers, three leaves, one tampered commitment. */
import type { AuditEvent, AuditReport, AuditFlow, VerifyReport } from "../../sdk/chain/types.js";
import { protocolIdToBytes32 } from "../../sdk/core/index.js";

const FA1 = protocolIdToBytes32("fa-1");

export const WATER_CO = "0x1000000000000000000000000000000000000001";
export const FOOD_BANK = "0x2000000000000000000000000000000000000002";
export const VILLAGE = "0x5000000000000000000000000000000000000005";
export const SHELTER = "0x6000000000000000000000000000000000000006";

const flows: AuditFlow[] = [
  { capacityId: 2n, needId: 4n, provider: FOOD_BANK, recipient: VILLAGE, sector: "FoodSecurity", unit: "kg", location: "MZ-S-04", committed: 400n, delivered: 0n, confirmed: 0n },
  { capacityId: 1n, needId: 3n, provider: WATER_CO, recipient: SHELTER, sector: "WASH", unit: "litre", location: "MZ-S-01", committed: 2000n, delivered: 1500n, confirmed: 1200n },
  { capacityId: 1n, needId: 1n, provider: WATER_CO, recipient: VILLAGE, sector: "WASH", unit: "litre", location: "MZ-S-04", committed: 3000n, delivered: 3000n, confirmed: 3000n },
];

const verification: VerifyReport = {
  chainId: 31337,
  round: 2n,
  snapshotBlock: 40n,
  protocol: "fa-1",
  commitments: [
    { round: 2n, capacityId: 1n, provider: WATER_CO, status: "match", protocol: "fa-1", expected: { root: "0x01", total: 5000n }, committed: { root: "0x01", total: 5000n, protocolId: FA1 } },
    { round: 2n, capacityId: 2n, provider: FOOD_BANK, status: "mismatch", protocol: "fa-1", expected: { root: "0x02", total: 400n }, committed: { root: "0x03", total: 400n, protocolId: FA1 } },
    // Tampered and never delivered against: no flow, only a committed total.
    { round: 2n, capacityId: 7n, provider: FOOD_BANK, status: "mismatch", protocol: "fa-1", expected: { root: "0x04", total: 900n }, committed: { root: "0x05", total: 900n, protocolId: FA1 } },
  ],
  counts: { match: 1, mismatch: 2, missing: 0, withdrawn: 0, unexpected: 0, "unknown-protocol": 0 },
  ok: false,
};

export const AUDITOR = "0x9000000000000000000000000000000000000009";
const tx = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as const;
const at = (block: number, n: number) => ({ blockNumber: BigInt(block), logIndex: 0, transactionHash: tx(n), timestamp: 1_700_000_000n + BigInt(block) * 12n });

/** The round's ledger events: commitments, a delivery in two steps, confirmations, an attestation. */
const events: AuditEvent[] = [
  { kind: "commitment", capacityId: 1n, amount: 5000n, account: WATER_CO, root: "0x01", protocolId: FA1, ...at(41, 1) },
  { kind: "commitment", capacityId: 2n, amount: 400n, account: FOOD_BANK, root: "0x03", protocolId: FA1, ...at(42, 2) },
  { kind: "commitment", capacityId: 7n, amount: 900n, account: FOOD_BANK, root: "0x05", protocolId: FA1, ...at(42, 3) },
  { kind: "delivery", capacityId: 1n, needId: 1n, amount: 3000n, account: VILLAGE, ...at(43, 4) },
  { kind: "delivery", capacityId: 1n, needId: 3n, amount: 1000n, account: SHELTER, ...at(44, 5) },
  { kind: "delivery", capacityId: 1n, needId: 3n, amount: 500n, account: SHELTER, ...at(45, 6) },
  { kind: "receipt", capacityId: 1n, needId: 1n, amount: 3000n, account: VILLAGE, ...at(46, 7) },
  { kind: "receipt", capacityId: 1n, needId: 3n, amount: 1200n, account: SHELTER, ...at(47, 8) },
  { kind: "attestation", capacityId: 7n, account: AUDITOR, matches: false, reportHash: tx(99), ...at(50, 9) },
];

export const audit: AuditReport = {
  chainId: 31337,
  round: 2n,
  snapshotBlock: 40n,
  toBlock: 60n,
  totals: { committed: 5400n, delivered: 4500n, confirmed: 4200n },
  flows,
  organizations: [],
  sectors: [],
  locations: [],
  gaps: [
    { location: "MZ-S-04", sector: "WASH", unit: "litre", needed: 8000n, committed: 3000n, confirmed: 3000n, gap: 5000n },
    { location: "MZ-S", sector: "Shelter", unit: "kit", needed: 10n, committed: 0n, confirmed: 0n, gap: 10n },
  ],
  residualNeeds: [],
  verification,
  events,
  openedAt: 1_700_000_000n + 40n * 12n,
  readAt: 1_700_000_000n + 60n * 12n,
};
