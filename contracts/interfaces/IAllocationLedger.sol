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
interface IAllocationLedger {
    /// @notice A commitment as stored. `delivered` counts deliveries recorded against this commitment.
    struct Commitment {
        bytes32 root;
        uint256 total;
        uint256 delivered;
        bytes32 protocolId;
        bool withdrawn;
        address provider;
        uint32 version;
    }

    /// @notice `provider` committed `total` units of capacity `capacityId` in round `round`, as leaves under `root`.
    event CommitmentMade(
        uint256 indexed round,
        uint256 indexed capacityId,
        address indexed provider,
        bytes32 root,
        uint256 total,
        bytes32 protocolId
    );
    /// @notice The commitment was withdrawn; `released` (total minus delivered) is no longer committed.
    event CommitmentWithdrawn(uint256 indexed round, uint256 indexed capacityId, uint256 released);
    /// @notice `amount` more was delivered to `recipient` against the leaf of need `needId`; `cumulative` in total.
    event DeliveryRecorded(
        uint256 indexed round,
        uint256 indexed capacityId,
        uint256 indexed needId,
        address recipient,
        uint256 amount,
        uint256 cumulative
    );
    /// @notice `recipient` confirmed receiving `amount` more (`cumulative` for this leaf); the need's
    /// confirmed total across all leaves is now `needConfirmedTotal`.
    event ReceiptConfirmed(
        uint256 indexed round,
        uint256 indexed capacityId,
        uint256 indexed needId,
        address recipient,
        uint256 amount,
        uint256 cumulative,
        uint256 needConfirmedTotal
    );
    /// @notice `auditor` states whether the commitment matches what the protocol yields, with a report hash.
    event Attested(
        uint256 indexed round, uint256 indexed capacityId, address indexed auditor, bool matches, bytes32 reportHash
    );

    /// @notice No round has been opened yet.
    error NoRoundOpen();
    /// @notice A relayed commitment names round `round` but the current round is `currentRound`.
    error WrongRound(uint256 round, uint256 currentRound);
    /// @notice Capacity `capacityId` is not declared or has been revoked.
    error CapacityNotActive(uint256 capacityId);
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
    /// @notice The commitment for capacity `capacityId` in round `round` has been withdrawn.
    error CommitmentIsWithdrawn(uint256 round, uint256 capacityId);
    /// @notice A delivery or confirmation of zero units.
    error ZeroAmount();
    /// @notice A leaf names the zero address as recipient.
    error ZeroRecipient(uint256 needId);
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
    error NotNeedRecipient(uint256 needId, address recipient, address needRecipient);
    /// @notice Confirming would bring the leaf's cumulative confirmation to `cumulative`, above `delivered`.
    error ExceedsDelivered(uint256 needId, uint256 cumulative, uint256 delivered);

    /// @notice Commits the caller's allocation of capacity `capacityId` for the current round.
    /// @dev Caller must be the capacity's provider; the capacity must be active; one live commitment per
    /// (round, capacity); `total` must not exceed what the capacity has left (its quantity if recurring,
    /// quantity minus consumed if one-off). Stores only the root, total and protocol id: gas is independent
    /// of the number of leaves.
    /// @param capacityId The capacity allocated.
    /// @param root StandardMerkleTree root over `(capacityId, needId, recipient, amount)` leaves.
    /// @param total Sum of the leaf amounts.
    /// @param protocolId ASCII protocol id, left-aligned in 32 bytes (e.g. "fa-1").
    function commit(uint256 capacityId, bytes32 root, uint256 total, bytes32 protocolId) external;

    /// @notice Same as `commit`, authorised by `signer`'s EIP-712 `Commit` signature and relayed by anyone.
    /// @param round The round the signer commits for; must be the current round (a late relay cannot
    /// move the commitment to a later snapshot).
    function commitBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        bytes32 root,
        uint256 total,
        bytes32 protocolId,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Withdraws the caller's commitment for capacity `capacityId` in round `round`: the undelivered
    /// part (total minus delivered) is released (a one-off capacity gets it back) and no further delivery can
    /// be recorded. Always possible for the provider who committed, in any later round, whatever the
    /// capacity's registry state.
    function withdraw(uint256 round, uint256 capacityId) external;

    /// @notice Same as `withdraw`, authorised by `signer`'s EIP-712 `Withdraw` signature.
    function withdrawBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Records that the caller (the committing provider) delivered `amount` more units to
    /// `recipient` for need `needId`, against the committed leaf `(capacityId, needId, recipient, leafAmount)`.
    /// @dev `proof` must verify the leaf against the commitment root (OpenZeppelin MerkleProof). The leaf's
    /// cumulative delivery must stay ≤ `leafAmount` and the commitment's ≤ its total.
    function recordDelivery(
        uint256 round,
        uint256 capacityId,
        uint256 needId,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount
    ) external;

    /// @notice Same as `recordDelivery`, authorised by `signer`'s EIP-712 `RecordDelivery` signature. The
    /// proof is public data and not part of the signed message.
    function recordDeliveryBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 needId,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice The caller, recipient of the leaf of need `needId` in the commitment (round, capacityId),
    /// confirms receiving `amount` more units. Cumulative confirmed stays ≤ delivered; adds to `confirmed(needId)`.
    /// @dev The caller must be both the recipient recorded at delivery and the need's recipient in the registry.
    function confirmReceipt(uint256 round, uint256 capacityId, uint256 needId, uint256 amount) external;

    /// @notice Same as `confirmReceipt`, authorised by `signer`'s EIP-712 `ConfirmReceipt` signature.
    function confirmReceiptBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 needId,
        uint256 amount,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Records the caller's opinion on whether commitment (round, capacityId) is exactly what the
    /// protocol yields, with the hash of a report. An opinion, not an authority: stores nothing.
    function attest(uint256 round, uint256 capacityId, bool matches, bytes32 reportHash) external;

    /// @notice Same as `attest`, authorised by `signer`'s EIP-712 `Attest` signature.
    function attestBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        bool matches,
        bytes32 reportHash,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice The live (or last withdrawn) commitment of capacity `capacityId` in round `round`; all zero
    /// if none was made. `version` counts commitments made for this (round, capacity), 1 for the first.
    function commitmentOf(uint256 round, uint256 capacityId) external view returns (Commitment memory);

    /// @notice The leaf record of need `needId` in the current version of commitment (round, capacityId):
    /// the recipient recorded at first delivery, the cumulative delivered and confirmed amounts.
    function leafOf(uint256 round, uint256 capacityId, uint256 needId)
        external
        view
        returns (address recipient, uint256 delivered, uint256 confirmed);

    /// @notice Units of one-off capacity `capacityId` held by non-withdrawn commitments (withdrawals
    /// release their undelivered part). Recurring capacities renew every round and are not counted.
    function consumed(uint256 capacityId) external view returns (uint256);

    /// @notice Units its recipient has confirmed receiving against need `needId`, across all rounds.
    function confirmed(uint256 needId) external view returns (uint256);

    /// @notice The need update law: declared quantity minus confirmed, floored at zero.
    function residualNeed(uint256 needId) external view returns (uint256);

    /// @notice Units capacity `capacityId` has left to commit in the current round (0 if not active).
    function capacityLeft(uint256 capacityId) external view returns (uint256);
}
