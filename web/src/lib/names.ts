/** Display names: the deployment file labels known addresses; the chain knows addresses only. */

export interface Named { readonly names: Readonly<Record<string, string>> }

/** Display name of an address: the deployment's label, else a shortened address. */
export function nameOf(deployment: Named, address: string): string {
  const lower = address.toLowerCase();
  for (const [a, n] of Object.entries(deployment.names)) if (a.toLowerCase() === lower) return n;
  return shortAddress(address);
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
