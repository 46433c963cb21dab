/** Auditor exports: HXL-tagged CSV, one row per allocation leaf (SPEC §6). */
import type { ChainSnapshot } from "../chain/types.js";
import type { CommitmentCheck } from "../chain/verify.js";
import { nameOf, type Named } from "./names.js";
import { csvCell } from "./format.js";

/** One row per allocation leaf, HXL hashtags on the second line (humanitarian tools read them). */
export function hxlCsv(d: Named, s: ChainSnapshot, checks: CommitmentCheck[]): string {
  const header = ["Provider", "Provider address", "Recipient", "Recipient address", "Sector", "Location", "Unit", "Capacity", "Need", "Allocated (FA-1)", "Delivered", "Confirmed", "Verification"];
  const tags = ["#org+provider+name", "#org+provider+code", "#org+recipient+name", "#org+recipient+code", "#sector", "#adm2+code", "#indicator+unit", "#activity+capacity", "#activity+need", "#targeted", "#reached", "#reached+confirmed", "#status"];
  const lines = [header, tags];
  for (const c of checks) {
    const leaves = c.expected?.leaves ?? [];
    for (const [, needId, recipient, amount] of leaves) {
      const need = s.allNeeds.find((n) => n.id === String(needId));
      const cap = s.allCapacities.find((x) => x.id === c.capacityId)!;
      const leaf = c.committed?.leaves.get(String(needId));
      lines.push([nameOf(d, cap.provider), cap.provider, nameOf(d, recipient), recipient, cap.type, need?.location ?? "", cap.unit, c.capacityId, String(needId), String(amount), String(leaf?.delivered ?? 0n), String(leaf?.confirmed ?? 0n), c.status]);
    }
  }
  return lines.map((l) => l.map(csvCell).join(",")).join("\n") + "\n";
}
