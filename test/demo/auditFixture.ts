/** A small hand-written AuditReport: two providers, three leaves, one tampered commitment. */
import type { AuditReport, AuditFlow, VerifyReport } from "../../sdk/chain/types.js";

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
    { round: 2n, capacityId: 1n, provider: WATER_CO, status: "match", protocol: "fa-1", expected: { root: "0x01", total: 5000n }, committed: { root: "0x01", total: 5000n, protocolId: "0x66" } },
    { round: 2n, capacityId: 2n, provider: FOOD_BANK, status: "mismatch", protocol: "fa-1", expected: { root: "0x02", total: 400n }, committed: { root: "0x03", total: 400n, protocolId: "0x66" } },
    // Tampered and never delivered against: no flow, only a committed total.
    { round: 2n, capacityId: 7n, provider: FOOD_BANK, status: "mismatch", protocol: "fa-1", expected: { root: "0x04", total: 900n }, committed: { root: "0x05", total: 900n, protocolId: "0x66" } },
  ],
  counts: { match: 1, mismatch: 2, missing: 0, withdrawn: 0, unexpected: 0, "unknown-protocol": 0 },
  ok: false,
};

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
};
