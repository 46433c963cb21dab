/** Options shared by the auditor exporters. Pure types, browser-safe. */
import type { Address } from "../core/index.js";

/** What an export knows about an organization beyond its address. */
export interface OrganizationInfo {
  /** Display name. */
  readonly name?: string;
  /** Registered identifier (IATI organisation identifier such as "XM-DAC-41122"); default `FA-<chainId>-<address>`. */
  readonly ref?: string;
  /** IATI OrganisationType code: "10" government, "21" international NGO, "24" partner-country NGO, "40" multilateral, … */
  readonly type?: string;
}

/** Sector, unit and location of a capacity, for commitments whose leaves are unknown (root not FA-1's). */
export interface CapacityInfo {
  readonly sector: string;
  readonly unit: string;
  /** "" = anywhere. */
  readonly location?: string;
}

export interface ExportOptions {
  /** Organization details by lower-case address. */
  readonly organizations?: Readonly<Record<Address, OrganizationInfo>>;
  /** Capacity details by capacity id (decimal string); without them such commitments export with sector and unit "unknown". */
  readonly capacities?: Readonly<Record<string, CapacityInfo>>;
}
