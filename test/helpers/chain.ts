/** A full deployment (five contracts) on the embedded chain, with SDK clients for each account. */
import { network } from "hardhat";
import type { PublicClient } from "viem";
import type { ChainClients } from "../../sdk/chain/index.js";
import { deployContracts } from "../../sdk/chain/deploy.js";

export const ROUND_LENGTH = 3600n;

export async function deployFreeAssociation() {
  const { viem, networkHelpers } = await network.create();
  const publicClient = (await viem.getPublicClient()) as unknown as PublicClient;
  const wallets = await viem.getWalletClients();
  // Round 1 opens one round length from now: declarations made before `nextRound()` are in its snapshot.
  const start = BigInt(await networkHelpers.time.latest()) + ROUND_LENGTH;
  // The SDK's one deploy path, as the CLI, the demo and the dapp's dev server use it.
  const { contracts, fromBlock } = await deployContracts(
    { publicClient, walletClient: wallets[0] as unknown as ChainClients["walletClient"] },
    { roundLength: ROUND_LENGTH, start },
  );
  const [recognition, capacities, needs, rounds, ledger] = await Promise.all([
    viem.getContractAt("RecognitionRegistry", contracts.recognition),
    viem.getContractAt("CapacityRegistry", contracts.capacities),
    viem.getContractAt("NeedRegistry", contracts.needs),
    viem.getContractAt("Rounds", contracts.rounds),
    viem.getContractAt("AllocationLedger", contracts.ledger),
  ]);
  /** SDK clients acting as wallet `i`. */
  const as = (i: number): ChainClients => ({ publicClient, walletClient: wallets[i] as unknown as ChainClients["walletClient"] });
  /** Lets the chain's clock reach the next round's scheduled opening (one block mined then); nobody opens it. */
  async function nextRound() {
    await networkHelpers.time.increaseTo(await rounds.read.nextOpenTime());
    return rounds.read.currentRound();
  }
  const addressOf = (i: number) => wallets[i].account.address.toLowerCase() as `0x${string}`;
  return { viem, networkHelpers, publicClient, wallets, contracts, fromBlock, start, as, addressOf, nextRound, recognition, capacities, needs, rounds, ledger };
}
