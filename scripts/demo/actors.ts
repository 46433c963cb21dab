/**
 * The demo's organizations as signing actors. An EOA actor sends its own transactions; a Safe actor
 * (ERC-1271) never sends: its owners sign the action's EIP-712 digest and a relayer submits it
 * (`xxxBySig`). Both go through sdk/chain's generic send / sign / relay, so every action the demo
 * takes is one the SDK offers to any user.
 */
import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from "viem";
import type { ChainClients, ContractAddresses } from "../../sdk/chain/index.js";
import { relayAction, sendAction, signAction, type ActionReceipt } from "../../sdk/chain/actions/send.js";
import type { ActionName, ActionParams } from "../../sdk/chain/actions/specs.js";
import { safeSigner, walletSigner, type ActionSigner } from "../../sdk/chain/signers.js";

export type AccountWallet = WalletClient<Transport, Chain | undefined, Account>;

export interface Actor {
  /** On-chain address (the EOA, or the Safe). */
  readonly address: Address;
  readonly safe: boolean;
  /** Clients for the SDK's one-call helpers (commitRound, …): the EOA's own wallet; undefined for a Safe. */
  readonly clients?: ChainClients;
  /** Sends `action` as this organization: directly (EOA) or signed by the Safe's owners and relayed. */
  act<A extends ActionName>(action: A, params: ActionParams[A]): Promise<ActionReceipt>;
}

/** An organization with its own key: direct transactions. */
export function eoaActor(publicClient: PublicClient, walletClient: AccountWallet, contracts: ContractAddresses): Actor {
  const clients: ChainClients = { publicClient: publicClient as ChainClients["publicClient"], walletClient };
  return {
    address: walletClient.account.address.toLowerCase() as Address,
    safe: false,
    clients,
    act: (action, params) => sendAction(clients, contracts, action, params),
  };
}

/** An organization that is a Safe: `owners` (≥ threshold) sign, `relayer` submits and pays gas. */
export function safeActor(
  publicClient: PublicClient,
  safe: Address,
  chainId: number,
  owners: readonly AccountWallet[],
  relayer: AccountWallet,
  contracts: ContractAddresses,
): Actor {
  const signer: ActionSigner = safeSigner({ safe, chainId, owners: owners.map((o) => walletSigner(o)) });
  const relayClients: ChainClients = { publicClient: publicClient as ChainClients["publicClient"], walletClient: relayer };
  return {
    address: safe.toLowerCase() as Address,
    safe: true,
    async act(action, params) {
      const signed = await signAction(publicClient, signer, contracts, action, params);
      return relayAction(relayClients, contracts, signed);
    },
  };
}
