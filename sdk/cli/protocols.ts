/**
 * Which protocol a `--protocol` value means: a registered id, or a path to a user's
 * module exporting a `Protocol` (default export or `protocol`).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_PROTOCOL_ID, PROTOCOLS } from "../core/protocols/registry.js";
import type { Protocol } from "../core/types.js";
import { firstLine, UserError } from "./errors.js";

export { PROTOCOLS };
export const DEFAULT_PROTOCOL = DEFAULT_PROTOCOL_ID;

/** "./my.ts", "lab/x.mjs", "/abs/p.js" are paths; "fa-1" is an id. */
function looksLikePath(spec: string): boolean {
  return spec.includes("/") || spec.includes("\\") || /\.(m|c)?(t|j)s$/.test(spec);
}

function isProtocol(value: unknown): value is Protocol {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Protocol>;
  return typeof candidate.id === "string" && typeof candidate.allocate === "function";
}

async function loadProtocolModule(path: string): Promise<Protocol> {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new UserError(`${path}: no such file`);
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(absolute).href);
  } catch (error) {
    throw new UserError(`${path}: cannot load module: ${firstLine(error)}`);
  }
  const exported = isProtocol(module.default) ? module.default : module.protocol;
  if (!isProtocol(exported)) {
    throw new UserError(`${path}: expected a Protocol ({ id, allocate }) as default export or as export "protocol"`);
  }
  return exported;
}

export async function resolveProtocol(spec: string): Promise<Protocol> {
  if (Object.hasOwn(PROTOCOLS, spec)) return PROTOCOLS[spec];
  if (looksLikePath(spec)) return loadProtocolModule(spec);
  throw new UserError(`unknown protocol ${JSON.stringify(spec)} (known: ${Object.keys(PROTOCOLS).join(", ")}; or a path to a module)`);
}
