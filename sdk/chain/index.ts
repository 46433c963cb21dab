/**
 * The chain layer of the SDK, on viem: read the state at a snapshot from logs, write every action
 * (directly or as relayed EIP-712 signatures), commit, deliver, confirm, verify and audit a round.
 * Browser-safe: no Node-only imports.
 */
export type * from "./types.js";
export * from "./codes.js";
export * from "./typedData.js";
export * from "./ledgerTypedData.js";
export * from "./abi.js";
export { abis, ARTIFACT_NAMES, CONTRACT_NAMES, type ContractName } from "./contracts.js";
export { ChainError, type ChainErrorCode, describeError, revertName } from "./errors.js";
export { CHECKPOINT_GAS_MARGIN, gasLimitOf, writeAndWait, type ContractWrite } from "./gas.js";
export { deployContracts, type DeployContractsOptions, type DeployResult } from "./deploy.js";
export { parseDeployment, serializeDeployment } from "./deployment.js";
export { withRetry, isTransientRpcError, type RetryOptions } from "./retry.js";
export { encodeCapacityTerms, encodeNeedTerms, decodeCapacityInput, decodeNeedInput, type CapacityTerms, type NeedTerms } from "./inputs.js";
export { fetchLogs, DEFAULT_CHUNK_SIZE, type ChainEvent, type FetchLogsOptions } from "./fetchLogs.js";
export { replayLogs, emptyState, type ReplayedState } from "./replayLogs.js";
export { crossCheck } from "./crossCheck.js";
export { snapshotOf } from "./snapshotOf.js";
export { readSnapshot } from "./readSnapshot.js";
export { readRoundSnapshot, roundInfo, type RoundOptions, type RoundInfo } from "./readRoundSnapshot.js";
export { blockAtTime, readBlockRef, type BlockAtTime, type BlockAtTimeOptions, type BlockRef } from "./snapshotBlock.js";
export { roundOpensAt, roundAtTime, roundSnapshotTime, defaultRoundStart, MAX_UINT64, type RoundSchedule } from "./schedule.js";
export { readRoundLedger, type RoundLedger } from "./roundLedger.js";
export { walletSigner, safeSigner, safeMessageTypedData, type ActionSigner } from "./signers.js";
export { actionSpecs, typedDataOf, type ActionName, type ActionParams } from "./actions/specs.js";
export { sendAction, signAction, relayAction, actionTypedData, type ActionReceipt, type SignedAction, type SignOptions } from "./actions/send.js";
export { actionNonce, actionNonceScope, nonceScopeOf, type NonceScope, type LeafProgress } from "./actions/nonce.js";
export { invalidateAllSignatures, invalidateNonce, SIGNING_CONTRACTS, type SigningContract } from "./actions/signatures.js";
export * from "./actions/recognition.js";
export * from "./actions/capacities.js";
export * from "./actions/needs.js";
export * from "./actions/ledger.js";
export { readRoundStatus, type RoundStatus } from "./actions/rounds.js";
export { commitRound, expectedCommitments, type CommitRoundOptions } from "./commitRound.js";
export { recordDelivery, confirmReceipt, findLeaf, leafProof, type LeafWithProof, type LeafLookupOptions } from "./deliver.js";
export { verifyRound, compareCommitments, protocolOfCommitment, type VerifyRoundOptions } from "./verifyRound.js";
export { auditRound, auditOf, datedAudit, auditBlocks, readBlockTimes, ledgerEvents, type AuditRoundOptions } from "./auditRound.js";
