/**
 * Auditor exports (docs/audit.md): a round's AuditReport (sdk/chain) as IATI-like activities and
 * HXL-tagged CSV, for the tools humanitarian coordination already uses. Pure and browser-safe.
 */
export type { ExportOptions, OrganizationInfo } from "./types.js";
export { clusterOf, type IatiSector } from "./clusters.js";
export { adminLevels, type AdminLevels } from "./locations.js";
export { resolveOrganization, type ResolvedOrganization } from "./organizations.js";
export {
  toIatiActivities,
  IATI_TRANSACTION,
  type IatiActivities,
  type IatiActivity,
  type IatiTransaction,
  type IatiTransactionCode,
  type IatiOrgRef,
  type IatiLocation,
} from "./iati.js";
export { toHxlCsv, toHxlGapsCsv, csvField, HXL_FLOW_COLUMNS, HXL_GAP_COLUMNS } from "./hxl.js";
