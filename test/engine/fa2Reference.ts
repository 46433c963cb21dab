/**
 * A block-by-block reference of FA-2 (SPEC §3 "FA-2"), written independently of sdk/core's
 * batched engine as a test oracle: tiers and weights straight from the points, every slot
 * τ_k = (k − ½)·m/w of every claim visited one at a time in (τ, capacity id, recipient) order.
 * Slow (one step per block) and only for small scenarios.
 */
import type { Address, Scenario } from "../../sdk/core/index.js";
import { compareIds, isCompatible } from "../../sdk/core/index.js";

interface RefClaim {
  cap: string;
  recipient: Address;
  tier: 1 | 2;
  m: bigint;
  /** weight = wn / wd */
  wn: bigint;
  wd: bigint;
  needs: string[];
  k: bigint;
  open: boolean;
}

/**
 * How blocks are scheduled: "webster" is FA-2; "hamilton" is a deliberately broken variant for
 * the lab's tests (each capacity's whole blocks apportioned by largest remainder over the claims'
 * weights, capacity by capacity), which is not population monotone.
 */
export type Scheduling = "webster" | "hamilton";

/** (cap id, need id) -> amount; plus unmet and unused. */
export function referenceFa2(s: Scenario, scheduling: Scheduling = "webster"): { amounts: Map<string, bigint>; unmet: Map<string, bigint>; unused: Map<string, bigint> } {
  const lower = (a: string) => a.toLowerCase() as Address;
  const points = new Map<Address, Map<Address, bigint>>();
  for (const [from, row] of Object.entries(s.recognition)) {
    const r = points.get(lower(from)) ?? new Map<Address, bigint>();
    for (const [to, p] of Object.entries(row)) r.set(lower(to), (r.get(lower(to)) ?? 0n) + p);
    points.set(lower(from), r);
  }
  const p = (a: Address, b: Address) => points.get(a)?.get(b) ?? 0n;
  const total = (a: Address) => [...(points.get(a)?.values() ?? [])].reduce((x, y) => x + y, 0n);
  const residual = new Map(s.needs.map((n) => [n.id, n.quantity]));
  const remaining = new Map(s.capacities.map((c) => [c.id, c.quantity]));
  const amounts = new Map<string, bigint>();
  const claims: RefClaim[] = [];
  const servers = new Map<string, number>(s.needs.map((n) => [n.id, 0]));
  for (const c of s.capacities) {
    const P = lower(c.provider);
    const m = c.minUnit ?? 1n;
    const byRecipient = new Map<Address, string[]>();
    for (const n of s.needs) {
      const r = lower(n.recipient);
      if (p(P, r) === 0n || !isCompatible(c, n)) continue;
      byRecipient.set(r, [...(byRecipient.get(r) ?? []), n.id]);
    }
    for (const [r, needs] of byRecipient) {
      let wn: bigint, wd: bigint, tier: 1 | 2;
      if (p(r, P) > 0n) {
        // min(p[P][r]/T_P, p[r][P]/T_r)
        const [an, ad, bn, bd] = [p(P, r), total(P), p(r, P), total(r)];
        [wn, wd] = an * bd <= bn * ad ? [an, ad] : [bn, bd];
        tier = 1;
      } else {
        [wn, wd, tier] = [p(P, r), total(P), 2];
      }
      claims.push({ cap: c.id, recipient: r, tier, m, wn, wd, needs, k: 1n, open: true });
      if (c.quantity >= m) for (const n of needs) servers.set(n, servers.get(n)! + 1);
    }
  }
  for (const c of claims) c.needs.sort((a, b) => servers.get(a)! - servers.get(b)! || compareIds(a, b));
  const give = (c: RefClaim): boolean => {
    const need = c.needs.find((n) => residual.get(n)! >= c.m);
    if (need === undefined || remaining.get(c.cap)! < c.m) return false;
    residual.set(need, residual.get(need)! - c.m);
    remaining.set(c.cap, remaining.get(c.cap)! - c.m);
    const key = c.cap + "\u0000" + need;
    amounts.set(key, (amounts.get(key) ?? 0n) + c.m);
    return true;
  };
  for (const tier of [1, 2] as const) {
    const phase = claims.filter((c) => c.tier === tier);
    if (scheduling === "hamilton") {
      for (const cap of [...new Set(phase.map((c) => c.cap))].sort(compareIds)) {
        // Rounds, as FA-1 does: apportion the blocks left among the claims still open; a claim
        // that cannot take a seat (no need with room) closes and its seats go round again.
        let open = phase.filter((c) => c.cap === cap).sort((a, b) => (a.recipient < b.recipient ? -1 : 1));
        for (;;) {
          if (open.length === 0) break;
          const blocks = remaining.get(cap)! / open[0].m;
          if (blocks === 0n) break;
          // quota_i = blocks·w_i/Σw over a common denominator D = Π wd.
          const D = open.reduce((d, c) => d * c.wd, 1n);
          const scaled = open.map((c) => (c.wn * D) / c.wd);
          const sum = scaled.reduce((a, b) => a + b, 0n);
          const seats = scaled.map((w) => (blocks * w) / sum);
          const rest = scaled.map((w, i) => ({ i, r: (blocks * w) % sum })).sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.i - b.i));
          let left = blocks - seats.reduce((a, b) => a + b, 0n);
          for (const { i } of rest) if (left-- > 0n) seats[i]++;
          open = open.filter((c, i) => {
            for (let k = 0n; k < seats[i]; k++) if (!give(c)) return false;
            return true;
          });
          if (open.length > 0 && remaining.get(cap)! / open[0].m === blocks) break;
        }
      }
      continue;
    }
    for (;;) {
      // Earliest open slot: τ = (2k − 1)·m·wd / (2·wn), ties by capacity id then recipient.
      let best: RefClaim | undefined;
      for (const c of phase) {
        if (!c.open) continue;
        if (best === undefined) { best = c; continue; }
        const l = (2n * c.k - 1n) * c.m * c.wd * 2n * best.wn;
        const r = (2n * best.k - 1n) * best.m * best.wd * 2n * c.wn;
        if (l < r || (l === r && (compareIds(c.cap, best.cap) || (c.recipient < best.recipient ? -1 : 1)) < 0)) best = c;
      }
      if (best === undefined) break;
      if (!give(best)) {
        best.open = false;
        continue;
      }
      best.k++;
    }
  }
  return { amounts, unmet: residual, unused: remaining };
}
