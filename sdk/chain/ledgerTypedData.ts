/**
 * EIP-712 typed-data definitions for the AllocationLedger's relayed actions (`xxxBySig`).
 * They mirror the contract's public `*_TYPE` strings field for field; a test checks the
 * type hashes against the deployed contract. Use with viem's `signTypedData` /
 * `verifyTypedData`, e.g.
 *   signTypedData({ domain: ledgerDomain(chainId, ledger), types: ledgerTypes,
 *                   primaryType: "Commit", message })
 * Pure data: no chain access, runs in Node and the browser.
 */
import type { Address } from "viem";

/** EIP-712 domain name of the AllocationLedger. */
export const LEDGER_DOMAIN_NAME = "FreeAssociation.Ledger";
/** EIP-712 domain version of the AllocationLedger. */
export const LEDGER_DOMAIN_VERSION = "1";

/** The ledger's EIP-712 domain on chain `chainId` at address `verifyingContract`. */
export function ledgerDomain(chainId: number | bigint, verifyingContract: Address) {
  return {
    name: LEDGER_DOMAIN_NAME,
    version: LEDGER_DOMAIN_VERSION,
    chainId: BigInt(chainId),
    verifyingContract,
  } as const;
}

/**
 * Typed-data types of every relayed ledger action. Like the registries' actions, each names its signer
 * first (so a wallet shows who acts) and ends with the signer's `nonces(signer)` and a deadline. Each
 * names the commitment version it targets (Commit: the version it creates), so a signature made for one
 * version never lands on another.
 */
export const ledgerTypes = {
  Commit: [
    { name: "signer", type: "address" },
    { name: "round", type: "uint256" },
    { name: "capacityId", type: "uint256" },
    { name: "version", type: "uint256" },
    { name: "root", type: "bytes32" },
    { name: "total", type: "uint256" },
    { name: "protocolId", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  Withdraw: [
    { name: "signer", type: "address" },
    { name: "round", type: "uint256" },
    { name: "capacityId", type: "uint256" },
    { name: "version", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  RecordDelivery: [
    { name: "signer", type: "address" },
    { name: "round", type: "uint256" },
    { name: "capacityId", type: "uint256" },
    { name: "version", type: "uint256" },
    { name: "needId", type: "uint256" },
    { name: "recipient", type: "address" },
    { name: "leafAmount", type: "uint256" },
    { name: "amount", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  ConfirmReceipt: [
    { name: "signer", type: "address" },
    { name: "round", type: "uint256" },
    { name: "capacityId", type: "uint256" },
    { name: "version", type: "uint256" },
    { name: "needId", type: "uint256" },
    { name: "amount", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  Attest: [
    { name: "signer", type: "address" },
    { name: "round", type: "uint256" },
    { name: "capacityId", type: "uint256" },
    { name: "version", type: "uint256" },
    { name: "matches", type: "bool" },
    { name: "reportHash", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** Name of one relayed ledger action (an EIP-712 primary type). */
export type LedgerAction = keyof typeof ledgerTypes;

/** Message of a `Commit` signature; `round` must be the current round when relayed. */
export interface CommitMessage {
  signer: Address;
  round: bigint;
  capacityId: bigint;
  root: `0x${string}`;
  total: bigint;
  protocolId: `0x${string}`;
  nonce: bigint;
  deadline: bigint;
}

export interface WithdrawMessage {
  signer: Address;
  round: bigint;
  capacityId: bigint;
  nonce: bigint;
  deadline: bigint;
}

/** Message of a `RecordDelivery` signature. The Merkle proof is public data and not signed. */
export interface RecordDeliveryMessage {
  signer: Address;
  round: bigint;
  capacityId: bigint;
  needId: bigint;
  recipient: Address;
  leafAmount: bigint;
  amount: bigint;
  nonce: bigint;
  deadline: bigint;
}

export interface ConfirmReceiptMessage {
  signer: Address;
  round: bigint;
  capacityId: bigint;
  needId: bigint;
  amount: bigint;
  nonce: bigint;
  deadline: bigint;
}

export interface AttestMessage {
  signer: Address;
  round: bigint;
  capacityId: bigint;
  matches: boolean;
  reportHash: `0x${string}`;
  nonce: bigint;
  deadline: bigint;
}

/** Solidity type string of `action`, as the contract's public `*_TYPE` constant spells it. */
export function ledgerTypeString(action: LedgerAction): string {
  const fields = ledgerTypes[action].map((f) => `${f.type} ${f.name}`).join(",");
  return `${action}(${fields})`;
}
