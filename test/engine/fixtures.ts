/** Shared test fixtures: readable addresses and scenario builders. */
import type { Address, Capacity, Need, Scenario } from "../../sdk/core/index.js";

/** addr(1) = 0x00…01: short, readable, and sorted like their numbers. */
export function addr(i: number): Address {
  return `0x${i.toString(16).padStart(40, "0")}` as Address;
}

export function cap(id: string, provider: Address, quantity: bigint, extra: Partial<Capacity> = {}): Capacity {
  return { id, provider, type: "WASH", unit: "L", quantity, ...extra };
}

export function need(id: string, recipient: Address, quantity: bigint, extra: Partial<Need> = {}): Need {
  return { id, recipient, type: "WASH", unit: "L", quantity, ...extra };
}

export function scenario(
  recognition: Scenario["recognition"],
  capacities: Capacity[],
  needs: Need[],
): Scenario {
  return { recognition, capacities, needs };
}

/** amount allocated from capacity `c` to need `n` in a result (0 if none). */
export function amountOf(result: { allocations: readonly { capacity: string; need: string; amount: bigint }[] }, c: string, n: string): bigint {
  return result.allocations.find((a) => a.capacity === c && a.need === n)?.amount ?? 0n;
}
