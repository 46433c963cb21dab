/**
 * Every write the dapp makes, from sdk/chain's action table (`actionSpecs`, `typedDataOf`): the direct
 * call, and the same action as an EIP-712 message plus the `…BySig` call that relays it.
 */
import type { Address, Hex, PublicClient } from "viem";
import { abis, actionNonce, actionSpecs, typedDataOf, type ActionName, type ActionParams, type CapacityTerms, type NeedTerms } from "../../../sdk/chain/index.js";
import type { ContractCall, SignedVariant } from "../actions.js";
import type { Deployment } from "./deployment.js";

export interface Action {
  readonly call: ContractCall;
  readonly signed: SignedVariant;
}

export function action<A extends ActionName>(d: Deployment, name: A, params: ActionParams[A]): Action {
  const spec = actionSpecs[name];
  const address = d.contracts[spec.contract];
  const abi = abis[spec.contract] as ContractCall["abi"];
  const { domain, types } = typedDataOf(name, d.chainId, address);
  return {
    call: { address, abi, functionName: spec.functionName, args: spec.direct(params) },
    signed: {
      domain,
      types,
      primaryType: name,
      message: spec.message(params),
      nonceOf: (client: PublicClient, signer: Address) => actionNonce(client, d.contracts, name, signer, params),
      relay: (signer: Address, deadline: bigint, signature: Hex) => ({
        address,
        abi,
        functionName: spec.bySigFunctionName,
        args: [signer, ...spec.relayed(params), deadline, signature],
      }),
    },
  };
}

export const setRecognition = (d: Deployment, recipients: Address[], points: bigint[]) => action(d, "SetRecognition", { recipients, points });
export const revokeRecognition = (d: Deployment, recipient: Address) => action(d, "RevokeRecognition", { recipient });
export const revokeAllRecognition = (d: Deployment) => action(d, "RevokeAllRecognition", {});
export const declareCapacity = (d: Deployment, capacity: CapacityTerms) => action(d, "DeclareCapacity", { capacity });
export const updateCapacity = (d: Deployment, capacityId: bigint, capacity: CapacityTerms) => action(d, "UpdateCapacity", { capacityId, capacity });
export const revokeCapacity = (d: Deployment, capacityId: bigint) => action(d, "RevokeCapacity", { capacityId });
export const declareNeed = (d: Deployment, need: NeedTerms) => action(d, "DeclareNeed", { need });
export const updateNeed = (d: Deployment, needId: bigint, need: NeedTerms) => action(d, "UpdateNeed", { needId, need });
export const revokeNeed = (d: Deployment, needId: bigint) => action(d, "RevokeNeed", { needId });
// Ledger actions name the commitment version they target (Commit: the version it creates).
export const commit = (d: Deployment, round: bigint, capacityId: bigint, version: bigint, root: Hex, total: bigint, protocolId: Hex) =>
  action(d, "Commit", { round, capacityId, version, root, total, protocolId });
export const withdraw = (d: Deployment, round: bigint, capacityId: bigint, version: bigint) => action(d, "Withdraw", { round, capacityId, version });
export const recordDelivery = (d: Deployment, round: bigint, capacityId: bigint, version: bigint, needId: bigint, recipient: Address, leafAmount: bigint, proof: Hex[], amount: bigint) =>
  action(d, "RecordDelivery", { round, capacityId, version, needId, recipient, leafAmount, proof, amount });
export const confirmReceipt = (d: Deployment, round: bigint, capacityId: bigint, version: bigint, needId: bigint, amount: bigint) =>
  action(d, "ConfirmReceipt", { round, capacityId, version, needId, amount });
