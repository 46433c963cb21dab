import { expect } from "chai";
import { windowsOverlap, locationCovers, filterAdmits, isCompatible } from "../../sdk/core/index.js";
import { addr, cap, need } from "./fixtures.js";

const A = addr(1), B = addr(2);

describe("compatibility", () => {
  describe("windows", () => {
    it("overlap when the half-open intervals intersect", () => {
      expect(windowsOverlap({ start: 0n, end: 10n }, { start: 9n, end: 20n })).to.equal(true);
    });
    it("do not overlap when one ends where the other starts", () => {
      expect(windowsOverlap({ start: 0n, end: 10n }, { start: 10n, end: 20n })).to.equal(false);
      expect(windowsOverlap({ start: 10n, end: 20n }, { start: 0n, end: 10n })).to.equal(false);
    });
    it("treat a missing window as any time", () => {
      expect(windowsOverlap(undefined, { start: 5n, end: 6n })).to.equal(true);
      expect(windowsOverlap({ start: 5n, end: 6n }, undefined)).to.equal(true);
    });
  });

  describe("locations", () => {
    it("a code covers itself and its descendants at a '-' boundary", () => {
      expect(locationCovers("MZ-P", "MZ-P")).to.equal(true);
      expect(locationCovers("MZ-P", "MZ-P-01")).to.equal(true);
      expect(locationCovers("MZ", "MZ-P-01")).to.equal(true);
    });
    it("a code does not cover a sibling sharing its prefix, nor its parent", () => {
      expect(locationCovers("MZ-P", "MZ-PX")).to.equal(false);
      expect(locationCovers("MZ-P-01", "MZ-P")).to.equal(false);
      expect(locationCovers("MZ-P", "MZ-S-01")).to.equal(false);
    });
    it("a missing location is anywhere", () => {
      expect(locationCovers(undefined, "MZ-P-01")).to.equal(true);
      expect(locationCovers("MZ-P", undefined)).to.equal(true);
    });
  });

  describe("filters", () => {
    it("an allow-list admits only its members", () => {
      expect(filterAdmits({ allow: [A] }, A)).to.equal(true);
      expect(filterAdmits({ allow: [A] }, B)).to.equal(false);
    });
    it("a deny-list admits everyone but its members", () => {
      expect(filterAdmits({ deny: [A] }, A)).to.equal(false);
      expect(filterAdmits({ deny: [A] }, B)).to.equal(true);
    });
    it("compares addresses case-insensitively", () => {
      expect(filterAdmits({ allow: ["0x00000000000000000000000000000000000000AB"] }, "0x00000000000000000000000000000000000000ab")).to.equal(true);
    });
  });

  describe("isCompatible", () => {
    it("needs equal type and unit", () => {
      expect(isCompatible(cap("c", A, 1n), need("n", B, 1n))).to.equal(true);
      expect(isCompatible(cap("c", A, 1n), need("n", B, 1n, { type: "Health" }))).to.equal(false);
      expect(isCompatible(cap("c", A, 1n), need("n", B, 1n, { unit: "m3" }))).to.equal(false);
    });
    it("combines window, location and filter", () => {
      const c = cap("c", A, 1n, { location: "MZ-P", window: { start: 0n, end: 10n }, filter: { deny: [A] } });
      expect(isCompatible(c, need("n", B, 1n, { location: "MZ-P-02", window: { start: 5n, end: 6n } }))).to.equal(true);
      expect(isCompatible(c, need("n", B, 1n, { location: "MZ-S" }))).to.equal(false);
      expect(isCompatible(c, need("n", B, 1n, { window: { start: 10n, end: 11n } }))).to.equal(false);
      expect(isCompatible(c, need("n", A, 1n))).to.equal(false);
    });
  });
});
