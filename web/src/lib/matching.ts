/**
 * A live warning while typing a capacity or need that, as it stands, would match nothing that is
 * declared (e.g. unit "Litre" where everyone counts in "litre", or location "MZ-S-O1" with a
 * letter O). Uses the engine's own `isCompatible`; pure: unit-tested.
 */
import { isCompatible, locationCovers, type Capacity, type Need } from "../../../sdk/core/index.js";
import type { Address } from "viem";

export interface DraftTerms { readonly sector: string; readonly unit: string; readonly location: string }

const list = (xs: Iterable<string>) => [...new Set(xs)].sort().slice(0, 8).join(", ");

/** Why this draft would match nothing declared, in words; undefined when something matches (or the draft is incomplete). */
export function matchWarning(kind: "capacity" | "need", draft: DraftTerms, me: Address, capacities: readonly Capacity[], needs: readonly Need[]): string | undefined {
  if (!draft.sector || !draft.unit) return undefined;
  const location = draft.location || undefined;
  if (kind === "need") {
    const others = capacities.filter((c) => c.provider !== me);
    const need: Need = { id: "draft", recipient: me, type: draft.sector, unit: draft.unit, quantity: 1n, location };
    if (others.some((c) => isCompatible(c, need))) return undefined;
    const inSector = others.filter((c) => c.type === draft.sector);
    if (inSector.length === 0) return `No organization offers anything in sector “${draft.sector}” yet${others.length ? ` (sectors offered: ${list(others.map((c) => c.type))})` : ""}: this need would receive nothing for now.`;
    const sameUnit = inSector.filter((c) => c.unit === draft.unit);
    if (sameUnit.length === 0) return `No ${draft.sector} capacity counts in “${draft.unit}” (they count in: ${list(inSector.map((c) => c.unit))}). Units must match exactly, so this need would receive nothing.`;
    if (!sameUnit.some((c) => locationCovers(c.location, location))) return `No ${draft.sector} capacity in ${draft.unit} covers location “${draft.location}” (they cover: ${list(sameUnit.map((c) => c.location ?? "anywhere"))}).`;
    return `No ${draft.sector} capacity in ${draft.unit} admits this need (time window or recipient list).`;
  }
  const others = needs.filter((n) => n.recipient !== me);
  const capacity: Capacity = { id: "draft", provider: me, type: draft.sector, unit: draft.unit, quantity: 1n, location, recurring: true };
  if (others.some((n) => isCompatible(capacity, n))) return undefined;
  const inSector = others.filter((n) => n.type === draft.sector);
  if (inSector.length === 0) return `No organization needs anything in sector “${draft.sector}” yet${others.length ? ` (sectors needed: ${list(others.map((n) => n.type))})` : ""}: this capacity would allocate nothing for now.`;
  const sameUnit = inSector.filter((n) => n.unit === draft.unit);
  if (sameUnit.length === 0) return `No ${draft.sector} need counts in “${draft.unit}” (they count in: ${list(inSector.map((n) => n.unit))}). Units must match exactly, so this capacity would allocate nothing.`;
  return `No ${draft.sector} need in ${draft.unit} lies in location “${draft.location}” (needs are in: ${list(sameUnit.map((n) => n.location ?? "anywhere"))}).`;
}
