/**
 * Contract ABIs, taken from Hardhat's compiled artifacts (only the `abi` field is bundled).
 * When sdk/chain/abi.ts lands, these re-exports switch to it.
 */
import type { Abi } from "viem";
import { abi as recognition } from "../../../artifacts/contracts/RecognitionRegistry.sol/RecognitionRegistry.json";
import { abi as capacities } from "../../../artifacts/contracts/CapacityRegistry.sol/CapacityRegistry.json";
import { abi as needs } from "../../../artifacts/contracts/NeedRegistry.sol/NeedRegistry.json";
import { abi as rounds } from "../../../artifacts/contracts/Rounds.sol/Rounds.json";
import { abi as ledger } from "../../../artifacts/contracts/AllocationLedger.sol/AllocationLedger.json";

export const recognitionAbi = recognition as Abi;
export const capacitiesAbi = capacities as Abi;
export const needsAbi = needs as Abi;
export const roundsAbi = rounds as Abi;
export const ledgerAbi = ledger as Abi;

/** Every contract ABI, for decoding a revert whichever contract raised it. */
export const allAbis: Abi = [...recognitionAbi, ...capacitiesAbi, ...needsAbi, ...roundsAbi, ...ledgerAbi];
