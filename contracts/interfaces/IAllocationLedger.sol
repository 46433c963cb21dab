// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IAllocationLedger
/// @notice Public record of what providers committed per round (a Merkle root over allocation leaves plus
/// the total and the protocol id), what they delivered against each leaf, what recipients confirmed, and
/// auditors' opinions. No token, no ETH, nothing transferable.
///
/// Leaf encoding (OpenZeppelin StandardMerkleTree, types `["uint256","uint256","address","uint256"]`):
/// `keccak256(bytes.concat(keccak256(abi.encode(capacityId, needId, recipient, amount))))`.
/// Protocol id: the ASCII id left-aligned in 32 bytes, zero padded (viem `stringToHex("fa-1", {size: 32})`).
///
/// Versions: each commit of a (round, capacity) creates the next version (1 for the first). A withdrawn
/// version keeps its leaves: what was delivered under it stays confirmable by its recipient. Every action
/// that targets a recorded commitment names the version it means, so a signature made for one version
/// never lands on another.
///
/// Conservation the ledger enforces, for any interleaving of actions:
/// - per round and capacity: Σ delivered over all versions ≤ the capacity's quantity at the round's snapshot;
/// - per one-off capacity: Σ committed-and-not-released over all rounds (`consumed`) ≤ its quantity at the
///   snapshot of the round committing, and Σ delivered ≤ Σ committed;
/// - per leaf: delivered ≤ leaf amount, confirmed ≤ delivered; per need: confirmed ≤ delivered to it;
/// - a delivery against round r is recorded only while round r or round r + DELIVERY_HORIZON is current.
interface IAllocationLedger {
    /// @notice A commitment version as stored. `delivered` counts deliveries recorded against this version;
    /// `roundDelivered` counts deliveries against every version of this (round, capacity).
    struct Commitment {
        bytes32 root;
        uint256 total;
        uint256 delivered;
        bytes32 protocolId;
        bool withdrawn;
        address provider;
        uint32 version;
    }

    /// @notice One leaf of a commitment version, as deliveries name it: need `needId` in version `version`
    /// of the commitment of capacity `capacityId` in round `round`.
    struct LeafRef {
        uint256 round;
        uint256 capacityId;
        uint256 version;
        uint256 needId;
    }

    /// @notice `provider` committed `total` units of capacity `capacityId` in round `round` as version
    /// `version`, leaves under `root`. `oneOff`: the capacity was one-off at the round's snapshot, so `total`
    /// is added to its consumed quantity, now `consumedTotal`.
    event CommitmentMade(
        uint256 indexed round,
        uint256 indexed capacityId,
        address indexed provider,
        uint32 version,
        bytes32 root,
        uint256 total,
        bytes32 protocolId,
        bool oneOff,
        uint256 consumedTotal
    );
    /// @notice Version `version` was withdrawn; `released` (total minus delivered) is no longer committed and
    /// the capacity's consumed quantity is now `consumedTotal`.
    event CommitmentWithdrawn(
        uint256 indexed round, uint256 indexed capacityId, uint32 version, uint256 released, uint256 consumedTotal
    );
    /// @notice `amount` more was delivered to `recipient` against the leaf of need `needId` in version
    /// `version`: `cumulative` for the leaf, `versionDelivered` for the version, `roundDelivered` over all
    /// versions of (round, capacity).
    event DeliveryRecorded(
        uint256 indexed round,
        uint256 indexed capacityId,
        uint256 indexed needId,
        uint32 version,
        address recipient,
        uint256 amount,
        uint256 cumulative,
        uint256 versionDelivered,
        uint256 roundDelivered
    );
    /// @notice `recipient` confirmed receiving `amount` more (`cumulative` for the leaf of version
    /// `version`); the need's confirmed total across all leaves is now `needConfirmedTotal`.
    event ReceiptConfirmed(
        uint256 indexed round,
        uint256 indexed capacityId,
        uint256 indexed needId,
        uint32 version,
        address recipient,
        uint256 amount,
        uint256 cumulative,
        uint256 needConfirmedTotal
    );
    /// @notice `auditor` states whether version `version` of the commitment matches what the protocol yields.
    event Attested(
        uint256 indexed round,
        uint256 indexed capacityId,
        address indexed auditor,
        uint32 version,
        bool matches,
        bytes32 reportHash
    );

    /// @notice No round has opened yet (the schedule's start is still ahead).
    error NoRoundOpen();
    /// @notice A relayed commitment names round `round` but the current round is `currentRound`.
    error WrongRound(uint256 round, uint256 currentRound);
    /// @notice Capacity `capacityId` was not declared, or was revoked, at time `snapshotTime` (the round's snapshot).
    error CapacityNotActive(uint256 capacityId, uint256 snapshotTime);
    /// @notice `caller` is not the provider `provider` of capacity `capacityId`.
    error NotProvider(uint256 capacityId, address caller, address provider);
    /// @notice Capacity `capacityId` already has a live commitment in round `round`.
    error AlreadyCommitted(uint256 round, uint256 capacityId);
    /// @notice Committing `total` exceeds the `left` units capacity `capacityId` has left.
    error ExceedsCapacity(uint256 capacityId, uint256 total, uint256 left);
    /// @notice `amount` exceeds the largest amount the ledger records, `max` (2^96 - 1).
    error AmountTooLarge(uint256 amount, uint256 max);
    /// @notice There is no commitment for capacity `capacityId` in round `round`.
    error NoCommitment(uint256 round, uint256 capacityId);
    /// @notice The action names version `version` of (round, capacityId); `expected` is the version it may target.
    error WrongVersion(uint256 round, uint256 capacityId, uint256 version, uint256 expected);
    /// @notice The commitment for capacity `capacityId` in round `round` has been withdrawn.
    error CommitmentIsWithdrawn(uint256 round, uint256 capacityId);
    /// @notice Deliveries against round `round` ended with round `lastRound`; the current round is `currentRound`.
    error DeliveryHorizonPassed(uint256 round, uint256 lastRound, uint256 currentRound);
    /// @notice A delivery or confirmation of zero units.
    error ZeroAmount();
    /// @notice A leaf names the zero address as recipient.
    error ZeroLeafRecipient(uint256 needId);
    /// @notice The proof does not show leaf (capacityId, needId, recipient, leafAmount) under the commitment root.
    error InvalidProof(uint256 round, uint256 capacityId, uint256 needId, address recipient, uint256 leafAmount);
    /// @notice Deliveries for need `needId` were recorded to `recorded`, not `given`.
    error RecipientMismatch(uint256 needId, address recorded, address given);
    /// @notice Delivering would bring the leaf's cumulative delivery to `cumulative`, above its `leafAmount`.
    error ExceedsLeafAmount(uint256 needId, uint256 cumulative, uint256 leafAmount);
    /// @notice Delivering would bring the commitment's delivered sum to `cumulative`, above its `total`.
    error ExceedsCommitment(uint256 round, uint256 capacityId, uint256 cumulative, uint256 total);
    /// @notice `caller` is not the recipient `recipient` recorded for the leaf of need `needId`.
    error NotRecipient(uint256 needId, address caller, address recipient);
    /// @notice The leaf's recipient `recipient` is not the registry's recipient `needRecipient` of need `needId`.
    error LeafRecipientNotNeedRecipient(uint256 needId, address recipient, address needRecipient);
    /// @notice Confirming would bring the leaf's cumulative confirmation to `cumulative`, above `delivered`.
    error ExceedsDelivered(uint256 needId, uint256 cumulative, uint256 delivered);

    /// @notice Commits the caller's allocation of capacity `capacityId` for the current round.
    /// @dev Caller must be the capacity's provider; the capacity must have been active at the round's
    /// snapshot time (a capacity declared after it waits for the next round); one live commitment per
    /// (round, capacity). `total` must not exceed what the capacity has left: its quantity at the snapshot,
    /// minus what earlier (withdrawn) versions of this round delivered, and, if it was one-off at the
    /// snapshot, minus `consumed`. Stores only the root, total and protocol id: gas is independent of the
    /// number of leaves.
    /// @param capacityId The capacity allocated.
    /// @param root StandardMerkleTree root over `(capacityId, needId, recipient, amount)` leaves.
    /// @param total Sum of the leaf amounts.
    /// @param protocolId ASCII protocol id, left-aligned in 32 bytes (e.g. "fa-1").
    function commit(uint256 capacityId, bytes32 root, uint256 total, bytes32 protocolId) external;

    /// @notice Same as `commit`, authorised by `signer`'s EIP-712 `Commit` signature and relayed by anyone.
    /// @param round The round the signer commits for; must be the current round (a late relay cannot
    /// move the commitment to a later snapshot).
    /// @param version The version this commit creates (1 + the versions already made): a signature made
    /// before a direct commit and withdrawal cannot recommit afterwards.
    function commitBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        bytes32 root,
        uint256 total,
        bytes32 protocolId,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Withdraws the caller's live commitment for capacity `capacityId` in round `round`: the
    /// undelivered part (total minus delivered) is released (a one-off capacity gets it back; a recurring
    /// one may recommit it in the same round) and no further delivery can be recorded under this version.
    /// Always possible for the provider who committed, in any later round, whatever the registry state.
    function withdraw(uint256 round, uint256 capacityId) external;

    /// @notice Same as `withdraw`, authorised by `signer`'s EIP-712 `Withdraw` signature naming `version`.
    function withdrawBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Records that the caller (the committing provider) delivered `amount` more units to
    /// `recipient` for need `leaf.needId`, against the committed leaf `(capacityId, needId, recipient,
    /// leafAmount)` of version `leaf.version` (the live one) of round `leaf.round`.
    /// @dev `proof` must verify the leaf against the version's root (OpenZeppelin MerkleProof). The leaf's
    /// cumulative delivery must stay ≤ `leafAmount` and the version's ≤ its total. Only while round
    /// `leaf.round` or round `leaf.round + DELIVERY_HORIZON` is current.
    function recordDelivery(
        LeafRef calldata leaf,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount
    ) external;

    /// @notice Same as `recordDelivery`, authorised by `signer`'s EIP-712 `RecordDelivery` signature. The
    /// proof is public data and not part of the signed message.
    function recordDeliveryBySig(
        address signer,
        LeafRef calldata leaf,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice The caller, recipient of the leaf of need `needId` in version `version` of commitment
    /// (round, capacityId), confirms receiving `amount` more units. Cumulative confirmed stays ≤ delivered;
    /// adds to `confirmed(needId)`. Works for a withdrawn version too (what it delivered was received), and
    /// for a revoked need (receipt is a fact; `residualNeed` of a revoked need is 0 either way).
    /// @dev The caller must be both the recipient recorded at delivery and the need's recipient in the registry.
    function confirmReceipt(uint256 round, uint256 capacityId, uint256 version, uint256 needId, uint256 amount)
        external;

    /// @notice Same as `confirmReceipt`, authorised by `signer`'s EIP-712 `ConfirmReceipt` signature.
    function confirmReceiptBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        uint256 needId,
        uint256 amount,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Records the caller's opinion on whether version `version` of commitment (round, capacityId)
    /// is exactly what the protocol yields, with the hash of a report. An opinion, not an authority: stores
    /// nothing. The version must exist.
    function attest(uint256 round, uint256 capacityId, uint256 version, bool matches, bytes32 reportHash) external;

    /// @notice Same as `attest`, authorised by `signer`'s EIP-712 `Attest` signature.
    function attestBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        bool matches,
        bytes32 reportHash,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice The live (or last withdrawn) commitment of capacity `capacityId` in round `round`; all zero
    /// if none was made. `version` counts commitments made for this (round, capacity), 1 for the first.
    function commitmentOf(uint256 round, uint256 capacityId) external view returns (Commitment memory);

    /// @notice Units delivered against every version of (round, capacityId): at most the capacity's quantity
    /// at the round's snapshot.
    function roundDelivered(uint256 round, uint256 capacityId) external view returns (uint256);

    /// @notice The leaf record of need `needId` in version `version` of commitment (round, capacityId):
    /// the recipient recorded at first delivery, the cumulative delivered and confirmed amounts.
    function leafOf(uint256 round, uint256 capacityId, uint256 version, uint256 needId)
        external
        view
        returns (address recipient, uint256 delivered, uint256 confirmed);

    /// @notice Units of one-off capacity `capacityId` held by non-withdrawn commitments plus what withdrawn
    /// ones delivered. Commitments of rounds where it was recurring are not counted.
    function consumed(uint256 capacityId) external view returns (uint256);

    /// @notice Units its recipient has confirmed receiving against need `needId`, across all rounds.
    function confirmed(uint256 needId) external view returns (uint256);

    /// @notice The need update law: declared quantity minus confirmed, floored at zero; 0 for a revoked need.
    function residualNeed(uint256 needId) external view returns (uint256);

    /// @notice Units capacity `capacityId` has left to commit in the current round, judged by its terms at
    /// the round's snapshot (0 if not active then, or before the first round).
    function capacityLeft(uint256 capacityId) external view returns (uint256);
}
