/**
 * Typed errors of the chain layer (short message + machine-readable details) and `describeError`,
 * which turns any viem error (a contract's custom revert included) into one plain line.
 */
import { BaseError, ContractFunctionRevertedError } from "viem";

export type ChainErrorCode =
  | "RPC_UNREACHABLE"
  | "RPC_FAILED"
  | "NO_CONTRACT"
  | "WRONG_CHAIN"
  | "STATE_MISMATCH"
  | "ROUND_NOT_OPENED"
  | "NO_ACCOUNT"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "WRONG_ROUND"
  | "SNAPSHOT_NOT_FINAL";

export class ChainError extends Error {
  override readonly name = "ChainError";
  constructor(
    readonly code: ChainErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

function formatValue(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (typeof value === "string") return value;
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** `ErrorName(arg, arg)` of a decoded custom revert, or undefined when `error` holds none. */
export function revertName(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined;
  const data = reverted.data;
  if (data !== undefined) return `${data.errorName}(${(data.args ?? []).map(formatValue).join(", ")})`;
  return reverted.reason !== undefined ? `reverted: ${reverted.reason}` : undefined;
}

/** One plain line for any error: the decoded custom error, viem's short message, or the message. */
export function describeError(error: unknown): string {
  const reverted = revertName(error);
  if (reverted !== undefined) return `transaction reverted: ${reverted}`;
  if (error instanceof ChainError) {
    const details = Object.entries(error.details)
      .map(([k, v]) => `${k}=${formatValue(v)}`)
      .join(" ");
    return details === "" ? error.message : `${error.message} (${details})`;
  }
  if (error instanceof BaseError) return error.shortMessage;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0];
}
