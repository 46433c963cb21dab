/**
 * One round's audit report as a self-contained HTML page (inline CSS, no script, nothing fetched):
 * who committed what under which protocol, whether it matches and why not, delivered and confirmed
 * against committed per organization and per district × sector, the attestations, and links to the
 * exports. A print stylesheet makes it a printable document. Pure and deterministic.
 */
import type { Address } from "../core/index.js";
import type { AuditReport } from "../chain/types.js";
import { clusterOf } from "./clusters.js";
import { resolveOrganization } from "./organizations.js";
import { auditDates, isoDateTime, protocolName, providersOf, roundReferences, statusReason } from "./references.js";
import type { ExportOptions } from "./types.js";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STYLE = `
:root{--ink:#1d2327;--muted:#5f6b73;--line:#dde3e7;--ok:#1b6d1b;--bad:#a40000;--warn:#8a5a00;--bar:#2f6f9f;--bar2:#7fb069}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:1180px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;padding-top:12px;border-top:2px solid var(--line)}
.meta{color:var(--muted);margin:0 0 4px}.meta code{font-size:12px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:150px}
.card .k{display:block;color:var(--muted);font-size:12px}.card .v{font-size:20px;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:12.5px;margin:6px 0 4px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f7f8;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11.5px}
td .mono{white-space:nowrap}
.status{font-weight:600;white-space:nowrap}.status.match{color:var(--ok)}.status.mismatch,.status.unexpected{color:var(--bad)}.status.other{color:var(--warn)}
.bar{display:inline-block;width:70px;height:8px;background:#eef1f3;border-radius:4px;vertical-align:middle;margin-left:6px;overflow:hidden}
.bar i{display:block;height:100%;background:var(--bar)}.bar.c i{background:var(--bar2)}
.note{color:var(--muted);font-size:12.5px}
ul.links{padding-left:18px}
@page{size:A4 landscape;margin:12mm}
@media print{
  body{font-size:10pt;max-width:none;padding:0}
  h2{break-after:avoid;page-break-after:avoid}
  table{font-size:8.5pt}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
  .card{padding:4px 8px}.card .v{font-size:14pt}
  a{color:inherit;text-decoration:none}ul.links a::after{content:" — " attr(href);font-family:ui-monospace,monospace;font-size:8pt}
  .bar{border:1px solid #999}.bar i{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}`;

const esc = escapeHtml;
const short = (hex: string) => (hex.length > 14 ? `${hex.slice(0, 10)}…${hex.slice(-4)}` : hex);

function percent(part: bigint, whole: bigint): number {
  return whole === 0n ? 0 : Number((part * 1000n) / whole) / 10;
}

function bar(part: bigint, whole: bigint, confirmed = false): string {
  const p = Math.min(100, percent(part, whole));
  return `<span class="bar${confirmed ? " c" : ""}" role="img" aria-label="${p}%"><i style="width:${p}%"></i></span>`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number>): string {
  if (rows.length === 0) return `<p class="note">None.</p>`;
  const th = headers.map((h, i) => `<th${numeric.has(i) ? ' class="n"' : ""} scope="col">${esc(h)}</th>`).join("");
  // Cells are HTML already (escaped by the caller).
  const trs = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="n"' : ""}>${c}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`;
}

interface Lifecycle {
  committed: bigint;
  delivered: bigint;
  confirmed: bigint;
}
const zero = (): Lifecycle => ({ committed: 0n, delivered: 0n, confirmed: 0n });

function lifecycleCells(l: Lifecycle): string[] {
  // Nothing committed: no share to show (0 of 0 is not 0 %).
  if (l.committed === 0n) return ["0", l.delivered.toString(), "—", l.confirmed.toString(), "—"];
  return [
    l.committed.toString(),
    `${l.delivered}${bar(l.delivered, l.committed)}`,
    `${percent(l.delivered, l.committed)} %`,
    `${l.confirmed}${bar(l.confirmed, l.committed, true)}`,
    `${percent(l.confirmed, l.committed)} %`,
  ];
}

/** The round's audit report (HTML). Needs a dated audit (auditRound). */
export function toAuditHtml(audit: AuditReport, options: ExportOptions = {}): string {
  const { openedAt, readAt } = auditDates(audit);
  const refs = roundReferences(audit);
  const org = (a: Address) => resolveOrganization(a, audit.chainId, options);
  const orgCell = (a: Address) => `${esc(org(a).name)}${org(a).name === a ? "" : `<br><span class="mono">${esc(short(a))}</span>`}`;
  const protocol = audit.verification.protocol;
  const round = audit.round.toString();
  const link = (hash: string) => (options.explorer ? `<a class="mono" href="${esc(`${options.explorer.replace(/\/+$/, "")}/tx/${hash}`)}">${esc(short(hash))}</a>` : `<span class="mono" title="${esc(hash)}">${esc(short(hash))}</span>`);
  const statusCell = (s: string) => `<span class="status ${["match", "mismatch", "unexpected"].includes(s) ? s : "other"}">${esc(s)}</span>`;

  // Commitments: who committed what under which protocol, and whether it matches.
  const unitOf = new Map<bigint, string>();
  const sectorOf = new Map<bigint, string>();
  for (const f of audit.flows) {
    unitOf.set(f.capacityId, f.unit);
    sectorOf.set(f.capacityId, f.sector);
  }
  const commitmentRows = audit.verification.commitments.map((c) => {
    const info = options.capacities?.[c.capacityId.toString()];
    const e = refs.commitments.get(c.capacityId);
    return [
      c.capacityId.toString(),
      orgCell(c.provider),
      esc(sectorOf.get(c.capacityId) ?? info?.sector ?? "—"),
      esc(unitOf.get(c.capacityId) ?? info?.unit ?? "—"),
      esc(c.committed ? protocolName(c.committed.protocolId) : "—"),
      c.committed ? c.committed.total.toString() : "—",
      c.expected ? c.expected.total.toString() : "0",
      statusCell(c.status),
      esc(statusReason(c, protocol)),
      c.committed ? `<span class="mono" title="${esc(c.committed.root)}">${esc(short(c.committed.root))}</span>` : "—",
      e ? link(e.transactionHash) : "—",
    ];
  });

  // Per organization and unit, as provider and as recipient (quantities of different units never add up).
  const provided = new Map<string, Lifecycle>();
  const received = new Map<string, Lifecycle>();
  const add = (m: Map<string, Lifecycle>, key: string, l: Lifecycle) => {
    const x = m.get(key) ?? zero();
    x.committed += l.committed;
    x.delivered += l.delivered;
    x.confirmed += l.confirmed;
    m.set(key, x);
  };
  for (const f of audit.flows) {
    add(provided, `${f.provider}\0${f.unit}`, f);
    add(received, `${f.recipient}\0${f.unit}`, f);
  }
  for (const c of audit.verification.commitments) {
    if (c.committed === undefined || audit.flows.some((f) => f.capacityId === c.capacityId)) continue;
    add(provided, `${c.provider}\0${options.capacities?.[c.capacityId.toString()]?.unit ?? "unknown"}`, { committed: c.committed.total, delivered: 0n, confirmed: 0n });
  }
  const orgRows = (m: Map<string, Lifecycle>) =>
    [...m]
      .map(([key, l]) => {
        const [address, unit] = key.split("\0") as [Address, string];
        return { name: org(address).name, address, unit, l };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.unit.localeCompare(b.unit))
      .map(({ address, unit, l }) => [orgCell(address), esc(unit), ...lifecycleCells(l)]);

  // District × sector: need, committed, delivered, confirmed, gap.
  const cells = new Map<string, Lifecycle & { needed: bigint; gap: bigint; location: string; sector: string; unit: string }>();
  for (const g of audit.gaps) cells.set(`${g.location}\0${g.sector}\0${g.unit}`, { ...zero(), needed: g.needed, gap: g.gap, location: g.location, sector: g.sector, unit: g.unit });
  for (const f of audit.flows) {
    const key = `${f.location}\0${f.sector}\0${f.unit}`;
    const c = cells.get(key) ?? { ...zero(), needed: 0n, gap: 0n, location: f.location, sector: f.sector, unit: f.unit };
    c.committed += f.committed;
    c.delivered += f.delivered;
    c.confirmed += f.confirmed;
    cells.set(key, c);
  }
  const districtRows = [...cells.values()]
    .sort((a, b) => a.location.localeCompare(b.location) || a.sector.localeCompare(b.sector) || a.unit.localeCompare(b.unit))
    .map((c) => {
      const name = options.locationNames?.[c.location];
      const cluster = clusterOf(c.sector);
      return [
        `${esc(c.location || "anywhere")}${name ? `<br>${esc(name)}` : ""}`,
        `${esc(c.sector)}${cluster.vocabulary === "10" ? ` <span class="mono">${esc(cluster.code)}</span>` : ""}`,
        esc(c.unit),
        c.needed.toString(),
        ...lifecycleCells(c),
        c.gap.toString(),
      ];
    });

  const attestationRows = refs.attestations.map((t) => [
    t.capacityId.toString(),
    t.account ? orgCell(t.account) : "—",
    t.matches ? statusCell("match") : statusCell("mismatch"),
    `<span class="mono">${esc(t.reportHash ? short(t.reportHash) : "—")}</span>`,
    link(t.transactionHash),
  ]);

  const byUnit = new Map<string, Lifecycle>();
  for (const f of audit.flows) {
    const x = byUnit.get(f.unit) ?? zero();
    x.committed += f.committed;
    x.delivered += f.delivered;
    x.confirmed += f.confirmed;
    byUnit.set(f.unit, x);
  }
  const counts = Object.entries(audit.verification.counts).filter(([, n]) => n > 0);
  const bad = audit.verification.commitments.filter((c) => c.status !== "match").length;
  const cards = [
    `<div class="card"><span class="k">Commitments checked</span><span class="v">${audit.verification.commitments.length}</span></div>`,
    `<div class="card"><span class="k">Verification against ${esc(protocol)}</span><span class="v ${bad ? "status mismatch" : "status match"}">${esc(counts.map(([s, n]) => `${n} ${s}`).join(", ") || "nothing to check")}</span></div>`,
    `<div class="card"><span class="k">Providers</span><span class="v">${providersOf(audit).length}</span></div>`,
    ...[...byUnit].sort(([a], [b]) => a.localeCompare(b)).map(
      ([unit, l]) => `<div class="card"><span class="k">${esc(unit)}: delivered / confirmed of committed</span><span class="v">${percent(l.delivered, l.committed)} % / ${percent(l.confirmed, l.committed)} %</span></div>`,
    ),
  ].join("");
  const links = (options.documents ?? []).map((d) => `<li><a href="${esc(d.url)}">${esc(d.title)}</a> <span class="note">(${esc(d.format)})</span></li>`).join("");
  const numeric = (...i: number[]) => new Set(i);

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Audit report — round ${esc(round)}</title>
<style>${STYLE}</style></head><body>
<h1>Audit report — round ${esc(round)}</h1>
<p class="meta">Chain ${audit.chainId}${options.ledger ? ` · ledger <code>${esc(options.ledger)}</code>` : ""} · protocol <b>${esc(protocol)}</b> · snapshot ${audit.snapshotTime !== undefined ? `at ${esc(isoDateTime(audit.snapshotTime))} = ` : ""}block ${audit.snapshotBlock} · opened ${esc(isoDateTime(openedAt))} · read up to block ${audit.toBlock} (${esc(isoDateTime(readAt))})</p>
<p class="meta">Everything below is re-derived from the chain's events alone: each commitment is recomputed with ${esc(protocol)} from the round's snapshot and compared with the Merkle root on chain.</p>
<div class="cards">${cards}</div>
<h2>Commitments and verification</h2>
${table(["capacity", "provider", "sector", "unit", "protocol", "committed", `${protocol} yields`, "status", "reason", "root", "transaction"], commitmentRows, numeric(0, 5, 6))}
<h2>Delivered and confirmed against committed, per provider</h2>
${table(["provider", "unit", "committed", "delivered", "%", "confirmed by recipients", "%"], orgRows(provided), numeric(2, 3, 4, 5, 6))}
<h2>Received, per recipient</h2>
${table(["recipient", "unit", "committed to it", "delivered", "%", "confirmed by it", "%"], orgRows(received), numeric(2, 3, 4, 5, 6))}
<h2>Per district × sector</h2>
<p class="note">In need: residual need at the round's snapshot. Gap: in need minus committed, floored at 0.</p>
${table(["location", "sector (cluster)", "unit", "in need", "committed", "delivered", "%", "confirmed", "%", "gap"], districtRows, numeric(3, 4, 5, 6, 7, 8, 9))}
<h2>Attestations</h2>
${table(["capacity", "auditor", "verdict", "report hash", "transaction"], attestationRows, numeric(0))}
<h2>Exports</h2>
${links ? `<ul class="links">${links}</ul>` : `<p class="note">Produce them with <code>fa audit --round ${esc(round)} --format iati-xml</code>, <code>--format hxl</code> and <code>fa gaps --round ${esc(round)} --format hxl</code>.</p>`}
<p class="note">Reproduce: <code>fa verify --round ${esc(round)}</code> and <code>fa audit --round ${esc(round)} --format html</code> against the same chain.</p>
</body></html>
`;
}
