/**
 * Turns anything a wallet, the RPC node or a contract throws into one sentence a person can act on,
 * plus the technical detail (decoded custom error with its values) for those who want it.
 */
import { BaseError, ContractFunctionRevertedError, HttpRequestError, UserRejectedRequestError, decodeErrorResult, type Hex } from "viem";
import { allAbis } from "./abi.js";

export interface HumanError {
  readonly title: string;
  readonly detail?: string;
}

/** What each custom error means for the person who hit it. */
const EXPLANATIONS: Record<string, (args: readonly unknown[]) => string> = {
  NoRoundOpen: () => "No round has opened yet — round 1 opens on schedule (see the Overview page).",
  CommitmentIsWithdrawn: (a) => `The round ${a[0]} commitment of capacity #${a[1]} is already withdrawn.`,
  AlreadyCommitted: (a) => `Capacity #${a[1]} is already committed for round ${a[0]}. Withdraw it first to commit again.`,
  ExceedsCapacity: (a) => `Committing ${a[1]} exceeds what capacity #${a[0]} has left (${a[2]}).`,
  NotProvider: (a) => `Only the provider of capacity #${a[0]} can do this (you are ${a[1]}).`,
  NotRecipient: (a) => `Only the recipient of need #${a[0]} can confirm receipt.`,
  NotNeedRecipient: (a) => `Need #${a[0]} belongs to ${a[2]}, not ${a[1]}.`,
  ExceedsLeafAmount: (a) => `That would deliver ${a[1]} in total to need #${a[0]}, more than its allocation of ${a[2]}.`,
  ExceedsDelivered: (a) => `You can confirm at most what was delivered: ${a[2]} for need #${a[0]} (asked ${a[1]}).`,
  InvalidProof: (a) => `The allocation leaf for need #${a[2]} is not in the committed root of capacity #${a[1]}.`,
  CapacityNotActive: (a) => `Capacity #${a[0]} was revoked or not yet declared at the round's snapshot (${new Date(Number(a[1]) * 1000).toLocaleString()}).`,
  NotCapacityProvider: (a) => `Capacity #${a[0]} belongs to ${a[2]}.`,
  NotNeedRecipientReg: (a) => `Need #${a[0]} belongs to ${a[2]}.`,
  ZeroAmount: () => "The amount must be greater than zero.",
  ZeroQuantity: () => "The quantity must be greater than zero.",
  InvalidWindow: () => "The time window must end after it starts.",
  InvalidSector: () => "The sector code is not valid (1–32 printable characters, no spaces).",
  InvalidUnit: () => "The unit code is not valid (1–32 printable characters, no spaces).",
  InvalidLocation: () => "The location code is not valid (1–32 printable characters, no spaces).",
  DuplicateRecipient: (a) => `Partner ${a[1]} appears twice.`,
  ZeroPoints: (a) => `Partner ${a[1]} has 0 points; remove the row instead.`,
  RecognitionNotFound: (a) => `You do not recognize ${a[1]}.`,
  TooManyRecognitionEntries: (a) => `At most ${a[1]} partners per organization.`,
  SignatureExpired: () => "The signature's deadline has passed; sign again.",
  InvalidSignature: (a) => `The signature does not verify for ${a[0]} (wrong signer, already used, or for another chain).`,
};

export function humanError(error: unknown): HumanError {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError)) return { title: "You rejected the request in your wallet. Nothing was sent." };
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
    if (revert) {
      const decoded = revert.data ?? decodeRaw(revert.raw);
      if (decoded) {
        const args = decoded.args ?? [];
        const explain = EXPLANATIONS[decoded.errorName];
        return {
          title: explain ? `Transaction would revert: ${explain(args)}` : `Transaction would revert with ${decoded.errorName}.`,
          detail: `${decoded.errorName}(${args.map(String).join(", ")})`,
        };
      }
      return { title: `Transaction would revert: ${revert.reason ?? revert.shortMessage}` };
    }
    // Hardhat's answer to eth_signTypedData for an account it impersonates but holds no key for.
    if (/Unknown account/i.test(error.message)) {
      return {
        title: "The local node cannot sign for this account: it only impersonates it (it can send its transactions but holds no key). Use “Send transactions”, or a dev account whose key the node holds.",
        detail: error.shortMessage,
      };
    }
    if (error.walk((e) => e instanceof HttpRequestError)) {
      return { title: "The chain's RPC node does not answer. Is it running?", detail: error.shortMessage };
    }
    return { title: error.shortMessage, detail: error.details };
  }
  if (error instanceof Error) return { title: error.message };
  return { title: String(error) };
}

function decodeRaw(raw: Hex | undefined) {
  if (!raw) return undefined;
  try {
    return decodeErrorResult({ abi: allAbis, data: raw });
  } catch {
    return undefined;
  }
}
