/** Declare or update a capacity or a need: every field validated as the contract would, in words. */
import { useState, type FormEvent } from "react";
import { getAddress, type Address } from "viem";
import type { Capacity, Need, TimeWindow } from "../../../sdk/core/index.js";
import { matchWarning } from "../lib/matching.js";
import { useDeployment } from "../state.js";
import { useActions } from "../actions.js";
import * as calls from "../chain/calls.js";
import { clearDraft, loadDraft, saveDraft } from "../lib/drafts.js";
import { toSeconds, validateSignal, type SignalFields as Fields } from "../lib/validation.js";
import type { ChainCapacity, ChainNeed } from "../chain/snapshot.js";

/** IASC humanitarian clusters (SPEC §6); any other code is allowed too. */
export const SECTORS = ["WASH", "Health", "Shelter", "FoodSecurity", "Nutrition", "Protection", "Education", "Logistics", "CCCM", "EarlyRecovery", "ETC"];

export function describeWindow(w: TimeWindow | undefined): string {
  if (!w) return "any time";
  const f = (s: bigint) => new Date(Number(s) * 1000).toISOString().slice(0, 10);
  return `${f(w.start)} → ${f(w.end)}`;
}

const EMPTY: Fields = { sector: "WASH", unit: "", quantity: "", start: "", end: "", location: "", filterMode: "none", filterList: "", minUnit: "", recurring: true };

const toDate = (s: bigint) => new Date(Number(s) * 1000).toISOString().slice(0, 16);

function fieldsOf(x: ChainCapacity | ChainNeed): Fields {
  const cap = "provider" in x ? x : undefined;
  return {
    sector: x.type, unit: x.unit, quantity: String(x.declared),
    start: x.window ? toDate(x.window.start) : "", end: x.window ? toDate(x.window.end) : "",
    location: x.location ?? "",
    filterMode: cap?.filter ? ("allow" in cap.filter ? "allow" : "deny") : "none",
    filterList: cap?.filter ? ("allow" in cap.filter ? cap.filter.allow : cap.filter.deny).join("\n") : "",
    minUnit: cap?.minUnit ? String(cap.minUnit) : "", recurring: cap?.recurring ?? true,
  };
}

export function SignalForm({ kind, me, existing, capacities, needs }: { kind: "capacity" | "need"; me: Address; existing: readonly (ChainCapacity | ChainNeed)[]; capacities: readonly Capacity[]; needs: readonly Need[] }) {
  const d = useDeployment();
  const { run } = useActions();
  // A half-filled form is this account's draft: kept across reloads, never shown to another account.
  const draftKind = `${kind}-form`;
  const [stored] = useState(() => loadDraft<{ f: Fields; target: string }>(d.chainId, me, draftKind)?.value);
  const [f, setFState] = useState<Fields>(stored?.f ?? EMPTY);
  const [target, setTargetState] = useState(stored?.target ?? "new");
  const [touched, setTouched] = useState(false);
  const keep = (nextF: Fields, nextTarget: string) => {
    setFState(nextF);
    setTargetState(nextTarget);
    const pristine = nextTarget === "new" ? JSON.stringify(nextF) === JSON.stringify(EMPTY)
      : (() => { const x = existing.find((c) => c.id === nextTarget); return x !== undefined && JSON.stringify(nextF) === JSON.stringify(fieldsOf(x)); })();
    if (pristine) clearDraft(d.chainId, me, draftKind);
    else saveDraft(d.chainId, me, draftKind, { f: nextF, target: nextTarget }, nextTarget);
  };
  const setF = (next: Fields) => keep(next, target);
  const setTarget = (next: string) => keep(f, next);
  const errors = validateSignal(f, kind);
  const meLower = me.toLowerCase() as Address;
  const warning = errors.sector || errors.unit || errors.location ? undefined : matchWarning(kind, { sector: f.sector, unit: f.unit, location: f.location }, meLower, capacities, needs);
  // What others declared, offered as choices (typing stays possible).
  const counterpart = kind === "need" ? capacities : needs;
  const declaredUnits = [...new Set(counterpart.filter((x) => x.type === f.sector).map((x) => x.unit))].sort();
  const ok = Object.keys(errors).length === 0;
  const id = (k: string) => `${kind}-${k}`;
  const set = (patch: Partial<Fields>) => setF({ ...f, ...patch });

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setTouched(true);
    if (!ok) return;
    const window = f.start ? { start: toSeconds(f.start), end: toSeconds(f.end) } : undefined;
    const base = { sector: f.sector, unit: f.unit, quantity: BigInt(f.quantity), window, location: f.location || undefined };
    let action;
    if (kind === "capacity") {
      const list = f.filterList.split(/[\s,]+/).filter(Boolean).map((a) => getAddress(a).toLowerCase() as Address);
      const filter = f.filterMode === "allow" ? { allow: list } : f.filterMode === "deny" ? { deny: list } : undefined;
      const terms = { ...base, filter, minUnit: f.minUnit ? BigInt(f.minUnit) : undefined, recurring: f.recurring };
      action = target === "new" ? calls.declareCapacity(d, terms) : calls.updateCapacity(d, BigInt(target), terms);
    } else {
      action = target === "new" ? calls.declareNeed(d, base) : calls.updateNeed(d, BigInt(target), base);
    }
    const label = target === "new" ? `Declare ${kind}` : `Update ${kind} #${target}`;
    if (await run(label, action.call, action.signed)) { keep(EMPTY, "new"); setTouched(false); }
  }

  const err = (k: keyof Fields) => (touched || f[k] !== EMPTY[k]) && errors[k] ? <span id={id(k) + "-err"} className="error small">{errors[k]}</span> : null;
  const aria = (k: keyof Fields) => ({ id: id(k), "aria-invalid": !!errors[k] && (touched || f[k] !== EMPTY[k]), "aria-describedby": errors[k] ? id(k) + "-err" : undefined });

  return (
    <form className="signal-form" onSubmit={submit} noValidate aria-label={`${kind === "capacity" ? "Capacity" : "Need"} form`}>
      <div className="row">
        <label className="field grow"><span>Action</span>
          <select value={target} onChange={(e) => { const x = existing.find((c) => c.id === e.target.value); keep(x ? fieldsOf(x) : EMPTY, e.target.value); }}>
            <option value="new">Declare a new {kind}</option>
            {existing.map((x) => <option key={x.id} value={x.id}>Update #{x.id} ({x.type}, {x.unit})</option>)}
          </select>
        </label>
      </div>
      <div className="fields">
        <label className="field"><span>Sector</span>
          <input list="sectors" {...aria("sector")} value={f.sector} onChange={(e) => set({ sector: e.target.value })} />{err("sector")}</label>
        <label className="field"><span>Unit</span>
          <input {...aria("unit")} list={`${kind}-units`} placeholder="litre" value={f.unit} onChange={(e) => set({ unit: e.target.value })} />{err("unit")}</label>
        <label className="field"><span>Quantity</span>
          <input {...aria("quantity")} inputMode="numeric" value={f.quantity} onChange={(e) => set({ quantity: e.target.value })} />{err("quantity")}</label>
        <label className="field"><span>Location <em>(empty = anywhere)</em></span>
          <input {...aria("location")} placeholder="MZ-P-01" value={f.location} onChange={(e) => set({ location: e.target.value })} />{err("location")}</label>
        <label className="field"><span>From <em>(UTC, optional)</em></span>
          <input type="datetime-local" {...aria("start")} value={f.start} onChange={(e) => set({ start: e.target.value })} />{err("start")}</label>
        <label className="field"><span>Until</span>
          <input type="datetime-local" {...aria("end")} value={f.end} onChange={(e) => set({ end: e.target.value })} />{err("end")}</label>
        {kind === "capacity" && (
          <>
            <label className="field"><span>Recipients</span>
              <select value={f.filterMode} onChange={(e) => set({ filterMode: e.target.value as Fields["filterMode"] })}>
                <option value="none">Anyone I recognize</option><option value="allow">Only these…</option><option value="deny">Everyone but these…</option>
              </select></label>
            <label className="field"><span>Lot size <em>(optional)</em></span>
              <input {...aria("minUnit")} inputMode="numeric" value={f.minUnit} onChange={(e) => set({ minUnit: e.target.value })} />{err("minUnit")}</label>
            {f.filterMode !== "none" && (
              <label className="field wide"><span>Addresses (one per line)</span>
                <textarea rows={2} {...aria("filterList")} value={f.filterList} onChange={(e) => set({ filterList: e.target.value })} />{err("filterList")}</label>
            )}
            <label className="check"><input type="checkbox" checked={f.recurring} onChange={(e) => set({ recurring: e.target.checked })} /> Renews every round</label>
          </>
        )}
      </div>
      <datalist id="sectors">{SECTORS.map((s) => <option key={s} value={s} />)}</datalist>
      <datalist id={`${kind}-units`}>{declaredUnits.map((u) => <option key={u} value={u} />)}</datalist>
      {warning && <p className="banner warn small" role="status" data-testid={`${kind}-match-warning`}>{warning}</p>}
      <button type="submit" className="primary" disabled={touched && !ok}>{target === "new" ? `Declare ${kind}` : `Update #${target}`}</button>
    </form>
  );
}
