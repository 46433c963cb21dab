/**
 * Builds a Snapshot (the engine's Scenario plus on-chain details) from a replayed state. Pure.
 * Need quantities are residuals (declared − confirmed, the need update law); a one-off capacity's
 * quantity is what it has left (declared − consumed); revoked or exhausted entries stay listed in
 * `capacities`/`needs` but are left out of the scenario.
 */
import type { Address, Capacity, Need, RecognitionPoints } from "../core/index.js";
import type { ContractAddresses, Snapshot, SnapshotCapacity, SnapshotNeed } from "./types.js";
import type { ReplayedState } from "./replayLogs.js";
import { decodeCapacityInput, decodeNeedInput } from "./inputs.js";

const byId = <T extends { id: bigint }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function snapshotOf(
  state: ReplayedState,
  context: { chainId: number; contracts: ContractAddresses; block: bigint; round?: bigint },
): Snapshot {
  const capacities: SnapshotCapacity[] = [];
  const scenarioCapacities: Capacity[] = [];
  for (const [id, c] of state.capacities) {
    const terms = decodeCapacityInput(c.input);
    const declared = c.input.quantity;
    const consumed = state.consumed.get(id) ?? 0n;
    const available = c.input.recurring ? declared : declared > consumed ? declared - consumed : 0n;
    capacities.push({
      id,
      provider: c.provider,
      active: c.active,
      recurring: c.input.recurring,
      declared,
      consumed,
      available,
      sector: terms.sector,
      unit: terms.unit,
      location: terms.location ?? "",
    });
    if (c.active && available > 0n) {
      const { sector, ...rest } = terms;
      scenarioCapacities.push({ id: id.toString(), provider: c.provider, type: sector, ...rest, quantity: available });
    }
  }
  const needs: SnapshotNeed[] = [];
  const scenarioNeeds: Need[] = [];
  for (const [id, n] of state.needs) {
    const terms = decodeNeedInput(n.input);
    const declared = n.input.quantity;
    const confirmed = state.confirmed.get(id) ?? 0n;
    const residual = declared > confirmed ? declared - confirmed : 0n;
    needs.push({ id, recipient: n.recipient, active: n.active, declared, confirmed, residual, sector: terms.sector, unit: terms.unit, location: terms.location ?? "" });
    if (n.active && residual > 0n) {
      scenarioNeeds.push({
        id: id.toString(),
        recipient: n.recipient,
        type: terms.sector,
        unit: terms.unit,
        quantity: residual,
        ...(terms.window !== undefined ? { window: terms.window } : {}),
        ...(terms.location !== undefined ? { location: terms.location } : {}),
      });
    }
  }
  const recognition: Record<Address, Record<Address, bigint>> = {};
  const entities = new Set<Address>();
  for (const [from, vector] of [...state.recognition].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (vector.size === 0) continue;
    const row: Record<Address, bigint> = {};
    for (const [to, points] of [...vector].sort(([a], [b]) => (a < b ? -1 : 1))) {
      row[to] = points;
      entities.add(to);
    }
    recognition[from] = row;
    entities.add(from);
  }
  for (const c of capacities) entities.add(c.provider);
  for (const n of needs) entities.add(n.recipient);
  capacities.sort(byId);
  needs.sort(byId);
  // Scenario lists in canonical id order (numeric), like the engine sorts them.
  scenarioCapacities.sort((a, b) => byId({ id: BigInt(a.id) }, { id: BigInt(b.id) }));
  scenarioNeeds.sort((a, b) => byId({ id: BigInt(a.id) }, { id: BigInt(b.id) }));
  return {
    chainId: context.chainId,
    contracts: context.contracts,
    block: context.block,
    ...(context.round !== undefined ? { round: context.round } : {}),
    scenario: { recognition: recognition as RecognitionPoints, capacities: scenarioCapacities, needs: scenarioNeeds },
    capacities,
    needs,
    entities: [...entities].sort(),
    logCount: state.count,
  };
}
