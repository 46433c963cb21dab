import { expect } from "chai";
import { indexRecognition, mutualRecognition, recognitionShare, rational, equalRational, tierOf, EngineError } from "../../sdk/core/index.js";
import { addr } from "./fixtures.js";

const A = addr(1), B = addr(2), C = addr(3);

describe("recognition shares", () => {
  const index = indexRecognition({ [A]: { [B]: 60n, [C]: 30n, [A]: 10n }, [B]: { [A]: 1n, [C]: 3n } });

  it("is each entity's points over its own total, as an exact rational", () => {
    expect(recognitionShare(index, A, B)).to.deep.equal(rational(3n, 5n));
    expect(recognitionShare(index, B, C)).to.deep.equal(rational(3n, 4n));
  });

  it("is zero for an entity that gives no points or a pair without points", () => {
    expect(recognitionShare(index, C, A).num).to.equal(0n);
    expect(recognitionShare(index, B, B).num).to.equal(0n);
  });

  it("treats address keys case-insensitively", () => {
    const upper = indexRecognition({ ["0x00000000000000000000000000000000000000AA" as `0x${string}`]: { [B]: 1n } });
    expect(recognitionShare(upper, "0x00000000000000000000000000000000000000aa", B)).to.deep.equal(rational(1n, 1n));
  });

  it("rejects negative points with the offending values", () => {
    const bad = indexRecognition({ [A]: { [B]: -1n } });
    expect(() => bad.row(A)).to.throw(EngineError).with.property("code", "NEGATIVE_POINTS");
  });
});

describe("mutual recognition", () => {
  const index = indexRecognition({ [A]: { [B]: 60n, [C]: 30n, [A]: 10n }, [B]: { [A]: 1n, [C]: 3n } });

  it("is the smaller of the two shares", () => {
    // R[A][B] = 3/5, R[B][A] = 1/4
    expect(mutualRecognition(index, A, B)).to.deep.equal(rational(1n, 4n));
  });

  it("is symmetric", () => {
    expect(equalRational(mutualRecognition(index, A, B), mutualRecognition(index, B, A))).to.equal(true);
  });

  it("is zero when recognition is one-way", () => {
    expect(mutualRecognition(index, A, C).num).to.equal(0n);
  });

  it("of an entity with itself is its self-share", () => {
    expect(mutualRecognition(index, A, A)).to.deep.equal(rational(1n, 10n));
  });
});

describe("tiers", () => {
  const index = indexRecognition({ [A]: { [B]: 60n, [C]: 40n }, [B]: { [A]: 1n } });

  it("puts a mutually recognized recipient in tier 1 with weight MR", () => {
    expect(tierOf(index, A, B)).to.deep.equal({ tier: 1, weight: rational(3n, 5n) });
  });

  it("puts a one-way recognized recipient in tier 2 with weight R[P][r]", () => {
    expect(tierOf(index, A, C)).to.deep.equal({ tier: 2, weight: rational(2n, 5n) });
  });

  it("gives no tier to a recipient the provider does not recognize", () => {
    expect(tierOf(index, B, C)).to.equal(undefined);
    expect(tierOf(index, C, A)).to.equal(undefined);
  });
});
