/** Parsing of chain command arguments into SDK values, with one-line errors naming the flag. */
import { isAddress } from "viem";
import { encodeCode, type Address } from "../../chain/index.js";
import { UserError } from "../errors.js";

export function parseBigint(flag: string, value: string | undefined, min = 0n): bigint {
  if (value === undefined) throw new UserError(`${flag}: required`);
  if (!/^[0-9]+$/.test(value) || BigInt(value) < min) throw new UserError(`${flag}: expected an integer >= ${min}, got ${JSON.stringify(value)}`);
  return BigInt(value);
}

/** An address; in mixed case its EIP-55 checksum must match (that is what catches a mistyped character). */
export function parseAddress(flag: string, value: string): Address {
  if (!isAddress(value, { strict: false })) throw new UserError(`${flag}: not an address: ${JSON.stringify(value)}`);
  if (!isAddress(value, { strict: true })) {
    throw new UserError(`${flag}: EIP-55 checksum does not match: ${JSON.stringify(value)} (a mistyped character? check it, or give it in lower case)`);
  }
  return value.toLowerCase() as Address;
}

/** "start:end" unix seconds. */
export function parseWindow(flag: string, value: string | undefined) {
  if (value === undefined) return undefined;
  const m = /^([0-9]+):([0-9]+)$/.exec(value);
  if (m === null || BigInt(m[1]) >= BigInt(m[2])) throw new UserError(`${flag}: expected START:END unix seconds with START < END, got ${JSON.stringify(value)}`);
  return { start: BigInt(m[1]), end: BigInt(m[2]) };
}

export function parseAddressList(flag: string, value: string | undefined): Address[] | undefined {
  if (value === undefined) return undefined;
  return value.split(",").map((a) => parseAddress(flag, a.trim()));
}

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}

/** A sector, unit or location code as the registries store it (printable ASCII, ≤ 32 bytes, no spaces). */
export function parseCode(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UserError(`${flag}: required`);
  try {
    encodeCode(value);
  } catch {
    throw new UserError(`${flag}: expected 1 to 32 printable ASCII characters without spaces, got ${JSON.stringify(value)}`);
  }
  return value;
}
