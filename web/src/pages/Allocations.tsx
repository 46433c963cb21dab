import { useEffect, useMemo, useState } from "react";
import { useAccount } from "wagmi";
import type { Address } from "viem";
import { roundInfo } from "../../../sdk/chain/index.js";
import { indexRecognition, tierOf, type Allocation } from "../../../sdk/core/index.js";
import { useClient, useDeployment, useRoundComputation, useRoundLedger, useRounds, useSnapshot } from "../state.js";
import { useActions } from "../actions.js";
import { nameOf } from "../chain/deployment.js";
import * as calls from "../chain/calls.js";
import { DEFAULT_PROTOCOL_BYTES32, DEFAULT_PROTOCOL_NAME, checkCommitments, proofOf } from "../chain/verify.js";
import { fmt, pct } from "../lib/format.js";
import { staleReason } from "../lib/stale.js";
import { useConfirm } from "../components/Confirm.js";
import { Loading, NeedWallet, Problem } from "../components/Status.js";
import { RoundPicker, useRoundChoice } from "../components/RoundPicker.js";
import { StatusBadge } from "./Audit.js";

export function Allocations() {
  const { address } = useAccount();
  if (!address) return <NeedWallet what="see what you give and receive" />;
  return <AllocationsFor me={address.toLowerCase() as Address} />;
}

function AllocationsFor({ me }: { me: Address }) {
  const d = useDeployment();
  const rounds = useRounds();
  const [round, setRound] = useRoundChoice();
  const info = rounds.data?.rounds.find((r) => r.round === round);
  const snapshot = useSnapshot(info?.snapshotBlock);
  const ledger = useRoundLedger(info);
  const { computation, error } = useRoundComputation(snapshot.data);
  const { run } = useActions();
  const confirm = useConfirm();
  const client = useClient();
  /**
   * Asked of the chain right before sending: is what this page computed still what would be committed?
   * (The current round and the block its snapshot time resolves to, at the chain's latest block.)
   */
  async function ensureCurrent(computedFor: bigint, computedAtBlock: bigint) {
    const { currentRound, snapshotBlock } = await roundInfo(client, d.contracts);
    const reason = staleReason({ round: computedFor, computedAtBlock }, { currentRound, snapshotBlock });
    if (reason) throw new Error(reason);
  }
  const index = useMemo(() => (snapshot.data ? indexRecognition(snapshot.data.scenario.recognition) : undefined), [snapshot.data]);

  if (rounds.data && rounds.data.current === 0n) {
    return <div className="page"><h1>Allocations</h1><div className="card empty-state"><h2>No round yet</h2><p>Round 1 opens on schedule at {new Date(Number(rounds.data.nextOpenTime) * 1000).toLocaleString()} (see the Overview page); its snapshot, the state one second before, fixes what every provider computes from.</p></div></div>;
  }
  if (snapshot.isError) return <Problem error={snapshot.error} />;
  if (error) return <Problem error={error} />;
  if (!snapshot.data || !computation || !index || !ledger.data || round === undefined) return <Loading what="the round's allocation" />;

  // While another round's snapshot is still shown (placeholder data), nothing may be sent from it.
  const fresh = snapshot.data.block === info!.snapshotBlock && !snapshot.isPlaceholderData;
  const isCurrent = round === rounds.data?.current && fresh;
  const commitments = ledger.data.commitments;
  const checks = new Map(checkCommitments(snapshot.data, ledger.data.sdk, commitments, round, computation).map((c) => [c.capacityId, c]));
  const caps = snapshot.data.allCapacities.filter((c) => c.provider === me);
  const needOf = (id: string) => snapshot.data!.allNeeds.find((n) => n.id === id)!;
  const capOf = (id: string) => snapshot.data!.allCapacities.find((c) => c.id === id)!;

  return (
    <div className="page">
      <div className="page-head">
        <div><h1>Allocations</h1><p className="lede">{DEFAULT_PROTOCOL_NAME} on round {String(round)}’s snapshot (the state at {new Date(Number(info!.snapshotTime) * 1000).toLocaleString()}, block {String(info!.snapshotBlock)}), recomputed in your browser.</p></div>
        <RoundPicker value={round} onChange={setRound} />
      </div>

      <section className="card" aria-labelledby="give-title">
        <h2 id="give-title">What you give</h2>
        {caps.length === 0 && <p className="empty">You declared no capacity at this snapshot.</p>}
        {caps.map((c) => {
          const allocs = computation.result.allocations.filter((a) => a.capacity === c.id);
          const check = checks.get(c.id);
          const committed = commitments.get(c.id);
          const expected = computation.expected[c.id];
          return (
            <div key={c.id} className="capacity-block" data-testid={`give-${c.id}`}>
              <div className="row spread">
                <h3>Capacity #{c.id} · {fmt(c.quantity)} {c.unit} {c.type} {c.location ? `in ${c.location}` : ""}</h3>
                <div className="row">
                  {check && <StatusBadge status={check.status} />}
                  {isCurrent && expected && (!committed || committed.withdrawn) && (
                    <button className="primary" onClick={() => { const a = calls.commit(d, round, BigInt(c.id), BigInt((committed?.version ?? 0) + 1), expected.root, expected.total, DEFAULT_PROTOCOL_BYTES32); void run(`Commit capacity #${c.id} for round ${round}`, a.call, a.signed, () => ensureCurrent(round, snapshot.data!.block)); }}>
                      Commit this round ({fmt(expected.total)} {c.unit})
                    </button>
                  )}
                  {committed && !committed.withdrawn && committed.delivered < committed.total && (
                    <button className="ghost" onClick={async () => {
                      const undelivered = committed.total - committed.delivered;
                      const ok = await confirm({
                        title: `Withdraw your round ${round} commitment of capacity #${c.id}?`,
                        body: [
                          `This is a transaction on chain and takes effect in the next block. No more deliveries can be recorded against this commitment; what was delivered stays on record (${fmt(committed.delivered)} of ${fmt(committed.total)} ${c.unit}).`,
                          `The undelivered ${fmt(undelivered)} ${c.unit} count as yours again${c.recurring ? "" : " (this one-off capacity's remaining quantity grows by that much)"}. Recipients see the commitment as withdrawn. You may commit again in this round while it is current.`,
                        ],
                        action: "Withdraw on chain",
                      });
                      if (!ok) return;
                      const a = calls.withdraw(d, round, BigInt(c.id), BigInt(committed.version));
                      void run(`Withdraw commitment of capacity #${c.id}`, a.call, a.signed);
                    }}>Withdraw</button>
                  )}
                </div>
              </div>
              {allocs.length === 0 ? <p className="empty">{DEFAULT_PROTOCOL_NAME} allocates nothing from it: no recognized organization has a compatible need.</p> : (
                <table>
                  <thead><tr><th scope="col">Recipient</th><th scope="col">Need</th><th scope="col">Why</th><th scope="col" className="num">Allocated</th><th scope="col" className="num">Delivered</th><th scope="col">Deliver</th></tr></thead>
                  <tbody>
                    {allocs.map((a) => {
                      const need = needOf(a.need);
                      const t = tierOf(index, a.provider, a.recipient);
                      const leaf = committed?.leaves.get(a.need);
                      const delivered = leaf?.delivered ?? 0n;
                      return (
                        <tr key={a.need}>
                          <td>{nameOf(d, a.recipient)}</td>
                          <td>#{a.need} · {fmt(need.quantity)} {need.unit} {need.location ?? ""}</td>
                          <td>Tier {a.tier} · weight {t ? pct(t.weight) : "—"}{a.amount === need.quantity ? <span className="badge">capped at need</span> : null}</td>
                          <td className="num">{fmt(a.amount)} {c.unit}</td>
                          <td className="num">{fmt(delivered)} {c.unit}</td>
                          <td>{fresh && committed && !committed.withdrawn && check?.status === "match" && delivered < a.amount
                            ? <DeliverForm max={a.amount - delivered} label={`Deliver to ${nameOf(d, a.recipient)}`} onSubmit={(amount) => {
                                const p = proofOf(computation, c.id, a.need, committed.protocolId);
                                const act = calls.recordDelivery(d, round, BigInt(c.id), BigInt(committed.version), BigInt(a.need), p.recipient, p.amount, p.proof, amount);
                                return run(`Record delivery of ${fmt(amount)} ${c.unit} to ${nameOf(d, a.recipient)}`, act.call, act.signed);
                              }} />
                            : <span className="muted">{!committed || committed.withdrawn ? "commit first" : delivered >= a.amount ? "delivered ✓" : "—"}</span>}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </div>
          );
        })}
      </section>

      <section className="card" aria-labelledby="get-title">
        <h2 id="get-title">What you receive</h2>
        {receiving({ me, round, allocations: computation.result.allocations, capOf, needOf })}
      </section>
    </div>
  );

  function receiving({ me, round, allocations, capOf, needOf }: { me: Address; round: bigint; allocations: readonly Allocation[]; capOf: (id: string) => { unit: string; type: string }; needOf: (id: string) => { quantity: bigint; unit: string; location?: string } }) {
    const mine = allocations.filter((a) => a.recipient === me);
    if (mine.length === 0) return <p className="empty">{DEFAULT_PROTOCOL_NAME} allocates nothing to you in this round. Needs are served by organizations that recognize you.</p>;
    return (
      <table>
        <thead><tr><th scope="col">From</th><th scope="col">For need</th><th scope="col" className="num">Allocated</th><th scope="col" className="num">Committed</th><th scope="col" className="num">Delivered</th><th scope="col" className="num">Confirmed</th><th scope="col">Confirm</th></tr></thead>
        <tbody>
          {mine.map((a) => {
            const c = commitments.get(a.capacity);
            const leaf = c?.leaves.get(a.need);
            const delivered = leaf?.delivered ?? 0n, confirmed = leaf?.confirmed ?? 0n;
            const unit = capOf(a.capacity).unit;
            return (
              <tr key={`${a.capacity}-${a.need}`} data-testid={`get-${a.capacity}-${a.need}`}>
                <td>{nameOf(d, a.provider)} <span className="muted">cap #{a.capacity}</span></td>
                <td>#{a.need} {needOf(a.need).location ?? ""}</td>
                <td className="num">{fmt(a.amount)} {unit}</td>
                <td className="num">{c && !c.withdrawn ? "yes" : c?.withdrawn ? "withdrawn" : "not yet"}</td>
                <td className="num">{fmt(delivered)} {unit}</td>
                <td className="num">{fmt(confirmed)} {unit}</td>
                <td>{fresh && delivered > confirmed
                  ? <DeliverForm max={delivered - confirmed} label="Confirm receipt" onSubmit={(amount) => {
                      const act = calls.confirmReceipt(d, round, BigInt(a.capacity), BigInt(c!.version), BigInt(a.need), amount);
                      return run(`Confirm receipt of ${fmt(amount)} ${unit}`, act.call, act.signed);
                    }} />
                  : <span className="muted">{confirmed > 0n ? "confirmed ✓" : "nothing to confirm"}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }
}

/** An amount (default: the whole remainder) and a button. */
function DeliverForm({ max, label, onSubmit }: { max: bigint; label: string; onSubmit: (amount: bigint) => Promise<boolean> }) {
  const [value, setValue] = useState(String(max));
  const [busy, setBusy] = useState(false);
  // After a partial delivery or confirmation the remainder shrinks: offer the new remainder, never
  // a stale amount that would now be out of range (and look like a failure).
  useEffect(() => setValue(String(max)), [max]);
  const ok = /^\d+$/.test(value) && BigInt(value) > 0n && BigInt(value) <= max;
  return (
    <form className="inline-form" onSubmit={async (e) => { e.preventDefault(); if (!ok) return; setBusy(true); await onSubmit(BigInt(value)); setBusy(false); }}>
      <label className="sr-only" htmlFor={`amt-${label}`}>{label} amount</label>
      <input id={`amt-${label}`} className="points" inputMode="numeric" value={value} aria-invalid={!ok} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="primary small" disabled={!ok || busy}>{busy ? "…" : label.startsWith("Confirm") ? "Confirm" : "Deliver"}</button>
      {!ok && <span className="error small">1 to {fmt(max)}</span>}
    </form>
  );
}
