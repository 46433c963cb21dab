/**
 * The dapp's deployment config for a local node (`npm run dev`, the end-to-end test): the contracts,
 * deployed by the SDK's `deployContracts` with the node's first (unlocked) account, plus what the dapp
 * needs locally (RPC URL, display names, dev accounts).
 */
import { createPublicClient, createWalletClient, defineChain, http, type Address, type Chain, type PublicClient } from "viem";
import { deployContracts as deploySdk } from "../../sdk/chain/deploy.js";

export interface Deployment {
  chainId: number;
  rpcUrl: string;
  /** Block the contracts were deployed in: log reads start here. */
  fromBlock: string;
  contracts: { recognition: Address; capacities: Address; needs: Address; rounds: Address; ledger: Address };
  /** Display names of known organizations (local demo only; the chain knows addresses only). */
  names: Record<string, string>;
  /** True on a local development chain: the dapp offers the dev-account connector only then. */
  local: boolean;
  /** Accounts the local node signs or sends for (the dev-account connector lists them). */
  /** `signs: false`: the node impersonates the account (sends for it) but holds no key to sign typed data. */
  devAccounts: { address: Address; name: string; signs?: boolean }[];
}

/** The viem chain of a local node (the scripts' wallets send with it; viem needs one to send). */
export function localChain(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: "Local node",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/**
 * Deploys the five contracts with account 0 of the node at `rpcUrl` (unlocked on a local node) through
 * the SDK's one deploy path (`deployContracts`). Round 1 opens at `start`, by default one round length
 * after the latest block's time (the SDK's `defaultRoundStart`, as `fa deploy`).
 */
export async function deployContracts(rpcUrl: string, roundLength: bigint, start?: bigint): Promise<Deployment> {
  const transport = http(rpcUrl);
  const probe = createPublicClient({ transport });
  const chainId = await probe.getChainId();
  const chain = localChain(chainId, rpcUrl);
  const publicClient = createPublicClient({ chain, transport }) as PublicClient;
  const [deployer] = await createWalletClient({ transport }).getAddresses();
  const walletClient = createWalletClient({ chain, transport, account: deployer });
  const deployed = await deploySdk({ publicClient, walletClient }, { roundLength, start });
  return {
    chainId,
    rpcUrl,
    fromBlock: deployed.fromBlock.toString(),
    contracts: deployed.contracts,
    names: {},
    local: true,
    devAccounts: [],
  };
}
