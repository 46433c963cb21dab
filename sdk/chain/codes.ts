/**
 * The `bytes32` encoding of the short ASCII codes the registries store (sector "WASH", unit "litre",
 * location "MZ-P-01"): printable ASCII without spaces (0x21..0x7e), at most 32 characters,
 * left-aligned and zero-padded — exactly what contracts/utils/Codes.sol accepts.
 */
import { type Hex, hexToString, stringToHex } from "viem";

/** A code that cannot be stored on chain. */
export class InvalidCodeError extends Error {
  override name = "InvalidCodeError";
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(`invalid code "${code}": ${reason}`);
  }
}

const CODE_PATTERN = /^[\x21-\x7e]{1,32}$/;

/** "WASH" -> 0x5741534800…00. Throws InvalidCodeError for anything the contracts would reject. */
export function encodeCode(code: string): Hex {
  if (!CODE_PATTERN.test(code)) {
    throw new InvalidCodeError(code, "expected 1 to 32 printable ASCII characters without spaces");
  }
  return stringToHex(code, { size: 32 });
}

/** "" -> 0x00…00 (the "anywhere" location); otherwise as encodeCode. */
export function encodeOptionalCode(code: string | undefined): Hex {
  return code === undefined || code === "" ? `0x${"00".repeat(32)}` : encodeCode(code);
}

/** 0x5741534800…00 -> "WASH"; the zero word decodes to "". */
export function decodeCode(word: Hex): string {
  return hexToString(word, { size: 32 }).replace(/\0+$/, "");
}
