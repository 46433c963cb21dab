/**
 * Typed errors of the core engine: a short message plus machine-readable details,
 * so the CLI can print the offending field and value without a stack trace.
 */
export type EngineErrorCode =
  | "DUPLICATE_ID"
  | "NEGATIVE_QUANTITY"
  | "INVALID_MIN_UNIT"
  | "INVALID_WINDOW"
  | "NEGATIVE_POINTS"
  | "INVALID_WEIGHT"
  | "INVALID_ID"
  | "NOTHING_TO_COMMIT"
  | "NO_ALLOCATION"
  | "ROUND_LIMIT"
  | "INVARIANT";

export class EngineError extends Error {
  override readonly name = "EngineError";
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
