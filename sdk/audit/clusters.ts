/**
 * IASC humanitarian clusters as IATI sector vocabulary 10 ("Humanitarian Global Clusters"). The
 * codes are OCHA's three-letter global cluster acronyms, which IATI publishers use with vocabulary
 * 10. A sector code the table does not know is exported as is (vocabulary 99, "reporting
 * organisation"), so a new sector never breaks an export.
 */

/** A sector as an IATI sector element. */
export interface IatiSector {
  /** "10" for an IASC cluster, "99" for a code this table does not know. */
  readonly vocabulary: "10" | "99";
  readonly code: string;
  readonly narrative: string;
}

interface Cluster {
  readonly code: string;
  readonly name: string;
}

/** Sector codes as the registries store them (case-insensitive; "-", "_" and spaces ignored). */
const CLUSTERS: Readonly<Record<string, Cluster>> = {
  wash: { code: "WSH", name: "Water Sanitation Hygiene" },
  health: { code: "HEA", name: "Health" },
  shelter: { code: "SHL", name: "Emergency Shelter and NFI" },
  foodsecurity: { code: "FSC", name: "Food Security" },
  nutrition: { code: "NUT", name: "Nutrition" },
  protection: { code: "PRO", name: "Protection" },
  education: { code: "EDU", name: "Education" },
  logistics: { code: "LOG", name: "Logistics" },
  cccm: { code: "CCM", name: "Camp Coordination and Camp Management" },
  earlyrecovery: { code: "ERY", name: "Early Recovery" },
  telecommunications: { code: "TEL", name: "Emergency Telecommunications" },
};

function normalize(sector: string): string {
  return sector.toLowerCase().replace(/[-_\s]/g, "");
}

/** "WASH" -> { vocabulary "10", code "WSH", narrative "Water Sanitation Hygiene" }. */
export function clusterOf(sector: string): IatiSector {
  const cluster = CLUSTERS[normalize(sector)];
  if (cluster === undefined) return { vocabulary: "99", code: sector, narrative: sector };
  return { vocabulary: "10", code: cluster.code, narrative: cluster.name };
}
