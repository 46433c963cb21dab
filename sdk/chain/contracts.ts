/** The ABI of each contract of a deployment, keyed like ContractAddresses. */
import { allocationLedgerAbi, capacityRegistryAbi, needRegistryAbi, recognitionRegistryAbi, roundsAbi } from "./abi.js";

export const abis = {
  recognition: recognitionRegistryAbi,
  capacities: capacityRegistryAbi,
  needs: needRegistryAbi,
  rounds: roundsAbi,
  ledger: allocationLedgerAbi,
} as const;

export type ContractName = keyof typeof abis;

export const CONTRACT_NAMES = ["recognition", "capacities", "needs", "rounds", "ledger"] as const satisfies readonly ContractName[];

/** Artifact (Solidity) name of each contract. */
export const ARTIFACT_NAMES = {
  recognition: "RecognitionRegistry",
  capacities: "CapacityRegistry",
  needs: "NeedRegistry",
  rounds: "Rounds",
  ledger: "AllocationLedger",
} as const satisfies Record<ContractName, string>;
