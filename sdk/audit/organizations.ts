/** How exports name organizations: the caller's details, else an identifier derived from the chain. */
import type { Address } from "../core/index.js";
import type { ExportOptions, OrganizationInfo } from "./types.js";

export interface ResolvedOrganization {
  readonly ref: string;
  readonly name: string;
  readonly type?: string;
  readonly address: Address;
}

/** The organization's export identity; unknown ones get ref `FA-<chainId>-<address>` and their address as name. */
export function resolveOrganization(address: Address, chainId: number, options: ExportOptions | undefined): ResolvedOrganization {
  const key = address.toLowerCase() as Address;
  const info: OrganizationInfo = options?.organizations?.[key] ?? {};
  return {
    ref: info.ref ?? `FA-${chainId}-${key}`,
    name: info.name ?? key,
    ...(info.type === undefined ? {} : { type: info.type }),
    address: key,
  };
}
