/**
 * A small seed for the local chain until the demo's seedDemo lands: four organizations in Sofala
 * (Mozambique) with recognition, capacities and needs. Account #2 ("Buzi Shelter Network") is left
 * without signals of its own: the end-to-end test acts as it. Uses the node's unlocked accounts.
 */
import { createPublicClient, createWalletClient, http, stringToHex, type Address, type PublicClient } from "viem";
import { abis } from "../../sdk/chain/contracts.js";
import { writeAndWait } from "../../sdk/chain/gas.js";
import { localChain, type Deployment } from "./deploy.js";

/** Hardhat's default accounts #1..#5 (public test keys; never use them anywhere real). */
export const DEV_ACCOUNTS: readonly Address[] = [
  "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
  "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
];

export const DEV_NAMES: Record<string, string> = {
  [DEV_ACCOUNTS[0]]: "Sofala Water Trust",
  [DEV_ACCOUNTS[1]]: "Buzi Shelter Network",
  [DEV_ACCOUNTS[2]]: "Dondo Community Committee",
  [DEV_ACCOUNTS[3]]: "Beira Health Alliance",
  [DEV_ACCOUNTS[4]]: "Nhamatanda Relief",
};

const code = (s: string) => stringToHex(s, { size: 32 });
const ZERO32 = `0x${"00".repeat(32)}` as const;

export async function seedLocal(deployment: Deployment): Promise<void> {
  const chain = localChain(deployment.chainId, deployment.rpcUrl);
  const transport = http(deployment.rpcUrl);
  const publicClient = createPublicClient({ chain, transport }) as PublicClient;
  const [water, shelter, dondo, health, nhamatanda] = DEV_ACCOUNTS;

  // The SDK's one write path (estimate + checkpoint margin, receipt checked), as the node's unlocked accounts.
  const send = (account: Address, contract: "recognition" | "capacities" | "needs", functionName: string, args: unknown[]) =>
    writeAndWait(
      { publicClient, walletClient: createWalletClient({ account, chain, transport }) },
      { address: deployment.contracts[contract], abi: abis[contract], functionName, args },
      { seed: functionName, account },
    );
  const capacity = (sector: string, unit: string, quantity: bigint, location: string, recurring: boolean) => ({
    sector: code(sector), unit: code(unit), quantity, windowStart: 0n, windowEnd: 0n,
    location: location ? code(location) : ZERO32, filterMode: 0, filterList: [], minUnit: 0n, recurring,
  });
  const need = (sector: string, unit: string, quantity: bigint, location: string) => ({
    sector: code(sector), unit: code(unit), quantity, windowStart: 0n, windowEnd: 0n, location: code(location),
  });

  await send(water, "recognition", "setRecognition", [[shelter, dondo], [60n, 40n]]);
  await send(health, "recognition", "setRecognition", [[shelter, dondo, nhamatanda], [50n, 30n, 20n]]);
  await send(dondo, "recognition", "setRecognition", [[water, health], [70n, 30n]]);
  await send(nhamatanda, "recognition", "setRecognition", [[health], [100n]]);

  await send(water, "capacities", "declareCapacity", [capacity("WASH", "litre", 20_000n, "MZ-P", true)]);
  await send(health, "capacities", "declareCapacity", [capacity("Health", "kit", 300n, "MZ-P", false)]);

  await send(dondo, "needs", "declareNeed", [need("WASH", "litre", 8_000n, "MZ-P-01")]);
  await send(dondo, "needs", "declareNeed", [need("Health", "kit", 120n, "MZ-P-01")]);
  await send(nhamatanda, "needs", "declareNeed", [need("WASH", "litre", 6_000n, "MZ-P-03")]);
  await send(nhamatanda, "needs", "declareNeed", [need("Health", "kit", 90n, "MZ-P-03")]);
}
