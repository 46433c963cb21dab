import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeployment, useClient, useHead, useHeadSnapshot, useRoundComputation, useRounds } from "../state.js";
import { readRoundLedger } from "../chain/ledger.js";
import { readSnapshot, type ChainSnapshot } from "../chain/snapshot.js";
import { checkCommitments, computeRound, type RoundComputation } from "../chain/verify.js";
import { nameOf } from "../chain/deployment.js";
import { CoverageChart, FlowSankey, GapHeatmap, type RoundCoverage } from "../components/Charts.js";
import { fmt, share } from "../lib/format.js";
import { coverageByUnit, gapCells, totalsBySectorUnit, type CoverageInput } from "../lib/units.js";
import { Loading, Problem } from "../components/Status.js";

/** A round's computation depends only on its (immutable) snapshot: computed once per snapshot block. */
const computedRounds = new Map<bigint, RoundComputation>();

export function Overview() {
  const d = useDeployment();
  const client = useClient();
  const queryClient = useQueryClient();
  const head = useHead().data;
  const rounds = useRounds();
  const snapshot = useHeadSnapshot();
  const { computation, error } = useRoundComputation(snapshot.data);
  const [sector, setSector] = useState(() => sessionStorage.getItem("fa.sector") ?? "");
  const pickSector = (s: string) => { sessionStorage.setItem("fa.sector", s); setSector(s); };

  // Per round, every commitment with its unit, sector and whether it matches FA-1 (Audit's check).
  const coverage = useQuery<{ round: bigint; commitments: CoverageInput[] }[]>({
    queryKey: ["coverage", rounds.data?.current.toString(), head?.toString()],
    enabled: rounds.data !== undefined,
    placeholderData: (p) => p,
    queryFn: async () =>
      Promise.all(
        rounds.data!.rounds.map(async (r) => {
          const snap = await queryClient.fetchQuery<ChainSnapshot>({ queryKey: ["snapshot", r.snapshotBlock.toString()], queryFn: () => readSnapshot(client, d, r.snapshotBlock), staleTime: Infinity });
          let comp = computedRounds.get(r.snapshotBlock);
          if (!comp) computedRounds.set(r.snapshotBlock, (comp = computeRound(snap)));
          const ledger = await readRoundLedger(client, d, r);
          const checks = checkCommitments(snap, ledger.sdk, ledger.commitments, r.round, comp);
          const commitments: CoverageInput[] = [];
          for (const c of ledger.commitments.values()) {
            const cap = snap.allCapacities.find((x) => x.id === c.capacityId);
            const status = checks.find((x) => x.capacityId === c.capacityId)?.status;
            commitments.push({
              unit: cap?.unit ?? "?", sector: cap?.type ?? "?",
              matches: status !== "mismatch" && status !== "unexpected",
              withdrawn: c.withdrawn, total: c.total, delivered: c.delivered,
              confirmed: [...c.leaves.values()].reduce((s, l) => s + l.confirmed, 0n),
            });
          }
          return { round: r.round, commitments };
        }),
      ),
  });

  if (snapshot.isError) return <Problem error={snapshot.error} />;
  if (!snapshot.data || !rounds.data) return <Loading what="the chain's state" />;

  const scenario = snapshot.data.scenario;
  const sectors = [...new Set([...scenario.needs.map((n) => n.type), ...scenario.capacities.map((c) => c.type)])].sort();
  const inSector = <T extends { type: string }>(x: T) => sector === "" || x.type === sector;
  const needs = scenario.needs.filter(inSector);
  const capacityOf = (id: string) => scenario.capacities.find((c) => c.id === id);
  const allocations = (computation?.result.allocations ?? []).filter((a) => { const c = capacityOf(a.capacity); return c !== undefined && inSector(c); });
  const totals = totalsBySectorUnit(needs, allocations);
  const needCount = needs.length;
  const metCount = totals.reduce((n, t) => n + t.met, 0);
  const cells = gapCells(needs, computation?.result.unmet);
  const coverageRounds: RoundCoverage[] | undefined = coverage.data?.map((r) => ({
    round: r.round,
    ...coverageByUnit(r.commitments.filter((c) => sector === "" || c.sector === sector)),
  }));
  const r = rounds.data;
  const current = r.rounds[r.rounds.length - 1];
  const orgs = new Set([...Object.keys(scenario.recognition), ...scenario.capacities.map((c) => c.provider), ...scenario.needs.map((n) => n.recipient)]);
  const unitOf = (capacity: string) => capacityOf(capacity)?.unit ?? "";

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Overview</h1>
          <p className="lede">Who needs what, where — and what the current signals would allocate under FA-2, computed in this browser from the public ledger.</p>
        </div>
        <label className="field inline"><span>Sector</span>
          <select value={sector} onChange={(e) => pickSector(e.target.value)} data-testid="sector-filter">
            <option value="">All sectors</option>
            {sectors.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </div>
      <section className="stats" aria-label="Key figures">
        <div className="stat" data-testid="current-round">
          <span className="k">Current round</span>
          <span className="v">{r.current === 0n ? "none yet" : `#${r.current}`}</span>
          <span className="s">{current
            ? `opened ${new Date(Number(current.opensAt) * 1000).toLocaleTimeString()}; snapshot: the state at ${new Date(Number(current.snapshotTime) * 1000).toLocaleTimeString()} (block ${current.snapshotBlock})`
            : "rounds open on a fixed schedule: nobody opens them"}</span>
          <NextOpening round={r.current + 1n} at={r.nextOpenTime} />
        </div>
        <div className="stat" data-testid="needs-met"><span className="k">Needs fully met by current signals</span>
          <span className="v">{needCount === 0 ? "—" : `${metCount} of ${needCount}`}</span>
          <span className="s">{sector || "all sectors"}; quantities per unit below (units are never added together)</span></div>
        <div className="stat"><span className="k">Organizations</span><span className="v">{orgs.size}</span>
          <span className="s">{scenario.capacities.length} capacities · {scenario.needs.length} open needs</span></div>
        <div className="stat"><span className="k">Chain head</span><span className="v">#{String(head ?? 0n)}</span>
          <span className="s">state read from logs and views</span></div>
      </section>
      {error && <Problem error={error} />}
      <section className="card" aria-labelledby="totals-title">
        <h2 id="totals-title">Need and allocation by sector and unit</h2>
        {totals.length === 0 ? <p className="empty">No open needs{sector ? ` in ${sector}` : ""}.</p> : (
          <div className="scroll-x">
            <table data-testid="unit-totals">
              <thead><tr><th scope="col">Sector</th><th scope="col">Unit</th><th scope="col" className="num">Residual need</th><th scope="col" className="num">Allocated now</th><th scope="col" className="num">Share met</th><th scope="col" className="num">Needs fully met</th></tr></thead>
              <tbody>
                {totals.map((t) => (
                  <tr key={`${t.sector}-${t.unit}`} data-testid={`total-${t.sector}-${t.unit}`}>
                    <td>{t.sector}</td><td>{t.unit}</td>
                    <td className="num">{fmt(t.need)} {t.unit}</td>
                    <td className="num">{fmt(t.allocated)} {t.unit}</td>
                    <td className="num">{t.allocated >= t.need ? 100 : Math.min(99, Math.floor(share(t.allocated, t.need) * 100))} %</td>
                    <td className="num">{t.met} of {t.needs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="grid2">
        <section className="card" aria-labelledby="gap-title">
          <h2 id="gap-title">Gaps by location and sector</h2>
          <p className="hint">Share of residual need the current signals meet, per unit. Red is where nobody brings enough.</p>
          <GapHeatmap cells={cells} />
        </section>
        <section className="card" aria-labelledby="cov-title">
          <h2 id="cov-title">Coverage over rounds</h2>
          <p className="hint">Per unit: committed, delivered and confirmed in each round. Only commitments that match their protocol (FA-2 by default) count.</p>
          {coverageRounds ? <CoverageChart rounds={coverageRounds} /> : <Loading what="rounds" />}
        </section>
      </div>
      <section className="card" aria-labelledby="flow-title">
        <h2 id="flow-title">Flows between organizations</h2>
        <p className="hint">What FA-2 allocates now. Dark bands: mutual recognition (tier 1); light: one-way (tier 2). A band's width is its share of all flows <em>in its unit</em>, and every unit gets the same total height — so compare widths within a unit only. Hover a band for its amount and unit.</p>
        {computation && <FlowSankey allocations={allocations} name={(a) => nameOf(d, a)} unitOf={unitOf} />}
      </section>
    </div>
  );
}

/**
 * When the next round opens, with a countdown on the browser's clock. The round is open once the chain
 * has a block at or after that time (on a real chain, within seconds).
 */
export function NextOpening({ round, at }: { round: bigint; at: bigint }) {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (at >= 2n ** 64n - 1n) return <span className="s" data-testid="next-opening">round {String(round)} never opens (huge round length)</span>;
  const left = Number(at) - now;
  const countdown = left > 0 ? `in ${formatDuration(left)}` : "now, with the next block";
  return (
    <span className="s" data-testid="next-opening">
      round {String(round)} opens {new Date(Number(at) * 1000).toLocaleTimeString()} ({countdown})
    </span>
  );
}

function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86_400), h = Math.floor((seconds % 86_400) / 3_600), m = Math.floor((seconds % 3_600) / 60), s = seconds % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}
