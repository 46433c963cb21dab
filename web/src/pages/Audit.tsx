import { useState } from "react";
import { useClient, useDeployment, useRoundComputation, useRoundLedger, useRounds, useSnapshot } from "../state.js";
import { nameOf, shortAddress } from "../chain/deployment.js";
import { checkCommitments, type VerificationStatus } from "../chain/verify.js";
import { download, fmt } from "../lib/format.js";
import { auditBlocks, auditOf, datedAudit, readBlockTimes, type AuditReport } from "../../../sdk/chain/index.js";
import { toAuditHtml, toHxlCsv, toHxlGapsCsv, toIatiXml, type ExportOptions } from "../../../sdk/audit/index.js";
import { Loading, Problem } from "../components/Status.js";
import { RoundPicker, useRoundChoice } from "../components/RoundPicker.js";

const LABELS: Record<VerificationStatus, string> = { match: "✓ match", mismatch: "✗ mismatch", withdrawn: "withdrawn", missing: "not committed", unexpected: "✗ unexpected", "unknown-protocol": "? unknown protocol" };

export function StatusBadge({ status }: { status: VerificationStatus }) {
  return <span className={`status ${status}`} data-testid="verification">{LABELS[status]}</span>;
}

export function Audit() {
  const d = useDeployment();
  const client = useClient();
  const [exporting, setExporting] = useState<string | undefined>();
  const [exportError, setExportError] = useState<string | undefined>();
  const rounds = useRounds();
  const [round, setRound] = useRoundChoice();
  const info = rounds.data?.rounds.find((r) => r.round === round);
  const snapshot = useSnapshot(info?.snapshotBlock);
  const ledger = useRoundLedger(info);
  const { computation, error } = useRoundComputation(snapshot.data);

  if (rounds.data && rounds.data.current === 0n) {
    return <div className="page"><h1>Audit</h1><div className="card empty-state"><h2>No round yet</h2><p>Nothing has been committed: no round has been opened.</p></div></div>;
  }
  if (snapshot.isError) return <Problem error={snapshot.error} />;
  if (error) return <Problem error={error} />;
  if (!snapshot.data || !computation || !ledger.data || round === undefined) return <Loading what="the round's commitments" />;

  const commitments = ledger.data.commitments;
  const checks = checkCommitments(snapshot.data, ledger.data.sdk, commitments, round, computation);
  const capOf = (id: string) => snapshot.data!.allCapacities.find((c) => c.id === id);
  // Lifecycle totals, per organization, and the exports: sdk/chain's auditOf and sdk/audit's exporters.
  const audit = auditOf({ ...snapshot.data.sdk, time: info!.snapshotTime }, ledger.data.sdk, round);
  const exportOptions: ExportOptions = {
    organizations: Object.fromEntries(Object.entries(d.names).map(([a, name]) => [a.toLowerCase(), { name }])),
    capacities: Object.fromEntries(snapshot.data.sdk.capacities.map((c) => [c.id.toString(), { sector: c.sector, unit: c.unit, location: c.location }])),
    ledger: d.contracts.ledger,
  };
  // The exports carry dates (IATI activity dates, report periods): the block times are read on demand.
  const exportAs = async (name: string, make: (dated: AuditReport) => string, type: string) => {
    setExporting(name);
    setExportError(undefined);
    try {
      const dated = datedAudit(audit, info!.opensAt, await readBlockTimes(client, auditBlocks(audit)));
      download(name, make(dated), type);
    } catch (e) {
      setExportError(`${name}: ${(e as Error).message}`);
    } finally {
      setExporting(undefined);
    }
  };
  const mismatches = checks.filter((c) => c.status === "mismatch").length;

  return (
    <div className="page">
      <div className="page-head">
        <div><h1>Audit</h1><p className="lede">Every commitment of round {String(round)} re-run in your browser with the protocol its id names (FA-2 by default; FA-1 for commitments made under FA-1) on the state at {new Date(Number(info!.snapshotTime) * 1000).toLocaleString()} (block {String(info!.snapshotBlock)}), round {String(round)}’s snapshot. No trust in any provider or server needed.</p></div>
        <RoundPicker value={round} onChange={setRound} />
      </div>
      <section className="stats">
        <div className="stat"><span className="k">Commitments</span><span className="v">{commitments.size}</span></div>
        <div className="stat"><span className="k">Verified</span><span className="v ok">{checks.filter((c) => c.status === "match").length}</span></div>
        <div className="stat"><span className="k">Mismatches</span><span className={`v ${mismatches ? "bad" : ""}`}>{mismatches}</span></div>
        <div className="stat"><span className="k">Export</span>
          <div className="row">
            <button disabled={exporting !== undefined} onClick={() => exportAs(`fa-round-${round}-audit.html`, (a) => toAuditHtml(a, exportOptions), "text/html")}>Audit report (HTML)</button>
            <button disabled={exporting !== undefined} onClick={() => exportAs(`fa-round-${round}-flows.hxl.csv`, (a) => toHxlCsv(a, exportOptions), "text/csv")}>Flows CSV (HXL)</button>
            <button disabled={exporting !== undefined} onClick={() => exportAs(`fa-round-${round}-gaps.hxl.csv`, (a) => toHxlGapsCsv(a, exportOptions), "text/csv")}>Gaps CSV (HXL)</button>
            <button disabled={exporting !== undefined} onClick={() => exportAs(`fa-round-${round}-iati.xml`, (a) => toIatiXml(a, { ...exportOptions, generatedAt: new Date() }), "application/xml")}>IATI 2.03 XML</button>
          </div>
          {exporting && <div className="small muted" role="status">Reading block times for {exporting}…</div>}
          {exportError && <div className="small error" role="alert">{exportError}</div>}
        </div>
      </section>
      <section className="card" aria-labelledby="commit-title">
        <h2 id="commit-title">Commitments</h2>
        <table data-testid="audit-table">
          <thead><tr><th scope="col">Capacity</th><th scope="col">Provider</th><th scope="col" className="num">Committed</th><th scope="col" className="num">Protocol says</th><th scope="col">Root</th><th scope="col" className="num">Delivered</th><th scope="col" className="num">Confirmed</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {checks.map((c) => {
              const cap = capOf(c.capacityId);
              const confirmed = c.committed ? [...c.committed.leaves.values()].reduce((s, l) => s + l.confirmed, 0n) : 0n;
              return (
                <tr key={c.capacityId} data-testid={`audit-${c.capacityId}`}>
                  <td>#{c.capacityId} {cap ? `${cap.type} · ${cap.unit}` : ""}</td>
                  <td>{cap ? nameOf(d, cap.provider) : c.committed ? nameOf(d, c.committed.provider) : "—"}</td>
                  <td className="num">{c.committed ? fmt(c.committed.total) : "—"}</td>
                  <td className="num">{c.expected ? fmt(c.expected.total) : "0"}</td>
                  <td className="mono small" title={c.committed?.root}>{c.committed ? `${c.committed.root.slice(0, 10)}…` : "—"}</td>
                  <td className="num">{c.committed ? fmt(c.committed.delivered) : "—"}</td>
                  <td className="num">{fmt(confirmed)}</td>
                  <td><StatusBadge status={c.status} />{c.reason && <div className="small error">{c.reason}</div>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="org-title">
        <h2 id="org-title">By organization</h2>
        <table>
          <thead><tr><th scope="col">Organization</th><th scope="col" className="num">Committed (gives)</th><th scope="col" className="num">Delivered (gives)</th><th scope="col" className="num">Delivered to it</th><th scope="col" className="num">Confirmed by it</th></tr></thead>
          <tbody>
            {audit.organizations.map((o) => (
              <tr key={o.organization}><td>{nameOf(d, o.organization)} <span className="muted mono small">{shortAddress(o.organization)}</span></td>
                <td className="num">{fmt(o.provided.committed)}</td><td className="num">{fmt(o.provided.delivered)}</td><td className="num">{fmt(o.received.delivered)}</td><td className="num">{fmt(o.received.confirmed)}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

