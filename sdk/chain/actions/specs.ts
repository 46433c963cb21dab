/**
 * Every action of the registries and the ledger, described once: which contract, which function for
 * a direct transaction, which `xxxBySig` for a relayed signature, and how the action's parameters map
 * onto the EIP-712 message and onto each function's arguments. `send`, `sign` and `relay` (send.ts,
 * sign.ts) are generic over this table; the named functions (recognition.ts, …) are typed wrappers.
 */
import type { Hex } from "viem";
import type { Address } from "../types.js";
import type { ContractName } from "../contracts.js";
import { encodeCapacityTerms, encodeNeedTerms, type CapacityTerms, type NeedTerms } from "../inputs.js";
import { registryActions, registryDomain } from "../typedData.js";
import { ledgerDomain, ledgerTypes } from "../ledgerTypedData.js";

/** Parameters of each action (what the user decides; signer, nonce and deadline are added by sign). */
export interface ActionParams {
  SetRecognition: { recipients: readonly Address[]; points: readonly bigint[] };
  SetRecognitionEntry: { recipient: Address; points: bigint };
  RevokeRecognition: { recipient: Address };
  RevokeAllRecognition: Record<never, never>;
  DeclareCapacity: { capacity: CapacityTerms };
  UpdateCapacity: { capacityId: bigint; capacity: CapacityTerms };
  UpdateCapacityQuantity: { capacityId: bigint; quantity: bigint };
  RevokeCapacity: { capacityId: bigint };
  DeclareNeed: { need: NeedTerms };
  UpdateNeed: { needId: bigint; need: NeedTerms };
  UpdateNeedQuantity: { needId: bigint; quantity: bigint };
  RevokeNeed: { needId: bigint };
  /**
   * `round` is signed (a relayed commit only counts in that round); a direct commit uses the current round.
   * `version` is the version the commit creates (default: the next one, read from the ledger).
   */
  Commit: { round: bigint; capacityId: bigint; root: Hex; total: bigint; protocolId: Hex; version?: bigint };
  /** `version` (signed only): the live version it withdraws (default: the latest). */
  Withdraw: { round: bigint; capacityId: bigint; version?: bigint };
  /** `version`: the live version delivered against (default: the latest). */
  RecordDelivery: { round: bigint; capacityId: bigint; version?: bigint; needId: bigint; recipient: Address; leafAmount: bigint; proof: readonly Hex[]; amount: bigint };
  /** `version`: the version whose leaf is confirmed, withdrawn ones included (default: the latest). */
  ConfirmReceipt: { round: bigint; capacityId: bigint; version?: bigint; needId: bigint; amount: bigint };
  /** `version`: the version judged (default: the latest). */
  Attest: { round: bigint; capacityId: bigint; version?: bigint; matches: boolean; reportHash: Hex };
}

/** Ledger actions whose `version` defaults from the ledger: "next" for Commit, "latest" for the others. */
export const versionDefaults: { readonly [A in ActionName]?: "next" | "latest" } = {
  Commit: "next",
  Withdraw: "latest",
  RecordDelivery: "latest",
  ConfirmReceipt: "latest",
  Attest: "latest",
};

export type ActionName = keyof ActionParams;

interface Spec<A extends ActionName> {
  readonly contract: ContractName;
  readonly functionName: string;
  readonly bySigFunctionName: string;
  /** Message fields between `signer` and `nonce`, in the typed-data order. */
  message(p: ActionParams[A]): Record<string, unknown>;
  /** Arguments of the direct function. */
  direct(p: ActionParams[A]): readonly unknown[];
  /** Arguments of `xxxBySig` between `signer` and `deadline`. */
  relayed(p: ActionParams[A]): readonly unknown[];
}

const same = <A extends ActionName>(contract: ContractName, functionName: string, message: (p: ActionParams[A]) => Record<string, unknown>): Spec<A> => ({
  contract,
  functionName,
  bySigFunctionName: `${functionName}BySig`,
  message,
  direct: (p) => Object.values(message(p)),
  relayed: (p) => Object.values(message(p)),
});

export const actionSpecs: { readonly [A in ActionName]: Spec<A> } = {
  SetRecognition: same("recognition", "setRecognition", (p) => ({ recipients: [...p.recipients], points: [...p.points] })),
  SetRecognitionEntry: same("recognition", "setRecognitionEntry", (p) => ({ recipient: p.recipient, points: p.points })),
  RevokeRecognition: same("recognition", "revokeRecognition", (p) => ({ recipient: p.recipient })),
  RevokeAllRecognition: same("recognition", "revokeAllRecognition", () => ({})),
  DeclareCapacity: same("capacities", "declareCapacity", (p) => ({ capacity: encodeCapacityTerms(p.capacity) })),
  UpdateCapacity: same("capacities", "updateCapacity", (p) => ({ capacityId: p.capacityId, capacity: encodeCapacityTerms(p.capacity) })),
  UpdateCapacityQuantity: same("capacities", "updateCapacityQuantity", (p) => ({ capacityId: p.capacityId, quantity: p.quantity })),
  RevokeCapacity: same("capacities", "revokeCapacity", (p) => ({ capacityId: p.capacityId })),
  DeclareNeed: same("needs", "declareNeed", (p) => ({ need: encodeNeedTerms(p.need) })),
  UpdateNeed: same("needs", "updateNeed", (p) => ({ needId: p.needId, need: encodeNeedTerms(p.need) })),
  UpdateNeedQuantity: same("needs", "updateNeedQuantity", (p) => ({ needId: p.needId, quantity: p.quantity })),
  RevokeNeed: same("needs", "revokeNeed", (p) => ({ needId: p.needId })),
  Commit: {
    contract: "ledger",
    functionName: "commit",
    bySigFunctionName: "commitBySig",
    message: (p) => ({ round: p.round, capacityId: p.capacityId, version: p.version, root: p.root, total: p.total, protocolId: p.protocolId }),
    direct: (p) => [p.capacityId, p.root, p.total, p.protocolId],
    relayed: (p) => [p.round, p.capacityId, p.version, p.root, p.total, p.protocolId],
  },
  Withdraw: {
    contract: "ledger",
    functionName: "withdraw",
    bySigFunctionName: "withdrawBySig",
    message: (p) => ({ round: p.round, capacityId: p.capacityId, version: p.version }),
    direct: (p) => [p.round, p.capacityId],
    relayed: (p) => [p.round, p.capacityId, p.version],
  },
  RecordDelivery: {
    contract: "ledger",
    functionName: "recordDelivery",
    bySigFunctionName: "recordDeliveryBySig",
    message: (p) => ({ round: p.round, capacityId: p.capacityId, version: p.version, needId: p.needId, recipient: p.recipient, leafAmount: p.leafAmount, amount: p.amount }),
    direct: (p) => [{ round: p.round, capacityId: p.capacityId, version: p.version, needId: p.needId }, p.recipient, p.leafAmount, [...p.proof], p.amount],
    relayed: (p) => [{ round: p.round, capacityId: p.capacityId, version: p.version, needId: p.needId }, p.recipient, p.leafAmount, [...p.proof], p.amount],
  },
  ConfirmReceipt: same("ledger", "confirmReceipt", (p) => ({ round: p.round, capacityId: p.capacityId, version: p.version, needId: p.needId, amount: p.amount })),
  Attest: same("ledger", "attest", (p) => ({ round: p.round, capacityId: p.capacityId, version: p.version, matches: p.matches, reportHash: p.reportHash })),
};

/** EIP-712 domain and types of `action` for the contract at `verifyingContract`. */
export function typedDataOf(action: ActionName, chainId: number, verifyingContract: Address) {
  if (action in registryActions) {
    const { registry, types } = registryActions[action as keyof typeof registryActions];
    return { domain: registryDomain(registry, chainId, verifyingContract), types: types as Record<string, readonly { name: string; type: string }[]> };
  }
  const types = { [action]: ledgerTypes[action as keyof typeof ledgerTypes] };
  return { domain: ledgerDomain(chainId, verifyingContract), types: types as Record<string, readonly { name: string; type: string }[]> };
}
