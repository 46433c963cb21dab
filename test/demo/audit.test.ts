import { expect } from "chai";
import { adminLevels, clusterOf, csvField, toHxlCsv, toHxlGapsCsv, toIatiActivities } from "../../sdk/audit/index.js";
import { audit, FOOD_BANK, SHELTER, VILLAGE, WATER_CO } from "./auditFixture.js";

const organizations = {
  [WATER_CO]: { name: "Water, Co", ref: "XM-DAC-41122", type: "40" },
  [VILLAGE]: { name: "Village \"Alto\"" },
};

function parseCsv(text: string): string[][] {
  // Enough of RFC 4180 for the exporter's output: quoted fields with doubled quotes and commas.
  const rows: string[][] = [];
  for (const line of text.split("\r\n").filter((l) => l !== "")) {
    const fields: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = "";
        i++;
        while (i < line.length) {
          if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i += 2; }
          else if (line[i] === '"') { i++; break; }
          else value += line[i++];
        }
        fields.push(value);
        i++; // comma
      } else {
        const end = line.indexOf(",", i);
        const stop = end === -1 ? line.length : end;
        fields.push(line.slice(i, stop));
        i = stop + 1;
      }
    }
    rows.push(fields);
  }
  return rows;
}

describe("auditor exports", () => {
  describe("clusterOf", () => {
    it("maps the IASC clusters to sector vocabulary 10", () => {
      expect(clusterOf("WASH")).to.deep.equal({ vocabulary: "10", code: "WSH", narrative: "Water Sanitation Hygiene" });
      expect(clusterOf("FoodSecurity").code).to.equal("FSC");
      expect(clusterOf("Health").code).to.equal("HEA");
      expect(clusterOf("Shelter").code).to.equal("SHL");
    });
    it("keeps an unknown sector under vocabulary 99 instead of failing", () => {
      expect(clusterOf("Cash")).to.deep.equal({ vocabulary: "99", code: "Cash", narrative: "Cash" });
    });
  });

  describe("adminLevels", () => {
    it("splits a P-code into country, admin 1 and admin 2", () => {
      expect(adminLevels("MZ-S-04")).to.deep.equal({ country: "MZ", adm1: "MZ-S", adm2: "MZ-S-04", adm3: "" });
      expect(adminLevels("MZ-S")).to.deep.equal({ country: "MZ", adm1: "MZ-S", adm2: "", adm3: "" });
      expect(adminLevels("")).to.deep.equal({ country: "", adm1: "", adm2: "", adm3: "" });
    });
  });

  describe("toIatiActivities", () => {
    const iati = toIatiActivities(audit, { organizations });

    it("has one provider activity per capacity and one recipient activity per need", () => {
      const sides = iati.activities.map((a) => [a["fa:side"], a["iati-identifier"]]);
      expect(sides).to.deep.equal([
        ["provider", "XM-DAC-41122-FA31337-R2-C1"],
        ["provider", `FA-31337-${FOOD_BANK}-FA31337-R2-C2`],
        ["provider", `FA-31337-${FOOD_BANK}-FA31337-R2-C7`],
        ["recipient", `FA-31337-${VILLAGE}-FA31337-R2-N1`],
        ["recipient", `FA-31337-${SHELTER}-FA31337-R2-N3`],
        ["recipient", `FA-31337-${VILLAGE}-FA31337-R2-N4`],
      ]);
    });

    it("records a commitment as 2 and a delivery as 3 on the provider's side", () => {
      const water = iati.activities[0];
      expect(water.transaction.map((t) => [t["transaction-type"].code, t.value.amount, t["receiver-org"].narrative])).to.deep.equal([
        ["2", "3000", "Village \"Alto\""],
        ["3", "3000", "Village \"Alto\""],
        ["2", "2000", SHELTER],
        ["3", "1500", SHELTER],
      ]);
      expect(water["reporting-org"]).to.deep.equal({ ref: "XM-DAC-41122", type: "40", narrative: "Water, Co" });
      expect(water.sector).to.deep.equal([{ vocabulary: "10", code: "WSH", narrative: "Water Sanitation Hygiene" }]);
      expect(water["recipient-country"]).to.deep.equal([{ code: "MZ" }]);
      expect(water.location.map((l) => l.ref)).to.deep.equal(["MZ-S-01", "MZ-S-04"]);
    });

    it("records an incoming commitment as 11 and a confirmed receipt as 1 on the recipient's side", () => {
      const shelter = iati.activities.find((a) => a["iati-identifier"].endsWith("-N3"))!;
      expect(shelter.transaction.map((t) => [t["transaction-type"].code, t.value.amount, t.value.unit])).to.deep.equal([
        ["11", "2000", "litre"],
        ["1", "1200", "litre"],
      ]);
    });

    it("omits zero amounts: an undelivered leaf has a commitment and no disbursement", () => {
      const food = iati.activities[1];
      expect(food.transaction.map((t) => t["transaction-type"].code)).to.deep.equal(["2"]);
    });

    it("exports a commitment without known leaves as its committed total, flagged", () => {
      const withCapacities = toIatiActivities(audit, { organizations, capacities: { "7": { sector: "FoodSecurity", unit: "kg", location: "MZ-S" } } });
      const tampered = withCapacities.activities.find((a) => a["iati-identifier"].endsWith("-C7"))!;
      expect(tampered["fa:verification"]).to.equal("mismatch");
      expect(tampered.transaction.map((t) => [t["transaction-type"].code, t.value.amount, t.value.unit, t.sector.code])).to.deep.equal([["2", "900", "kg", "FSC"]]);
      expect(tampered["recipient-country"]).to.deep.equal([{ code: "MZ" }]);
      const unknown = iati.activities.find((a) => a["iati-identifier"].endsWith("-C7"))!;
      expect(unknown.transaction[0].value.unit).to.equal("unknown");
    });

    it("carries each commitment's verification status", () => {
      expect(iati.activities[0]["fa:verification"]).to.equal("match");
      expect(iati.activities[1]["fa:verification"]).to.equal("mismatch");
    });

    it("is deterministic and JSON-serializable (no bigint left)", () => {
      const again = toIatiActivities({ ...audit, flows: [...audit.flows].reverse() }, { organizations });
      expect(JSON.stringify(again)).to.equal(JSON.stringify(iati));
    });
  });

  describe("toHxlCsv", () => {
    const rows = parseCsv(toHxlCsv(audit, { organizations }));

    it("starts with a header row and an HXL hashtag row", () => {
      expect(rows[1].every((tag) => tag.startsWith("#"))).to.equal(true);
      for (const tag of ["#org+provider+name", "#sector+name", "#adm1+code", "#adm2+code", "#targeted+num", "#reached+num+confirmed"]) {
        expect(rows[1]).to.include(tag);
      }
    });

    it("has one row per leaf with committed, delivered and confirmed", () => {
      const col = (tag: string) => rows[1].indexOf(tag);
      const data = rows.slice(2);
      expect(data).to.have.length(4);
      expect(data[3][col("#meta+capacity")]).to.equal("7");
      expect(data[3][col("#targeted+num")]).to.equal("900");
      expect(data[3][col("#status+verification")]).to.equal("mismatch");
      expect(data.slice(0, 3).map((r) => [r[col("#meta+capacity")], r[col("#meta+need")], r[col("#targeted+num")], r[col("#reached+num+delivered")], r[col("#reached+num+confirmed")]])).to.deep.equal([
        ["1", "1", "3000", "3000", "3000"],
        ["1", "3", "2000", "1500", "1200"],
        ["2", "4", "400", "0", "0"],
      ]);
      expect(data[0][col("#adm1+code")]).to.equal("MZ-S");
      expect(data[0][col("#adm2+code")]).to.equal("MZ-S-04");
      expect(data[2][col("#status+verification")]).to.equal("mismatch");
    });

    it("quotes names with commas and quotes so the columns stay aligned", () => {
      expect(rows.slice(2).every((r) => r.length === rows[1].length)).to.equal(true);
      expect(rows[2][1]).to.equal("Water, Co");
      expect(csvField('Village "Alto"')).to.equal('"Village ""Alto"""');
    });
  });

  describe("toHxlGapsCsv", () => {
    it("has one row per location × sector with need, committed, confirmed and gap", () => {
      const rows = parseCsv(toHxlGapsCsv(audit));
      expect(rows[1]).to.include("#inneed+num");
      expect(rows.slice(2)).to.deep.equal([
        ["2", "MZ", "MZ-S", "MZ-S-04", "MZ-S-04", "WASH", "WSH", "litre", "8000", "3000", "3000", "5000"],
        ["2", "MZ", "MZ-S", "", "MZ-S", "Shelter", "SHL", "kit", "10", "0", "0", "10"],
      ]);
    });
  });
});
