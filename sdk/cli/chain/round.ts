/** `fa round open|status`, `fa commit`, `fa deliver`, `fa confirm`: the round lifecycle, one SDK call each. */
import { abis, commitRound, confirmReceipt, openRound, recordDelivery, roundInfo } from "../../chain/index.js";
import { UserError } from "../errors.js";
import { DEFAULT_PROTOCOL, resolveProtocol } from "../protocols.js";
import { renderTable } from "../table.js";
import type { ChainFlags } from "./context.js";
import { parseBigint, toJson } from "./parse.js";
import { session } from "./session.js";

export async function roundCommand(action: string, flags: ChainFlags & { round?: string }): Promise<string> {
  if (action !== "open" && action !== "status") throw new UserError(`round: unknown action ${JSON.stringify(action)} (open, status)`);
  const round = flags.round === undefined ? undefined : parseBigint("--round", flags.round, 1n);
  const { clients, contracts } = await session(flags, action === "open");
  if (action === "open") {
    const opened = await openRound(clients, { contracts });
    if (flags.json) return toJson({ round: opened.round, snapshotBlock: opened.snapshotBlock, openedAt: opened.openedAt, hash: opened.hash });
    return `round ${opened.round} opened; snapshot block ${opened.snapshotBlock} (tx ${opened.hash})`;
  }
  const publicClient = clients.publicClient;
  const current = (await publicClient.readContract({ address: contracts.rounds, abi: abis.rounds, functionName: "currentRound" })) as bigint;
  const nextOpenTime = (await publicClient.readContract({ address: contracts.rounds, abi: abis.rounds, functionName: "nextOpenTime" })) as bigint;
  const info = current === 0n && round === undefined ? undefined : await roundInfo(publicClient as never, contracts, round);
  const status = { currentRound: current, nextOpenTime: BigInt(nextOpenTime), ...(info ? { round: info.round, openedAt: info.openedAt, snapshotBlock: info.snapshotBlock } : {}) };
  if (flags.json) return toJson(status);
  if (info === undefined) return `no round opened yet; the first can open now (fa round open)`;
  return `round ${info.round} of ${current}: opened at ${info.openedAt}, snapshot block ${info.snapshotBlock}; next round opens at ${status.nextOpenTime}`;
}

export async function commitCommand(flags: ChainFlags & { round?: string; dryRun?: boolean; protocol?: string }): Promise<string> {
  const round = flags.round === undefined ? undefined : parseBigint("--round", flags.round, 1n);
  const protocol = await resolveProtocol(flags.protocol ?? DEFAULT_PROTOCOL);
  const { clients, read } = await session(flags, true);
  const result = await commitRound(clients, { ...read, round, dryRun: flags.dryRun, protocol });
  if (flags.json) {
    return toJson({ round: result.round, snapshotBlock: result.snapshotBlock, protocol: result.protocol, commitments: result.commitments, idle: result.idle });
  }
  const rows = result.commitments.map((c) => [c.capacityId.toString(), c.total.toString(), String(c.leaves.length), c.root, c.hash ?? (flags.dryRun ? "(dry run)" : "(already committed)")]);
  const head = `round ${result.round} (snapshot block ${result.snapshotBlock}), protocol ${result.protocol}: ${result.commitments.length} commitment(s)`;
  const idle = result.idle.length > 0 ? `\nnothing to commit for capacity ${result.idle.join(", ")}` : "";
  if (rows.length === 0) return head + idle;
  return `${head}\n${renderTable([{ header: "capacity", align: "right" }, { header: "total", align: "right" }, { header: "leaves", align: "right" }, { header: "root" }, { header: "tx" }], rows)}${idle}`;
}

interface LeafFlags {
  round?: string;
  capacity?: string;
  need?: string;
  amount?: string;
}

function leafArgs(flags: LeafFlags) {
  return {
    round: parseBigint("--round", flags.round, 1n),
    capacityId: parseBigint("--capacity", flags.capacity, 1n),
    needId: parseBigint("--need", flags.need, 1n),
    ...(flags.amount !== undefined ? { amount: parseBigint("--amount", flags.amount, 1n) } : {}),
  };
}

export async function deliverCommand(flags: ChainFlags & LeafFlags): Promise<string> {
  const args = leafArgs(flags);
  const { clients, read } = await session(flags, true);
  const sent = await recordDelivery(clients, { ...read, ...args });
  if (flags.json) return toJson({ hash: sent.hash, ...args, recipient: sent.leaf[2], leafAmount: sent.leaf[3], amount: sent.amount });
  return `delivered ${sent.amount} of ${sent.leaf[3]} to ${sent.leaf[2]} (round ${args.round}, capacity ${args.capacityId}, need ${args.needId}; tx ${sent.hash})`;
}

export async function confirmCommand(flags: ChainFlags & LeafFlags): Promise<string> {
  const args = leafArgs(flags);
  const { clients, contracts } = await session(flags, true);
  const sent = await confirmReceipt(clients, { contracts, ...args });
  if (flags.json) return toJson({ hash: sent.hash, ...args, amount: sent.amount });
  return `confirmed receipt of ${sent.amount} (round ${args.round}, capacity ${args.capacityId}, need ${args.needId}; tx ${sent.hash})`;
}
