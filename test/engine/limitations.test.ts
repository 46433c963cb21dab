/**
 * Known limitations of FA-1 (docs/protocol.md §8): concrete counterexamples to weak
 * monotonicity of recognition outside the cases the property tests cover. These tests pin
 * the counterexamples: if the engine changes so that one disappears, the test fails and the
 * documentation must be updated with it.
 */
import { expect } from "chai";
import { fa1, indexRecognition, mutualRecognition, rational } from "../../sdk/core/index.js";
import { addr, amountOf, s1Scenario, l1Scenario, l2Scenario } from "./fixtures.js";
import { fromProviderTo, toNeed } from "./arbitraries.js";

describe("FA-1 known limitations (pinned counterexamples)", () => {
  it("L1 several providers: A raising its recognition of B lowers what B receives from A (20 -> 19)", () => {
    const A = addr(2), B = addr(4);
    const before = fa1.allocate(l1Scenario(1n));
    const after = fa1.allocate(l1Scenario(13n));
    expect(fromProviderTo(before, A, B)).to.equal(20n);
    expect(fromProviderTo(after, A, B)).to.equal(19n);
    // What B receives in total is unchanged. A's raise lowers A's self-weight, so A's capacities
    // move units from A's need to B's; B's need is over-offered and scaled in proportion to all
    // offers, and B's own capacity c1, which now also has units for B, takes one unit of it.
    expect(toNeed(before, "n0")).to.equal(20n);
    expect(toNeed(after, "n0")).to.equal(20n);
  });

  it("L2 one provider, a coarse minUnit: raising recognition of X lowers what X receives (25 -> 23)", () => {
    const P = addr(1), X = addr(4);
    const before = fa1.allocate(l2Scenario(1n));
    const after = fa1.allocate(l2Scenario(2n));
    expect(fromProviderTo(before, P, X)).to.equal(25n);
    expect(fromProviderTo(after, P, X)).to.equal(23n);
    // The 2 units X misses sit in c0, which can only give multiples of 3.
    expect(after.unmet["n3"]).to.equal(2n);
    expect(after.unused["c0"]).to.equal(3n);
  });

  it("S1 one capacity, minUnit 1, tier 1: raising p[P][X] 10 -> 30 (only K's MR falls, 41/144 -> 36/144) takes X from 1 unit to 0", () => {
    const P = addr(1), X = addr(2), K = addr(3), Y = addr(4);
    // The scenario is the issue's: only K's mutual recognition with P falls, 41/144 -> 36/144.
    const mr = (pPX: bigint) => {
      const index = indexRecognition(s1Scenario(pPX).recognition);
      return [X, K, Y].map((r) => mutualRecognition(index, P, r));
    };
    expect(mr(10n)).to.deep.equal([rational(1n, 27n), rational(41n, 144n), rational(3n, 10n)]);
    expect(mr(30n)).to.deep.equal([rational(1n, 27n), rational(36n, 144n), rational(3n, 10n)]);
    const before = fa1.allocate(s1Scenario(10n));
    const after = fa1.allocate(s1Scenario(30n));
    expect(fromProviderTo(before, P, X)).to.equal(1n);
    expect(fromProviderTo(after, P, X)).to.equal(0n);
    // Largest remainder over MR weights X 1/27, K 41/144, Y 3/10 (2160ths: 80, 615, 648) of 9:
    // quotas 0.54, 4.12, 4.34, one unit left, X's remainder is largest. K at 36/144 (540): quotas
    // 0.57, 3.83, 4.60, two units left, K's and Y's remainders beat X's although X's quota rose
    // (the population paradox: only divisor methods avoid it).
    const split = (r: typeof before) => [amountOf(r, "c1", "nX"), amountOf(r, "c1", "nK"), amountOf(r, "c1", "nY")];
    expect(split(before)).to.deep.equal([1n, 4n, 4n]);
    expect(split(after)).to.deep.equal([0n, 4n, 5n]);
  });
});
