/** Contract ABIs: the SDK's (sdk/chain/abi.ts, generated from the compiled artifacts). */
import type { Abi } from "viem";
import { abis } from "../../../sdk/chain/index.js";

export const recognitionAbi = abis.recognition as Abi;
export const capacitiesAbi = abis.capacities as Abi;
export const needsAbi = abis.needs as Abi;
export const roundsAbi = abis.rounds as Abi;
export const ledgerAbi = abis.ledger as Abi;

/** Every contract ABI, for decoding a revert whichever contract raised it. */
export const allAbis: Abi = [...recognitionAbi, ...capacitiesAbi, ...needsAbi, ...roundsAbi, ...ledgerAbi];
