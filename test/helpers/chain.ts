/** A full deployment (five contracts) on the embedded chain, with SDK clients for each account. */
import { network } from "hardhat";
import type { PublicClient } from "viem";
import type { ChainClients, ContractAddresses } from "../../sdk/chain/index.js";

export const ROUND_LENGTH = 3600n;

export async function deployFreeAssociation() {
  const { viem, networkHelpers } = await network.create();
  const publicClient = (await viem.getPublicClient()) as unknown as PublicClient;
  const wallets = await viem.getWalletClients();
  const fromBlock = await publicClient.getBlockNumber();
  const recognition = await viem.deployContract("RecognitionRegistry");
  const capacities = await viem.deployContract("CapacityRegistry");
  const needs = await viem.deployContract("NeedRegistry");
  // Round 1 opens one round length from now: declarations made before `nextRound()` are in its snapshot.
  const start = BigInt(await networkHelpers.time.latest()) + ROUND_LENGTH;
  const rounds = await viem.deployContract("Rounds", [start, ROUND_LENGTH]);
  const ledger = await viem.deployContract("AllocationLedger", [rounds.address, capacities.address, needs.address]);
  const contracts: ContractAddresses = {
    recognition: recognition.address.toLowerCase() as `0x${string}`,
    capacities: capacities.address.toLowerCase() as `0x${string}`,
    needs: needs.address.toLowerCase() as `0x${string}`,
    rounds: rounds.address.toLowerCase() as `0x${string}`,
    ledger: ledger.address.toLowerCase() as `0x${string}`,
  };
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
