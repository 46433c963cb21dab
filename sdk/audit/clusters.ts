/**
 * Sectors as IATI sector vocabulary 10, "Humanitarian Global Clusters (Inter-Agency Standing
 * Committee)". IATI does not maintain that list itself: its SectorVocabulary codelist points code 10
 * to OCHA's "Global Coordination Groups" dataset on HDX (data.humdata.org/dataset/
 * global-coordination-groups-beta), whose three-letter acronyms (WSH, HEA, …) and "PRO-…" areas of
 * responsibility are the codes. docs/audit.md gives the source of each code and what could not be
 * confirmed. A sector this table does not know is exported under vocabulary 99 (the reporting
 * organisation's own), so a new sector never breaks an export.
 */

/** A sector as an IATI sector element. */
export interface IatiSector {
  /** "10" for an IASC global cluster (or area of responsibility), "99" for a code this table does not know. */
  readonly vocabulary: "10" | "99";
  readonly code: string;
  readonly narrative: string;
}

interface Cluster {
  readonly code: string;
  /** The dataset's preferred term. */
  readonly name: string;
}

/** Sector codes as the registries store them (case-insensitive; "-", "_", "/", "&" and spaces ignored). */
const CLUSTERS: Readonly<Record<string, Cluster>> = {
  wash: { code: "WSH", name: "Water Sanitation Hygiene" },
  watersanitationhygiene: { code: "WSH", name: "Water Sanitation Hygiene" },
  health: { code: "HEA", name: "Health" },
  shelter: { code: "SHL", name: "Emergency Shelter and NFI" },
  emergencyshelterandnfi: { code: "SHL", name: "Emergency Shelter and NFI" },
  foodsecurity: { code: "FSC", name: "Food Security" },
  nutrition: { code: "NUT", name: "Nutrition" },
  protection: { code: "PRO", name: "Protection" },
  education: { code: "EDU", name: "Education" },
  logistics: { code: "LOG", name: "Logistics" },
  cccm: { code: "CCM", name: "Camp Coordination / Management" },
  campcoordinationmanagement: { code: "CCM", name: "Camp Coordination / Management" },
  earlyrecovery: { code: "ERY", name: "Early Recovery" },
  telecommunications: { code: "TEL", name: "Emergency Telecommunications" },
  emergencytelecommunications: { code: "TEL", name: "Emergency Telecommunications" },
  childprotection: { code: "PRO-CPN", name: "Child Protection" },
  genderbasedviolence: { code: "PRO-GBV", name: "Gender Based Violence" },
  gbv: { code: "PRO-GBV", name: "Gender Based Violence" },
  housinglandandproperty: { code: "PRO-HLP", name: "Housing, Land and Property" },
  hlp: { code: "PRO-HLP", name: "Housing, Land and Property" },
  mineaction: { code: "PRO-MIN", name: "Mine Action" },
};

function normalize(sector: string): string {
  return sector.toLowerCase().replace(/[-_\s/&,]/g, "");
}

/** "WASH" -> { vocabulary "10", code "WSH", narrative "Water Sanitation Hygiene" }; unknown -> vocabulary "99". */
export function clusterOf(sector: string): IatiSector {
  const cluster = CLUSTERS[normalize(sector)];
  if (cluster === undefined) return { vocabulary: "99", code: sector, narrative: sector };
  return { vocabulary: "10", code: cluster.code, narrative: cluster.name };
}
