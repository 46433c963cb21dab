import { expect } from "chai";
import fc from "fast-check";
import { waterFill, rational, scaleOffers, EngineError } from "../../sdk/core/index.js";

const w = (num: bigint, den = 1n) => rational(num, den);

describe("waterFill", () => {
  it("splits in proportion to weight when nobody is capped", () => {
    const r = waterFill(100n, [
      { key: "a", weight: w(1n, 4n), demand: 1000n },
      { key: "b", weight: w(3n, 4n), demand: 1000n },
    ]);
    expect(r.amounts).to.deep.equal([25n, 75n]);
    expect(r.level).to.deep.equal(rational(100n, 1n));
  });

  it("caps every recipient at its demand and gives the rest to the others by weight", () => {
    // equal weights, 90 units: a needs 10 -> capped; b and c share 80.
    const r = waterFill(90n, [
      { key: "a", weight: w(1n), demand: 10n },
      { key: "b", weight: w(1n), demand: 100n },
      { key: "c", weight: w(1n), demand: 100n },
    ]);
    expect(r.amounts).to.deep.equal([10n, 40n, 40n]);
    expect(r.level).to.deep.equal(rational(40n, 1n));
  });

  it("meets all demand when the quantity suffices, leaving the rest unused", () => {
    const r = waterFill(100n, [
      { key: "a", weight: w(1n), demand: 10n },
      { key: "b", weight: w(2n), demand: 30n },
    ]);
    expect(r.amounts).to.deep.equal([10n, 30n]);
    expect(r.level).to.deep.equal(rational(15n, 1n));
  });

  it("floors and hands leftover units to the largest remainders", () => {
    // weights 1:1:1, 10 units -> 3.33 each: floors 3,3,3, one leftover; equal remainders -> smallest key.
    const r = waterFill(10n, [
      { key: "c", weight: w(1n), demand: 50n },
      { key: "a", weight: w(1n), demand: 50n },
      { key: "b", weight: w(1n), demand: 50n },
    ]);
    expect(r.amounts).to.deep.equal([3n, 4n, 3n]);
  });

  it("ranks remainders before keys", () => {
    // weights 1:2, 10 units -> 3.33, 6.67: b has the larger remainder.
    const r = waterFill(10n, [
      { key: "a", weight: w(1n), demand: 50n },
      { key: "b", weight: w(2n), demand: 50n },
    ]);
    expect(r.amounts).to.deep.equal([3n, 7n]);
  });

  it("handles weights with different denominators exactly", () => {
    // 1/3 vs 1/6: ratio 2:1 -> 12 units -> 8, 4
    const r = waterFill(12n, [
      { key: "a", weight: w(1n, 3n), demand: 50n },
      { key: "b", weight: w(1n, 6n), demand: 50n },
    ]);
    expect(r.amounts).to.deep.equal([8n, 4n]);
    expect(r.level).to.deep.equal(rational(24n, 1n));
  });

  it("gives nothing to zero demand and nothing from zero quantity", () => {
    expect(waterFill(10n, [{ key: "a", weight: w(1n), demand: 0n }, { key: "b", weight: w(1n), demand: 4n }]).amounts).to.deep.equal([0n, 4n]);
    expect(waterFill(0n, [{ key: "a", weight: w(1n), demand: 5n }]).amounts).to.deep.equal([0n]);
  });

  it("rejects a zero weight", () => {
    expect(() => waterFill(1n, [{ key: "a", weight: { num: 0n, den: 1n }, demand: 1n }])).to.throw(EngineError);
  });
});

describe("scaleOffers (rounding of over-offered needs)", () => {
  it("accepts every offer when they fit the residual", () => {
    expect(scaleOffers(10n, [{ key: "x", amount: 4n, minUnit: 1n }, { key: "y", amount: 6n, minUnit: 1n }])).to.deep.equal([4n, 6n]);
  });

  it("scales offers down proportionally so the need gets exactly its residual", () => {
    // 80 offered 71 + 30 = 101: exact 56.24 and 23.76 -> 56 + 24
    expect(scaleOffers(80n, [{ key: "1", amount: 71n, minUnit: 1n }, { key: "2", amount: 30n, minUnit: 1n }])).to.deep.equal([56n, 24n]);
  });

  it("breaks equal remainders by capacity id", () => {
    expect(scaleOffers(5n, [{ key: "b", amount: 5n, minUnit: 1n }, { key: "a", amount: 5n, minUnit: 1n }])).to.deep.equal([2n, 3n]);
  });

  it("keeps multiples of minUnit and may leave less than a minUnit missing", () => {
    // residual 5, two offers of 4 in units of 2: exact 2.5 each -> 2, 2; 1 missing < minUnit.
    expect(scaleOffers(5n, [{ key: "a", amount: 4n, minUnit: 2n }, { key: "b", amount: 4n, minUnit: 2n }])).to.deep.equal([2n, 2n]);
  });

  it("lets a finer capacity take what a coarser one cannot", () => {
    // residual 5: offers 4 (unit 4) and 5 (unit 1): exact 2.22, 2.78 -> 0, 2; missing 3 -> +1 to b (larger remainder), then b takes 2 more.
    expect(scaleOffers(5n, [{ key: "a", amount: 4n, minUnit: 4n }, { key: "b", amount: 5n, minUnit: 1n }])).to.deep.equal([0n, 5n]);
  });
});

describe("waterFill and scaleOffers (properties, 1,000 runs)", () => {
  const claimsArb = fc.array(
    fc.record({ num: fc.integer({ min: 1, max: 50 }), den: fc.integer({ min: 1, max: 50 }), demand: fc.integer({ min: 0, max: 60 }) }),
    { minLength: 1, maxLength: 8 },
  );

  it("gives each claim min(demand, λ·w) to within one unit, never above demand, using min(U, Σ demand)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), claimsArb, (U, raw) => {
      const claims = raw.map((c, i) => ({ key: `k${i}`, weight: rational(BigInt(c.num), BigInt(c.den)), demand: BigInt(c.demand) }));
      const { amounts, level } = waterFill(BigInt(U), claims);
      const total = claims.reduce((s, c) => s + c.demand, 0n);
      expect(amounts.reduce((s, a) => s + a, 0n)).to.equal(BigInt(U) < total ? BigInt(U) : total);
      claims.forEach((c, i) => {
        expect(amounts[i] >= 0n && amounts[i] <= c.demand).to.equal(true);
        // exact = min(demand, level·w) = min(demand, (ln·wn)/(ld·wd))
        const num = level.num * c.weight.num, den = level.den * c.weight.den;
        const exactNum = c.demand * den < num ? c.demand * den : num;
        const diff = amounts[i] * den - exactNum;
        expect(diff < den && -diff < den).to.equal(true);
      });
    }), { numRuns: 1000, seed: 11 });
  });

  const offersArb = fc.array(
    fc.record({ amount: fc.integer({ min: 1, max: 15 }), minUnit: fc.integer({ min: 1, max: 4 }) }),
    { minLength: 1, maxLength: 6 },
  );

  it("scales unit offers to exactly the residual, each within one unit of its proportional share", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), offersArb, (residual, raw) => {
      const offers = raw.map((o, i) => ({ key: `c${i}`, amount: BigInt(o.amount), minUnit: 1n }));
      const R = BigInt(residual);
      const O = offers.reduce((s, o) => s + o.amount, 0n);
      const accepted = scaleOffers(R, offers);
      expect(accepted.reduce((s, a) => s + a, 0n)).to.equal(O < R ? O : R);
      offers.forEach((o, i) => {
        expect(accepted[i] <= o.amount).to.equal(true);
        if (O > R) {
          const diff = accepted[i] * O - R * o.amount; // (accepted − exact share)·O
          expect(diff < O && -diff < O).to.equal(true);
        }
      });
    }), { numRuns: 1000, seed: 12 });
  });

  it("with minUnits: multiples, never above offer or residual, and what is missing is below every cut offer's minUnit", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), offersArb, (residual, raw) => {
      const R = BigInt(residual);
      // offers are multiples of their minUnit and at most the residual (as the engine makes them)
      const offers = raw
        .map((o, i) => ({ key: `c${i}`, minUnit: BigInt(o.minUnit), amount: BigInt(o.amount) * BigInt(o.minUnit) }))
        .filter((o) => o.amount <= R);
      fc.pre(offers.length > 0);
      const accepted = scaleOffers(R, offers);
      const sum = accepted.reduce((s, a) => s + a, 0n);
      expect(sum <= R).to.equal(true);
      const missing = R - sum;
      offers.forEach((o, i) => {
        expect(accepted[i] % o.minUnit).to.equal(0n);
        expect(accepted[i] <= o.amount).to.equal(true);
        if (accepted[i] < o.amount) expect(missing < o.minUnit).to.equal(true);
      });
    }), { numRuns: 1000, seed: 13 });
  });
});
