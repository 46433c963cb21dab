/** Small SVG charts (no chart library): gap heatmap, flow sankey, coverage bars. */
import { useEffect, useRef, useState } from "react";
import type { Allocation } from "../../../sdk/core/index.js";
import { fmt, share } from "../lib/format.js";
import type { GapCell, UnitCoverage } from "../lib/units.js";

export type { GapCell } from "../lib/units.js";

/** Location × sector grid coloured by the share of need left unmet; every figure names its unit. */
export function GapHeatmap({ cells }: { cells: GapCell[] }) {
  const locations = [...new Set(cells.map((c) => c.location))].sort();
  const sectors = [...new Set(cells.map((c) => c.sector))].sort();
  if (cells.length === 0) return <p className="empty">No needs declared yet.</p>;
  const cell = (l: string, s: string) => cells.find((c) => c.location === l && c.sector === s);
  return (
    <div className="scroll-x">
      <table className="heatmap">
        <caption className="sr-only">Unmet need by location and sector, per unit</caption>
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
                // The colour follows the unit worst served; each unit's figures stay apart.
                const worst = Math.max(...c.units.map((u) => share(u.unmet, u.need)));
                return (
                  <td key={s} style={{ background: `color-mix(in oklab, var(--gap) ${Math.round(worst * 85)}%, var(--ok-bg))` }}
                      title={c.units.map((u) => `${fmt(u.unmet)} of ${fmt(u.need)} ${u.unit} unmet`).join("; ")} data-testid={`gap-${l}-${s}`}>
                    {c.units.map((u) => {
                      const gap = share(u.unmet, u.need);
                      return (
                        <span key={u.unit} className="cell-unit">
                          <span className="big">{u.unmet === 0n ? 100 : Math.min(99, Math.floor((1 - gap) * 100))}%</span>
                          <span className="small">met · {u.unmet === 0n ? "none" : fmt(u.unmet)} {u.unit} short</span>
                        </span>
                      );
                    })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Providers (left) to recipients (right); band width = the amount's share of all flows in its unit. */
export function FlowSankey({ allocations, name, unitOf }: { allocations: readonly Allocation[]; name: (a: string) => string; unitOf: (capacity: string) => string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(820);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(300, Math.floor(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, [allocations.length === 0]);
  if (allocations.length === 0) return <p className="empty">No flows: nobody recognized has a compatible need.</p>;
  const totalByUnit = new Map<string, bigint>();
  for (const a of allocations) totalByUnit.set(unitOf(a.capacity), (totalByUnit.get(unitOf(a.capacity)) ?? 0n) + a.amount);
  const flows = allocations.map((a) => ({ ...a, w: share(a.amount, totalByUnit.get(unitOf(a.capacity))!) / totalByUnit.size }));
  const left = [...new Set(flows.map((f) => f.provider))];
  const right = [...new Set(flows.map((f) => f.recipient))];
  // Drawn at the width it is shown at (1 SVG unit = 1 CSS pixel), so labels keep their size on a phone.
  const W = width, narrow = W < 600;
  const H = Math.max(220, 70 * Math.max(left.length, right.length)), nodeW = narrow ? 8 : 12, gap = 18, padX = narrow ? Math.round(W * 0.34) : 210;
  const usable = H - gap * (Math.max(left.length, right.length) + 1);
  const weightOf = (side: string[], key: "provider" | "recipient") =>
    side.map((n) => flows.filter((f) => f[key] === n).reduce((s, f) => s + f.w, 0));
  const lw = weightOf(left, "provider"), rw = weightOf(right, "recipient");
  const place = (ws: number[]) => { let y = gap; return ws.map((w) => { const top = y; const h = Math.max(4, w * usable); y += h + gap; return { top, h }; }); };
  const lp = place(lw), rp = place(rw);
  const lOff = lp.map((p) => p.top), rOff = rp.map((p) => p.top);
  // Long names are cut to fit the label column; the full name is in the tooltip.
  // At most ~8 px per character (12 px type on narrow screens): cut a label to the column it has
  // (the full name is in the tooltip).
  const max = narrow ? Math.max(6, Math.floor((padX - nodeW - 10) / 8)) : 24;
  const label = (a: string) => { const n = name(a); return n.length > max ? `${n.slice(0, max - 1)}…` : n; };
  return (
    <div ref={box} className="sankey-box">
    <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} className={`sankey${narrow ? " narrow" : ""}`} role="img" aria-label="Flows from providers to recipients">
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
    </div>
  );
}

export interface RoundCoverage { round: bigint; units: UnitCoverage[]; excluded: number }

/** Per round and unit: committed, delivered and confirmed; bars are scaled within each unit. */
export function CoverageChart({ rounds }: { rounds: RoundCoverage[] }) {
  if (rounds.length === 0) return <p className="empty">No round opened yet.</p>;
  const units = [...new Set(rounds.flatMap((r) => r.units.map((u) => u.unit)))].sort();
  if (units.length === 0) return <p className="empty">Nothing verified has been committed yet.</p>;
  const maxOf = (unit: string) => rounds.reduce((m, r) => { const u = r.units.find((x) => x.unit === unit); return u && u.committed > m ? u.committed : m; }, 1n);
  const excluded = rounds.reduce((n, r) => n + r.excluded, 0);
  return (
    <div className="coverage" role="img" aria-label="Committed, delivered and confirmed per round and unit">
      {units.map((unit) => (
        <div key={unit} className="coverage-unit" data-testid={`coverage-${unit}`}>
          <h3 className="unit-head">{unit}</h3>
          {rounds.map((r) => {
            const u = r.units.find((x) => x.unit === unit) ?? { committed: 0n, delivered: 0n, confirmed: 0n };
            const max = maxOf(unit);
            return (
              <div key={String(r.round)} className="coverage-row">
                <span className="label">Round {String(r.round)}</span>
                <div className="stack">
                  <div className="bar committed" style={{ width: `${share(u.committed, max) * 100}%` }} title={`committed ${fmt(u.committed)} ${unit}`} />
                  <div className="bar delivered" style={{ width: `${share(u.delivered, max) * 100}%` }} title={`delivered ${fmt(u.delivered)} ${unit}`} />
                  <div className="bar confirmed" style={{ width: `${share(u.confirmed, max) * 100}%` }} title={`confirmed ${fmt(u.confirmed)} ${unit}`} />
                </div>
                <span className="nums">{fmt(u.committed)} / {fmt(u.delivered)} / {fmt(u.confirmed)} {unit}</span>
              </div>
            );
          })}
        </div>
      ))}
      <p className="legend"><i className="committed" /> committed <i className="delivered" /> delivered <i className="confirmed" /> confirmed · bars scaled within each unit</p>
      {excluded > 0 && <p className="error small" data-testid="coverage-excluded">Not counted: {excluded === 1 ? "1 commitment that does" : `${excluded} commitments that do`} not match their protocol (see Audit).</p>}
    </div>
  );
}
