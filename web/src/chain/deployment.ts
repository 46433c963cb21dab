/**
 * Where the contracts are: `deployment.json` next to the app (written by `npm run dev`, or by hand
 * for another chain), with VITE_RPC_URL / VITE_CHAIN_ID overriding the node to talk to.
 */
import type { Address } from "viem";

export interface Deployment {
  chainId: number;
  rpcUrl: string;
  fromBlock: bigint;
  contracts: { recognition: Address; capacities: Address; needs: Address; rounds: Address; ledger: Address };
  names: Record<string, string>;
  local: boolean;
  /** Local chain only: accounts the node sends for (the dev-account connector). */
  devAccounts: { address: Address; name: string; /** false: impersonated by the node, which cannot sign for it. */ signs?: boolean }[];
}

export class DeploymentError extends Error {
  override name = "DeploymentError";
}

export async function loadDeployment(): Promise<Deployment> {
  const url = import.meta.env.VITE_DEPLOYMENT_URL ?? `${import.meta.env.BASE_URL}deployment.json`;
  let raw: Record<string, unknown>;
  try {
    const res = await fetch(url, { cache: "no-store" });
    if (!res.ok) throw new DeploymentError(`${url} answered ${res.status}`);
    raw = await res.json();
  } catch (error) {
    throw new DeploymentError(
      `No deployment file at ${url}. Run \`npm run dev\` for a local chain, or write deployment.json for your chain (docs/dapp.md). (${(error as Error).message})`,
    );
  }
  const contracts = raw.contracts as Deployment["contracts"] | undefined;
  if (!contracts || !contracts.recognition || !contracts.ledger) throw new DeploymentError(`${url} has no "contracts" addresses`);
  const chainId = Number(import.meta.env.VITE_CHAIN_ID ?? raw.chainId);
  const rpcUrl = String(import.meta.env.VITE_RPC_URL ?? raw.rpcUrl);
  if (!Number.isInteger(chainId) || chainId <= 0) throw new DeploymentError(`invalid chain id ${chainId}`);
  return {
    chainId,
    rpcUrl,
    fromBlock: BigInt(String(raw.fromBlock ?? "0")),
    contracts,
    names: (raw.names as Record<string, string>) ?? {},
    local: raw.local === true && chainId === 31337,
    devAccounts: Array.isArray(raw.devAccounts) ? (raw.devAccounts as Deployment["devAccounts"]) : [],
  };
}

export { nameOf, shortAddress } from "../lib/names.js";
