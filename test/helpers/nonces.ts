/**
 * The keyed nonce a test signs, read from the contract the way a wallet does (sdk/chain/actions/nonce.ts):
 * `signatureNonce(signer, revocation, scope, target)` for the action's scope.
 */
import type { Address } from "viem";
import { nonceScopeOf, type LeafProgress } from "../../sdk/chain/actions/nonce.js";
import type { ActionName, ActionParams } from "../../sdk/chain/actions/specs.js";

interface SignatureNonces {
  read: { signatureNonce(args: readonly [Address, boolean, `0x${string}`, `0x${string}`]): Promise<bigint> };
}

/** The next nonce of `signer` for `action` with `params` in `contract` (`leaf`: deliveries and confirmations). */
export async function nonceFor<A extends ActionName>(
  contract: SignatureNonces,
  signer: Address,
  action: A,
  params: ActionParams[A] | Record<string, unknown>,
  leaf?: LeafProgress,
): Promise<bigint> {
  const { revocation, scope, target } = nonceScopeOf(action, params as ActionParams[A], leaf);
  return contract.read.signatureNonce([signer, revocation, scope, target]);
}

/** The sequence number of a keyed nonce (its low 64 bits): how many signatures its key has used. */
export const sequenceOf = (nonce: bigint): bigint => nonce & 0xffff_ffff_ffff_ffffn;
