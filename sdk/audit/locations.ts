/**
 * Hierarchical location codes (ISO 3166-2 style P-codes such as "MZ-S-04") split into the
 * administrative levels humanitarian tools expect: country "MZ", admin 1 "MZ-S", admin 2 "MZ-S-04".
 */

export interface AdminLevels {
  /** ISO 3166-1 alpha-2 country code when the first segment is two letters, else "". */
  readonly country: string;
  readonly adm1: string;
  readonly adm2: string;
  /** Segments below admin 2, whole code ("MZ-S-04-07"), else "". */
  readonly adm3: string;
}

/** "MZ-S-04" -> { country "MZ", adm1 "MZ-S", adm2 "MZ-S-04", adm3 "" }; "" -> all empty. */
export function adminLevels(location: string): AdminLevels {
  if (location === "") return { country: "", adm1: "", adm2: "", adm3: "" };
  const parts = location.split("-");
  const prefix = (n: number) => (parts.length >= n ? parts.slice(0, n).join("-") : "");
  const first = parts[0];
  return {
    country: /^[A-Za-z]{2}$/.test(first) ? first.toUpperCase() : "",
    adm1: prefix(2),
    adm2: prefix(3),
    adm3: parts.length >= 4 ? location : "",
  };
}
