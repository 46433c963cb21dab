/**
 * The self-contained HTML report of a demo run (out/report.html): inline CSS and SVG only, no script,
 * no CDN, no external font — it opens offline and prints. Charts: needs met over rounds, residual
 * gap heatmaps (district × sector), flows provider → district, then per-round tables.
 */
import type { Address } from "viem";
import { escapeHtml } from "../../sdk/audit/index.js";
import { isoDateTime } from "../../sdk/audit/references.js";
import type { DemoOrganization, DemoResult, DemoRound } from "./model.js";
import { coverageBySector, formatUnits, overallCoverage, percent, PROTOCOL_CHANGE, residualGaps } from "./summary.js";

const SECTOR_COLORS: Record<string, string> = {
  WASH: "#1f77b4",
  Health: "#d62728",
  Shelter: "#8c564b",
  FoodSecurity: "#2ca02c",
};
const FALLBACK_COLORS = ["#9467bd", "#ff7f0e", "#17becf", "#7f7f7f"];

function colorOf(sector: string, index: number): string {
  return SECTOR_COLORS[sector] ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length];
}


function nameOf(orgs: readonly DemoOrganization[], address: Address): string {
  const a = address.toLowerCase();
  return orgs.find((o) => o.address.toLowerCase() === a)?.name ?? address;
}

/** Needs met (%) per sector and overall, one point per round (round 0 = before any help). */
function coverageChart(result: DemoResult): string {
  const W = 640, H = 300, L = 50, R = 150, T = 20, B = 40;
  const rounds = result.rounds;
  const sectors = coverageBySector(rounds[0]?.needsAfter ?? []).map((c) => c.sector);
  const x = (i: number) => L + (i * (W - L - R)) / Math.max(1, rounds.length);
  const y = (p: number) => T + ((100 - p) * (H - T - B)) / 100;
  const parts: string[] = [];
  for (const p of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(p)}" y2="${y(p)}" stroke="#ddd"/><text x="${L - 6}" y="${y(p) + 4}" text-anchor="end" font-size="11">${p}%</text>`);
  }
  for (let i = 0; i <= rounds.length; i++) {
    parts.push(`<text x="${x(i)}" y="${H - B + 16}" text-anchor="middle" font-size="11">${i === 0 ? "start" : `round ${rounds[i - 1].round}`}</text>`);
  }
  const series: { label: string; color: string; values: number[]; dash?: string }[] = sectors.map((s, si) => ({
    label: s,
    color: colorOf(s, si),
    values: [0, ...rounds.map((r) => {
      const c = coverageBySector(r.needsAfter).find((c) => c.sector === s);
      return c === undefined ? 0 : percent(c.met, c.declared);
    })],
  }));
  series.push({ label: "overall", color: "#111", dash: "5 3", values: [0, ...rounds.map((r) => overallCoverage(coverageBySector(r.needsAfter)))] });
  series.forEach((s, si) => {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""} points="${points}"/>`);
    s.values.forEach((v, i) => parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.color}"><title>${escapeHtml(s.label)}: ${v}%</title></circle>`));
    const ly = T + 14 + si * 18;
    parts.push(`<rect x="${W - R + 14}" y="${ly - 9}" width="12" height="12" fill="${s.color}"/><text x="${W - R + 32}" y="${ly + 1}" font-size="12">${escapeHtml(s.label)} ${s.values[s.values.length - 1]}%</text>`);
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Needs met over rounds">${parts.join("")}</svg>`;
}

/** Residual need as % of declared per district × sector after one round; darker = bigger gap. */
function gapHeatmap(round: DemoRound): string {
  const gaps = residualGaps(round.needsAfter);
  const sectors = [...new Set(gaps.map((g) => g.sector))].sort();
  const locations = [...new Set(gaps.map((g) => g.location))].sort();
  const cw = 92, ch = 24, L = 80, T = 34;
  const W = L + cw * sectors.length + 4, H = T + ch * locations.length + 4;
  const parts: string[] = [];
  sectors.forEach((s, i) => parts.push(`<text x="${L + i * cw + cw / 2}" y="${T - 10}" text-anchor="middle" font-size="11">${escapeHtml(s)}</text>`));
  locations.forEach((loc, j) => {
    parts.push(`<text x="${L - 6}" y="${T + j * ch + ch / 2 + 4}" text-anchor="end" font-size="11">${escapeHtml(loc || "anywhere")}</text>`);
    sectors.forEach((s, i) => {
      const cell = gaps.find((g) => g.location === loc && g.sector === s);
      const px = L + i * cw, py = T + j * ch;
      if (cell === undefined) {
        parts.push(`<rect x="${px}" y="${py}" width="${cw - 2}" height="${ch - 2}" fill="#f4f4f4"/>`);
        return;
      }
      const p = percent(cell.residual, cell.declared);
      const light = Math.round(96 - p * 0.56);
      parts.push(
        `<rect x="${px}" y="${py}" width="${cw - 2}" height="${ch - 2}" fill="hsl(8,75%,${light}%)"><title>${escapeHtml(loc)} ${escapeHtml(s)}: ${formatUnits(cell.residual)} of ${formatUnits(cell.declared)} ${escapeHtml(cell.unit)} still needed</title></rect>` +
          `<text x="${px + cw / 2}" y="${py + ch / 2 + 3}" text-anchor="middle" font-size="10" fill="${light < 60 ? "#fff" : "#222"}">${p}%</text>`,
      );
    });
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Gap heatmap round ${round.round}">${parts.join("")}</svg>`;
}

/** Committed flows of one round: providers (left) → districts (right), width ∝ amount within its unit. */
function flowChart(result: DemoResult, round: DemoRound): string {
  const flows = round.audit.flows.filter((f) => f.committed > 0n);
  const providers = [...new Set(flows.map((f) => f.provider))].sort((a, b) => nameOf(result.organizations, a).localeCompare(nameOf(result.organizations, b)));
  const places = [...new Set(flows.map((f) => f.location))].sort();
  const maxByUnit = new Map<string, bigint>();
  const agg = new Map<string, { provider: Address; place: string; sector: string; unit: string; amount: bigint; delivered: bigint }>();
  for (const f of flows) {
    const key = `${f.provider}|${f.location}|${f.sector}|${f.unit}`;
    const a = agg.get(key) ?? { provider: f.provider, place: f.location, sector: f.sector, unit: f.unit, amount: 0n, delivered: 0n };
    a.amount += f.committed;
    a.delivered += f.delivered;
    agg.set(key, a);
  }
  for (const a of agg.values()) if ((maxByUnit.get(a.unit) ?? 0n) < a.amount) maxByUnit.set(a.unit, a.amount);
  const rowH = 22, T = 10;
  const H = T + Math.max(providers.length, places.length) * rowH + 10, W = 760, LX = 230, RX = 560;
  const py = (i: number) => T + i * rowH + rowH / 2;
  const ly = (i: number) => T + i * ((Math.max(providers.length, places.length) * rowH) / places.length) + rowH / 2;
  const sectors = [...new Set([...agg.values()].map((a) => a.sector))].sort();
  const parts: string[] = [];
  for (const a of [...agg.values()].sort((x, y) => (x.sector < y.sector ? -1 : 1))) {
    const i = providers.indexOf(a.provider), j = places.indexOf(a.place);
    const width = 1 + (Number((a.amount * 1000n) / (maxByUnit.get(a.unit) ?? 1n)) / 1000) * 9;
    const y1 = py(i), y2 = ly(j), mx = (LX + RX) / 2;
    const color = colorOf(a.sector, sectors.indexOf(a.sector));
    parts.push(
      `<path d="M${LX},${y1} C${mx},${y1} ${mx},${y2} ${RX},${y2}" fill="none" stroke="${color}" stroke-opacity="${a.delivered < a.amount ? 0.35 : 0.7}" stroke-width="${width.toFixed(2)}"${a.delivered === 0n ? ' stroke-dasharray="4 3"' : ""}>` +
        `<title>${escapeHtml(nameOf(result.organizations, a.provider))} → ${escapeHtml(a.place || "anywhere")}: ${formatUnits(a.amount)} ${escapeHtml(a.unit)} committed, ${formatUnits(a.delivered)} delivered</title></path>`,
    );
  }
  providers.forEach((p, i) => parts.push(`<text x="${LX - 6}" y="${py(i) + 4}" text-anchor="end" font-size="11">${escapeHtml(nameOf(result.organizations, p))}</text>`));
  places.forEach((l, j) => parts.push(`<text x="${RX + 6}" y="${ly(j) + 4}" font-size="11">${escapeHtml(l || "anywhere")}</text>`));
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Flows round ${round.round}">${parts.join("")}</svg>`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  const th = headers.map((h, i) => `<th${numeric.has(i) ? ' class="n"' : ""}>${escapeHtml(h)}</th>`).join("");
  const trs = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="n"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

function perUnit(record: Readonly<Record<string, { committed: bigint; delivered: bigint; confirmed: bigint }>>, field: "committed" | "delivered" | "confirmed"): string {
  return Object.keys(record).sort().map((u) => `${formatUnits(record[u][field])} ${u}`).join(" + ");
}

function roundSection(result: DemoResult, round: DemoRound): string {
  const v = round.verify;
  const verification = table(
    ["capacity", "provider", "status", "expected root", "committed root", "expected total", "committed total"],
    v.commitments.map((c) => [
      c.capacityId.toString(),
      nameOf(result.organizations, c.provider),
      c.status,
      c.expected?.root.slice(0, 18) ?? "—",
      c.committed?.root.slice(0, 18) ?? "—",
      c.expected ? formatUnits(c.expected.total) : "—",
      c.committed ? formatUnits(c.committed.total) : "—",
    ]),
    new Set([5, 6]),
  );
  const orgs = table(
    ["organization", "committed", "delivered", "confirmed by recipients", "received (confirmed)", "flags"],
    round.organizations
      .filter((o) => Object.keys(o.provided).length + Object.keys(o.received).length + o.flags.length > 0)
      .map((o) => [nameOf(result.organizations, o.address), perUnit(o.provided, "committed"), perUnit(o.provided, "delivered"), perUnit(o.provided, "confirmed"), perUnit(o.received, "confirmed"), o.flags.join("; ")]),
  );
  const g = round.gas;
  const gasTotal = g.commit + g.deliver + g.confirm + g.other;
  const bad = v.commitments.filter((c) => c.status !== "match");
  return `<section>
<h2>Round ${round.round} <small>snapshot at ${isoDateTime(round.snapshotTime)} (block ${round.snapshotBlock}) · <a href="audit-round-${round.round}.html">audit report</a> · <a href="iati-round-${round.round}.xml">IATI XML</a> · <a href="hxl-round-${round.round}.csv">HXL</a></small></h2>
<ul>${round.narrative.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>
<p class="${bad.length ? "warn" : "ok"}">Verification: ${Object.entries(v.counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(", ")}${bad.length ? ` — flagged: ${bad.map((c) => `${escapeHtml(nameOf(result.organizations, c.provider))} (capacity ${c.capacityId}, ${c.status})`).join(", ")}` : ""}</p>
<div class="row"><div><h3>Residual need after receipts</h3>${gapHeatmap(round)}</div>
<div><h3>Committed flows (dashed: nothing delivered; faint: partly delivered)</h3>${flowChart(result, round)}</div></div>
<h3>Organizations</h3>${orgs}
<details><summary>Commitments and verification (${v.commitments.length})</summary>${verification}</details>
<p class="gas">Gas: commit ${formatUnits(g.commit)} · deliver ${formatUnits(g.deliver)} · confirm ${formatUnits(g.confirm)} · other ${formatUnits(g.other)} · <b>total ${formatUnits(gasTotal)}</b></p>
</section>`;
}

/** The whole report as one HTML document. Deterministic except for the elapsed time line. */
export function renderReport(result: DemoResult): string {
  const last = result.rounds[result.rounds.length - 1];
  const kinds = new Map<string, number>();
  for (const o of result.organizations) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
  const orgTable = table(
    ["organization", "kind", "address", "signs with"],
    result.organizations.map((o) => [o.name, o.kind, o.address, o.safe ? "Safe multisig (ERC-1271, relayed EIP-712)" : "EOA"]),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Free Association — cyclone response demo</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1200px;color:#222;padding:0 16px}
h1{margin-bottom:4px}h2{border-top:2px solid #eee;padding-top:16px}h2 small{font-weight:normal;color:#777;font-size:13px}
table{border-collapse:collapse;margin:8px 0;font-size:12.5px}th,td{border-bottom:1px solid #e4e4e4;padding:3px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}.row{display:flex;flex-wrap:wrap;gap:24px}.warn{color:#a40000;font-weight:600}.ok{color:#1b6d1b;font-weight:600}
.gas{color:#555}.meta{color:#666}svg{max-width:100%;height:auto}
</style></head><body>
<h1>Free Association — cyclone response</h1>
<p class="meta">Chain ${result.chainId} · ledger ${result.contracts.ledger} · ${result.organizations.length} organizations (${[...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(", ")}) · ${result.rounds.length} rounds · protocol fa-2 · seeding gas ${formatUnits(result.seedGas)}</p>
<p>Protocol ${escapeHtml(PROTOCOL_CHANGE)}</p>
<p>Every organization published one signal vector (recognition, capacities, needs) on the embedded chain. Each round the protocol's allocation was committed by every provider as a Merkle root, delivered, and confirmed by recipients; needs shrink by what is confirmed. An auditor recomputed every commitment from the chain alone.</p>
<h2>Needs met over rounds</h2>
${coverageChart(result)}
<p>After round ${last?.round ?? "-"}: ${last ? overallCoverage(coverageBySector(last.needsAfter)) : 0}% of needs met (mean of sectors).</p>
${result.rounds.map((r) => roundSection(result, r)).join("\n")}
<h2>Organizations</h2>${orgTable}
<p class="meta">Per round: out/audit-round-N.html (the audit report), out/iati-round-N.xml (IATI 2.03 activities), out/hxl-round-N.csv and out/hxl-gaps-round-N.csv (HXL), out/audit-round-N.json (AuditReport).</p>
</body></html>
`;
}
