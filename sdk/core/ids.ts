/**
 * The canonical order of ids used by every tie-break and sort of the engine:
 * canonical decimal ids ("0", "7", "42"; no sign, no leading zero) come first, in numeric
 * order (so on-chain ids sort as numbers: "9" < "10"); every other id follows, in UTF-16
 * code-unit order (JavaScript `<`), which is locale-independent.
 */
const CANONICAL_DECIMAL = /^(0|[1-9][0-9]*)$/;

export function isCanonicalDecimal(id: string): boolean {
  return CANONICAL_DECIMAL.test(id);
}

export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const da = CANONICAL_DECIMAL.test(a);
  const db = CANONICAL_DECIMAL.test(b);
  if (da && db) return a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
  if (da !== db) return da ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Addresses (and other keys) compare by plain code-unit order of their lower-case form. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
