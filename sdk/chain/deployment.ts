/**
 * The deployment record (`Deployment`, types.ts) as a file: `serializeDeployment` writes it (integers as
 * decimal strings, addresses lower-case), `parseDeployment` reads and checks one — the only reader, used
 * by the CLI, the demo, the dapp's dev server and scripts. Browser-safe (no file access).
 */
import { isAddress, type Address } from "viem";
import { CONTRACT_NAMES } from "./contracts.js";
import { ChainError } from "./errors.js";
import { MAX_UINT64 } from "./schedule.js";
import type { ContractAddresses, Deployment } from "./types.js";

/** `deployment`'s JSON text, as `fa deploy` writes it (ends with a newline). */
export function serializeDeployment(deployment: Deployment): string {
  const file = {
    chainId: deployment.chainId,
    contracts: Object.fromEntries(CONTRACT_NAMES.map((name) => [name, deployment.contracts[name].toLowerCase()])),
    fromBlock: deployment.fromBlock.toString(),
    roundLength: deployment.roundLength.toString(),
    ...(deployment.start !== undefined ? { start: deployment.start.toString() } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function invalid(field: string, expected: string, value: unknown): never {
  const got = value === undefined ? "nothing" : JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  throw new ChainError("INVALID_INPUT", `deployment ${field}: expected ${expected}, got ${got}`, { field, value: got });
}

/** A non-negative integer given as a decimal string, a safe-integer number or a bigint, within [min, max]. */
function integer(field: string, value: unknown, min: bigint, max: bigint, what: string): bigint {
  let n: bigint | undefined;
  if (typeof value === "bigint") n = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === "string" && /^(0|[1-9][0-9]*)$/.test(value)) n = BigInt(value);
  if (n === undefined || n < min || n > max) invalid(field, what, value);
  return n;
}

/**
 * Checks a deployment record — JSON text or the parsed object — and returns it with bigints. Throws
 * ChainError INVALID_INPUT naming the field and the value ("deployment contracts.ledger: expected an
 * address, got …"). Addresses in mixed case must carry a valid EIP-55 checksum.
 */
export function parseDeployment(input: string | unknown): Deployment {
  let raw: unknown = input;
  if (typeof input === "string") {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw new ChainError("INVALID_INPUT", `deployment: not JSON (${(error as Error).message})`, {});
    }
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) invalid("", "an object", raw);
  const record = raw as Record<string, unknown>;
  const chainId = integer("chainId", record.chainId, 1n, BigInt(Number.MAX_SAFE_INTEGER), "a positive integer");
  const rawContracts = record.contracts;
  if (typeof rawContracts !== "object" || rawContracts === null) invalid("contracts", "an object of five addresses", rawContracts);
  const contracts = {} as Record<(typeof CONTRACT_NAMES)[number], Address>;
  for (const name of CONTRACT_NAMES) {
    const address = (rawContracts as Record<string, unknown>)[name];
    if (typeof address !== "string" || !isAddress(address)) {
      invalid(`contracts.${name}`, "an address (0x + 40 hex digits; EIP-55 checksum if mixed case)", address);
    }
    contracts[name] = address.toLowerCase() as Address;
  }
  return {
    chainId: Number(chainId),
    contracts: contracts as ContractAddresses,
    fromBlock: integer("fromBlock", record.fromBlock ?? "0", 0n, MAX_UINT64, "a block number (decimal string)"),
    roundLength: integer("roundLength", record.roundLength, 1n, MAX_UINT64, "a round length in seconds, 1 to 2^64 - 1"),
    ...(record.start !== undefined ? { start: integer("start", record.start, 0n, MAX_UINT64, "a unix time, 0 to 2^64 - 1") } : {}),
  };
}
