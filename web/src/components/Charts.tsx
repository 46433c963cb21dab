/** Small SVG charts (no chart library): gap heatmap, flow sankey, coverage bars. */
import type { Allocation } from "../../../sdk/core/index.js";
import { fmt, share } from "../lib/format.js";

export interface GapCell { location: string; sector: string; need: bigint; unmet: bigint }

/** Location × sector grid coloured by the share of need the current signals leave unmet. */
export function GapHeatmap({ cells }: { cells: GapCell[] }) {
  const locations = [...new Set(cells.map((c) => c.location))].sort();
  const sectors = [...new Set(cells.map((c) => c.sector))].sort();
  if (cells.length === 0) return <p className="empty">No needs declared yet.</p>;
  const cell = (l: string, s: string) => cells.find((c) => c.location === l && c.sector === s);
  return (
    <table className="heatmap">
      <caption className="sr-only">Unmet need by location and sector</caption>
      <thead>
        <tr><th scope="col">Location</th>{sectors.map((s) => <th key={s} scope="col">{s}</th>)}</tr>
      </thead>
      <tbody>
        {locations.map((l) => (
          <tr key={l}>
            <th scope="row">{l}</th>
            {sectors.map((s) => {
              const c = cell(l, s);
              if (!c) return <td key={s} className="none">—</td>;
              const gap = share(c.unmet, c.need);
              return (
                <td key={s} style={{ background: `color-mix(in oklab, var(--gap) ${Math.round(gap * 85)}%, var(--ok-bg))` }}
                    title={`${fmt(c.unmet)} of ${fmt(c.need)} unmet`}>
                  <span className="big">{c.unmet === 0n ? 100 : Math.min(99, Math.floor((1 - gap) * 100))}%</span>
                  <span className="small">met · {fmt(c.unmet)} short</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Providers (left) to recipients (right); band width = the amount's share of all flows in its unit. */
export function FlowSankey({ allocations, name, unitOf }: { allocations: readonly Allocation[]; name: (a: string) => string; unitOf: (capacity: string) => string }) {
  if (allocations.length === 0) return <p className="empty">No flows: nobody recognized has a compatible need.</p>;
  const totalByUnit = new Map<string, bigint>();
  for (const a of allocations) totalByUnit.set(unitOf(a.capacity), (totalByUnit.get(unitOf(a.capacity)) ?? 0n) + a.amount);
  const flows = allocations.map((a) => ({ ...a, w: share(a.amount, totalByUnit.get(unitOf(a.capacity))!) / totalByUnit.size }));
  const left = [...new Set(flows.map((f) => f.provider))];
  const right = [...new Set(flows.map((f) => f.recipient))];
  const W = 820, H = Math.max(220, 70 * Math.max(left.length, right.length)), nodeW = 12, gap = 18, padX = 210;
  const usable = H - gap * (Math.max(left.length, right.length) + 1);
  const weightOf = (side: string[], key: "provider" | "recipient") =>
    side.map((n) => flows.filter((f) => f[key] === n).reduce((s, f) => s + f.w, 0));
  const lw = weightOf(left, "provider"), rw = weightOf(right, "recipient");
  const place = (ws: number[]) => { let y = gap; return ws.map((w) => { const top = y; const h = Math.max(4, w * usable); y += h + gap; return { top, h }; }); };
  const lp = place(lw), rp = place(rw);
  const lOff = lp.map((p) => p.top), rOff = rp.map((p) => p.top);
  // Long names are cut to fit the label column; the full name is in the tooltip.
  const label = (a: string) => { const n = name(a); return n.length > 24 ? `${n.slice(0, 23)}…` : n; };
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="sankey" role="img" aria-label="Flows from providers to recipients">
      {flows.map((f, i) => {
        const li = left.indexOf(f.provider), ri = right.indexOf(f.recipient);
        const h = Math.max(2, f.w * usable);
        const y1 = lOff[li] + h / 2, y2 = rOff[ri] + h / 2;
        lOff[li] += h; rOff[ri] += h;
        const x1 = padX + nodeW, x2 = W - padX;
        return (
          <path key={i} d={`M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`}
                className={`flow tier${f.tier}`} strokeWidth={h}>
            <title>{`${name(f.provider)} → ${name(f.recipient)}: ${fmt(f.amount)} ${unitOf(f.capacity)} (tier ${f.tier})`}</title>
          </path>
        );
      })}
      {left.map((n, i) => (
        <g key={n}><rect x={padX} y={lp[i].top} width={nodeW} height={lp[i].h} className="node" />
          <text x={padX - 8} y={lp[i].top + lp[i].h / 2} textAnchor="end" dominantBaseline="middle">{label(n)}<title>{name(n)}</title></text></g>
      ))}
      {right.map((n, i) => (
        <g key={n}><rect x={W - padX} y={rp[i].top} width={nodeW} height={rp[i].h} className="node" />
          <text x={W - padX + nodeW + 8} y={rp[i].top + rp[i].h / 2} dominantBaseline="middle">{label(n)}<title>{name(n)}</title></text></g>
      ))}
    </svg>
  );
}

export interface RoundCoverage { round: bigint; committed: bigint; delivered: bigint; confirmed: bigint }

/** Per round: committed, delivered and confirmed units (all units summed; a shape, not a ledger). */
export function CoverageChart({ rounds }: { rounds: RoundCoverage[] }) {
  if (rounds.length === 0) return <p className="empty">No round opened yet.</p>;
  const max = rounds.reduce((m, r) => (r.committed > m ? r.committed : m), 1n);
  return (
    <div className="coverage" role="img" aria-label="Committed, delivered and confirmed per round">
      {rounds.map((r) => (
        <div key={String(r.round)} className="coverage-row">
          <span className="label">Round {String(r.round)}</span>
          <div className="stack">
            <div className="bar committed" style={{ width: `${share(r.committed, max) * 100}%` }} title={`committed ${fmt(r.committed)}`} />
            <div className="bar delivered" style={{ width: `${share(r.delivered, max) * 100}%` }} title={`delivered ${fmt(r.delivered)}`} />
            <div className="bar confirmed" style={{ width: `${share(r.confirmed, max) * 100}%` }} title={`confirmed ${fmt(r.confirmed)}`} />
          </div>
          <span className="nums">{fmt(r.committed)} / {fmt(r.delivered)} / {fmt(r.confirmed)}</span>
        </div>
      ))}
      <p className="legend"><i className="committed" /> committed <i className="delivered" /> delivered <i className="confirmed" /> confirmed</p>
    </div>
  );
}
