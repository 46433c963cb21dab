import { useMemo } from "react";
import { useAccount } from "wagmi";
import type { Address } from "viem";
import { explainAllocations } from "../../../sdk/core/index.js";
import { useDeployment, useRoundComputation, useRoundLedger, useRounds, useSnapshot } from "../state.js";
import { nameOf } from "../chain/deployment.js";
import { fmt } from "../lib/format.js";
import { Loading, NeedWallet, Problem } from "../components/Status.js";
import { NextOpening } from "./Overview.js";

export function Tasks() {
  const { address } = useAccount();
  if (!address) return <NeedWallet what="see your tasks for this round" />;
  return <TasksFor me={address.toLowerCase() as Address} />;
}

interface Task {
  readonly key: string;
  readonly kind: "commit" | "deliver" | "confirm";
  readonly text: string;
  readonly why?: string;
}

/** The connected organization's to-do list for the current round: commit, deliver, confirm receipt. */
function TasksFor({ me }: { me: Address }) {
  const d = useDeployment();
  const rounds = useRounds();
  const current = rounds.data?.current;
  const info = rounds.data?.rounds.find((r) => r.round === current);
  const snapshot = useSnapshot(info?.snapshotBlock);
  const ledger = useRoundLedger(info);
  const { computation, error } = useRoundComputation(snapshot.data);
  const explanation = useMemo(
    () => (snapshot.data && computation ? explainAllocations(snapshot.data.scenario, computation.result) : undefined),
    [snapshot.data, computation],
  );

  const head = (
    <div className="page-head">
      <div>
        <h1>Your tasks</h1>
        <p className="lede">What {nameOf(d, me)} has to do in round {current ? String(current) : "—"}.{" "}
          {rounds.data && <>Next: <NextOpening round={rounds.data.current + 1n} at={rounds.data.nextOpenTime} /></>}</p>
      </div>
    </div>
  );
  if (rounds.data && rounds.data.current === 0n) {
    return <div className="page">{head}<div className="card empty-state"><h2>Nothing to do yet</h2><p>No round is open. When round 1 opens, its allocations and your tasks appear here.</p></div></div>;
  }
  if (snapshot.isError) return <Problem error={snapshot.error} />;
  if (error) return <Problem error={error} />;
  if (!snapshot.data || !computation || !explanation || !ledger.data || current === undefined) return <Loading what="your tasks" />;

  const commitments = ledger.data.commitments;
  const capOf = (id: string) => snapshot.data!.allCapacities.find((c) => c.id === id);
  const tasks: Task[] = [];
  for (const c of snapshot.data.allCapacities.filter((x) => x.provider === me)) {
    const expected = computation.expected[c.id];
    const committed = commitments.get(c.id);
    const slots = explanation.slots.filter((s) => s.capacity === c.id);
    if (expected && expected.total > 0n && (!committed || committed.withdrawn)) {
      const capWhy = explanation.capacities.find((x) => x.capacity === c.id)?.whyUncommitted;
      tasks.push({
        key: `commit-${c.id}`, kind: "commit",
        text: `Commit ${fmt(expected.total)} of ${fmt(c.quantity)} ${c.unit} ${c.type} (capacity #${c.id})`,
        why: [
          ...slots.map((s) => `${fmt(s.amount)} ${c.unit} to ${nameOf(d, s.recipient)}: ${s.why}`),
          ...(capWhy ? [capWhy] : []),
        ].join("\n"),
      });
    }
    if (committed && !committed.withdrawn) {
      for (const s of slots) {
        const delivered = committed.leaves.get(s.need)?.delivered ?? 0n;
        const left = s.amount - delivered;
        if (left > 0n) {
          tasks.push({ key: `deliver-${c.id}-${s.need}`, kind: "deliver", text: `Deliver ${fmt(left)} ${c.unit} ${c.type} to ${nameOf(d, s.recipient)} (capacity #${c.id}, need #${s.need})`, why: s.why });
        }
      }
    }
  }
  for (const a of computation.result.allocations.filter((x) => x.recipient === me)) {
    const leaf = commitments.get(a.capacity)?.leaves.get(a.need);
    const open = (leaf?.delivered ?? 0n) - (leaf?.confirmed ?? 0n);
    const unit = capOf(a.capacity)?.unit ?? "";
    if (open > 0n) {
      tasks.push({ key: `confirm-${a.capacity}-${a.need}`, kind: "confirm", text: `Confirm receipt of ${fmt(open)} ${unit} from ${nameOf(d, a.provider)} (capacity #${a.capacity}, need #${a.need})` });
    }
  }

  const verb = { commit: "Commit", deliver: "Deliver", confirm: "Confirm" } as const;
  return (
    <div className="page">
      {head}
      <section className="card" aria-labelledby="tasks-title">
        <h2 id="tasks-title">This round</h2>
        {tasks.length === 0 ? <p className="empty" data-testid="no-tasks">Nothing to do this round.</p> : (
          <ul className="tasks">
            {tasks.map((t) => (
              <li key={t.key} data-testid={`task-${t.key}`} className={`task task-${t.kind}`}>
                <span className="badge">{verb[t.kind]}</span>
                <span className="task-text">{t.text}</span>
                <a className="task-go" href="#/allocations">Do it on Allocations →</a>
                {t.why && <p className="why" data-testid="why">{t.why.split("\n").map((line, i) => <span key={i}>Why: {line}<br /></span>)}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
