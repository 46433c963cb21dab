/**
 * The chain layer of the SDK, on viem: read the state at a snapshot from logs, write every action
 * (directly or as relayed EIP-712 signatures), commit, deliver, confirm, verify and audit a round.
 * Browser-safe: no Node-only imports.
 */
export type * from "./types.js";
export * from "./codes.js";
export * from "./typedData.js";
export * from "./ledgerTypedData.js";
