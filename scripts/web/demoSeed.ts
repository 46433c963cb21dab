/**
 * The demo data for `npm run dev`: examples/cyclone.json put on the local node by the demo's
 * `seedDemo` (one deterministic key per organization). The node then impersonates every
 * organization, so the dapp's dev-account connector can send transactions as any of them
 * (impersonated accounts cannot sign typed data: use the small seed's Hardhat accounts for that).
 */
import { readFile } from "node:fs/promises";
import { createPublicClient, createWalletClient, http, type Address, type PublicClient } from "viem";
import type { LocalAccount } from "viem/accounts";
import { parseScenario } from "../../sdk/core/scenario.js";
import { seedDemo } from "../demo/seed.js";
import { cyclonePlan } from "../demo/plan.js";
import { localChain, type Deployment } from "./deploy.js";

export interface DevAccount { address: Address; name: string }

export async function seedCyclone(deployment: Deployment): Promise<DevAccount[]> {
  const chain = localChain(deployment.chainId, deployment.rpcUrl);
  const transport = http(deployment.rpcUrl);
  const publicClient = createPublicClient({ chain, transport }) as PublicClient;
  const scenario = parseScenario(JSON.parse(await readFile(new URL("../../examples/cyclone.json", import.meta.url), "utf8")));
  const seeded = await seedDemo(
    {
      publicClient,
      walletFor: (account: LocalAccount) => createWalletClient({ account, chain, transport }),
      fund: async (address: Address) => {
        await publicClient.request({ method: "hardhat_setBalance", params: [address, "0x56bc75e2d63100000"] } as never);
      },
    },
    deployment.contracts,
    scenario,
    { kinds: cyclonePlan.kinds },
  );
  const accounts: DevAccount[] = [];
  for (const o of seeded.organizations) {
    await publicClient.request({ method: "hardhat_impersonateAccount", params: [o.address] } as never);
    accounts.push({ address: o.address, name: o.name });
  }
  return accounts;
}
