import { expect } from "chai";
import { readFileSync } from "node:fs";
import { parseScenario, ScenarioError, serializeResult, serializeScenario } from "../../sdk/core/scenario.js";
import { REPO } from "./runFa.js";

const A = "0x" + "Ab".repeat(20);
const B = "0x" + "11".repeat(20);

function base(): any {
  return {
    names: { [A]: "Alpha" },
    recognition: { [A]: { [B]: "30", [A]: 10 } },
    capacities: [{ id: "c1", provider: A, type: "WASH", unit: "litre", quantity: "5000", window: { start: 1, end: 5 } }],
    needs: [{ id: "n1", recipient: B, type: "WASH", unit: "litre", quantity: 3000 }],
  };
}

function errorOf(json: unknown): ScenarioError {
  try {
    parseScenario(json);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error("parseScenario accepted the input");
}

describe("parseScenario", () => {
  it("turns quantities and points into bigint and addresses into lower case", () => {
    const s = parseScenario(base());
    expect(s.capacities[0].quantity).to.equal(5000n);
    expect(s.needs[0].quantity).to.equal(3000n);
    expect(s.capacities[0].provider).to.equal(A.toLowerCase());
    expect(s.recognition[A.toLowerCase() as `0x${string}`][B as `0x${string}`]).to.equal(30n);
    expect(s.capacities[0].window).to.deep.equal({ start: 1n, end: 5n });
    expect(s.names).to.deep.equal({ [A.toLowerCase()]: "Alpha" });
  });

  it("reads every optional capacity field", () => {
    const json = base();
    Object.assign(json.capacities[0], { location: "MZ-P", filter: { deny: [B] }, minUnit: "100", recurring: true });
    const c = parseScenario(json).capacities[0];
    expect(c).to.deep.include({ location: "MZ-P", filter: { deny: [B] }, minUnit: 100n, recurring: true });
  });

  it("round-trips through serializeScenario", () => {
    const kitchen = JSON.parse(readFileSync(`${REPO}/examples/kitchen.json`, "utf8"));
    const once = parseScenario(kitchen);
    expect(parseScenario(JSON.parse(JSON.stringify(serializeScenario(once))))).to.deep.equal(once);
  });

  const rejections: [string, (json: any) => void, string][] = [
    ["a negative quantity", (j) => (j.capacities[0].quantity = "-5"), 'scenario.capacities[0].quantity: expected a non-negative integer, got "-5"'],
    ["a fractional quantity", (j) => (j.needs[0].quantity = 1.5), "scenario.needs[0].quantity: expected a non-negative integer, got 1.5"],
    ["a non-numeric quantity", (j) => (j.needs[0].quantity = "lots"), 'scenario.needs[0].quantity: expected a non-negative integer, got "lots"'],
    ["a quantity in exponent form", (j) => (j.needs[0].quantity = "1e3"), 'scenario.needs[0].quantity: expected a non-negative integer, got "1e3"'],
    ["negative recognition points", (j) => (j.recognition[A][B] = "-1"), `scenario.recognition["${A}"]["${B}"]: expected a non-negative integer, got "-1"`],
    ["an unknown capacity field", (j) => (j.capacities[0].colour = "red"), 'scenario.capacities[0]: unknown field "colour"'],
    ["an unknown top-level field", (j) => (j.round = 3), 'scenario: unknown field "round"'],
    ["a malformed address", (j) => (j.needs[0].recipient = "0x1234"), 'scenario.needs[0].recipient: expected an address (0x and 40 hex digits), got "0x1234"'],
    ["a duplicate capacity id", (j) => j.capacities.push({ ...j.capacities[0] }), 'scenario.capacities[1].id: duplicate capacity id "c1"'],
    ["a duplicate need id", (j) => j.needs.push({ ...j.needs[0] }), 'scenario.needs[1].id: duplicate need id "n1"'],
    ["recognition keyed by a non-address", (j) => (j.recognition.alice = {}), 'scenario.recognition.alice: expected an address as key, got "alice"'],
    ["a recognition target that is no address", (j) => (j.recognition[A] = { bob: "1" }), `scenario.recognition["${A}"].bob: expected an address as key, got "bob"`],
    ["two recognition keys differing only in case", (j) => (j.recognition[A.toLowerCase()] = {}), `scenario.recognition["${A.toLowerCase()}"]: duplicate address ${A.toLowerCase()} (keys differ only in case)`],
    ["a window with start = end", (j) => (j.capacities[0].window = { start: 5, end: 5 }), "scenario.capacities[0].window: expected start < end, got start 5 and end 5"],
    ["a window with start > end", (j) => (j.needs[0].window = { start: "9", end: "3" }), "scenario.needs[0].window: expected start < end, got start 9 and end 3"],
    ["a filter with both allow and deny", (j) => (j.capacities[0].filter = { allow: [A], deny: [B] }), "scenario.capacities[0].filter: expected either allow or deny, got both"],
    ["a zero minUnit", (j) => (j.capacities[0].minUnit = "0"), 'scenario.capacities[0].minUnit: expected a positive integer, got "0"'],
    ["a missing type", (j) => delete j.needs[0].type, "scenario.needs[0].type: missing required field"],
    ["capacities that are no list", (j) => (j.capacities = {}), "scenario.capacities: expected an array, got {}"],
  ];
  for (const [what, mutate, message] of rejections) {
    it(`rejects ${what}, naming the path and the value`, () => {
      const json = base();
      mutate(json);
      const error = errorOf(json);
      expect(error.message).to.equal(message);
      expect(`${error.path}: ${error.detail}`).to.equal(message);
    });
  }

  it("rejects a document that is not an object", () => {
    expect(errorOf([]).message).to.equal("scenario: expected an object, got []");
  });
});

describe("serializeResult", () => {
  it("writes amounts as decimal strings and keeps only the root of each commitment", () => {
    const result = {
      protocol: "fa-1",
      allocations: [{ capacity: "c1", need: "n1", provider: A.toLowerCase() as `0x${string}`, recipient: B as `0x${string}`, amount: 12n, tier: 1 as const }],
      unmet: { n1: 3n },
      unused: { c1: 0n },
      rounds: 1,
    };
    const json = serializeResult(result, { c1: { root: "0xabc", total: 12n } as never });
    expect(json).to.deep.equal({
      protocol: "fa-1",
      allocations: [{ capacity: "c1", need: "n1", provider: A.toLowerCase(), recipient: B, amount: "12", tier: 1 }],
      unmet: { n1: "3" },
      unused: { c1: "0" },
      roots: { c1: "0xabc" },
    });
  });
});
