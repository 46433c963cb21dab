import { useEffect, useMemo, useState } from "react";
import { useAccount } from "wagmi";
import { getAddress, type Address } from "viem";
import { rowProblems, type RecognitionRow as Row } from "../lib/validation.js";
import { indexRecognition, mutualRecognition, recognitionShare } from "../../../sdk/core/index.js";
import { useDeployment, useHeadSnapshot } from "../state.js";
import { useActions } from "../actions.js";
import { nameOf, shortAddress } from "../chain/deployment.js";
import * as calls from "../chain/calls.js";
import { fmt, pct, share } from "../lib/format.js";
import { Loading, NeedWallet, Problem } from "../components/Status.js";
import { SignalForm, describeWindow } from "../components/SignalForm.js";
import { useConfirm } from "../components/Confirm.js";
import { clearDraft, loadDraft, saveDraft } from "../lib/drafts.js";

export function MyOrganization() {
  const { address } = useAccount();
  if (!address) return <NeedWallet what="edit its recognition, capacities and needs" />;
  // Keyed by account: nothing of one organization's page (rows, forms) survives into another's.
  return <MyOrganizationFor key={address.toLowerCase()} me={address} />;
}

function MyOrganizationFor({ me }: { me: Address }) {
  const d = useDeployment();
  const snapshot = useHeadSnapshot();
  const { run } = useActions();
  const confirm = useConfirm();
  const meLower = me.toLowerCase() as Address;
  const onChain = snapshot.data?.scenario.recognition[meLower];
  const onChainKey = JSON.stringify(onChain ?? {}, (_k, v) => (typeof v === "bigint" ? String(v) : v));
  // The draft of this account only (kept in this browser across reloads; see lib/drafts.ts).
  const [stored] = useState(() => loadDraft<Row[]>(d.chainId, me, "recognition"));
  const [rows, setRowsState] = useState<Row[]>(stored?.value ?? []);
  const [dirty, setDirty] = useState(stored !== undefined);
  const [base, setBase] = useState(stored?.base);
  useEffect(() => {
    if (!dirty) setRowsState(Object.entries(onChain ?? {}).map(([a, p]) => ({ address: getAddress(a), points: String(p) })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [onChainKey, dirty]);
  const setRows = (next: Row[]) => {
    const from = dirty && base !== undefined ? base : onChainKey;
    setRowsState(next);
    setDirty(true);
    setBase(from);
    saveDraft(d.chainId, me, "recognition", next, from);
  };
  const discard = () => { clearDraft(d.chainId, me, "recognition"); setDirty(false); setBase(undefined); };
  const chainMoved = dirty && snapshot.data !== undefined && base !== undefined && base !== onChainKey;

  const index = useMemo(() => (snapshot.data ? indexRecognition(snapshot.data.scenario.recognition) : undefined), [snapshot.data]);
  if (snapshot.isError) return <Problem error={snapshot.error} />;
  if (!snapshot.data || !index) return <Loading what="your organization" />;

  const problems = rows.map((r, i) => rowProblems(r, i, rows));
  const valid = problems.every((p) => p.length === 0);
  const total = valid ? rows.reduce((s, r) => s + BigInt(r.points), 0n) : 0n;
  // The draft vector in place of the published one: shares and mutual recognition update live.
  const draft = valid
    ? indexRecognition({ ...snapshot.data.scenario.recognition, [meLower]: Object.fromEntries(rows.map((r) => [r.address.trim().toLowerCase(), BigInt(r.points)])) })
    : index;
  const recognizesMe = Object.entries(snapshot.data.scenario.recognition)
    .filter(([from, v]) => from !== meLower && (v[meLower] ?? 0n) > 0n && !(onChain && onChain[from as Address]))
    .map(([from]) => from as Address);
  const edit = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function publish() {
    const recipients = rows.map((r) => getAddress(r.address.trim()));
    const points = rows.map((r) => BigInt(r.points));
    const a = calls.setRecognition(d, recipients, points);
    if (await run("Publish recognition", a.call, a.signed)) discard();
  }

  async function revokeOne(addr: Address) {
    const who = nameOf(d, addr);
    const ok = await confirm({
      title: `Revoke your recognition of ${who}?`,
      body: [
        `This is a transaction on chain, not an edit of your draft (to change your draft, use “Remove”). It takes effect in the next block.`,
        `${who} stops counting for your shares from the next round's snapshot on; the current round's allocations were fixed at its snapshot and stand. The Overview's "current signals" change at once.`,
      ],
      action: "Revoke on chain",
    });
    if (!ok) return;
    const a = calls.revokeRecognition(d, getAddress(addr));
    void run(`Revoke recognition of ${who}`, a.call, a.signed);
  }
  async function revokeAll() {
    const ok = await confirm({
      title: "Revoke all your recognition?",
      body: [
        "This is a transaction on chain. It takes effect in the next block: from the next round's snapshot on, nobody counts as recognized by you, so your capacities allocate to nobody (mutual recognition needs both sides).",
        "The current round's allocations were fixed at its snapshot and stand.",
      ],
      action: "Revoke all on chain",
    });
    if (!ok) return;
    const a = calls.revokeAllRecognition(d);
    void run("Revoke all recognition", a.call, a.signed);
  }
  async function revokeSignal(kind: "capacity" | "need", id: string, what: string) {
    const ok = await confirm({
      title: `Revoke ${kind} #${id}?`,
      body: [
        `${what}. This is a transaction on chain and takes effect in the next block; a revoked ${kind} cannot be restored (declare a new one instead).`,
        kind === "capacity"
          ? "From the next round's snapshot on it allocates nothing. A commitment already made from it in the current round stays: withdraw it on Allocations if you will not deliver."
          : "From the next round's snapshot on nobody is allocated anything for it. Allocations already committed for it in the current round stay.",
      ],
      action: `Revoke ${kind} on chain`,
    });
    if (!ok) return;
    const a = kind === "capacity" ? calls.revokeCapacity(d, BigInt(id)) : calls.revokeNeed(d, BigInt(id));
    void run(`Revoke ${kind} #${id}`, a.call, a.signed);
  }

  const myCaps = snapshot.data.allCapacities.filter((c) => c.provider === meLower);
  const myNeeds = snapshot.data.allNeeds.filter((n) => n.recipient === meLower);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{nameOf(d, me)}</h1>
          <p className="lede mono">{me}</p>
        </div>
      </div>

      <section className="card" aria-labelledby="rec-title">
        <div className="row spread">
          <h2 id="rec-title">Recognition</h2>
          <span className={`sum ${total > 0n ? "ok" : ""}`} data-testid="recognition-total">{rows.length === 0 ? "nobody recognized" : valid ? "shares sum to 100 %" : "fix the marked rows"}</span>
        </div>
        <p className="hint">Points you give each partner; your shares always sum to 100 %. Mutual recognition is the smaller of your share for them and theirs for you — it decides who gets your capacity first.</p>
        <table className="editor">
          <thead><tr><th scope="col">Partner</th><th scope="col">Points</th><th scope="col">Your share</th><th scope="col">Their share for you</th><th scope="col">Mutual</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {rows.map((r, i) => {
              const ok = problems[i].length === 0;
              const addr = ok ? (r.address.trim().toLowerCase() as Address) : undefined;
              const mine = valid && addr ? recognitionShare(draft, meLower, addr) : undefined;
              const sharePct = mine ? share(mine.num, mine.den) : 0;
              const theirs = addr ? recognitionShare(draft, addr, meLower) : undefined;
              const mutual = valid && addr && theirs && theirs.num > 0n ? mutualRecognition(draft, meLower, addr) : undefined;
              const existing = addr && onChain?.[addr] !== undefined;
              return (
                <tr key={i} className={ok ? "" : "invalid"}>
                  <td>
                    <label className="sr-only" htmlFor={`partner-${i}`}>Partner {i + 1} address</label>
                    <input id={`partner-${i}`} className="mono" value={r.address} placeholder="0x…" aria-invalid={!ok} aria-describedby={ok ? undefined : `partner-${i}-err`}
                           onChange={(e) => edit(i, { address: e.target.value })} />
                    {ok && <div className="name">{nameOf(d, r.address.trim())}</div>}
                    {!ok && <div id={`partner-${i}-err`} className="error small">{problems[i].join("; ")}</div>}
                  </td>
                  <td>
                    <label className="sr-only" htmlFor={`points-${i}`}>Points for partner {i + 1}</label>
                    <input id={`points-${i}`} className="points" inputMode="numeric" value={r.points} onChange={(e) => edit(i, { points: e.target.value })} />
                  </td>
                  <td className="barcell">
                    <div className="pbar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(sharePct * 1000) / 10} aria-label={`Your share for partner ${i + 1}`}>
                      <div style={{ width: `${sharePct * 100}%` }} />
                    </div>
                    <span className="pnum" data-testid={`share-${i}`}>{mine ? pct(mine) : "—"}</span>
                  </td>
                  <td>{theirs ? pct(theirs) : "—"}</td>
                  <td>{mutual ? <strong>{pct(mutual)}</strong> : <span className="muted">none</span>}</td>
                  <td className="actions">
                    {existing && <button className="ghost small" onClick={() => void revokeOne(addr!)}>Revoke</button>}
                    <button className="ghost small" aria-label={`Remove row ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="row">
          <button onClick={() => setRows([...rows, { address: "", points: "10" }])}>Add partner</button>
          <button className="primary" disabled={!valid || !dirty} onClick={publish}>Publish recognition</button>
          <button className="danger" disabled={!onChain} onClick={() => void revokeAll()}>Revoke all</button>
          {dirty && <span className="unsaved" data-testid="unsaved">Unpublished changes (kept in this browser for {nameOf(d, me)} only)</span>}
          {dirty && <button className="ghost small" onClick={discard}>Discard changes</button>}
        </div>
        {chainMoved && (
          <p className="banner warn" role="alert">Your recognition on chain changed since you started these changes. Check every row before publishing: publishing replaces what is on chain.</p>
        )}
        {recognizesMe.length > 0 && (
          <div className="subsection">
            <h3>They recognize you, you don’t recognize them</h3>
            <ul className="chips">
              {recognizesMe.map((a) => (
                <li key={a}>
                  <span>{nameOf(d, a)} gives you {pct(recognitionShare(index, a, meLower))}</span>
                  <button className="ghost small" onClick={() => setRows([...rows, { address: getAddress(a), points: "10" }])}>Add</button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <div className="grid2">
        <section className="card" aria-labelledby="cap-title">
          <h2 id="cap-title">Capacities — what you can give</h2>
          <SignalList kind="capacity" items={myCaps.map((c) => ({
            id: c.id, active: c.active, title: `${fmt(c.declared)} ${c.unit} · ${c.type}`,
            sub: `${c.location ?? "anywhere"} · ${describeWindow(c.window)} · ${c.recurring ? "recurring" : `one-off, ${fmt(c.quantity)} left`}${c.filter ? ("allow" in c.filter ? ` · only ${c.filter.allow.length} listed` : ` · excludes ${c.filter.deny.length}`) : ""}${c.minUnit ? ` · in lots of ${fmt(c.minUnit)}` : ""}`,
            onRevoke: () => void revokeSignal("capacity", c.id, `${fmt(c.declared)} ${c.unit} of ${c.type}`),
          }))} />
          <SignalForm kind="capacity" me={me} capacities={snapshot.data.scenario.capacities} needs={snapshot.data.scenario.needs} existing={myCaps.filter((c) => c.active)} />
        </section>
        <section className="card" aria-labelledby="need-title">
          <h2 id="need-title">Needs — what you need</h2>
          <SignalList kind="need" items={myNeeds.map((n) => ({
            id: n.id, active: n.active, title: `${fmt(n.declared)} ${n.unit} · ${n.type}`,
            sub: `${n.location ?? "anywhere"} · ${describeWindow(n.window)} · ${fmt(n.quantity)} still needed`,
            onRevoke: () => void revokeSignal("need", n.id, `${fmt(n.declared)} ${n.unit} of ${n.type}`),
          }))} />
          <SignalForm kind="need" me={me} capacities={snapshot.data.scenario.capacities} needs={snapshot.data.scenario.needs} existing={myNeeds.filter((n) => n.active)} />
        </section>
      </div>
      <p className="muted small">Addresses shown as names come from the deployment file; on chain there are only addresses ({shortAddress(me)}).</p>
    </div>
  );
}

function SignalList({ kind, items }: { kind: string; items: { id: string; active: boolean; title: string; sub: string; onRevoke: () => void }[] }) {
  if (items.length === 0) return <p className="empty">No {kind} declared yet.</p>;
  return (
    <ul className="signals" data-testid={`${kind}-list`}>
      {items.map((it) => (
        <li key={it.id} className={it.active ? "" : "revoked"}>
          <div>
            <strong>#{it.id} · {it.title}</strong>
            <span className="sub">{it.active ? it.sub : "revoked"}</span>
          </div>
          {it.active && <button className="ghost small" onClick={it.onRevoke}>Revoke</button>}
        </li>
      ))}
    </ul>
  );
}
