/** Opening a round: permissionless, no signature needed (anyone may call once the previous round ran its length). */
import type { ChainClients, ContractAddresses } from "../types.js";
import { abis } from "../contracts.js";
import { ChainError } from "../errors.js";

/** Opens the next round; returns its number and snapshot block. */
export async function openRound(clients: ChainClients, options: { contracts: ContractAddresses }) {
  const wallet = clients.walletClient;
  if (wallet === undefined) throw new ChainError("NO_ACCOUNT", "a wallet client with an account is needed to send transactions");
  const hash = await wallet.writeContract({
    address: options.contracts.rounds,
    abi: abis.rounds,
    functionName: "openRound",
    account: wallet.account,
    chain: wallet.chain,
  });
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  const [opened] = (await clients.publicClient.getContractEvents({
    address: options.contracts.rounds,
    abi: abis.rounds,
    eventName: "RoundOpened",
    fromBlock: receipt.blockNumber,
    toBlock: receipt.blockNumber,
  })) as unknown as { args: { round: bigint; openedAt: bigint; snapshotBlock: bigint } }[];
  return { hash, receipt, round: opened.args.round, openedAt: BigInt(opened.args.openedAt), snapshotBlock: BigInt(opened.args.snapshotBlock) };
}
