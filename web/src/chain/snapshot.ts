/**
 * The registries' state at one block as an engine Scenario: capacities with what is left of them
 * (one-off ones net of non-withdrawn commitments), needs at their residual (declared − confirmed,
 * the need update law), and every recognition vector rebuilt from the registry's events.
 * Views are read at the block itself; recognition is replayed from logs up to it, so any ordinary
 * RPC endpoint serves it (no archive node needed for logs; the views need the node to keep that
 * block's state, which a Hardhat node does).
 */
import type { PublicClient, Address, Hex } from "viem";
import type { RecognitionPoints, Scenario } from "../../../sdk/core/index.js";
import type { ChainCapacity, ChainNeed, ChainSnapshot } from "./types.js";
import { decodeCode } from "../../../sdk/chain/codes.js";
import { capacitiesAbi, ledgerAbi, needsAbi, recognitionAbi } from "./abi.js";
import type { Deployment } from "./deployment.js";

const ZERO_WORD = `0x${"00".repeat(32)}`;

export type { ChainCapacity, ChainNeed, ChainSnapshot } from "./types.js";

interface CapacityInputView {
  sector: Hex; unit: Hex; quantity: bigint; windowStart: bigint; windowEnd: bigint; location: Hex;
  filterMode: number; filterList: readonly Address[]; minUnit: bigint; recurring: boolean;
}
interface NeedInputView { sector: Hex; unit: Hex; quantity: bigint; windowStart: bigint; windowEnd: bigint; location: Hex }

const lower = (a: string) => a.toLowerCase() as Address;

function windowOf(start: bigint, end: bigint) {
  return start === 0n && end === 0n ? undefined : { start, end };
}

export async function readSnapshot(client: PublicClient, d: Deployment, block: bigint): Promise<ChainSnapshot> {
  const at = { blockNumber: block } as const;
  const [capacityCount, needCount, recognition] = await Promise.all([
    client.readContract({ address: d.contracts.capacities, abi: capacitiesAbi, functionName: "capacityCount", ...at }) as Promise<bigint>,
    client.readContract({ address: d.contracts.needs, abi: needsAbi, functionName: "needCount", ...at }) as Promise<bigint>,
    readRecognition(client, d, block),
  ]);

  const capacityIds = Array.from({ length: Number(capacityCount) }, (_, i) => BigInt(i + 1));
  const needIds = Array.from({ length: Number(needCount) }, (_, i) => BigInt(i + 1));

  const allCapacities = await Promise.all(
    capacityIds.map(async (id): Promise<ChainCapacity> => {
      const [cap, left] = await Promise.all([
        client.readContract({ address: d.contracts.capacities, abi: capacitiesAbi, functionName: "getCapacity", args: [id], ...at }) as Promise<{ provider: Address; active: boolean; input: CapacityInputView }>,
        client.readContract({ address: d.contracts.ledger, abi: ledgerAbi, functionName: "capacityLeft", args: [id], ...at }) as Promise<bigint>,
      ]);
      const i = cap.input;
      const list = i.filterList.map(lower);
      return {
        id: id.toString(),
        provider: lower(cap.provider),
        type: decodeCode(i.sector),
        unit: decodeCode(i.unit),
        quantity: left,
        declared: i.quantity,
        active: cap.active,
        window: windowOf(i.windowStart, i.windowEnd),
        location: i.location === ZERO_WORD ? undefined : decodeCode(i.location),
        filter: i.filterMode === 1 ? { allow: list } : i.filterMode === 2 ? { deny: list } : undefined,
        minUnit: i.minUnit > 0n ? i.minUnit : undefined,
        recurring: i.recurring,
      };
    }),
  );
  const allNeeds = await Promise.all(
    needIds.map(async (id): Promise<ChainNeed> => {
      const [need, residual] = await Promise.all([
        client.readContract({ address: d.contracts.needs, abi: needsAbi, functionName: "getNeed", args: [id], ...at }) as Promise<{ recipient: Address; active: boolean; input: NeedInputView }>,
        client.readContract({ address: d.contracts.ledger, abi: ledgerAbi, functionName: "residualNeed", args: [id], ...at }) as Promise<bigint>,
      ]);
      const i = need.input;
      return {
        id: id.toString(),
        recipient: lower(need.recipient),
        type: decodeCode(i.sector),
        unit: decodeCode(i.unit),
        quantity: residual,
        declared: i.quantity,
        active: need.active,
        window: windowOf(i.windowStart, i.windowEnd),
        location: i.location === ZERO_WORD ? undefined : decodeCode(i.location),
      };
    }),
  );

  const scenario: Scenario = {
    names: Object.fromEntries(Object.entries(d.names).map(([a, n]) => [lower(a), n])),
    recognition,
    capacities: allCapacities.filter((c) => c.active && c.quantity > 0n).map(stripChainFields),
    needs: allNeeds.filter((n) => n.active && n.quantity > 0n).map(stripChainFields),
  };
  return { block, scenario, allCapacities, allNeeds };
}

function stripChainFields<T extends { declared: bigint; active: boolean }>(x: T): Omit<T, "declared" | "active"> {
  const { declared: _d, active: _a, ...rest } = x;
  // Optional fields must be absent, not undefined, for the engine's canonical comparisons.
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<T, "declared" | "active">;
}

/** Replays RecognitionSet / EntrySet / Revoked / Cleared from the deployment block to `block`. */
export async function readRecognition(client: PublicClient, d: Deployment, block: bigint): Promise<RecognitionPoints> {
  const logs = await client.getContractEvents({
    address: d.contracts.recognition,
    abi: recognitionAbi,
    fromBlock: d.fromBlock,
    toBlock: block,
  });
  const vectors = new Map<Address, Map<Address, bigint>>();
  const vectorOf = (a: Address) => {
    let v = vectors.get(a);
    if (!v) vectors.set(a, (v = new Map()));
    return v;
  };
  // getContractEvents returns logs in chain order (block, then log index).
  for (const log of logs as unknown as { eventName: string; args: Record<string, unknown> }[]) {
    const from = lower(log.args.from as string);
    switch (log.eventName) {
      case "RecognitionSet": {
        const v = new Map<Address, bigint>();
        const recipients = log.args.recipients as Address[];
        const points = log.args.points as bigint[];
        recipients.forEach((r, i) => v.set(lower(r), points[i]));
        vectors.set(from, v);
        break;
      }
      case "RecognitionEntrySet":
        vectorOf(from).set(lower(log.args.to as string), log.args.points as bigint);
        break;
      case "RecognitionRevoked":
        vectorOf(from).delete(lower(log.args.to as string));
        break;
      case "RecognitionCleared":
        vectors.set(from, new Map());
        break;
    }
  }
  const out: Record<Address, Record<Address, bigint>> = {};
  for (const [from, v] of vectors) {
    if (v.size === 0) continue;
    out[from] = Object.fromEntries(v);
  }
  return out;
}
