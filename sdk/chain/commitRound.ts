/**
 * `commitRound`: a provider's whole round in one call. Reads the round's snapshot (the state at the
 * snapshot time the Rounds schedule fixes) from logs, runs the protocol (FA-2 by default), and commits each of the provider's
 * capacities that receives an allocation: Merkle root, total and protocol id. Returns the leaves so
 * the provider can prove them when it records deliveries.
 */
import type { PublicClient } from "viem";
import { commitmentRoots, defaultProtocol, protocolIdToBytes32, type AllocationResult, type Protocol } from "../core/index.js";
import type { Address, ChainClients, CommitRoundResult, ComputedCommitment, ContractAddresses, ProgressCallback, Snapshot } from "./types.js";
import { readRoundSnapshot, roundInfo } from "./readRoundSnapshot.js";
import { commit } from "./actions/ledger.js";
import { abis } from "./contracts.js";
import { ChainError } from "./errors.js";

export interface CommitRoundOptions {
  readonly contracts: ContractAddresses;
  /** The round to commit for; must be the current round (the ledger commits into it). Default: current. */
  readonly round?: bigint;
  /** Whose capacities to commit; default the wallet client's account. */
  readonly provider?: Address;
  readonly protocol?: Protocol;
  readonly fromBlock?: bigint;
  readonly chunkSize?: bigint;
  readonly retries?: number;
  readonly onProgress?: ProgressCallback;
  /** Compute only; send nothing. */
  readonly dryRun?: boolean;
  /** Reuse a snapshot already read for this round (e.g. when several providers commit). */
  readonly snapshot?: Snapshot;
}

type Expected = { result: AllocationResult; commitments: Map<bigint, ComputedCommitment> };
/** Protocols are deterministic, so a snapshot's result is computed once per protocol (many providers share one snapshot). */
const computed = new WeakMap<Snapshot, Map<Protocol, Expected>>();

/** The protocol's commitments for every capacity of `snapshot` (by capacity id), with their providers. */
export function expectedCommitments(snapshot: Snapshot, protocol: Protocol = defaultProtocol): Expected {
  let byProtocol = computed.get(snapshot);
  if (byProtocol === undefined) computed.set(snapshot, (byProtocol = new Map()));
  const cached = byProtocol.get(protocol);
  if (cached !== undefined) return cached;
  const expected = computeCommitments(snapshot, protocol);
  byProtocol.set(protocol, expected);
  return expected;
}

function computeCommitments(snapshot: Snapshot, protocol: Protocol): Expected {
  const result = protocol.allocate(snapshot.scenario);
  const roots = commitmentRoots(result);
  const providers = new Map(snapshot.capacities.map((c) => [c.id, c.provider]));
  const commitments = new Map<bigint, ComputedCommitment>();
  for (const c of Object.values(roots)) {
    commitments.set(c.capacityId, { capacityId: c.capacityId, provider: providers.get(c.capacityId)!, root: c.root, total: c.total, leaves: c.leaves });
  }
  return { result, commitments };
}

export async function commitRound(clients: ChainClients, options: CommitRoundOptions): Promise<CommitRoundResult> {
  const client = clients.publicClient as PublicClient;
  const provider = (options.provider ?? clients.walletClient?.account.address)?.toLowerCase() as Address | undefined;
  if (provider === undefined) throw new ChainError("NO_ACCOUNT", "no provider given and no wallet account");
  const info = await roundInfo(client, options.contracts, options.round, options.retries);
  if (info.round !== info.currentRound) {
    throw new ChainError("WRONG_ROUND", "commitments go into the current round only", { round: info.round, currentRound: info.currentRound });
  }
  const snapshot = options.snapshot ?? (await readRoundSnapshot(client, { ...options, round: info.round }));
  options.onProgress?.({ phase: "compute", done: 0, total: 1 });
  const protocol = options.protocol ?? defaultProtocol;
  const { result, commitments } = expectedCommitments(snapshot, protocol);
  options.onProgress?.({ phase: "compute", done: 1, total: 1 });
  const mine = snapshot.capacities.filter((c) => c.provider === provider && c.active);
  const protocolId = protocolIdToBytes32(protocol.id);
  const out: ComputedCommitment[] = [];
  const idle: bigint[] = [];
  for (const [i, capacity] of mine.entries()) {
    const expected = commitments.get(capacity.id);
    if (expected === undefined) {
      idle.push(capacity.id);
      continue;
    }
    if (options.dryRun) {
      out.push(expected);
      continue;
    }
    const existing = (await client.readContract({
      address: options.contracts.ledger,
      abi: abis.ledger,
      functionName: "commitmentOf",
      args: [info.round, capacity.id],
    })) as { root: `0x${string}`; withdrawn: boolean; version: number };
    if (existing.version > 0 && !existing.withdrawn && existing.root === expected.root) {
      out.push(expected); // already committed exactly this: idempotent re-run
      continue;
    }
    const sent = await commit(clients, {
      contracts: options.contracts,
      round: info.round,
      capacityId: capacity.id,
      root: expected.root,
      total: expected.total,
      protocolId,
    });
    out.push({ ...expected, hash: sent.hash, gasUsed: sent.receipt.gasUsed });
    options.onProgress?.({ phase: "commit", done: i + 1, total: mine.length, detail: `capacity ${capacity.id}` });
  }
  return { round: info.round, snapshotTime: info.snapshotTime, snapshotBlock: snapshot.block, protocol: protocol.id, result, commitments: out, idle };
}
