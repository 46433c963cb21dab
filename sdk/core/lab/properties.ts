/**
 * The axioms of SPEC §2 (and the extra guarantees FA-1 and FA-2 share, §3) as checks over one generated
 * input. A check returns nothing when the property holds, or a `Violation` saying what
 * was changed and what went wrong; the runner (checkAxioms.ts) lets fast-check search
 * and shrink inputs until a check fails.
 */
import type { Address, AllocationResult, Protocol, RecognitionPoints, Scenario } from "../types.js";
import type fc from "fast-check";
import { ENTITY_POOL, SYBIL, anyScenarioWithPicks, singleCapacityWithPicks, stressWithPicks, type ScenarioWithPicks } from "./arbitraries.js";
import { isCompatible } from "../compatibility.js";
import { indexRecognition, pointsOf } from "../recognition.js";
import { compatibility } from "./compatibility.js";

function points(recognition: RecognitionPoints, from: Address, to: Address): bigint {
  return pointsOf(indexRecognition(recognition), from, to);
}

export type AxiomName = "sovereignty" | "conservation" | "monotonicity" | "consistency" | "fa-1";

/** Why a property failed on one input. */
export interface Violation {
  /** What the property changed in the input, e.g. "revoked capacity c2" (absent when nothing). */
  readonly change?: string;
  /** What went wrong, with the numbers. */
  readonly detail: string;
  /**
   * The input the failure happened on, when the property ran the protocol on more than the generated
   * input (e.g. with a Sybil added): the counterexample then includes every entity it needs.
   */
  readonly scenario?: Scenario;
}

/**
 * One property of the lab. To add one, write it here (or in its own file under lab/) and list it in
 * AXIOM_PROPERTIES: the runner needs nothing else.
 */
export interface AxiomProperty {
  readonly id: string;
  readonly axiom: AxiomName;
  readonly title: string;
  /** The generated inputs it runs on (default: the lab's small scenarios, scenarioWithPicksArbitrary). */
  readonly inputs?: fc.Arbitrary<ScenarioWithPicks>;
  /**
   * A measured property (SPEC §2, recognition across capacities): not pass/fail; the runner reports
   * how many inputs violate it and the smallest counterexample found.
   */
  readonly measured?: boolean;
  check(protocol: Protocol, input: ScenarioWithPicks): Violation | undefined;
}

// ---- result arithmetic -------------------------------------------------------------

function sum(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

function givenFrom(result: AllocationResult, capacity: string): bigint {
  return sum(result.allocations.filter((a) => a.capacity === capacity).map((a) => a.amount));
}

function receivedBy(result: AllocationResult, need: string): bigint {
  return sum(result.allocations.filter((a) => a.need === need).map((a) => a.amount));
}

function fromProviderTo(result: AllocationResult, provider: Address, recipient: Address): bigint {
  return sum(result.allocations.filter((a) => a.provider === provider && a.recipient === recipient).map((a) => a.amount));
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function withRecognition(scenario: Scenario, recognition: RecognitionPoints): Scenario {
  return { ...scenario, recognition };
}

/** Sets p[from][to]; 0 removes the edge (absent and 0 mean the same). */
function setPoints(recognition: RecognitionPoints, from: Address, to: Address, value: bigint): RecognitionPoints {
  const row: Record<Address, bigint> = { ...recognition[from] };
  if (value === 0n) delete row[to];
  else row[to] = value;
  return { ...recognition, [from]: row };
}

/** A canonical text of a result, to compare two results for equality. */
export function canonicalResult(result: AllocationResult): string {
  const sorted = (record: Readonly<Record<string, bigint>>) =>
    Object.keys(record)
      .sort()
      .map((k) => `${k}=${record[k]}`)
      .join(",");
  const allocations = [...result.allocations]
    .map((a) => `${a.capacity}>${a.need}:${a.provider}>${a.recipient}=${a.amount}@${a.tier}`)
    .sort()
    .join(";");
  return `${allocations}|unmet:${sorted(result.unmet)}|unused:${sorted(result.unused)}`;
}

// ---- sovereignty ---------------------------------------------------------------------

const revokedCapacity: AxiomProperty = {
  id: "sovereignty.capacity",
  axiom: "sovereignty",
  title: "a revoked capacity allocates nothing",
  check(protocol, { scenario, capacityPick }) {
    const revoked = pick(scenario.capacities, capacityPick);
    if (revoked === undefined) return undefined;
    const after = protocol.allocate({ ...scenario, capacities: scenario.capacities.filter((c) => c !== revoked) });
    const given = givenFrom(after, revoked.id);
    if (given > 0n || revoked.id in after.unused) {
      return { change: `revoked capacity ${revoked.id}`, detail: `capacity ${revoked.id} still allocates ${given}` };
    }
    return undefined;
  },
};

const revokedNeed: AxiomProperty = {
  id: "sovereignty.need",
  axiom: "sovereignty",
  title: "a revoked need receives nothing",
  check(protocol, { scenario, needPick }) {
    const revoked = pick(scenario.needs, needPick);
    if (revoked === undefined) return undefined;
    const after = protocol.allocate({ ...scenario, needs: scenario.needs.filter((n) => n !== revoked) });
    const received = receivedBy(after, revoked.id);
    if (received > 0n || revoked.id in after.unmet) {
      return { change: `revoked need ${revoked.id}`, detail: `need ${revoked.id} still receives ${received}` };
    }
    return undefined;
  },
};

const revokedRecognition: AxiomProperty = {
  id: "sovereignty.recognition",
  axiom: "sovereignty",
  title: "a revoked recognition P→X stops P's capacities serving X",
  check(protocol, { scenario, capacityPick, needPick }) {
    const capacity = pick(scenario.capacities, capacityPick);
    const need = pick(scenario.needs, needPick);
    if (capacity === undefined || need === undefined) return undefined;
    const [p, x] = [capacity.provider, need.recipient];
    const afterEdge = protocol.allocate(withRecognition(scenario, setPoints(scenario.recognition, p, x, 0n)));
    const stillGiven = fromProviderTo(afterEdge, p, x);
    if (stillGiven > 0n) {
      return { change: `revoked recognition ${p} → ${x}`, detail: `${x} still receives ${stillGiven} from ${p}` };
    }
    const { [p]: _revoked, ...others } = scenario.recognition;
    const afterAll = protocol.allocate(withRecognition(scenario, others));
    const givenByP = sum(afterAll.allocations.filter((a) => a.provider === p).map((a) => a.amount));
    if (givenByP > 0n) {
      return { change: `revoked all recognition of ${p}`, detail: `${p}'s capacities still allocate ${givenByP}` };
    }
    return undefined;
  },
};

// ---- conservation --------------------------------------------------------------------

const capacityConservation: AxiomProperty = {
  id: "conservation.capacity",
  axiom: "conservation",
  title: "no capacity allocates more than its quantity",
  check(protocol, { scenario }) {
    const result = protocol.allocate(scenario);
    for (const c of scenario.capacities) {
      const given = givenFrom(result, c.id);
      if (given > c.quantity) return { detail: `capacity ${c.id} allocates ${given} > quantity ${c.quantity}` };
    }
    return undefined;
  },
};

const needConservation: AxiomProperty = {
  id: "conservation.need",
  axiom: "conservation",
  title: "no need receives more than its quantity (summed over all capacities)",
  check(protocol, { scenario }) {
    const result = protocol.allocate(scenario);
    for (const n of scenario.needs) {
      const received = receivedBy(result, n.id);
      if (received > n.quantity) return { detail: `need ${n.id} receives ${received} > quantity ${n.quantity}` };
    }
    return undefined;
  },
};

// ---- monotonicity --------------------------------------------------------------------

/** What X receives from P (from one capacity when `capacity` is given) before and after P raises its points on X. */
function recognitionRaise(protocol: Protocol, input: ScenarioWithPicks, capacityOnly: boolean): Violation | undefined {
  const { scenario, capacityPick, needPick, delta } = input;
  const capacity = pick(scenario.capacities, capacityPick);
  const need = pick(scenario.needs, needPick);
  if (capacity === undefined || need === undefined) return undefined;
  const [p, x] = [capacity.provider, need.recipient];
  const received = (r: AllocationResult) =>
    capacityOnly ? sum(r.allocations.filter((a) => a.capacity === capacity.id && a.recipient === x).map((a) => a.amount)) : fromProviderTo(r, p, x);
  const before = received(protocol.allocate(scenario));
  const raised = points(scenario.recognition, p, x) + BigInt(delta);
  const after = received(protocol.allocate(withRecognition(scenario, setPoints(scenario.recognition, p, x, raised))));
  if (after < before) {
    const from = capacityOnly ? `capacity ${capacity.id} of ${p}` : p;
    return { change: `raised p[${p}][${x}] to ${raised}`, detail: `${x} receives ${after} from ${from}, was ${before}` };
  }
  return undefined;
}

const capacityRecognitionMonotonicity: AxiomProperty = {
  id: "monotonicity.recognition-capacity",
  axiom: "monotonicity",
  title: "one capacity: raising P's points on X never lowers what X receives from it (any minUnit, both tiers)",
  inputs: singleCapacityWithPicks,
  check: (protocol, input) => recognitionRaise(protocol, input, true),
};

const crossCapacityRecognitionMonotonicity: AxiomProperty = {
  id: "monotonicity.recognition-across",
  axiom: "monotonicity",
  title: "several capacities: raising P's points on X lowers what X receives from P (rate measured, SPEC §2)",
  inputs: stressWithPicks,
  measured: true,
  check: (protocol, input) => (input.scenario.capacities.length < 2 ? undefined : recognitionRaise(protocol, input, false)),
};

const needMonotonicity: AxiomProperty = {
  id: "monotonicity.need",
  axiom: "monotonicity",
  title: "raising a need never lowers what it receives (any providers, any minUnit)",
  inputs: anyScenarioWithPicks,
  check(protocol, { scenario, needPick, delta }) {
    const need = pick(scenario.needs, needPick);
    if (need === undefined) return undefined;
    const before = receivedBy(protocol.allocate(scenario), need.id);
    const quantity = need.quantity + BigInt(delta);
    const needs = scenario.needs.map((n) => (n === need ? { ...n, quantity } : n));
    const after = receivedBy(protocol.allocate({ ...scenario, needs }), need.id);
    if (after < before) {
      return { change: `raised need ${need.id} to ${quantity}`, detail: `need ${need.id} receives ${after}, was ${before}` };
    }
    return undefined;
  },
};

// ---- consistency of the result ---------------------------------------------------------

const wellFormed: AxiomProperty = {
  id: "consistency.result",
  axiom: "consistency",
  title: "the result matches its inputs (ids, parties, units, minUnit, unmet, unused)",
  check(protocol, { scenario }) {
    const result = protocol.allocate(scenario);
    const capacities = new Map(scenario.capacities.map((c) => [c.id, c]));
    const needs = new Map(scenario.needs.map((n) => [n.id, n]));
    for (const a of result.allocations) {
      const c = capacities.get(a.capacity);
      const n = needs.get(a.need);
      const where = `allocation ${a.capacity} → ${a.need}`;
      if (c === undefined || n === undefined) return { detail: `${where} names an unknown capacity or need` };
      if (a.provider !== c.provider || a.recipient !== n.recipient) return { detail: `${where} names the wrong provider or recipient` };
      if (c.type !== n.type || c.unit !== n.unit) return { detail: `${where} crosses types or units` };
      if (a.amount <= 0n) return { detail: `${where} has non-positive amount ${a.amount}` };
      if (c.minUnit !== undefined && a.amount % c.minUnit !== 0n) {
        return { detail: `${where} amount ${a.amount} is not a multiple of minUnit ${c.minUnit}` };
      }
    }
    for (const c of scenario.capacities) {
      const expected = c.quantity - givenFrom(result, c.id);
      if (result.unused[c.id] !== expected) return { detail: `unused[${c.id}] is ${result.unused[c.id]}, expected ${expected}` };
    }
    for (const n of scenario.needs) {
      const rest = n.quantity - receivedBy(result, n.id);
      const expected = rest > 0n ? rest : 0n;
      if (result.unmet[n.id] !== expected) return { detail: `unmet[${n.id}] is ${result.unmet[n.id]}, expected ${expected}` };
    }
    return undefined;
  },
};

const orderIndependence: AxiomProperty = {
  id: "consistency.order",
  axiom: "consistency",
  title: "the result does not depend on the order of the inputs",
  check(protocol, { scenario, capacityPick, needPick }) {
    const rotate = <T>(items: readonly T[], by: number) => items.map((_, i) => items[(i + by) % items.length]).reverse();
    const shuffled: Scenario = {
      recognition: Object.fromEntries(Object.entries(scenario.recognition).reverse()),
      capacities: rotate(scenario.capacities, capacityPick),
      needs: rotate(scenario.needs, needPick),
    };
    const [a, b] = [canonicalResult(protocol.allocate(scenario)), canonicalResult(protocol.allocate(shuffled))];
    if (a !== b) return { change: "reordered capacities, needs and recognition", detail: "the result changed" };
    return undefined;
  },
};

// ---- FA-1 guarantees ----------------------------------------------------------------

const noWaste: AxiomProperty = {
  id: "fa-1.no-waste",
  axiom: "fa-1",
  title: "no capacity left unused while a compatible recognized need is unmet",
  check(protocol, { scenario }) {
    const result = protocol.allocate(scenario);
    for (const c of scenario.capacities) {
      // With a minimum unit, less than one unit left (or wanted) is not waste.
      const step = c.minUnit ?? 1n;
      if ((result.unused[c.id] ?? 0n) < step) continue;
      for (const n of scenario.needs) {
        if (!isCompatible(c, n) || points(scenario.recognition, c.provider, n.recipient) === 0n) continue;
        if ((result.unmet[n.id] ?? 0n) >= step) {
          return { detail: `capacity ${c.id} leaves ${result.unused[c.id]} unused while need ${n.id} (recognized by its provider) misses ${result.unmet[n.id]}` };
        }
      }
    }
    return undefined;
  },
};

const tierPriority: AxiomProperty = {
  id: "fa-1.tier-priority",
  axiom: "fa-1",
  title: "tiers are labelled right, and tier 2 gets from a capacity only what tier 1 cannot use",
  check(protocol, { scenario }) {
    const result = protocol.allocate(scenario);
    const recognition = indexRecognition(scenario.recognition);
    const tierOf = (provider: Address, recipient: Address): 1 | 2 | undefined => {
      if (pointsOf(recognition, provider, recipient) === 0n) return undefined;
      return pointsOf(recognition, recipient, provider) > 0n ? 1 : 2;
    };
    for (const a of result.allocations) {
      const expected = tierOf(a.provider, a.recipient);
      if (expected !== undefined && a.tier !== expected) {
        return { detail: `allocation ${a.capacity} → ${a.need} is labelled tier ${a.tier}, recognition makes it tier ${expected}` };
      }
    }
    for (const c of scenario.capacities) {
      const toTier2 = result.allocations.find((a) => a.capacity === c.id && tierOf(c.provider, a.recipient) === 2);
      if (toTier2 === undefined) continue;
      const step = c.minUnit ?? 1n;
      const starved = scenario.needs.find(
        (n) => isCompatible(c, n) && tierOf(c.provider, n.recipient) === 1 && (result.unmet[n.id] ?? 0n) >= step,
      );
      if (starved !== undefined) {
        return { detail: `capacity ${c.id} gives ${toTier2.amount} to tier-2 need ${toTier2.need} while tier-1 need ${starved.id} misses ${result.unmet[starved.id]}` };
      }
    }
    return undefined;
  },
};

const sybilZero: AxiomProperty = {
  id: "fa-1.sybil-zero",
  axiom: "fa-1",
  title: "an unrecognized address gets nothing and changes nothing, whatever it signals",
  check(protocol, { scenario }) {
    const sybilNeeds = scenario.capacities.map((c, i) => ({
      id: `sybil${i + 1}`,
      recipient: SYBIL,
      type: c.type,
      unit: c.unit,
      quantity: 1000n,
    }));
    const sybilRecognition = Object.fromEntries(ENTITY_POOL.map((a) => [a, 100n]));
    const withSybil: Scenario = {
      ...scenario,
      recognition: { ...scenario.recognition, [SYBIL]: sybilRecognition },
      needs: [...scenario.needs, ...sybilNeeds],
    };
    const result = protocol.allocate(withSybil);
    const taken = sum(result.allocations.filter((a) => a.recipient === SYBIL).map((a) => a.amount));
    const change = `added unrecognized ${SYBIL} recognizing everyone and needing 1000 of every capacity's type`;
    if (taken > 0n) return { change, detail: `the Sybil receives ${taken}`, scenario: withSybil };
    const { unmet, ...rest } = result;
    const unmetOfOthers = Object.fromEntries(Object.entries(unmet).filter(([id]) => !id.startsWith("sybil")));
    if (canonicalResult({ ...rest, unmet: unmetOfOthers }) !== canonicalResult(protocol.allocate(scenario))) {
      return { change, detail: "the allocations of the others changed", scenario: withSybil };
    }
    return undefined;
  },
};

/** Every property the lab checks, in report order. */
export const AXIOM_PROPERTIES: readonly AxiomProperty[] = [
  revokedCapacity,
  revokedNeed,
  revokedRecognition,
  capacityConservation,
  needConservation,
  needMonotonicity,
  capacityRecognitionMonotonicity,
  crossCapacityRecognitionMonotonicity,
  wellFormed,
  compatibility,
  orderIndependence,
  noWaste,
  tierPriority,
  sybilZero,
];
