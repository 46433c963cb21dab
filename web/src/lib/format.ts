import type { Rational } from "../../../sdk/core/index.js";

/** 12345n -> "12,345" (grouping only; quantities are integers). */
export function fmt(n: bigint): string {
  return n.toLocaleString("en-US");
}

/** A rational as a percentage with one decimal, for display only (never fed back into the engine). */
export function pct(r: Rational): string {
  if (r.den === 0n) return "0 %";
  const tenths = (r.num * 1000n + r.den / 2n) / r.den;
  return `${tenths / 10n}.${tenths % 10n} %`;
}

export function ratio(num: bigint, den: bigint): Rational {
  return { num, den: den === 0n ? 1n : den };
}

/** Display-only float in [0,1] for widths and colours. */
export function share(num: bigint, den: bigint): number {
  if (den === 0n) return 0;
  return Number((num * 10_000n) / den) / 10_000;
}

export function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function download(filename: string, text: string, type = "text/csv") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
