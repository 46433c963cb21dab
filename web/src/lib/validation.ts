/**
 * Form validation in words, mirroring what the contracts accept (so a person learns the problem
 * before signing, not from a revert). Pure: unit-tested under mocha.
 */
import { isAddress } from "viem";

const CODE = /^[\x21-\x7e]{1,32}$/;
/**
 * The registries store uint128 quantities, but the ledger commits and delivers uint96 amounts
 * (AllocationLedger.MAX_AMOUNT): anything larger could be declared yet never committed.
 */
export const MAX_QUANTITY = (1n << 96n) - 1n;
const LIMIT = `at most ${MAX_QUANTITY.toLocaleString("en-US")} (2^96 − 1, the most the ledger can commit)`;
const MAX_POINTS = (1n << 96n) - 1n;

export interface SignalFields {
  sector: string; unit: string; quantity: string; start: string; end: string; location: string;
  filterMode: "none" | "allow" | "deny"; filterList: string; minUnit: string; recurring: boolean;
}

/** A `datetime-local` value read as UTC, in unix seconds. */
export const toSeconds = (v: string) => BigInt(Math.floor(new Date(v + "Z").getTime() / 1000));

/** Field -> problem, for every field that the registry would reject. Exported for unit tests. */
export function validateSignal(f: SignalFields, kind: "capacity" | "need"): Partial<Record<keyof SignalFields, string>> {
  const e: Partial<Record<keyof SignalFields, string>> = {};
  if (!CODE.test(f.sector)) e.sector = "1–32 printable characters, no spaces";
  if (!CODE.test(f.unit)) e.unit = "Give a unit, e.g. litre, kit, person-day (no spaces)";
  if (!/^\d+$/.test(f.quantity) || BigInt(f.quantity) === 0n) e.quantity = "A whole number above 0";
  else if (BigInt(f.quantity) > MAX_QUANTITY) e.quantity = `Too large: ${LIMIT}`;
  if ((f.start === "") !== (f.end === "")) e.end = "Give both start and end, or neither (any time)";
  else if (f.start && f.end && toSeconds(f.end) <= toSeconds(f.start)) e.end = "The window must end after it starts";
  if (f.location !== "" && !CODE.test(f.location)) e.location = "An ISO 3166 or P-code such as MZ-P-01 (no spaces)";
  if (kind === "capacity") {
    if (f.minUnit !== "" && (!/^\d+$/.test(f.minUnit) || BigInt(f.minUnit) === 0n)) e.minUnit = "A whole number above 0, or empty";
    else if (f.minUnit !== "" && BigInt(f.minUnit) > MAX_QUANTITY) e.minUnit = `Too large: ${LIMIT}`;
    if (f.filterMode !== "none") {
      const list = f.filterList.split(/[\s,]+/).filter(Boolean);
      if (list.length === 0 || list.length > 32) e.filterList = "1 to 32 addresses";
      else if (list.some((a) => !isAddress(a, { strict: false }))) e.filterList = `Not an address: ${list.find((a) => !isAddress(a, { strict: false }))}`;
      else if (new Set(list.map((a) => a.toLowerCase())).size !== list.length) e.filterList = "An address is listed twice";
    }
  }
  return e;
}


export interface RecognitionRow { address: string; points: string }

/** Problems of one recognition editor row, in words; empty when the row is publishable. */
export function rowProblems(row: RecognitionRow, index: number, rows: readonly RecognitionRow[]): string[] {
  const problems: string[] = [];
  const address = row.address.trim();
  if (!isAddress(address, { strict: false })) problems.push("not an address (0x followed by 40 hex digits)");
  else if (rows.findIndex((r) => r.address.trim().toLowerCase() === address.toLowerCase()) !== index) problems.push("listed twice");
  if (!/^\d+$/.test(row.points.trim())) problems.push("points must be a whole number");
  else if (BigInt(row.points) === 0n) problems.push("0 points: remove the row instead");
  else if (BigInt(row.points) > MAX_POINTS) problems.push(`too many points: at most ${MAX_POINTS.toLocaleString("en-US")}`);
  return problems;
}
