/**
 * wagmi configuration for the deployment's chain: injected wallets everywhere, and on the local
 * Hardhat chain only a dev-account connector per account the deployment file lists (the node holds
 * their keys or impersonates them; nothing here is a secret or usable on a real chain).
 */
import { createConfig, createConnector, http } from "wagmi";
import { injected, mock } from "wagmi/connectors";
import { defineChain, type Address } from "viem";
import type { Deployment } from "./chain/deployment.js";

export function chainOf(d: Deployment) {
  return defineChain({
    id: d.chainId,
    name: d.local ? "Local Hardhat" : `Chain ${d.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [d.rpcUrl] } },
  });
}

/** A connector the local node signs or sends for; named so nobody mistakes it for a real wallet. */
function devAccount(address: Address, index: number, label: string) {
  const base = mock({ accounts: [address], features: { reconnect: true } });
  return createConnector((config) => ({
    ...base(config),
    id: `dev-${index + 1}`,
    name: `Dev account #${index + 1} · ${label}`,
    type: "dev-account",
  }));
}

export function wagmiConfig(d: Deployment) {
  const chain = chainOf(d);
  const dev = d.local ? d.devAccounts.map((a, i) => devAccount(a.address, i, a.name)) : [];
  return createConfig({
    chains: [chain],
    connectors: [injected({ shimDisconnect: true }), ...dev],
    transports: { [chain.id]: http(d.rpcUrl) },
    multiInjectedProviderDiscovery: true,
  });
}
