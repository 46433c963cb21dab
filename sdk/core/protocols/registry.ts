/**
 * The built-in protocols by id, and the default one. Commitments carry their protocol id on chain
 * (bytes32 of the ASCII id), so a verifier looks the id up here: a round committed under FA-1 is
 * verified with FA-1, one under FA-2 with FA-2.
 */
import type { Protocol } from "../types.js";
import { protocolIdToBytes32 } from "../merkle.js";
import { fa1 } from "./fa1.js";
import { fa2 } from "./fa2.js";
import { needWeighted } from "./needWeighted.js";

export const PROTOCOLS: Readonly<Record<string, Protocol>> = {
  "fa-2": fa2,
  "fa-1": fa1,
  "need-weighted": needWeighted,
};

/** FA-2 (SPEC §3): what `fa allocate`, `fa commit`, the demo and the dapp use unless told otherwise. */
export const DEFAULT_PROTOCOL_ID = "fa-2";
export const defaultProtocol: Protocol = fa2;

/**
 * bytes32 protocol id (lower-case hex) -> protocol, for the built-ins and any `extra` ones
 * (a user's own protocol, which wins over a built-in of the same id).
 */
export function protocolsByBytes32(extra: readonly Protocol[] = []): ReadonlyMap<string, Protocol> {
  const map = new Map<string, Protocol>();
  for (const p of [...Object.values(PROTOCOLS), ...extra]) map.set(protocolIdToBytes32(p.id).toLowerCase(), p);
  return map;
}

/** The ASCII id of a bytes32 protocol id (trailing zero bytes dropped), or the hex itself if it is not printable ASCII. */
export function protocolIdFromBytes32(id: `0x${string}`): string {
  const hex = id.slice(2).replace(/(00)+$/, "");
  let out = "";
  for (let i = 0; i < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    if (code < 0x20 || code > 0x7e) return id;
    out += String.fromCharCode(code);
  }
  return out;
}
