/** Runs `node bin/fa.mjs …` as a child process, the way users run it. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
const FA = fileURLToPath(new URL("../../bin/fa.mjs", import.meta.url));

export interface FaRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runFa(args: readonly string[], env: Record<string, string> = {}): Promise<FaRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [FA, ...args], { cwd: REPO, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}
