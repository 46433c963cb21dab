/**
 * Every write the dapp makes, as a direct call plus its EIP-712 variant (the `…BySig` function
 * takes the signer first and the deadline and signature last; its other arguments are the direct
 * call's, with the round added for `commit`). Typed data comes from sdk/chain.
 */
import type { Abi, Address, Hex } from "viem";
import { registryActions, registryDomain, type RegistryActionName } from "../../../sdk/chain/typedData.js";
import { ledgerDomain, ledgerTypes, type LedgerAction } from "../../../sdk/chain/ledgerTypedData.js";
import type { ContractCall, SignedVariant } from "../actions.js";
import { capacitiesAbi, ledgerAbi, needsAbi, recognitionAbi } from "./abi.js";
import type { Deployment } from "./deployment.js";

export interface Action {
  readonly call: ContractCall;
  readonly signed: SignedVariant;
}

function build(
  address: Address,
  abi: Abi,
  functionName: string,
  args: readonly unknown[],
  typed: Omit<SignedVariant, "relay" | "nonceContract">,
  bySigArgs: readonly unknown[] = args,
): Action {
  return {
    call: { address, abi, functionName, args },
    signed: {
      ...typed,
      nonceContract: address,
      relay: (signer: Address, deadline: bigint, signature: Hex) => ({
        address,
        abi,
        functionName: `${functionName}BySig`,
        args: [signer, ...bySigArgs, deadline, signature],
      }),
    },
  };
}

function registry(d: Deployment, action: RegistryActionName, functionName: string, args: readonly unknown[], message: Record<string, unknown>): Action {
  const spec = registryActions[action];
  const address = d.contracts[spec.registry];
  const abi = spec.registry === "recognition" ? recognitionAbi : spec.registry === "capacities" ? capacitiesAbi : needsAbi;
  return build(address, abi, functionName, args, {
    domain: registryDomain(spec.registry, d.chainId, address),
    types: spec.types as SignedVariant["types"],
    primaryType: action,
    message,
  });
}

function ledger(d: Deployment, action: LedgerAction, functionName: string, args: readonly unknown[], message: Record<string, unknown>, bySigArgs?: readonly unknown[]): Action {
  return build(d.contracts.ledger, ledgerAbi, functionName, args, {
    domain: ledgerDomain(d.chainId, d.contracts.ledger),
    types: { [action]: ledgerTypes[action] } as SignedVariant["types"],
    primaryType: action,
    message,
  }, bySigArgs);
}

export const setRecognition = (d: Deployment, recipients: Address[], points: bigint[]) =>
  registry(d, "SetRecognition", "setRecognition", [recipients, points], { recipients, points });
export const revokeRecognition = (d: Deployment, recipient: Address) =>
  registry(d, "RevokeRecognition", "revokeRecognition", [recipient], { recipient });
export const revokeAllRecognition = (d: Deployment) => registry(d, "RevokeAllRecognition", "revokeAllRecognition", [], {});

export interface CapacityInput {
  sector: Hex; unit: Hex; quantity: bigint; windowStart: bigint; windowEnd: bigint; location: Hex;
  filterMode: number; filterList: Address[]; minUnit: bigint; recurring: boolean;
}
export interface NeedInput { sector: Hex; unit: Hex; quantity: bigint; windowStart: bigint; windowEnd: bigint; location: Hex }

export const declareCapacity = (d: Deployment, input: CapacityInput) =>
  registry(d, "DeclareCapacity", "declareCapacity", [input], { capacity: input });
export const updateCapacity = (d: Deployment, id: bigint, input: CapacityInput) =>
  registry(d, "UpdateCapacity", "updateCapacity", [id, input], { capacityId: id, capacity: input });
export const revokeCapacity = (d: Deployment, id: bigint) => registry(d, "RevokeCapacity", "revokeCapacity", [id], { capacityId: id });
export const declareNeed = (d: Deployment, input: NeedInput) => registry(d, "DeclareNeed", "declareNeed", [input], { need: input });
export const updateNeed = (d: Deployment, id: bigint, input: NeedInput) =>
  registry(d, "UpdateNeed", "updateNeed", [id, input], { needId: id, need: input });
export const revokeNeed = (d: Deployment, id: bigint) => registry(d, "RevokeNeed", "revokeNeed", [id], { needId: id });

export const commit = (d: Deployment, round: bigint, capacityId: bigint, root: Hex, total: bigint, protocolId: Hex) =>
  ledger(d, "Commit", "commit", [capacityId, root, total, protocolId], { round, capacityId, root, total, protocolId }, [round, capacityId, root, total, protocolId]);
export const withdraw = (d: Deployment, round: bigint, capacityId: bigint) =>
  ledger(d, "Withdraw", "withdraw", [round, capacityId], { round, capacityId });
export const recordDelivery = (d: Deployment, round: bigint, capacityId: bigint, needId: bigint, recipient: Address, leafAmount: bigint, proof: Hex[], amount: bigint) =>
  ledger(d, "RecordDelivery", "recordDelivery", [round, capacityId, needId, recipient, leafAmount, proof, amount], { round, capacityId, needId, recipient, leafAmount, amount });
export const confirmReceipt = (d: Deployment, round: bigint, capacityId: bigint, needId: bigint, amount: bigint) =>
  ledger(d, "ConfirmReceipt", "confirmReceipt", [round, capacityId, needId, amount], { round, capacityId, needId, amount });
