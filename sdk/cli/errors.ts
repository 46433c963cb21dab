/**
 * CLI errors. A `UserError` is the user's to fix (bad file, bad flag, unknown protocol):
 * one line on stderr, exit code 2, never a stack trace.
 */
export class UserError extends Error {
  override readonly name = "UserError";
}

/** Exit codes: 0 success, 1 failed check or internal error, 2 bad input. */
export const EXIT = { ok: 0, failed: 1, internal: 1, usage: 2 } as const;

/** The first line of an error's message (module loaders can produce long multi-line ones). */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0];
}
