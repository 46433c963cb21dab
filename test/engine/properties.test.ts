/**
 * Property tests of FA-1 (SPEC §3 "Properties the implementation proves by tests").
 * fast-check, 1,000 runs each, fixed seed (RUNS), small generated scenarios.
 */
import { expect } from "chai";
import fc from "fast-check";
import type { Address, Capacity, Scenario } from "../../sdk/core/index.js";
import { fa1, commitmentRoots, indexRecognition, tierOf, isCompatible, rational, type Rational } from "../../sdk/core/index.js";
import { POOL, RUNS, scenarioArb, fromCapacity, toNeed, eligibleNeeds, shuffle, fromProviderTo } from "./arbitraries.js";

const mu = (c: Capacity) => c.minUnit ?? 1n;

describe("FA-1 properties", function () {
  this.timeout(120_000);

  it("conserves every capacity and every need (never above quantity or need)", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), (s) => {
      const r = fa1.allocate(s);
      for (const c of s.capacities) {
        const given = fromCapacity(r, c.id);
        expect(given + r.unused[c.id]).to.equal(c.quantity);
        expect(r.unused[c.id] >= 0n).to.equal(true);
      }
      for (const n of s.needs) {
        const got = toNeed(r, n.id);
        expect(got + r.unmet[n.id]).to.equal(n.quantity);
        expect(got <= n.quantity).to.equal(true);
      }
      for (const a of r.allocations) expect(a.amount > 0n).to.equal(true);
    }), RUNS);
  });

  it("only allocates between compatible pairs, from the right tier, in multiples of minUnit", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), (s) => {
      const r = fa1.allocate(s);
      const index = indexRecognition(s.recognition);
      for (const a of r.allocations) {
        const c = s.capacities.find((x) => x.id === a.capacity)!;
        const n = s.needs.find((x) => x.id === a.need)!;
        expect(isCompatible(c, n)).to.equal(true);
        expect(tierOf(index, c.provider, n.recipient)?.tier).to.equal(a.tier);
        expect(a.amount % mu(c)).to.equal(0n);
      }
    }), RUNS);
  });

  it("wastes nothing: no capacity keeps a minUnit while an eligible need still has one unmet", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), (s) => {
      const r = fa1.allocate(s);
      for (const c of s.capacities) {
        if (r.unused[c.id] < mu(c)) continue;
        for (const { need } of eligibleNeeds(s, c)) expect(r.unmet[need.id] < mu(c), `${c.id} idle while ${need.id} unmet`).to.equal(true);
      }
    }), RUNS);
  });

  it("gives tier 2 of a capacity something only when its tier-1 needs are met (to within a minUnit)", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), (s) => {
      const r = fa1.allocate(s);
      for (const c of s.capacities) {
        const tier2 = r.allocations.filter((a) => a.capacity === c.id && a.tier === 2).reduce((x, a) => x + a.amount, 0n);
        if (tier2 === 0n) continue;
        for (const { need, tier } of eligibleNeeds(s, c)) if (tier === 1) expect(r.unmet[need.id] < mu(c)).to.equal(true);
      }
    }), RUNS);
  });

  it("is proportional within a tier to one unit (single capacity, exact reference λ)", () => {
    fc.assert(fc.property(scenarioArb({ maxCapacities: 1 }), (s) => {
      const r = fa1.allocate(s);
      const c = s.capacities[0];
      const index = indexRecognition(s.recognition);
      // Recipient-level demand and weight per tier, computed independently.
      const tiers: Map<Address, { weight: Rational; demand: bigint }>[] = [new Map(), new Map()];
      for (const n of s.needs) {
        if (!isCompatible(c, n)) continue;
        const t = tierOf(index, c.provider, n.recipient);
        if (t === undefined) continue;
        const m = tiers[t.tier - 1];
        const entry = m.get(n.recipient) ?? { weight: t.weight, demand: 0n };
        m.set(n.recipient, { weight: entry.weight, demand: entry.demand + n.quantity });
      }
      let quantity = c.quantity;
      for (const tier of tiers) {
        const exact = referenceWaterFill(quantity, tier);
        let given = 0n;
        for (const [recipient, share] of exact) {
          const got = fromCapacity(r, c.id, recipient);
          given += got;
          // |got − share| < 1  <=>  |got·den − num| < den
          const diff = got * share.den - share.num;
          expect(diff < share.den && -diff < share.den, `${recipient}: ${got} vs ${share.num}/${share.den}`).to.equal(true);
        }
        quantity -= given;
      }
    }), RUNS);
  });

  it("does not depend on the order of capacities, needs or recognition keys (allocations and roots)", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), fc.integer({ min: 1, max: 2 ** 31 }), (s, seed) => {
      const shuffled: Scenario = {
        recognition: Object.fromEntries(shuffle(Object.entries(s.recognition), seed).map(([k, row]) => [k, Object.fromEntries(shuffle(Object.entries(row), seed + 1))])),
        capacities: shuffle(s.capacities, seed + 2),
        needs: shuffle(s.needs, seed + 3),
      };
      const a = fa1.allocate(s);
      const b = fa1.allocate(shuffled);
      expect(b).to.deep.equal(a);
      expect(JSON.stringify(Object.keys(b.unmet))).to.equal(JSON.stringify(Object.keys(a.unmet)));
      expect(commitmentRoots(b)).to.deep.equal(commitmentRoots(a));
    }), RUNS);
  });

  it("gives an unrecognized address (a Sybil) nothing, and its signals change nothing", () => {
    const sybil = "0x00000000000000000000000000000000000000ff" as Address;
    fc.assert(fc.property(scenarioArb({ minUnits: true }), fc.integer({ min: 1, max: 1000 }), (s, points) => {
      const base = fa1.allocate(s);
      const attacked: Scenario = {
        recognition: { ...s.recognition, [sybil]: Object.fromEntries(POOL.map((p) => [p, BigInt(points)])) },
        capacities: s.capacities,
        needs: [
          ...s.needs,
          ...["WASH", "Health"].flatMap((type) => [1, 2, 3].map((k) => ({
            id: `sybil-${type}-${k}`, recipient: sybil, type, unit: type === "WASH" ? "L" : "kit", quantity: 10n ** 9n,
          }))),
        ],
      };
      const r = fa1.allocate(attacked);
      expect(r.allocations.filter((a) => a.recipient === sybil)).to.deep.equal([]);
      expect(r.allocations).to.deep.equal(base.allocations);
    }), RUNS);
  });

  it("revocation takes effect: withdrawn recognition, needs and capacities get and give nothing", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), fc.nat(5), fc.nat(5), fc.nat(10), (s, i, j, k) => {
      const [P, X] = [POOL[i], POOL[j]];
      // P withdraws its recognition of X: X receives nothing from P.
      const revoked: Scenario = { ...s, recognition: { ...s.recognition, [P]: { ...(s.recognition[P] ?? {}), [X]: 0n } } };
      expect(fromProviderTo(fa1.allocate(revoked), P, X)).to.equal(0n);
      // X withdraws its recognition of P: whatever X still gets from P is tier 2.
      const oneWay: Scenario = { ...s, recognition: { ...s.recognition, [X]: { ...(s.recognition[X] ?? {}), [P]: 0n } } };
      if (P !== X) for (const a of fa1.allocate(oneWay).allocations) if (a.provider === P && a.recipient === X) expect(a.tier).to.equal(2);
      // A withdrawn need or capacity no longer appears.
      const n = s.needs[k % s.needs.length];
      const c = s.capacities[k % s.capacities.length];
      const r = fa1.allocate({ ...s, needs: s.needs.filter((x) => x !== n), capacities: s.capacities.filter((x) => x !== c) });
      expect(r.allocations.some((a) => a.need === n.id || a.capacity === c.id)).to.equal(false);
    }), RUNS);
  });

  it("is deterministic: the same input gives the same bytes", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), (s) => {
      const a = fa1.allocate(s);
      const b = fa1.allocate(structuredClone(s));
      expect(b).to.deep.equal(a);
    }), RUNS);
  });
});

describe("FA-1 weak monotonicity", function () {
  this.timeout(120_000);

  /** All capacities belong to one provider POOL[0]. */
  const singleProvider = (s: Scenario): Scenario => ({ ...s, capacities: s.capacities.map((c) => ({ ...c, provider: POOL[0] })) });

  const raiseRecognition = (s: Scenario, P: Address, X: Address, by: bigint): Scenario => ({
    ...s,
    recognition: { ...s.recognition, [P]: { ...(s.recognition[P] ?? {}), [X]: (s.recognition[P]?.[X] ?? 0n) + by } },
  });

  it("raising P's recognition of X never lowers what X receives from P (one capacity, with minUnit)", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true, maxCapacities: 1 }), fc.nat(5), fc.integer({ min: 1, max: 20 }), (s, j, by) => {
      const [P, X] = [s.capacities[0].provider, POOL[j]];
      const before = fromProviderTo(fa1.allocate(s), P, X);
      const after = fromProviderTo(fa1.allocate(raiseRecognition(s, P, X, BigInt(by))), P, X);
      expect(after >= before, `${before} -> ${after}`).to.equal(true);
    }), RUNS);
  });

  it("raising P's recognition of X never lowers what X receives from P (one provider, several capacities, no minUnit)", () => {
    fc.assert(fc.property(scenarioArb(), fc.nat(5), fc.integer({ min: 1, max: 20 }), (s0, j, by) => {
      const s = singleProvider(s0);
      const [P, X] = [POOL[0], POOL[j]];
      const before = fromProviderTo(fa1.allocate(s), P, X);
      const after = fromProviderTo(fa1.allocate(raiseRecognition(s, P, X, BigInt(by))), P, X);
      expect(after >= before, `${before} -> ${after}`).to.equal(true);
    }), RUNS);
  });

  it("raising a need never lowers what it receives (single provider)", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), fc.nat(10), fc.integer({ min: 1, max: 20 }), (s0, k, by) => {
      const s = singleProvider(s0);
      const n = s.needs[k % s.needs.length];
      const raised = { ...s, needs: s.needs.map((x) => (x === n ? { ...x, quantity: x.quantity + BigInt(by) } : x)) };
      expect(toNeed(fa1.allocate(raised), n.id) >= toNeed(fa1.allocate(s), n.id)).to.equal(true);
    }), RUNS);
  });

  it("raising a need never lowers what it receives (several providers)", () => {
    fc.assert(fc.property(scenarioArb({ minUnits: true }), fc.nat(10), fc.integer({ min: 1, max: 20 }), (s, k, by) => {
      const n = s.needs[k % s.needs.length];
      const raised = { ...s, needs: s.needs.map((x) => (x === n ? { ...x, quantity: x.quantity + BigInt(by) } : x)) };
      expect(toNeed(fa1.allocate(raised), n.id) >= toNeed(fa1.allocate(s), n.id)).to.equal(true);
    }), RUNS);
  });
});

/**
 * Reference water-fill, written differently from the engine (fixed-point iteration on the
 * set of capped claims): exact rational share min(demand, λ·w) per key.
 */
function referenceWaterFill(quantity: bigint, claims: Map<Address, { weight: Rational; demand: bigint }>): Map<Address, Rational> {
  const capped = new Set<Address>();
  let total = 0n;
  for (const { demand } of claims.values()) total += demand;
  const out = new Map<Address, Rational>();
  if (total <= quantity) {
    for (const [k, c] of claims) out.set(k, rational(c.demand, 1n));
    return out;
  }
  for (;;) {
    let rest = quantity;
    let wNum = 0n, wDen = 1n;
    for (const [k, c] of claims) {
      if (capped.has(k)) rest -= c.demand;
      else { wNum = wNum * c.weight.den + c.weight.num * wDen; wDen *= c.weight.den; }
    }
    // λ = rest / (wNum/wDen)
    const lambda = rational(rest * wDen, wNum);
    let changed = false;
    for (const [k, c] of claims) {
      if (capped.has(k)) continue;
      // demand <= λ·w ?
      if (c.demand * lambda.den * c.weight.den <= lambda.num * c.weight.num) { capped.add(k); changed = true; }
    }
    if (!changed) {
      for (const [k, c] of claims) out.set(k, capped.has(k) ? rational(c.demand, 1n) : rational(lambda.num * c.weight.num, lambda.den * c.weight.den));
      return out;
    }
  }
}
