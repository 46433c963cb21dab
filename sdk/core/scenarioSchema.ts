/**
 * The zod 4 schema of scenario files (docs/scenarios.md). Every leaf check emits its own
 * message ("expected a non-negative integer, got "-5"") so a parse error names the
 * offending value, not zod's generic wording. Pure: runs in Node and the browser.
 */
import { z } from "zod";
import type { Address, Capacity, Need, RecipientFilter, TimeWindow } from "./types.js";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const DECIMAL = /^[0-9]+$/;

/** How a rejected value appears in a message: JSON for anything JSON can show. */
export function renderValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "bigint") return value.toString();
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    return String(value);
  }
}

/** Adds the issue "expected X, got Y" (or "missing required field") for a rejected leaf. */
function reject(ctx: z.RefinementCtx, value: unknown, expectation: string): never {
  const message = value === undefined ? "missing required field" : `expected ${expectation}, got ${renderValue(value)}`;
  ctx.addIssue({ code: "custom", message, input: value });
  return z.NEVER;
}

/** A non-negative integer given as a decimal string or a JSON integer. */
function toNonNegativeInteger(value: unknown): bigint | undefined {
  if (typeof value === "string" && DECIMAL.test(value)) return BigInt(value);
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return undefined;
}

/** Integer quantity or points: "5000" or 5000, never negative, fractional or in exponent form. */
export const nonNegativeInteger = z.unknown().transform((value, ctx): bigint => {
  const parsed = toNonNegativeInteger(value);
  if (parsed === undefined) {
    return reject(ctx, value, "a non-negative integer");
  }
  return parsed;
});

const positiveInteger = z.unknown().transform((value, ctx): bigint => {
  const parsed = toNonNegativeInteger(value);
  if (parsed === undefined || parsed === 0n) {
    return reject(ctx, value, "a positive integer");
  }
  return parsed;
});

/** True for 0x and 40 hex digits, in any case. */
export function isAddress(value: unknown): value is string {
  return typeof value === "string" && ADDRESS.test(value);
}

const address = z.unknown().transform((value, ctx): Address => {
  if (!isAddress(value)) {
    return reject(ctx, value, "an address (0x and 40 hex digits)");
  }
  return value.toLowerCase() as Address;
});

const text = z.unknown().transform((value, ctx): string => {
  if (typeof value !== "string" || value.length === 0) {
    return reject(ctx, value, "a non-empty string");
  }
  return value;
});

const flag = z.unknown().transform((value, ctx): boolean => {
  if (typeof value !== "boolean") {
    return reject(ctx, value, "true or false");
  }
  return value;
});

/**
 * A JSON object whose keys must be addresses; keys are lower-cased, and two keys that
 * differ only in case are rejected (they would silently overwrite each other).
 */
function addressKeyed<T extends z.ZodType>(valueSchema: T) {
  return z.record(z.string(), valueSchema).transform((record, ctx) => {
    const out: Record<Address, z.output<T>> = {};
    for (const [key, value] of Object.entries(record)) {
      if (!isAddress(key)) {
        ctx.addIssue({ code: "custom", message: `expected an address as key, got ${renderValue(key)}`, path: [key], input: key });
        return z.NEVER;
      }
      const parsed = key.toLowerCase() as Address;
      if (Object.hasOwn(out, parsed)) {
        ctx.addIssue({ code: "custom", message: `duplicate address ${parsed} (keys differ only in case)`, path: [key], input: key });
        return z.NEVER;
      }
      out[parsed] = value as z.output<T>;
    }
    return out as Readonly<Record<Address, z.output<T>>>;
  });
}

const window = z
  .strictObject({ start: nonNegativeInteger, end: nonNegativeInteger })
  .transform((w, ctx): TimeWindow => {
    if (w.start >= w.end) {
      ctx.addIssue({ code: "custom", message: `expected start < end, got start ${w.start} and end ${w.end}`, input: w });
      return z.NEVER;
    }
    return { start: w.start, end: w.end };
  });

const filter = z
  .strictObject({ allow: z.array(address).optional(), deny: z.array(address).optional() })
  .transform((f, ctx): RecipientFilter => {
    if (f.allow !== undefined && f.deny !== undefined) {
      ctx.addIssue({ code: "custom", message: "expected either allow or deny, got both", input: f });
      return z.NEVER;
    }
    if (f.allow !== undefined) return { allow: f.allow };
    if (f.deny !== undefined) return { deny: f.deny };
    ctx.addIssue({ code: "custom", message: "expected allow or deny, got neither", input: f });
    return z.NEVER;
  });

/** Drops keys whose value is undefined so parsed objects compare structurally. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const capacity = z
  .strictObject({
    id: text,
    provider: address,
    type: text,
    unit: text,
    quantity: nonNegativeInteger,
    window: window.optional(),
    location: text.optional(),
    filter: filter.optional(),
    minUnit: positiveInteger.optional(),
    recurring: flag.optional(),
  })
  .transform((c): Capacity => compact(c));

const need = z
  .strictObject({
    id: text,
    recipient: address,
    type: text,
    unit: text,
    quantity: nonNegativeInteger,
    window: window.optional(),
    location: text.optional(),
  })
  .transform((n): Need => compact(n));

/** Reports the second occurrence of an id; ids key allocations, so they must be unique. */
function firstDuplicate(ids: readonly string[]): number | undefined {
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) return i;
    seen.add(id);
  }
  return undefined;
}

export const scenarioSchema = z
  .strictObject({
    names: addressKeyed(z.string()).optional(),
    recognition: addressKeyed(addressKeyed(nonNegativeInteger)),
    capacities: z.array(capacity),
    needs: z.array(need),
  })
  .superRefine((s, ctx) => {
    const dupCapacity = firstDuplicate(s.capacities.map((c) => c.id));
    if (dupCapacity !== undefined) {
      const id = s.capacities[dupCapacity].id;
      ctx.addIssue({ code: "custom", message: `duplicate capacity id ${renderValue(id)}`, path: ["capacities", dupCapacity, "id"], input: id });
    }
    const dupNeed = firstDuplicate(s.needs.map((n) => n.id));
    if (dupNeed !== undefined) {
      const id = s.needs[dupNeed].id;
      ctx.addIssue({ code: "custom", message: `duplicate need id ${renderValue(id)}`, path: ["needs", dupNeed, "id"], input: id });
    }
  });
