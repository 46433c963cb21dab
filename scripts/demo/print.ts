/** The demo's console printout: one block per round, plain text tables. */
import type { Address } from "viem";
import { renderTable } from "../../sdk/cli/table.js";
import { isoDateTime } from "../../sdk/audit/references.js";
import type { DemoOrganization, DemoResult, DemoRound } from "./model.js";
import { coverageBySector, formatUnits, overallCoverage, percent, residualGaps } from "./summary.js";

function nameOf(orgs: readonly DemoOrganization[], address: Address): string {
  const a = address.toLowerCase();
  return orgs.find((o) => o.address.toLowerCase() === a)?.name ?? address;
}

function perUnit(record: Readonly<Record<string, { committed: bigint; delivered: bigint; confirmed: bigint }>>, field: "committed" | "delivered" | "confirmed"): string {
  return Object.keys(record)
    .sort()
    .map((unit) => `${formatUnits(record[unit][field])} ${unit}`)
    .join(" + ");
}

/** Residual need after the round, districts × sectors, as a text table. */
export function gapTable(round: DemoRound): string {
  const gaps = residualGaps(round.needsAfter);
  const sectors = [...new Set(gaps.map((g) => `${g.sector} (${g.unit})`))].sort();
  const locations = [...new Set(gaps.map((g) => g.location))].sort();
  const rows = locations.map((loc) => [
    loc || "(anywhere)",
    ...sectors.map((s) => {
      const cell = gaps.find((g) => g.location === loc && `${g.sector} (${g.unit})` === s);
      return cell === undefined ? "-" : `${formatUnits(cell.residual)} (${percent(cell.residual, cell.declared)}%)`;
    }),
  ]);
  return renderTable([{ header: "district" }, ...sectors.map((s) => ({ header: s, align: "right" as const }))], rows);
}

export function renderRound(result: Pick<DemoResult, "organizations">, round: DemoRound): string {
  const out: string[] = [];
  out.push(`\n=== Round ${round.round} (snapshot at ${isoDateTime(round.snapshotTime)}, block ${round.snapshotBlock}) ===`);
  for (const line of round.narrative) out.push(`  - ${line}`);
  const coverage = coverageBySector(round.needsAfter);
  out.push(
    `\nNeeds met after this round's receipts: ${overallCoverage(coverage)} % (mean of sectors) — ` +
      coverage.map((c) => `${c.sector} ${percent(c.met, c.declared)} %`).join(", "),
  );
  const v = round.verify;
  out.push(
    `Verification of ${v.commitments.length} commitments: ` +
      Object.entries(v.counts)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}`)
        .join(", ") +
      (v.ok ? " — all match the protocol" : ""),
  );
  for (const c of v.commitments.filter((c) => c.status !== "match")) {
    out.push(
      `  ! capacity ${c.capacityId} of ${nameOf(result.organizations, c.provider)}: ${c.status}` +
        (c.expected && c.committed ? ` (expected root ${c.expected.root.slice(0, 10)}… total ${c.expected.total}, committed ${c.committed.root.slice(0, 10)}… total ${c.committed.total})` : ""),
    );
  }
  out.push("\nResidual need by district × sector (after receipts; % of declared still missing):");
  out.push(gapTable(round));
  out.push("\nCommitted / delivered / confirmed per organization:");
  const rows = round.organizations
    .filter((o) => Object.keys(o.provided).length + Object.keys(o.received).length + o.flags.length > 0)
    .map((o) => [
      nameOf(result.organizations, o.address),
      perUnit(o.provided, "committed"),
      perUnit(o.provided, "delivered"),
      perUnit(o.provided, "confirmed"),
      perUnit(o.received, "confirmed"),
      o.flags.join("; "),
    ]);
  out.push(
    renderTable(
      [
        { header: "organization" },
        { header: "committed", align: "right" },
        { header: "delivered", align: "right" },
        { header: "confirmed by recipients", align: "right" },
        { header: "received (confirmed)", align: "right" },
        { header: "flags" },
      ],
      rows,
    ),
  );
  const g = round.gas;
  const total = g.commit + g.deliver + g.confirm + g.other;
  out.push(
    `\nGas: commit ${formatUnits(g.commit)}, deliver ${formatUnits(g.deliver)}, ` +
      `confirm ${formatUnits(g.confirm)}, other ${formatUnits(g.other)} — total ${formatUnits(total)}`,
  );
  return out.join("\n");
}
