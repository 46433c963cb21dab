import { expect } from "chai";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, runFa, type FaRun } from "./runFa.js";

const kitchenText = readFileSync(`${REPO}/examples/kitchen.json`, "utf8");
const dir = mkdtempSync(join(tmpdir(), "fa-cli-"));

/** Writes a variant of the kitchen scenario and returns its path. */
function variant(name: string, mutate: (json: any) => void): string {
  const json = JSON.parse(kitchenText);
  mutate(json);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return path;
}

function expectUserError(run: FaRun, message: string) {
  expect(run.code, run.stderr).to.equal(2);
  expect(run.stdout).to.equal("");
  expect(run.stderr).to.equal(`${message}\n`); // exactly one line, no stack trace
}

const PROVIDER = "0x1000000000000000000000000000000000000001";

describe("fa errors", function () {
  this.timeout(120_000);

  const scenarioCases: [string, (json: any) => void, string][] = [
    ["a negative quantity", (j) => (j.capacities[2].quantity = "-5"), 'scenario.capacities[2].quantity: expected a non-negative integer, got "-5"'],
    ["a non-integer quantity", (j) => (j.needs[1].quantity = "2.5"), 'scenario.needs[1].quantity: expected a non-negative integer, got "2.5"'],
    ["a non-numeric quantity", (j) => (j.needs[0].quantity = "plenty"), 'scenario.needs[0].quantity: expected a non-negative integer, got "plenty"'],
    ["an unknown field", (j) => (j.needs[3].priority = "high"), 'scenario.needs[3]: unknown field "priority"'],
    ["a malformed address", (j) => (j.capacities[0].provider = "0xZZ"), 'scenario.capacities[0].provider: expected an address (0x and 40 hex digits), got "0xZZ"'],
    ["a duplicate capacity id", (j) => (j.capacities[2].id = "water-utility"), 'scenario.capacities[2].id: duplicate capacity id "water-utility"'],
    ["a duplicate need id", (j) => (j.needs[4].id = "alto-water"), 'scenario.needs[4].id: duplicate need id "alto-water"'],
    ["recognition keyed by a non-address", (j) => (j.recognition["Food Bank"] = {}), 'scenario.recognition["Food Bank"]: expected an address as key, got "Food Bank"'],
    ["a window with start >= end", (j) => (j.capacities[1].window = { start: 1767268800, end: 1767225600 }), "scenario.capacities[1].window: expected start < end, got start 1767268800 and end 1767225600"],
    ["a filter with allow and deny", (j) => (j.capacities[1].filter.deny = [PROVIDER]), "scenario.capacities[1].filter: expected either allow or deny, got both"],
  ];
  for (const [what, mutate, message] of scenarioCases) {
    it(`exits 2 with one line for a scenario with ${what}`, async () => {
      expectUserError(await runFa(["allocate", "--scenario", variant(what.replace(/\W+/g, "-"), mutate)]), message);
    });
  }

  it("exits 2 for a missing file", async () => {
    expectUserError(await runFa(["allocate", "--scenario", "examples/nope.json"]), "examples/nope.json: no such file");
  });

  it("exits 2 for invalid JSON and says where", async () => {
    const path = join(dir, "broken.json");
    writeFileSync(path, '{\n  "recognition": {},\n  capacities: []\n}\n');
    expectUserError(
      await runFa(["allocate", "--scenario", path]),
      `${path}: invalid JSON: Expected double-quoted property name in JSON at position 25 (line 3 column 3)`,
    );
  });

  it("exits 2 for an unknown protocol", async () => {
    expectUserError(
      await runFa(["allocate", "--scenario", "examples/kitchen.json", "--protocol", "fa-9"]),
      'unknown protocol "fa-9" (known: fa-2, fa-1, need-weighted; or a path to a module)',
    );
  });

  it("exits 2 for a protocol module that exports no Protocol", async () => {
    const path = join(dir, "notAProtocol.mjs");
    writeFileSync(path, "export const answer = 42;\n");
    expectUserError(
      await runFa(["axioms", "--protocol", path]),
      `${path}: expected a Protocol ({ id, allocate }) as default export or as export "protocol"`,
    );
  });

  it("exits 2 for a bad --runs value", async () => {
    expectUserError(await runFa(["axioms", "--runs", "many"]), `option '-r, --runs <n>' argument 'many' is invalid. --runs: expected an integer >= 1, got "many"`);
  });

  it("exits 2 for a missing --scenario", async () => {
    expectUserError(await runFa(["allocate"]), "required option '-s, --scenario <file>' not specified");
  });

  it("exits 2 for an unknown option", async () => {
    expectUserError(await runFa(["allocate", "--scenario", "examples/kitchen.json", "--colour"]), "unknown option '--colour'");
  });

  it("suggests the command or option meant, on the same line", async () => {
    expectUserError(await runFa(["comit"]), "unknown command 'comit' (Did you mean commit?)");
    expectUserError(await runFa(["deploy", "--roundlength", "60"]), "unknown option '--roundlength' (Did you mean --round-length?)");
  });

  it("prints the help for `fa` alone, exit 0, and the package version for --version", async () => {
    const alone = await runFa([]);
    expect(alone.code, alone.stderr).to.equal(0);
    expect(alone.stderr).to.equal("");
    expect(alone.stdout).to.match(/^Usage: fa \[options\] \[command\]\n/);
    expect(alone.stdout).to.include("deploy [options]");
    const version = await runFa(["--version"]);
    expect(version.code).to.equal(0);
    expect(version.stdout).to.equal(`${JSON.parse(readFileSync(`${REPO}/package.json`, "utf8")).version}\n`);
  });

  it("exits 1 with a short message when a protocol crashes, the stack only with FA_DEBUG=1", async () => {
    const path = join(dir, "crashing.mjs");
    writeFileSync(path, 'export default { id: "crash", name: "", description: "", allocate() { throw new Error("boom"); } };\n');
    const quiet = await runFa(["allocate", "--scenario", "examples/kitchen.json", "--protocol", path]);
    expect(quiet.code).to.equal(1);
    expect(quiet.stderr).to.equal("internal error: boom (FA_DEBUG=1 shows the stack)\n");
    const debug = await runFa(["allocate", "--scenario", "examples/kitchen.json", "--protocol", path], { FA_DEBUG: "1" });
    expect(debug.code).to.equal(1);
    expect(debug.stderr).to.match(/^internal error: boom\nError: boom\n\s+at /);
  });
});
