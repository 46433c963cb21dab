/**
 * Retry with exponential backoff for RPC reads. Only transport faults are retried (HTTP errors,
 * timeouts, rate limits, "header not found" lag): a revert or a bad argument fails at once.
 */
import { BaseError, ContractFunctionRevertedError, HttpRequestError, RpcRequestError, TimeoutError } from "viem";
import { ChainError } from "./errors.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True for faults worth retrying: the request may succeed unchanged a moment later. */
export function isTransientRpcError(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  if (error.walk((e) => e instanceof ContractFunctionRevertedError) instanceof ContractFunctionRevertedError) return false;
  const transient = error.walk(
    (e) => e instanceof HttpRequestError || e instanceof TimeoutError || (e instanceof RpcRequestError && [-32005, -32603, 429].includes(e.code)),
  );
  return transient !== null && transient !== undefined;
}

export interface RetryOptions {
  /** Retries after the first attempt; default 4. */
  readonly retries?: number;
  /** First delay in ms, doubled each retry; default 200. */
  readonly baseDelayMs?: number;
  /** What the request was, for the error. */
  readonly what: string;
}

/** Runs `request`, retrying transient RPC faults; throws ChainError RPC_FAILED / RPC_UNREACHABLE when they persist. */
export async function withRetry<T>(request: () => Promise<T>, options: RetryOptions): Promise<T> {
  const retries = options.retries ?? 4;
  const base = options.baseDelayMs ?? 200;
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!isTransientRpcError(error)) throw error;
      if (attempt >= retries) {
        const unreachable = error instanceof BaseError && error.walk((e) => e instanceof HttpRequestError) instanceof HttpRequestError;
        throw new ChainError(unreachable ? "RPC_UNREACHABLE" : "RPC_FAILED", unreachable ? "RPC endpoint unreachable" : "RPC request kept failing", {
          request: options.what,
          attempts: attempt + 1,
          cause: error instanceof BaseError ? error.shortMessage : String(error),
        });
      }
      await sleep(base * 2 ** attempt);
    }
  }
}
