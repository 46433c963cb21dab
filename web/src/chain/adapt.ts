/**
 * Pure adapters from sdk/chain's results to the shapes the pages render (string ids like the
 * engine's scenario, optional location instead of ""). No chain logic here: status, roots, totals
 * and proofs all come from the SDK.
 */
import type { Address } from "viem";
import type { RoundLedger, Snapshot } from "../../../sdk/chain/index.js";
import type { ChainCapacity, ChainNeed, ChainSnapshot, LeafProgress, RoundCommitment } from "./types.js";

export function toChainSnapshot(s: Snapshot, names: Readonly<Record<string, string>> = {}): ChainSnapshot {
  const scenarioCaps = new Map(s.scenario.capacities.map((c) => [c.id, c]));
  const scenarioNeeds = new Map(s.scenario.needs.map((n) => [n.id, n]));
  const allCapacities: ChainCapacity[] = s.capacities.map((c) => ({
    // The scenario entry carries window, filter and lot size; revoked or used-up ones are not in it.
    ...scenarioCaps.get(String(c.id)),
    id: String(c.id),
    provider: c.provider,
    type: c.sector,
    unit: c.unit,
    quantity: c.available,
    location: c.location === "" ? undefined : c.location,
    recurring: c.recurring,
    declared: c.declared,
    active: c.active,
  }));
  const allNeeds: ChainNeed[] = s.needs.map((n) => ({
    ...scenarioNeeds.get(String(n.id)),
    id: String(n.id),
    recipient: n.recipient,
    type: n.sector,
    unit: n.unit,
    quantity: n.residual,
    location: n.location === "" ? undefined : n.location,
    declared: n.declared,
    active: n.active,
  }));
  const lowerNames = Object.fromEntries(Object.entries(names).map(([a, n]) => [a.toLowerCase(), n]));
  return { block: s.block, scenario: { ...s.scenario, names: lowerNames }, allCapacities, allNeeds, sdk: s };
}

/** A round's commitments keyed by capacity id (decimal), each with its leaves' progress. */
export function commitmentsOf(ledger: RoundLedger, round: bigint): Map<string, RoundCommitment> {
  const out = new Map<string, RoundCommitment>();
  for (const c of ledger.state.commitments.values()) {
    if (c.round !== round) continue;
    const leaves = new Map<string, LeafProgress>();
    const prefix = `${round}:${c.capacityId}:${c.version}:`;
    for (const [key, leaf] of ledger.state.leaves) {
      if (!key.startsWith(prefix)) continue;
      const needId = key.slice(prefix.length);
      leaves.set(needId, { needId, recipient: leaf.recipient as Address, delivered: leaf.delivered, confirmed: leaf.confirmed });
    }
    out.set(String(c.capacityId), {
      capacityId: String(c.capacityId),
      provider: c.provider,
      root: c.root,
      total: c.total,
      protocolId: c.protocolId,
      version: c.version,
      withdrawn: c.withdrawn,
      delivered: c.delivered,
      leaves,
    });
  }
  return out;
}
