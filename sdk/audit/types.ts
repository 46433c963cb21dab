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

/** Sector, unit and location of a capacity, for commitments whose leaves are unknown (root not the protocol's). */
export interface CapacityInfo {
  readonly sector: string;
  readonly unit: string;
  /** "" = anywhere. */
  readonly location?: string;
}

/** A monetary value per unit of an in-kind quantity, set by whoever exports (never read from the chain). */
export interface UnitValue {
  /** ISO 4217 code, "USD". */
  readonly currency: string;
  /** Decimal value of one unit, "0.002". */
  readonly value: string;
}

/** A link to another document about the round (the audit report, the HXL exports, …). */
export interface DocumentLink {
  /** Absolute or relative URL ("hxl-round-2.csv"). */
  readonly url: string;
  /** IANA media type: "text/html", "text/csv", "application/json". */
  readonly format: string;
  readonly title: string;
  /** IATI DocumentCategory code; default "A08" (results, outcomes and outputs). */
  readonly category?: string;
}

export interface ExportOptions {
  /** Organization details by lower-case address. */
  readonly organizations?: Readonly<Record<Address, OrganizationInfo>>;
  /** Capacity details by capacity id (decimal string); without them such commitments export with sector and unit "unknown". */
  readonly capacities?: Readonly<Record<string, CapacityInfo>>;
  /**
   * Values per unit ("litre" -> 0.002 USD). IATI transactions (commitments 2, disbursements 3) are
   * written only for units listed here: an in-kind quantity is never put in a currency field.
   */
  readonly unitValues?: Readonly<Record<string, UnitValue>>;
  /** The organization publishing the file when it is not each provider itself (IATI secondary reporter). */
  readonly reporter?: { readonly ref: string; readonly name: string; readonly type: string };
  /** The AllocationLedger contract, for on-chain identifiers. */
  readonly ledger?: Address;
  /** Block explorer base URL ("https://etherscan.io"): links to commitment transactions. */
  readonly explorer?: string;
  /** Human-readable names of location codes ("MZ-S-01" -> "Beira"). */
  readonly locationNames?: Readonly<Record<string, string>>;
  /** Links to the round's other documents, written into every IATI activity and the HTML report. */
  readonly documents?: readonly DocumentLink[];
  /** When the file was generated (IATI `generated-datetime`); left out when absent so output stays reproducible. */
  readonly generatedAt?: Date;
}
