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

/** Which dev account this browser tab was connected as, so a reload reconnects it (and only it). */
const DEV_SESSION = "fa.devAccount";

/** A connector the local node signs or sends for; named so nobody mistakes it for a real wallet. */
function devAccount(address: Address, index: number, label: string) {
  const base = mock({ accounts: [address], features: { reconnect: true } });
  const id = `dev-${index + 1}`;
  return createConnector((config) => {
    const inner = base(config);
    return {
      ...inner,
      id,
      name: `Dev account #${index + 1} · ${label}`,
      type: "dev-account",
      async connect(params) {
        const result = await inner.connect(params as never);
        sessionStorage.setItem(DEV_SESSION, id);
        return result as never;
      },
      async disconnect() {
        if (sessionStorage.getItem(DEV_SESSION) === id) sessionStorage.removeItem(DEV_SESSION);
        await inner.disconnect();
      },
      // The mock forgets its state on reload; this tab's session remembers it.
      async isAuthorized() {
        return sessionStorage.getItem(DEV_SESSION) === id;
      },
    };
  });
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
