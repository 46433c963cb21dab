/** `fa allocate`: run a protocol on a scenario file; a readable report or one JSON object. */
import { serializeResult } from "../../core/scenario.js";
import type { Address, AllocationResult, Scenario } from "../../core/types.js";
import { resolveProtocol } from "../protocols.js";
import { readScenario } from "../readScenario.js";
import { renderTable } from "../table.js";

export interface AllocateOptions {
  readonly scenario: string;
  readonly protocol: string;
  readonly json?: boolean;
}

/** A name from the scenario's `names`, else the address shortened to 0x1234…abcd. */
export function displayName(scenario: Scenario, address: Address): string {
  return scenario.names?.[address] ?? `${address.slice(0, 6)}…${address.slice(-4)}`;
}

function sumBy<T>(items: readonly T[], key: (item: T) => string, amount: (item: T) => bigint): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0n) + amount(item));
  return out;
}

export function formatAllocationReport(scenario: Scenario, result: AllocationResult, source: string): string {
  const name = (a: Address) => displayName(scenario, a);
  const units = new Map(scenario.capacities.map((c) => [c.id, c.unit]));
  const allocations = renderTable(
    [{ header: "capacity" }, { header: "from" }, { header: "need" }, { header: "to" }, { header: "amount", align: "right" }, { header: "unit" }, { header: "tier", align: "right" }],
    result.allocations.map((a) => [a.capacity, name(a.provider), a.need, name(a.recipient), a.amount.toString(), units.get(a.capacity) ?? "", String(a.tier)]),
  );
  const received = sumBy(result.allocations, (a) => a.need, (a) => a.amount);
  const needs = renderTable(
    [{ header: "need" }, { header: "recipient" }, { header: "type" }, { header: "needed", align: "right" }, { header: "allocated", align: "right" }, { header: "unmet", align: "right" }, { header: "unit" }],
    scenario.needs.map((n) => [n.id, name(n.recipient), n.type, n.quantity.toString(), (received.get(n.id) ?? 0n).toString(), (result.unmet[n.id] ?? 0n).toString(), n.unit]),
  );
  const given = sumBy(result.allocations, (a) => a.capacity, (a) => a.amount);
  const capacities = renderTable(
    [{ header: "capacity" }, { header: "provider" }, { header: "type" }, { header: "quantity", align: "right" }, { header: "allocated", align: "right" }, { header: "unused", align: "right" }, { header: "unit" }],
    scenario.capacities.map((c) => [c.id, name(c.provider), c.type, c.quantity.toString(), (given.get(c.id) ?? 0n).toString(), (result.unused[c.id] ?? 0n).toString(), c.unit]),
  );
  const header =
    `protocol ${result.protocol} on ${source}: ${scenario.capacities.length} capacities, ${scenario.needs.length} needs, ` +
    `${result.allocations.length} allocations` + (result.rounds === undefined ? "" : `, ${result.rounds} round${result.rounds === 1 ? "" : "s"}`);
  const noAllocations = result.allocations.length === 0 ? "(nothing allocated)" : allocations;
  return [header, "", "Who gives what to whom", noAllocations, "", "Needs", needs, "", "Capacities", capacities].join("\n");
}

export async function allocateCommand(options: AllocateOptions): Promise<string> {
  const [scenario, protocol] = await Promise.all([readScenario(options.scenario), resolveProtocol(options.protocol)]);
  const result = protocol.allocate(scenario);
  if (options.json) {
    // The Merkle layer (viem, OpenZeppelin's tree) loads only when roots are printed.
    const { commitmentRoots } = await import("../../core/merkle.js");
    return JSON.stringify(serializeResult(result, commitmentRoots(result)), null, 2);
  }
  return formatAllocationReport(scenario, result, options.scenario);
}
