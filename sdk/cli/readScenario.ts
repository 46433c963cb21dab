/** Reads and validates a scenario file for the CLI; every failure is a one-line UserError. */
import { readFile } from "node:fs/promises";
import { parseScenario, ScenarioError } from "../core/scenario.js";
import type { Scenario } from "../core/types.js";
import { firstLine, UserError } from "./errors.js";

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${path}: no such file`);
    if (code === "EISDIR") throw new UserError(`${path}: is a directory, expected a scenario JSON file`);
    throw new UserError(`${path}: cannot read (${code ?? firstLine(error)})`);
  }
}

/** JSON.parse's message already carries "(line L column C)" on Node 22. */
function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path}: invalid JSON: ${firstLine(error)}`);
  }
}

export async function readScenario(path: string): Promise<Scenario> {
  const json = parseJson(path, await readText(path));
  try {
    return parseScenario(json);
  } catch (error) {
    if (error instanceof ScenarioError) throw new UserError(error.message);
    throw error;
  }
}
