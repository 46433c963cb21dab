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

export interface ExportOptions {
  /** Organization details by lower-case address. */
  readonly organizations?: Readonly<Record<Address, OrganizationInfo>>;
}
