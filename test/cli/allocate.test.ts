import { expect } from "chai";
import { readFileSync } from "node:fs";
import { commitmentRoots } from "../../sdk/core/merkle.js";
import { fa2 } from "../../sdk/core/protocols/fa2.js";
import { parseScenario } from "../../sdk/core/scenario.js";
import { REPO, runFa } from "./runFa.js";

const KITCHEN = "examples/kitchen.json";
const kitchen = parseScenario(JSON.parse(readFileSync(`${REPO}/${KITCHEN}`, "utf8")));

function sumWhere(allocations: { amount: string }[], pick: (a: any) => boolean): bigint {
  return allocations.filter(pick).reduce((s, a) => s + BigInt(a.amount), 0n);
}

describe("fa allocate", function () {
  this.timeout(60_000);

  describe("--json", () => {
    let out: any;
    before(async () => {
      const run = await runFa(["allocate", "--scenario", KITCHEN, "--json"]);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stderr).to.equal("");
      out = JSON.parse(run.stdout); // exactly one JSON document on stdout, nothing else
    });

    it("has exactly the documented shape", () => {
      expect(Object.keys(out)).to.deep.equal(["protocol", "allocations", "unmet", "unused", "roots"]);
      expect(out.protocol).to.equal("fa-2");
      expect(out.allocations).to.not.be.empty;
      for (const a of out.allocations) {
        expect(Object.keys(a)).to.deep.equal(["capacity", "need", "provider", "recipient", "amount", "tier"]);
        expect(a.amount).to.match(/^[1-9][0-9]*$/);
        expect([1, 2]).to.include(a.tier);
        expect(a.provider).to.match(/^0x[0-9a-f]{40}$/);
      }
      expect(Object.keys(out.unmet).sort()).to.deep.equal(kitchen.needs.map((n) => n.id).sort());
      expect(Object.keys(out.unused).sort()).to.deep.equal(kitchen.capacities.map((c) => c.id).sort());
      for (const root of Object.values(out.roots)) expect(root).to.match(/^0x[0-9a-f]{64}$/);
    });

    it("conserves every capacity: allocated + unused = quantity", () => {
      for (const c of kitchen.capacities) {
        const given = sumWhere(out.allocations, (a) => a.capacity === c.id);
        expect(given + BigInt(out.unused[c.id]), c.id).to.equal(c.quantity);
      }
    });

    it("never gives a need more than it needs: allocated + unmet = quantity", () => {
      for (const n of kitchen.needs) {
        const received = sumWhere(out.allocations, (a) => a.need === n.id);
        expect(received + BigInt(out.unmet[n.id]), n.id).to.equal(n.quantity);
      }
    });

    it("gives the unrecognized organization nothing", () => {
      expect(out.allocations.filter((a: any) => a.recipient === "0x9999999999999999999999999999999999999999")).to.be.empty;
      expect(out.unmet["unknown-water"]).to.equal("4000");
    });

    it("prints the engine's result and commitment roots byte for byte", () => {
      const result = fa2.allocate(kitchen);
      const roots = commitmentRoots(result);
      expect(out.allocations.map((a: any) => `${a.capacity}/${a.need}=${a.amount}`)).to.deep.equal(
        result.allocations.map((a) => `${a.capacity}/${a.need}=${a.amount}`),
      );
      expect(out.roots).to.deep.equal(Object.fromEntries(Object.entries(roots).map(([id, c]) => [id, c.root])));
    });
  });

  it("prints a readable report with names, tiers, unmet need and unused capacity", async () => {
    const run = await runFa(["allocate", "--scenario", KITCHEN]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^protocol fa-2 on examples\/kitchen\.json: 3 capacities, 6 needs/);
    expect(run.stdout).to.match(/water-utility\s+Municipal Water\s+shelter-water\s+Shelter Esperanca\s+700\s+litre\s+2/);
    expect(run.stdout).to.match(/unknown-water\s+Unknown Org\s+WASH\s+4000\s+0\s+4000\s+litre/);
    expect(run.stdout).to.match(/water-tanker\s+Red Cross Chapter\s+WASH\s+2000\s+1200\s+800\s+litre/);
  });

  it("runs FA-1 by id with --protocol fa-1", async () => {
    const run = await runFa(["allocate", "-s", KITCHEN, "--protocol", "fa-1"]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^protocol fa-1 on examples\/kitchen\.json/);
    expect(run.stdout).to.match(/water-tanker\s+Red Cross Chapter\s+WASH\s+2000\s+1333\s+667\s+litre/);
  });

  it("runs another registered protocol with --protocol", async () => {
    const run = await runFa(["allocate", "-s", KITCHEN, "--protocol", "need-weighted", "--json"]);
    expect(run.code, run.stderr).to.equal(0);
    const out = JSON.parse(run.stdout);
    expect(out.protocol).to.equal("need-weighted");
    // need-weighted does not coordinate providers: Kitchen Alto's water is over-served.
    const alto = sumWhere(out.allocations, (a) => a.need === "alto-water");
    expect(alto > 3000n).to.equal(true);
    expect(out.unmet["alto-water"]).to.equal("0");
  });
});
