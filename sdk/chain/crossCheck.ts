/**
 * Cross-checks a state replayed from logs against the contracts' views at the same block. Any
 * difference means the logs were incomplete (a lossy RPC, a wrong fromBlock) or the replay is wrong:
 * it throws ChainError STATE_MISMATCH naming the first disagreeing value.
 *
 * Checked: per entity its recognition total and entry count; every capacity and need field by field
 * (and the id counters); every one-off capacity's consumed and every need's confirmed quantity.
 */
import type { PublicClient } from "viem";
import type { ContractAddresses, ProgressCallback } from "./types.js";
import type { ReplayedState } from "./replayLogs.js";
import { abis } from "./contracts.js";
import { ChainError } from "./errors.js";
import { withRetry } from "./retry.js";

const BATCH = 64;

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : typeof v === "string" ? v.toLowerCase() : v));
}

function expectEqual(what: string, fromLogs: unknown, fromViews: unknown): void {
  if (canonical(fromLogs) !== canonical(fromViews)) {
    throw new ChainError("STATE_MISMATCH", "state rebuilt from logs differs from the contracts' views", {
      what,
      logs: canonical(fromLogs),
      views: canonical(fromViews),
    });
  }
}

export interface CrossCheckOptions {
  readonly contracts: ContractAddresses;
  readonly block: bigint;
  readonly retries?: number;
  readonly onProgress?: ProgressCallback;
}

export async function crossCheck(client: PublicClient, state: ReplayedState, options: CrossCheckOptions): Promise<void> {
  const { contracts, block } = options;
  const read = (what: string, call: () => Promise<unknown>) => withRetry(call, { retries: options.retries, what });
  const checks: (() => Promise<void>)[] = [];

  checks.push(async () => {
    const count = await read("capacityCount", () =>
      client.readContract({ address: contracts.capacities, abi: abis.capacities, functionName: "capacityCount", blockNumber: block }),
    );
    expectEqual("capacityCount", BigInt(state.capacities.size), count);
  });
  checks.push(async () => {
    const count = await read("needCount", () =>
      client.readContract({ address: contracts.needs, abi: abis.needs, functionName: "needCount", blockNumber: block }),
    );
    expectEqual("needCount", BigInt(state.needs.size), count);
  });
  for (const [from, vector] of state.recognition) {
    checks.push(async () => {
      const [total, count] = await Promise.all([
        read(`totalRecognition(${from})`, () =>
          client.readContract({ address: contracts.recognition, abi: abis.recognition, functionName: "totalRecognition", args: [from], blockNumber: block }),
        ),
        read(`recognitionCount(${from})`, () =>
          client.readContract({ address: contracts.recognition, abi: abis.recognition, functionName: "recognitionCount", args: [from], blockNumber: block }),
        ),
      ]);
      let sum = 0n;
      for (const points of vector.values()) sum += points;
      expectEqual(`totalRecognition(${from})`, sum, total);
      expectEqual(`recognitionCount(${from})`, BigInt(vector.size), count);
    });
  }
  for (const [id, capacity] of state.capacities) {
    checks.push(async () => {
      const view = (await read(`getCapacity(${id})`, () =>
        client.readContract({ address: contracts.capacities, abi: abis.capacities, functionName: "getCapacity", args: [id], blockNumber: block }),
      )) as any;
      expectEqual(`capacity ${id}`, capacity, {
        provider: view.provider,
        active: view.active,
        input: { ...view.input, filterMode: Number(view.input.filterMode), filterList: [...view.input.filterList] },
      });
      if (!capacity.input.recurring || state.consumed.has(id)) {
        const consumed = await read(`consumed(${id})`, () =>
          client.readContract({ address: contracts.ledger, abi: abis.ledger, functionName: "consumed", args: [id], blockNumber: block }),
        );
        expectEqual(`consumed(${id})`, state.consumed.get(id) ?? 0n, consumed);
      }
    });
  }
  for (const [id, need] of state.needs) {
    checks.push(async () => {
      const [view, confirmed] = (await Promise.all([
        read(`getNeed(${id})`, () =>
          client.readContract({ address: contracts.needs, abi: abis.needs, functionName: "getNeed", args: [id], blockNumber: block }),
        ),
        read(`confirmed(${id})`, () =>
          client.readContract({ address: contracts.ledger, abi: abis.ledger, functionName: "confirmed", args: [id], blockNumber: block }),
        ),
      ])) as [any, bigint];
      expectEqual(`need ${id}`, need, { recipient: view.recipient, active: view.active, input: view.input });
      expectEqual(`confirmed(${id})`, state.confirmed.get(id) ?? 0n, confirmed);
    });
  }

  const total = checks.length;
  for (let i = 0; i < total; i += BATCH) {
    await Promise.all(checks.slice(i, i + BATCH).map((check) => check()));
    options.onProgress?.({ phase: "views", done: Math.min(i + BATCH, total), total });
  }
}
