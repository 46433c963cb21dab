/**
 * Scenario files: the inputs of one round as JSON (docs/scenarios.md), parsed into the
 * engine's `Scenario` and the engine's results serialized back to JSON. Pure: runs in
 * Node and the browser.
 */
import type { z } from "zod";
import { renderValue, scenarioSchema } from "./scenarioSchema.js";
import type { AllocationResult, Capacity, Need, Scenario, TimeWindow } from "./types.js";

/** A scenario file that does not match the format; `path` names the offending field. */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  /** Where the problem is, e.g. `scenario.capacities[3].quantity`. */
  readonly path: string;
  /** What is wrong there, e.g. `expected a non-negative integer, got "-5"`. */
  readonly detail: string;

  constructor(path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.path = path;
    this.detail = detail;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["capacities", 3, "quantity"]` -> `scenario.capacities[3].quantity`. */
export function formatPath(path: readonly PropertyKey[], root = "scenario"): string {
  let out = root;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** One zod issue as the detail of a ScenarioError, in the file format's own words. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.length === 1
        ? `unknown field ${renderValue(issue.keys[0])}`
        : `unknown fields ${issue.keys.map((k) => renderValue(k)).join(", ")}`;
    case "invalid_type":
      if (input === undefined) return "missing required field";
      return `expected ${article(issue.expected)}, got ${renderValue(input)}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === "record") return "an object";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * Parses and validates a scenario file's JSON value. Quantities become bigint and
 * addresses lower case.
 * @throws ScenarioError naming the first offending field and its value.
 */
export function parseScenario(json: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return parsed.data as Scenario;
  const issue = parsed.error.issues[0];
  throw new ScenarioError(formatPath(issue.path), describeIssue(issue));
}

/** Unix seconds as a JSON number when exact, else as a decimal string (both parse back). */
function serializeSeconds(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function serializeWindow(window: TimeWindow | undefined) {
  return window === undefined ? undefined : { start: serializeSeconds(window.start), end: serializeSeconds(window.end) };
}

function serializeCapacity(c: Capacity) {
  return {
    id: c.id,
    provider: c.provider,
    type: c.type,
    unit: c.unit,
    quantity: c.quantity.toString(),
    window: serializeWindow(c.window),
    location: c.location,
    filter: c.filter,
    minUnit: c.minUnit?.toString(),
    recurring: c.recurring,
  };
}

function serializeNeed(n: Need) {
  return {
    id: n.id,
    recipient: n.recipient,
    type: n.type,
    unit: n.unit,
    quantity: n.quantity.toString(),
    window: serializeWindow(n.window),
    location: n.location,
  };
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}

/**
 * The scenario as a JSON value in the file format (bigint -> decimal string); optional
 * fields that are absent stay absent (JSON.stringify drops undefined).
 */
export function serializeScenario(scenario: Scenario) {
  return {
    ...(scenario.names === undefined ? {} : { names: { ...scenario.names } }),
    recognition: mapValues(scenario.recognition, (row) => mapValues(row, (p) => p.toString())),
    capacities: scenario.capacities.map(serializeCapacity),
    needs: scenario.needs.map(serializeNeed),
  };
}

/** The JSON shape of `fa allocate --json` (docs/cli.md). */
export interface SerializedResult {
  readonly protocol: string;
  readonly allocations: readonly {
    readonly capacity: string;
    readonly need: string;
    readonly provider: string;
    readonly recipient: string;
    readonly amount: string;
    readonly tier: 1 | 2;
  }[];
  readonly unmet: Readonly<Record<string, string>>;
  readonly unused: Readonly<Record<string, string>>;
  readonly roots: Readonly<Record<string, string>>;
}

/**
 * A protocol's result as JSON: amounts as decimal strings, plus the Merkle root each
 * capacity's provider would commit. `roots` takes the engine's `commitmentRoots(result)`
 * as is (capacity id -> { root, ... }).
 */
export function serializeResult(
  result: AllocationResult,
  roots: Readonly<Record<string, { readonly root: string }>>,
): SerializedResult {
  return {
    protocol: result.protocol,
    allocations: result.allocations.map((a) => ({
      capacity: a.capacity,
      need: a.need,
      provider: a.provider,
      recipient: a.recipient,
      amount: a.amount.toString(),
      tier: a.tier,
    })),
    unmet: mapValues(result.unmet, (v) => v.toString()),
    unused: mapValues(result.unused, (v) => v.toString()),
    roots: mapValues(roots, (r) => r.root),
  };
}
