/**
 * Auditor exports (docs/audit.md): a round's AuditReport (sdk/chain) as IATI 2.03 activity XML,
 * HXL-tagged CSV and a self-contained HTML audit report, for the tools humanitarian coordination
 * already uses. Pure and browser-safe.
 */
export type { ExportOptions, OrganizationInfo, CapacityInfo, UnitValue, DocumentLink } from "./types.js";
export { clusterOf, type IatiSector } from "./clusters.js";
export { adminLevels, type AdminLevels } from "./locations.js";
export { resolveOrganization, type ResolvedOrganization } from "./organizations.js";
export { toIatiXml, IATI_CODES, FA_IATI_NAMESPACE } from "./iati.js";
export { toHxlCsv, toHxlGapsCsv, csvField, HXL_FLOW_COLUMNS, HXL_GAP_COLUMNS, type HxlColumns } from "./hxl.js";
export { toAuditHtml, escapeHtml } from "./html.js";
export { roundReferences, statusReason, protocolName, valueOf, leafId, type LeafReferences, type RoundReferences } from "./references.js";
