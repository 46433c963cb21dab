/** `fa round status|wait`, `fa commit`, `fa deliver`, `fa confirm`: the round lifecycle, one SDK call each. */
import type { PublicClient } from "viem";
import { blockAtTime, commitRound, type ContractAddresses, confirmReceipt, readBlockRef, readRoundStatus, recordDelivery, roundInfo, roundOpensAt, MAX_UINT64 } from "../../chain/index.js";
import { UserError } from "../errors.js";
import { DEFAULT_PROTOCOL, resolveProtocol } from "../protocols.js";
import { renderTable } from "../table.js";
import type { ChainFlags } from "./context.js";
import { parseBigint, toJson } from "./parse.js";
import { session } from "./session.js";

/** Unix seconds as an ISO 8601 UTC time without milliseconds ("never" for 2^64 − 1). */
export function isoTime(seconds: bigint): string {
  if (seconds >= MAX_UINT64 || seconds > 8_640_000_000_000n) return "never";
  return new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function roundCommand(action: string, flags: ChainFlags & { round?: string; advance?: boolean }): Promise<string> {
  if (action !== "status" && action !== "wait") throw new UserError(`round: unknown action ${JSON.stringify(action)} (status, wait)`);
  const round = flags.round === undefined ? undefined : parseBigint("--round", flags.round, 1n);
  const { clients, contracts } = await session(flags, false);
  const client = clients.publicClient as unknown as PublicClient;
  if (action === "wait") return waitCommand(client, contracts, round, flags);
  const status = await readRoundStatus(client, { contracts });
  const info = status.currentRound === 0n && round === undefined ? undefined : await roundInfo(client, contracts, round);
  const out = {
    start: status.start,
    roundLength: status.roundLength,
    currentRound: status.currentRound,
    nextOpenTime: status.nextOpenTime,
    time: status.head.timestamp,
    ...(info ? { round: info.round, opensAt: info.opensAt, snapshotTime: info.snapshotTime, snapshotBlock: info.snapshotBlock } : {}),
  };
  if (flags.json) return toJson(out);
  const next = `round ${status.currentRound + 1n} opens at ${isoTime(status.nextOpenTime)}`;
  if (info === undefined) return `no round yet (chain time ${isoTime(status.head.timestamp)}); ${next}`;
  return `round ${info.round} of ${status.currentRound}: opened at ${isoTime(info.opensAt)}, snapshot at ${isoTime(info.snapshotTime)} = block ${info.snapshotBlock}; ${next}`;
}

/**
 * Waits until round `round` (default: the next one) has opened on chain, i.e. some block has a
 * timestamp ≥ its opening, which also makes its snapshot final. `--advance` (a local Hardhat or Anvil
 * node only) does not wait: it mines one empty block at the opening time (evm_setNextBlockTimestamp,
 * evm_mine) — on a local node nothing else makes blocks while nobody sends transactions.
 */
async function waitCommand(client: PublicClient, contracts: ContractAddresses, round: bigint | undefined, flags: ChainFlags & { advance?: boolean }) {
  const status = await readRoundStatus(client, { contracts });
  const target = round ?? status.currentRound + 1n;
  const opensAt = roundOpensAt(status, target);
  if (opensAt >= MAX_UINT64) throw new UserError(`round ${target} never opens (round length ${status.roundLength} s)`);
  let head = status.head;
  if (head.timestamp < opensAt && flags.advance) {
    await client.request({ method: "evm_setNextBlockTimestamp" as never, params: [`0x${opensAt.toString(16)}`] as never });
    await client.request({ method: "evm_mine" as never, params: [] as never });
    head = await readBlockRef(client, "latest");
  }
  let hinted = false;
  while (head.timestamp < opensAt) {
    const late = BigInt(Math.floor(Date.now() / 1000)) > opensAt + 5n;
    if (late && !hinted) {
      process.stderr.write(`round ${target} is due since ${isoTime(opensAt)} but no block has come since; on a local node, send any transaction or use --advance\n`);
      hinted = true;
    }
    await sleep(1000);
    head = await readBlockRef(client, "latest");
  }
  const snapshotTime = opensAt - 1n;
  const at = await blockAtTime(client, snapshotTime, { head });
  if (flags.json) return toJson({ round: target, opensAt, snapshotTime, snapshotBlock: at.block, block: head.number, time: head.timestamp });
  return `round ${target} is open (opened at ${isoTime(opensAt)}); its snapshot is the state at ${isoTime(snapshotTime)} = block ${at.block}`;
}

export async function commitCommand(flags: ChainFlags & { round?: string; dryRun?: boolean; protocol?: string }): Promise<string> {
  const round = flags.round === undefined ? undefined : parseBigint("--round", flags.round, 1n);
  const protocol = await resolveProtocol(flags.protocol ?? DEFAULT_PROTOCOL);
  const { clients, read } = await session(flags, true);
  const result = await commitRound(clients, { ...read, round, dryRun: flags.dryRun, protocol });
  if (flags.json) {
    return toJson({ round: result.round, snapshotTime: result.snapshotTime, snapshotBlock: result.snapshotBlock, protocol: result.protocol, commitments: result.commitments, idle: result.idle });
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
