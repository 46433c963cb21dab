/**
 * wagmi configuration for the deployment's chain: injected wallets everywhere, and on the local
 * Hardhat chain only a dev-account connector per Hardhat test account (the node holds their keys
 * and signs for them; nothing here is a secret or usable on a real chain).
 */
import { createConfig, createConnector, http } from "wagmi";
import { injected, mock } from "wagmi/connectors";
import { defineChain, type Address } from "viem";
import type { Deployment } from "./chain/deployment.js";

/** Hardhat's default test accounts #1..#5 (public; the local node signs for them). */
export const DEV_ACCOUNTS: readonly Address[] = [
  "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
  "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
];

export function chainOf(d: Deployment) {
  return defineChain({
    id: d.chainId,
    name: d.local ? "Local Hardhat" : `Chain ${d.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [d.rpcUrl] } },
  });
}

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
  const dev = d.local ? DEV_ACCOUNTS.map((a, i) => devAccount(a, i, d.names[a] ?? a)) : [];
  return createConfig({
    chains: [chain],
    connectors: [injected({ shimDisconnect: true }), ...dev],
    transports: { [chain.id]: http(d.rpcUrl) },
    multiInjectedProviderDiscovery: true,
  });
}
