import { expect } from "chai";
import { create } from "xmlbuilder2";
import {
  adminLevels,
  clusterOf,
  csvField,
  HXL_FLOW_COLUMNS,
  HXL_GAP_COLUMNS,
  toAuditHtml,
  toHxlCsv,
  toHxlGapsCsv,
  toIatiXml,
  valueOf,
} from "../../sdk/audit/index.js";
import { datedAudit, ledgerEvents } from "../../sdk/chain/index.js";
import type { ChainEvent } from "../../sdk/chain/fetchLogs.js";
import { iatiSchemaDir, MISSING_SCHEMA, validateIati } from "../helpers/iatiSchema.js";
import { audit, AUDITOR, FOOD_BANK, SHELTER, VILLAGE, WATER_CO } from "./auditFixture.js";
import { hxlProblem } from "./hxlDictionary.js";

const organizations = {
  [WATER_CO]: { name: "Water, Co", ref: "XM-DAC-41122", type: "40" },
  [VILLAGE]: { name: "Village \"Alto\" <North> & Sons" },
};
const unitValues = { litre: { currency: "USD", value: "0.002" } };

export function parseCsv(text: string): string[][] {
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

/** The XML as a DOM (xmlbuilder2's parser), to read what the exporter wrote. */
function dom(xml: string): Element {
  return create(xml).root().node as unknown as Element;
}
const all = (el: Element, name: string) => [...(el.getElementsByTagName(name) as unknown as Element[])];
const child = (el: Element, name: string) => [...(el.childNodes as unknown as Element[])].filter((c) => c.nodeName === name);
const attr = (el: Element, name: string) => el.getAttribute(name);

describe("auditor exports", () => {
  describe("clusterOf (IATI sector vocabulary 10)", () => {
    it("maps the registries' sectors to the Global Coordination Groups codes", () => {
      expect(clusterOf("WASH")).to.deep.equal({ vocabulary: "10", code: "WSH", narrative: "Water Sanitation Hygiene" });
      expect(clusterOf("FoodSecurity").code).to.equal("FSC");
      expect(clusterOf("Health").code).to.equal("HEA");
      expect(clusterOf("Shelter")).to.deep.equal({ vocabulary: "10", code: "SHL", narrative: "Emergency Shelter and NFI" });
      expect(clusterOf("CCCM").narrative).to.equal("Camp Coordination / Management");
      expect(clusterOf("child-protection").code).to.equal("PRO-CPN");
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

  describe("valueOf", () => {
    it("multiplies a quantity by a decimal unit value exactly", () => {
      expect(valueOf(1500n, "0.002")).to.equal("3");
      expect(valueOf(3n, "0.125")).to.equal("0.375");
      expect(valueOf(0n, "45")).to.equal("0");
      expect(valueOf(7n, "1.10")).to.equal("7.7");
    });
    it("refuses a unit value that is not a plain decimal", () => {
      expect(() => valueOf(1n, "1e3")).to.throw(/unit value/);
      expect(() => valueOf(1n, "-2")).to.throw(/unit value/);
    });
  });

  describe("ledgerEvents and datedAudit", () => {
    const e = (eventName: string, args: Record<string, unknown>, n: number): ChainEvent => ({
      contract: "ledger",
      eventName,
      args: { round: 2n, capacityId: 1n, ...args },
      blockNumber: BigInt(n),
      logIndex: 0,
      transactionHash: `0x${n.toString(16).padStart(64, "0")}`,
    });
    it("lists the round's commitments, deliveries, receipts and attestations with their transactions", () => {
      const events = ledgerEvents(
        [
          e("CommitmentMade", { provider: WATER_CO.toUpperCase().replace("0X", "0x"), root: "0x01", total: 5n, protocolId: "0x66" }, 10),
          e("DeliveryRecorded", { needId: 3n, recipient: SHELTER, amount: 2n, cumulative: 2n }, 11),
          { ...e("DeliveryRecorded", { needId: 3n, recipient: SHELTER, amount: 9n, cumulative: 9n }, 12), args: { round: 1n, capacityId: 1n, needId: 3n, recipient: SHELTER, amount: 9n } },
          e("ReceiptConfirmed", { needId: 3n, recipient: SHELTER, amount: 1n, cumulative: 1n, needConfirmedTotal: 1n }, 13),
          e("Attested", { auditor: AUDITOR, matches: true, reportHash: "0xaa" }, 14),
        ],
        2n,
      );
      expect(events.map((x) => [x.kind, x.amount, x.blockNumber])).to.deep.equal([
        ["commitment", 5n, 10n],
        ["delivery", 2n, 11n],
        ["receipt", 1n, 13n],
        ["attestation", undefined, 14n],
      ]);
      expect(events[0].account).to.equal(WATER_CO);
    });
    it("dates an audit from block times and refuses a missing one", () => {
      const undated = { ...audit, openedAt: undefined, readAt: undefined, events: audit.events.map(({ timestamp: _t, ...x }) => x) };
      const times = new Map([...new Set([undated.toBlock, ...undated.events.map((x) => x.blockNumber)])].map((b) => [b, 1000n + b]));
      const dated = datedAudit(undated, 999n, times);
      expect(dated.readAt).to.equal(1000n + undated.toBlock);
      expect(dated.events.every((x) => x.timestamp === 1000n + x.blockNumber)).to.equal(true);
      times.delete(undated.toBlock);
      expect(() => datedAudit(undated, 999n, times)).to.throw(/block time missing/);
      expect(() => toIatiXml(undated)).to.throw(/no dates/);
    });
  });

  describe("toIatiXml (IATI 2.03)", () => {
    const xml = toIatiXml(audit, { organizations, unitValues, explorer: "https://explorer.example/" });
    const root = dom(xml);
    const activities = all(root, "iati-activity");
    const water = activities[0];

    it("has one activity per provider × round, identified by the provider's ref", () => {
      expect(attr(root, "version")).to.equal("2.03");
      expect(activities.map((a) => child(a, "iati-identifier")[0].textContent)).to.deep.equal([
        "XM-DAC-41122-FA31337-R2",
        `FA-31337-${FOOD_BANK}-FA31337-R2`,
      ]);
    });

    it("names the provider as reporting org and funder, the recipients as implementing participants", () => {
      const reporting = child(water, "reporting-org")[0];
      expect([attr(reporting, "ref"), attr(reporting, "type"), reporting.textContent?.trim()]).to.deep.equal(["XM-DAC-41122", "40", "Water, Co"]);
      const roles = child(water, "participating-org").map((p) => [attr(p, "role"), attr(p, "ref")]);
      expect(roles).to.deep.equal([
        ["1", "XM-DAC-41122"],
        ["4", `FA-31337-${VILLAGE}`],
        ["4", `FA-31337-${SHELTER}`],
      ]);
      // An organization without a configured type is "90" (other) where IATI requires a type.
      expect(attr(child(activities[1], "reporting-org")[0], "type")).to.equal("90");
    });

    it("uses a secondary reporter when one is configured", () => {
      const a = all(dom(toIatiXml(audit, { reporter: { ref: "XI-IATI-AUD", name: "Auditor", type: "90" } })), "iati-activity")[0];
      const r = child(a, "reporting-org")[0];
      expect([attr(r, "ref"), attr(r, "secondary-reporter")]).to.deep.equal(["XI-IATI-AUD", "1"]);
    });

    it("puts sector vocabulary 10, country and P-code locations on the activity", () => {
      expect(child(water, "sector").map((s) => [attr(s, "vocabulary"), attr(s, "code"), attr(s, "percentage")])).to.deep.equal([["10", "WSH", "100"]]);
      expect(child(water, "recipient-country").map((c) => attr(c, "code"))).to.deep.equal(["MZ"]);
      expect(child(water, "activity-scope").map((c) => attr(c, "code"))).to.deep.equal(["6"]);
      const locations = child(water, "location");
      expect(locations.map((l) => attr(l, "ref"))).to.deep.equal(["MZ-S-01", "MZ-S-04"]);
      expect(child(locations[0], "feature-designation").map((f) => attr(f, "code"))).to.deep.equal(["ADM2"]);
      expect(child(locations[0], "administrative").map((f) => [attr(f, "vocabulary"), attr(f, "code")])).to.deep.equal([["A4", "MZ"]]);
    });

    it("records in-kind quantities as results: target = committed, actual = delivered / confirmed, per location", () => {
      const result = child(water, "result")[0];
      const [delivered, confirmed] = child(result, "indicator");
      expect(attr(delivered, "measure")).to.equal("1");
      expect(child(delivered, "title")[0].textContent).to.include("litre delivered");
      const values = (indicator: Element, kind: string) =>
        all(indicator, kind).map((t) => [all(t, "location")[0] ? attr(all(t, "location")[0], "ref") : "", attr(t, "value")]);
      expect(values(delivered, "target")).to.deep.equal([["MZ-S-01", "2000"], ["MZ-S-04", "3000"]]);
      expect(values(delivered, "actual")).to.deep.equal([["MZ-S-01", "1500"], ["MZ-S-04", "3000"]]);
      expect(values(confirmed, "actual")).to.deep.equal([["MZ-S-01", "1200"], ["MZ-S-04", "3000"]]);
    });

    it("writes transactions only in units with a configured value, with the tx hash as ref, never a quantity as money", () => {
      const txs = child(water, "transaction").map((t) => [
        attr(child(t, "transaction-type")[0], "code"),
        child(t, "value")[0].textContent,
        attr(child(t, "value")[0], "currency"),
        attr(t, "ref")?.slice(-2),
      ]);
      // Leaves by need id: need 1 (committed 3000, delivered 3000), need 3 (committed 2000, delivered 1000 + 500).
      expect(txs).to.deep.equal([
        ["2", "6", "USD", "01"],
        ["3", "6", "USD", "04"],
        ["2", "4", "USD", "01"],
        ["3", "2", "USD", "05"],
        ["3", "1", "USD", "06"],
      ]);
      // Food Bank's kg have no unit value: no transaction at all, only results.
      expect(child(activities[1], "transaction")).to.have.length(0);
      expect(child(activities[1], "result")).to.have.length(2);
      expect(() => toIatiXml(audit, { unitValues: { litre: { currency: "dollars", value: "1" } } })).to.throw(/ISO 4217/);
    });

    it("keeps on-chain references: address and round identifiers, explorer links, the fa: record", () => {
      expect(child(water, "other-identifier").map((o) => [attr(o, "type"), attr(o, "ref")])).to.deep.equal([
        ["A9", "eip155:31337/round/2"],
        ["B9", WATER_CO],
      ]);
      expect(child(water, "document-link").map((d) => attr(d, "url"))).to.deep.equal([`https://explorer.example/tx/0x${"1".padStart(64, "0")}`]);
      const leaves = all(water, "fa:leaf");
      expect(leaves.map((l) => [attr(l, "id"), attr(l, "delivery-txs")?.split(" ").length])).to.deep.equal([["R2-C1-N1", 1], ["R2-C1-N3", 2]]);
      const food = activities[1];
      expect(all(food, "fa:commitment").map((c) => [attr(c, "capacity-id"), attr(c, "status"), attr(c, "protocol")])).to.deep.equal([
        ["2", "mismatch", "fa-1"],
        ["7", "mismatch", "fa-1"],
      ]);
      expect(all(food, "fa:attestation").map((a) => [attr(a, "auditor"), attr(a, "matches")])).to.deep.equal([[AUDITOR, "false"]]);
    });

    it("exports a commitment without known leaves as a result of its committed total, flagged", () => {
      const food = activities[1];
      const tampered = child(food, "result").find((r) => child(r, "title")[0].textContent?.startsWith("Capacity 7"))!;
      expect(child(tampered, "description")[0].textContent).to.include("mismatch");
      expect(all(tampered, "target").map((t) => attr(t, "value"))).to.deep.equal(["900", "900"]);
      expect(all(tampered, "actual").map((t) => attr(t, "value"))).to.deep.equal(["0", "0"]);
    });

    it("escapes names and replaces characters XML forbids", () => {
      expect(xml).to.include('<narrative>Village "Alto" &lt;North&gt; &amp; Sons</narrative>');
      const odd = toIatiXml(audit, { organizations: { [WATER_CO]: { name: "Bad\u0001name]]>" } } });
      expect(odd).to.include("Bad\uFFFDname]]&gt;");
      expect(dom(odd).nodeName).to.equal("iati-activities");
    });

    it("is deterministic", () => {
      expect(toIatiXml({ ...audit, flows: [...audit.flows].reverse() }, { organizations, unitValues, explorer: "https://explorer.example/" })).to.equal(xml);
    });

    describe("against the IATI 2.03 schema", function () {
      const dir = iatiSchemaDir();
      before(function () {
        if (dir === undefined) {
          console.log(`      skipped: ${MISSING_SCHEMA}`);
          this.skip();
        }
      });
      it("validates, with transactions, document links and a secondary reporter", async () => {
        const full = toIatiXml(audit, {
          organizations,
          unitValues,
          explorer: "https://explorer.example",
          reporter: { ref: "XI-IATI-AUD", name: "Auditor", type: "90" },
          documents: [{ url: "audit-round-2.html", format: "text/html", title: "Audit report", category: "A07" }],
          generatedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
        });
        const result = await validateIati(full, dir!);
        expect(result.errors).to.deep.equal([]);
        expect(result.valid).to.equal(true);
      });
      it("rejects a document that breaks the schema (so the check can fail)", async () => {
        // A transaction must have a date and a value: drop its transaction-date.
        const broken = toIatiXml(audit, { unitValues }).replace(/<transaction-date [^>]*\/>/, "");
        const result = await validateIati(broken, dir!);
        expect(result.valid).to.equal(false);
        expect(result.errors.join("\n")).to.match(/transaction-date/);
        // The schema fixes the order of an activity's elements: title before reporting-org is invalid.
        const valid = toIatiXml(audit);
        const misordered = valid.replace(/(<reporting-org[\s\S]*?<\/reporting-org>)(\s*)(<title>[\s\S]*?<\/title>)/, "$3$2$1");
        expect(misordered).to.not.equal(valid);
        expect((await validateIati(misordered, dir!)).valid).to.equal(false);
      });
    });
  });

  describe("toHxlCsv", () => {
    const rows = parseCsv(toHxlCsv(audit, { organizations, locationNames: { "MZ-S-04": "Buzi" } }));
    const col = (tag: string) => rows[1].indexOf(tag);

    it("uses only hashtags and attributes of the HXL 1.1 dictionary, one header row and one hashtag row", () => {
      for (const [header, tag] of [...HXL_FLOW_COLUMNS, ...HXL_GAP_COLUMNS]) {
        expect(header).to.not.match(/^#/);
        if (tag !== "") expect(hxlProblem(tag), `${header}: ${tag}`).to.equal(undefined);
      }
      expect(rows[1]).to.deep.equal(HXL_FLOW_COLUMNS.map((c) => c[1]));
      for (const tag of ["#org+impl+name", "#org+funder+name", "#sector+cluster+code", "#adm1+code", "#adm2+code", "#adm2+name", "#targeted", "#reached", "#date+start", "#meta+id"]) {
        expect(rows[1]).to.include(tag);
      }
    });

    it("catches a tag that is not in the dictionary", () => {
      expect(hxlProblem("#indicator+unit")).to.match(/\+unit/);
      expect(hxlProblem("#meta+round")).to.match(/\+round/);
      expect(hxlProblem("#inneed+num")).to.match(/\+num/);
      expect(hxlProblem("#x_toxicity")).to.match(/not an HXL 1.1 core hashtag/);
      expect(hxlProblem("org+impl")).to.match(/not a hashtag spec/);
    });

    it("has one row per leaf with committed, delivered, confirmed, unit, and the transactions behind them", () => {
      const data = rows.slice(2);
      expect(data).to.have.length(4);
      expect(data.slice(0, 3).map((r) => [r[col("#output+code")], r[col("#need+code")], r[col("#indicator+type")], r[col("#targeted")], r[col("#output+num")], r[col("#reached")]])).to.deep.equal([
        ["1", "1", "litre", "3000", "3000", "3000"],
        ["1", "3", "litre", "2000", "1500", "1200"],
        ["2", "4", "kg", "400", "0", "0"],
      ]);
      expect(data[0][col("#adm1+code")]).to.equal("MZ-S");
      expect(data[0][col("#adm2+code")]).to.equal("MZ-S-04");
      expect(data[0][col("#adm2+name")]).to.equal("Buzi");
      expect(data[0][col("#sector+cluster+code")]).to.equal("WSH");
      expect(data[0][col("#date+start")]).to.equal("2023-11-14");
      expect(data[1][col("#meta+id")]).to.equal("R2-C1-N3");
      expect(data[1][col("#meta+source")].split(" ").map((s) => s.split(":")[0])).to.deep.equal(["commitment", "delivery", "delivery", "receipt"]);
      expect(data[2][col("#status+code")]).to.equal("mismatch");
      expect(data[3][col("#output+code")]).to.equal("7");
      expect(data[3][col("#targeted")]).to.equal("900");
      expect(data[3][col("#org+impl+name")]).to.equal("");
    });

    it("quotes names with commas and quotes so the columns stay aligned", () => {
      expect(rows.slice(2).every((r) => r.length === rows[1].length)).to.equal(true);
      expect(rows[2][col("#org+funder+name")]).to.equal("Water, Co");
      expect(csvField('Village "Alto"')).to.equal('"Village ""Alto"""');
    });

    it("leaves the cluster columns empty for a sector that is not an IASC cluster", () => {
      const cash = parseCsv(toHxlCsv({ ...audit, flows: [{ ...audit.flows[0], sector: "Cash" }] }));
      expect([cash[2][col("#sector+name")], cash[2][col("#sector+cluster+code")]]).to.deep.equal(["Cash", ""]);
    });
  });

  describe("toHxlGapsCsv", () => {
    it("has one row per location × sector with need, committed, confirmed and gap", () => {
      const rows = parseCsv(toHxlGapsCsv(audit));
      expect(rows[1]).to.deep.equal(HXL_GAP_COLUMNS.map((c) => c[1]));
      expect(rows.slice(2)).to.deep.equal([
        ["2023-11-14", "MZ", "MZ-S", "MZ-S-04", "", "MZ-S-04", "WASH", "Water Sanitation Hygiene", "WSH", "litre", "8000", "3000", "3000", "5000"],
        ["2023-11-14", "MZ", "MZ-S", "", "", "MZ-S", "Shelter", "Emergency Shelter and NFI", "SHL", "kit", "10", "0", "0", "10"],
      ]);
    });
  });

  describe("toAuditHtml", () => {
    const html = toAuditHtml(audit, {
      organizations,
      capacities: { "7": { sector: "FoodSecurity", unit: "kg", location: "MZ-S" } },
      documents: [{ url: "iati-round-2.xml", format: "application/xml", title: "IATI 2.03 activities" }],
    });

    it("is a self-contained page with a print stylesheet", () => {
      expect(html).to.match(/^<!doctype html>/);
      expect(html).to.not.match(/<script|<link |https?:\/\//);
      expect(html).to.include("@media print");
    });

    it("shows who committed what under which protocol, and why a commitment does not match", () => {
      expect(html).to.include("Audit report — round 2");
      expect(html).to.include("Water, Co");
      expect(html).to.match(/<td>fa-1<\/td>/);
      expect(html).to.include("committed root differs from the root fa-1 yields");
    });

    it("has delivered and confirmed per organization and per district × sector, attestations and export links", () => {
      expect(html).to.include("Per district × sector");
      expect(html).to.match(/MZ-S-01[\s\S]*WASH[\s\S]*litre[\s\S]*2000[\s\S]*1500[\s\S]*75 %[\s\S]*1200[\s\S]*60 %/);
      expect(html).to.include("Attestations");
      expect(html).to.include(`href="iati-round-2.xml"`);
      expect(html).to.include("Village &quot;Alto&quot; &lt;North&gt; &amp; Sons");
    });
  });
});
