import { expect } from "chai";
import { compareIds, isCanonicalDecimal } from "../../sdk/core/index.js";

describe("canonical id order", () => {
  it("orders canonical decimal ids numerically", () => {
    expect(["10", "9", "0", "100"].sort(compareIds)).to.deep.equal(["0", "9", "10", "100"]);
  });
  it("puts decimal ids before any other id, which sort by code unit", () => {
    expect(["b", "10", "a", "B", "07", "2"].sort(compareIds)).to.deep.equal(["2", "10", "07", "B", "a", "b"]);
  });
  it("recognizes only canonical decimals (no sign, no leading zero)", () => {
    expect(["0", "42"].map(isCanonicalDecimal)).to.deep.equal([true, true]);
    expect(["007", "+1", "-1", "1.0", "", " 1"].map(isCanonicalDecimal)).to.deep.equal([false, false, false, false, false, false]);
  });
});
