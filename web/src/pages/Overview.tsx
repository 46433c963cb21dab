import { useQuery } from "@tanstack/react-query";
import { useDeployment, useClient, useHead, useHeadSnapshot, useRoundComputation, useRounds } from "../state.js";
import { useActions } from "../actions.js";
import { readRoundLedger } from "../chain/ledger.js";
import { nameOf } from "../chain/deployment.js";
import { CoverageChart, FlowSankey, GapHeatmap, type GapCell, type RoundCoverage } from "../components/Charts.js";
import { fmt, share } from "../lib/format.js";
import { Loading, Problem } from "../components/Status.js";

export function Overview() {
  const d = useDeployment();
  const client = useClient();
  const head = useHead().data;
  const rounds = useRounds();
  const snapshot = useHeadSnapshot();
  const { computation, error } = useRoundComputation(snapshot.data);
  const { run } = useActions();

  const coverage = useQuery<RoundCoverage[]>({
    queryKey: ["coverage", rounds.data?.current.toString(), head?.toString()],
    enabled: rounds.data !== undefined,
    placeholderData: (p) => p,
    queryFn: async () =>
      Promise.all(
        rounds.data!.rounds.map(async (r) => {
          const ledger = await readRoundLedger(client, d, r);
          let committed = 0n, delivered = 0n, confirmed = 0n;
          for (const c of ledger.commitments.values()) {
            if (!c.withdrawn) committed += c.total;
            delivered += c.delivered;
            for (const l of c.leaves.values()) confirmed += l.confirmed;
          }
          return { round: r.round, committed, delivered, confirmed };
        }),
      ),
  });

  if (snapshot.isError) return <Problem error={snapshot.error} />;
  if (!snapshot.data || !rounds.data) return <Loading what="the chain's state" />;

  const scenario = snapshot.data.scenario;
  const totalNeed = scenario.needs.reduce((s, n) => s + n.quantity, 0n);
  const allocated = computation ? computation.result.allocations.reduce((s, a) => s + a.amount, 0n) : 0n;
  const cells: GapCell[] = [];
  for (const n of scenario.needs) {
    const location = n.location ?? "anywhere";
    let c = cells.find((x) => x.location === location && x.sector === n.type);
    if (!c) cells.push((c = { location, sector: n.type, need: 0n, unmet: 0n }));
    c.need += n.quantity;
    c.unmet += computation?.result.unmet[n.id] ?? n.quantity;
  }
  const r = rounds.data;
  const now = BigInt(Math.floor(Date.now() / 1000));
  const canOpen = r.current === 0n || r.nextOpenTime <= now;
  const current = r.rounds[r.rounds.length - 1];
  const orgs = new Set([...Object.keys(scenario.recognition), ...scenario.capacities.map((c) => c.provider), ...scenario.needs.map((n) => n.recipient)]);
  const unitOf = (capacity: string) => scenario.capacities.find((c) => c.id === capacity)?.unit ?? "";

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Overview</h1>
          <p className="lede">Who needs what, where — and what the current signals would allocate under FA-2, computed in this browser from the public ledger.</p>
        </div>
      </div>
      <section className="stats" aria-label="Key figures">
        <div className="stat" data-testid="current-round">
          <span className="k">Current round</span>
          <span className="v">{r.current === 0n ? "none yet" : `#${r.current}`}</span>
          <span className="s">{current ? `snapshot at block ${current.snapshotBlock}` : "open the first round to start committing"}</span>
          {!canOpen && <span className="s">next can open at {new Date(Number(r.nextOpenTime) * 1000).toLocaleTimeString()}</span>}
          {/* Never disabled: opening early is explained by the contract's decoded RoundStillRunning error. */}
          <button className="primary small"
                  onClick={() => run(`Open round ${r.current + 1n}`, { address: d.contracts.rounds, abi: roundsAbiRef(), functionName: "openRound", args: [] })}>
            Open round {String(r.current + 1n)}
          </button>
        </div>
        <div className="stat"><span className="k">Needs met by current signals</span>
          <span className="v">{totalNeed === 0n ? "—" : `${allocated === totalNeed ? 100 : Math.min(99, Math.floor(share(allocated, totalNeed) * 100))} %`}</span>
          <span className="s">{fmt(allocated)} of {fmt(totalNeed)} units of residual need</span></div>
        <div className="stat"><span className="k">Organizations</span><span className="v">{orgs.size}</span>
          <span className="s">{scenario.capacities.length} capacities · {scenario.needs.length} open needs</span></div>
        <div className="stat"><span className="k">Chain head</span><span className="v">#{String(head ?? 0n)}</span>
          <span className="s">state read from logs and views</span></div>
      </section>
      {error && <Problem error={error} />}
      <div className="grid2">
        <section className="card" aria-labelledby="gap-title">
          <h2 id="gap-title">Gaps by location and sector</h2>
          <p className="hint">Share of residual need the current signals meet. Red is where nobody brings enough.</p>
          <GapHeatmap cells={cells} />
        </section>
        <section className="card" aria-labelledby="cov-title">
          <h2 id="cov-title">Coverage over rounds</h2>
          <p className="hint">Units committed, delivered and confirmed per round (all units summed).</p>
          {coverage.data ? <CoverageChart rounds={coverage.data} /> : <Loading what="rounds" />}
        </section>
      </div>
      <section className="card" aria-labelledby="flow-title">
        <h2 id="flow-title">Flows between organizations</h2>
        <p className="hint">What FA-2 allocates now. Dark bands: mutual recognition (tier 1); light: one-way (tier 2).</p>
        {computation && <FlowSankey allocations={computation.result.allocations} name={(a) => nameOf(d, a)} unitOf={unitOf} />}
      </section>
    </div>
  );
}

import { roundsAbi } from "../chain/abi.js";
function roundsAbiRef() {
  return roundsAbi;
}
