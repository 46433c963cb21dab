/**
 * `fa recognize`, `fa capacity declare|update|revoke`, `fa need declare|update|revoke`: one transaction each;
 * `fa signatures revoke-all`: one per contract.
 */
import {
  invalidateAllSignatures,
  declareCapacity,
  declareNeed,
  revokeAllRecognition,
  revokeCapacity,
  revokeNeed,
  revokeRecognition,
  setRecognition,
  updateCapacity,
  updateCapacityQuantity,
  updateNeed,
  updateNeedQuantity,
  type CapacityTerms,
  type NeedTerms,
} from "../../chain/index.js";
import { UserError } from "../errors.js";
import type { ChainFlags } from "./context.js";
import { parseAddress, parseAddressList, parseBigint, parseCode, parseWindow, toJson } from "./parse.js";
import { session } from "./session.js";

function done(flags: ChainFlags, what: string, hash: string, extra: Record<string, unknown> = {}): string {
  if (flags.json) return toJson({ hash, ...extra });
  const details = Object.entries(extra).map(([k, v]) => ` ${k}=${v}`).join("");
  return `${what}${details} (tx ${hash})`;
}

/** `fa signatures revoke-all`: every outstanding relayed signature of the account stops working. */
export async function signaturesCommand(action: string, flags: ChainFlags): Promise<string> {
  if (action !== "revoke-all") throw new UserError(`signatures: unknown action "${action}" (expected revoke-all)`);
  const { clients, contracts } = await session(flags, true);
  const sent = await invalidateAllSignatures(clients, { contracts });
  if (flags.json) return toJson({ invalidated: sent });
  return sent.map((s) => `${s.contract}: every earlier signature invalidated (tx ${s.hash})`).join("\n");
}

export async function recognizeCommand(flags: ChainFlags & { revoke?: string; clear?: boolean }, entries: string[]): Promise<string> {
  const modes = [entries.length > 0, flags.revoke !== undefined, flags.clear === true].filter(Boolean).length;
  if (modes !== 1) throw new UserError("give ADDRESS=POINTS pairs, or --revoke ADDRESS, or --clear");
  let recipients: `0x${string}`[] = [];
  let points: bigint[] = [];
  if (entries.length > 0) {
    for (const entry of entries) {
      const parts = entry.split("=");
      if (parts.length !== 2) throw new UserError(`recognition: expected ADDRESS=POINTS, got ${JSON.stringify(entry)}`);
      const [address, value] = parts;
      recipients.push(parseAddress("recognition", address));
      points.push(parseBigint(`points of ${address}`, value, 1n));
    }
  }
  const { clients, contracts } = await session(flags, true);
  if (flags.clear) return done(flags, "recognition cleared", (await revokeAllRecognition(clients, { contracts })).hash);
  if (flags.revoke !== undefined) {
    const recipient = parseAddress("--revoke", flags.revoke);
    return done(flags, `recognition of ${recipient} revoked`, (await revokeRecognition(clients, { contracts, recipient })).hash);
  }
  const sent = await setRecognition(clients, { contracts, recipients, points });
  return done(flags, `recognition set: ${recipients.length} entries`, sent.hash);
}

interface TermsFlags {
  sector?: string;
  unit?: string;
  quantity?: string;
  location?: string;
  window?: string;
}

function needTerms(flags: TermsFlags): NeedTerms {
  const sector = parseCode("--sector", flags.sector);
  const unit = parseCode("--unit", flags.unit);
  const window = parseWindow("--window", flags.window);
  return {
    sector,
    unit,
    quantity: parseBigint("--quantity", flags.quantity, 1n),
    ...(window !== undefined ? { window } : {}),
    ...(flags.location !== undefined ? { location: parseCode("--location", flags.location) } : {}),
  };
}

type CapacityFlags = TermsFlags & { allow?: string; deny?: string; minUnit?: string; recurring?: boolean };

function capacityTerms(flags: CapacityFlags): CapacityTerms {
  if (flags.allow !== undefined && flags.deny !== undefined) throw new UserError("give --allow or --deny, not both");
  const allow = parseAddressList("--allow", flags.allow);
  const deny = parseAddressList("--deny", flags.deny);
  return {
    ...needTerms(flags),
    ...(allow !== undefined ? { filter: { allow } } : deny !== undefined ? { filter: { deny } } : {}),
    ...(flags.minUnit !== undefined ? { minUnit: parseBigint("--min-unit", flags.minUnit, 1n) } : {}),
    recurring: flags.recurring === true,
  };
}

/** Only --quantity given: the one-field update; otherwise all fields are replaced. */
const quantityOnly = (f: TermsFlags) => f.sector === undefined && f.unit === undefined && f.location === undefined && f.window === undefined;

export async function capacityCommand(action: string, flags: ChainFlags & CapacityFlags & { id?: string }): Promise<string> {
  if (!["declare", "update", "revoke"].includes(action)) throw new UserError(`capacity: unknown action ${JSON.stringify(action)} (declare, update, revoke)`);
  const terms = action === "declare" || (action === "update" && !quantityOnly(flags)) ? capacityTerms(flags) : undefined;
  const id = action === "declare" ? undefined : parseBigint("--id", flags.id, 1n);
  const quantity = action === "update" && terms === undefined ? parseBigint("--quantity", flags.quantity, 1n) : undefined;
  const { clients, contracts } = await session(flags, true);
  if (action === "declare") {
    const sent = await declareCapacity(clients, { contracts, capacity: terms! });
    return done(flags, "capacity declared:", sent.hash, { id: sent.capacityId });
  }
  if (action === "revoke") return done(flags, `capacity ${id} revoked`, (await revokeCapacity(clients, { contracts, capacityId: id! })).hash);
  if (terms === undefined) return done(flags, `capacity ${id} quantity set to ${quantity}`, (await updateCapacityQuantity(clients, { contracts, capacityId: id!, quantity: quantity! })).hash);
  return done(flags, `capacity ${id} updated`, (await updateCapacity(clients, { contracts, capacityId: id!, capacity: terms })).hash);
}

export async function needCommand(action: string, flags: ChainFlags & TermsFlags & { id?: string }): Promise<string> {
  if (!["declare", "update", "revoke"].includes(action)) throw new UserError(`need: unknown action ${JSON.stringify(action)} (declare, update, revoke)`);
  const terms = action === "declare" || (action === "update" && !quantityOnly(flags)) ? needTerms(flags) : undefined;
  const id = action === "declare" ? undefined : parseBigint("--id", flags.id, 1n);
  const quantity = action === "update" && terms === undefined ? parseBigint("--quantity", flags.quantity, 1n) : undefined;
  const { clients, contracts } = await session(flags, true);
  if (action === "declare") {
    const sent = await declareNeed(clients, { contracts, need: terms! });
    return done(flags, "need declared:", sent.hash, { id: sent.needId });
  }
  if (action === "revoke") return done(flags, `need ${id} revoked`, (await revokeNeed(clients, { contracts, needId: id! })).hash);
  if (terms === undefined) return done(flags, `need ${id} quantity set to ${quantity}`, (await updateNeedQuantity(clients, { contracts, needId: id!, quantity: quantity! })).hash);
  return done(flags, `need ${id} updated`, (await updateNeed(clients, { contracts, needId: id!, need: terms })).hash);
}
