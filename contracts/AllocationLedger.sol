// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IAllocationLedger} from "./interfaces/IAllocationLedger.sol";
import {IRounds} from "./interfaces/IRounds.sol";
import {ICapacityTerms} from "./interfaces/ICapacityTerms.sol";
import {INeedTerms} from "./interfaces/INeedTerms.sol";
import {SignedActions} from "./utils/SignedActions.sol";

/// @title AllocationLedger
/// @notice Per round, each provider commits the allocation of a capacity as a Merkle root plus total and
/// protocol id; deliveries are recorded against leaves with their proofs; recipients confirm receipt;
/// auditors attest. Conservation is enforced on chain: committed ≤ capacity left, delivered ≤ leaf amount
/// and ≤ committed total, confirmed ≤ delivered. Every action also exists as an EIP-712 relayed signature.
/// No token, no ETH, nothing transferable.
contract AllocationLedger is IAllocationLedger, SignedActions {
    /// @notice Largest amount (total, leaf amount, delivery, confirmation) the ledger records: 2^96 - 1.
    uint256 public constant MAX_AMOUNT = type(uint96).max;

    string public constant COMMIT_TYPE =
        "Commit(address signer,uint256 round,uint256 capacityId,bytes32 root,uint256 total,bytes32 protocolId,uint256 nonce,uint256 deadline)";
    string public constant WITHDRAW_TYPE =
        "Withdraw(address signer,uint256 round,uint256 capacityId,uint256 nonce,uint256 deadline)";
    string public constant RECORD_DELIVERY_TYPE =
        "RecordDelivery(address signer,uint256 round,uint256 capacityId,uint256 needId,address recipient,uint256 leafAmount,uint256 amount,uint256 nonce,uint256 deadline)";
    string public constant CONFIRM_RECEIPT_TYPE =
        "ConfirmReceipt(address signer,uint256 round,uint256 capacityId,uint256 needId,uint256 amount,uint256 nonce,uint256 deadline)";
    string public constant ATTEST_TYPE =
        "Attest(address signer,uint256 round,uint256 capacityId,bool matches,bytes32 reportHash,uint256 nonce,uint256 deadline)";

    bytes32 public constant COMMIT_TYPEHASH = keccak256(bytes(COMMIT_TYPE));
    bytes32 public constant WITHDRAW_TYPEHASH = keccak256(bytes(WITHDRAW_TYPE));
    bytes32 public constant RECORD_DELIVERY_TYPEHASH = keccak256(bytes(RECORD_DELIVERY_TYPE));
    bytes32 public constant CONFIRM_RECEIPT_TYPEHASH = keccak256(bytes(CONFIRM_RECEIPT_TYPE));
    bytes32 public constant ATTEST_TYPEHASH = keccak256(bytes(ATTEST_TYPE));

    /// @dev Four slots. Slot 3 is non-zero from the first commit on (version ≥ 1), so recording the first
    /// delivery changes a slot rather than creating one.
    struct CommitmentRecord {
        bytes32 root; // slot 0
        bytes32 protocolId; // slot 1
        address provider; // slot 2
        uint96 total; // slot 2
        uint96 delivered; // slot 3
        uint32 version; // slot 3: 0 = never committed; +1 per commit of this (round, capacity)
        bool withdrawn; // slot 3
        bool countsConsumed; // slot 3: committed while the capacity was one-off, so it is in `consumed`
    }

    /// @dev Per (round, capacity, version, need). Slot 0 is written by deliveries, slot 1 by confirmations.
    struct LeafRecord {
        address recipient; // slot 0
        uint96 delivered; // slot 0
        uint96 confirmed; // slot 1
    }

    /// @notice The rounds contract fixing the current round.
    IRounds public immutable rounds;
    /// @notice The registry of capacity terms.
    ICapacityTerms public immutable capacities;
    /// @notice The registry of need terms.
    INeedTerms public immutable needs;

    mapping(uint256 round => mapping(uint256 capacityId => CommitmentRecord)) private _commitments;
    mapping(bytes32 leafKey => LeafRecord) private _leaves;
    mapping(uint256 capacityId => uint256) private _consumed;
    mapping(uint256 needId => uint256) private _confirmed;

    constructor(IRounds rounds_, ICapacityTerms capacities_, INeedTerms needs_)
        SignedActions("FreeAssociation.Ledger", "1")
    {
        rounds = rounds_;
        capacities = capacities_;
        needs = needs_;
    }

    // ---------------------------------------------------------------- actions

    /// @inheritdoc IAllocationLedger
    function commit(uint256 capacityId, bytes32 root, uint256 total, bytes32 protocolId) external {
        _commit(msg.sender, _openRound(), capacityId, root, total, protocolId);
    }

    /// @inheritdoc IAllocationLedger
    function commitBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        bytes32 root,
        uint256 total,
        bytes32 protocolId,
        uint256 deadline,
        bytes calldata signature
    ) external {
        _verifySignedAction(
            signer, _commitStructHash(signer, round, capacityId, root, total, protocolId, deadline), deadline, signature
        );
        uint256 current = _openRound();
        if (round != current) revert WrongRound(round, current);
        _commit(signer, round, capacityId, root, total, protocolId);
    }

    /// @inheritdoc IAllocationLedger
    function withdraw(uint256 round, uint256 capacityId) external {
        _withdraw(msg.sender, round, capacityId);
    }

    /// @inheritdoc IAllocationLedger
    function withdrawBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash =
            keccak256(abi.encode(WITHDRAW_TYPEHASH, signer, round, capacityId, nonces(signer), deadline));
        _verifySignedAction(signer, structHash, deadline, signature);
        _withdraw(signer, round, capacityId);
    }

    /// @inheritdoc IAllocationLedger
    function recordDelivery(
        uint256 round,
        uint256 capacityId,
        uint256 needId,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount
    ) external {
        _recordDelivery(msg.sender, round, capacityId, needId, recipient, leafAmount, proof, amount);
    }

    /// @inheritdoc IAllocationLedger
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
    ) external {
        _verifySignedAction(
            signer,
            _recordDeliveryStructHash(signer, round, capacityId, needId, recipient, leafAmount, amount, deadline),
            deadline,
            signature
        );
        _recordDelivery(signer, round, capacityId, needId, recipient, leafAmount, proof, amount);
    }

    /// @inheritdoc IAllocationLedger
    function confirmReceipt(uint256 round, uint256 capacityId, uint256 needId, uint256 amount) external {
        _confirmReceipt(msg.sender, round, capacityId, needId, amount);
    }

    /// @inheritdoc IAllocationLedger
    function confirmReceiptBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 needId,
        uint256 amount,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(CONFIRM_RECEIPT_TYPEHASH, signer, round, capacityId, needId, amount, nonces(signer), deadline)
        );
        _verifySignedAction(signer, structHash, deadline, signature);
        _confirmReceipt(signer, round, capacityId, needId, amount);
    }

    /// @inheritdoc IAllocationLedger
    function attest(uint256 round, uint256 capacityId, bool matches, bytes32 reportHash) external {
        emit Attested(round, capacityId, msg.sender, matches, reportHash);
    }

    /// @inheritdoc IAllocationLedger
    function attestBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        bool matches,
        bytes32 reportHash,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(ATTEST_TYPEHASH, signer, round, capacityId, matches, reportHash, nonces(signer), deadline)
        );
        _verifySignedAction(signer, structHash, deadline, signature);
        emit Attested(round, capacityId, signer, matches, reportHash);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IAllocationLedger
    function commitmentOf(uint256 round, uint256 capacityId) external view returns (Commitment memory) {
        CommitmentRecord storage c = _commitments[round][capacityId];
        return Commitment({
            root: c.root,
            total: c.total,
            delivered: c.delivered,
            protocolId: c.protocolId,
            withdrawn: c.withdrawn,
            provider: c.provider,
            version: c.version
        });
    }

    /// @inheritdoc IAllocationLedger
    function leafOf(uint256 round, uint256 capacityId, uint256 needId)
        external
        view
        returns (address recipient, uint256 delivered, uint256 confirmed_)
    {
        LeafRecord storage leaf =
            _leaves[_leafKey(round, capacityId, _commitments[round][capacityId].version, needId)];
        return (leaf.recipient, leaf.delivered, leaf.confirmed);
    }

    /// @inheritdoc IAllocationLedger
    function consumed(uint256 capacityId) external view returns (uint256) {
        return _consumed[capacityId];
    }

    /// @inheritdoc IAllocationLedger
    function confirmed(uint256 needId) external view returns (uint256) {
        return _confirmed[needId];
    }

    /// @inheritdoc IAllocationLedger
    function residualNeed(uint256 needId) external view returns (uint256) {
        (, uint256 quantity,) = needs.needTerms(needId);
        uint256 got = _confirmed[needId];
        return quantity > got ? quantity - got : 0;
    }

    /// @inheritdoc IAllocationLedger
    function capacityLeft(uint256 capacityId) external view returns (uint256) {
        (, uint256 quantity, bool recurring, bool active) = capacities.capacityTerms(capacityId);
        if (!active) return 0;
        return _left(capacityId, quantity, recurring);
    }

    // ---------------------------------------------------------------- internals

    function _openRound() private view returns (uint256 round) {
        round = rounds.currentRound();
        if (round == 0) revert NoRoundOpen();
    }

    function _left(uint256 capacityId, uint256 quantity, bool recurring) private view returns (uint256) {
        if (recurring) return quantity;
        uint256 used = _consumed[capacityId];
        return quantity > used ? quantity - used : 0;
    }

    function _commit(address actor, uint256 round, uint256 capacityId, bytes32 root, uint256 total, bytes32 protocolId)
        private
    {
        (address provider, uint256 quantity, bool recurring, bool active) = capacities.capacityTerms(capacityId);
        if (!active) revert CapacityNotActive(capacityId);
        if (actor != provider) revert NotProvider(capacityId, actor, provider);
        CommitmentRecord storage c = _commitments[round][capacityId];
        uint32 version = c.version;
        if (version != 0 && !c.withdrawn) revert AlreadyCommitted(round, capacityId);
        uint256 left = _left(capacityId, quantity, recurring);
        if (total > left) revert ExceedsCapacity(capacityId, total, left);
        if (total > MAX_AMOUNT) revert AmountTooLarge(total, MAX_AMOUNT);

        if (!recurring) _consumed[capacityId] += total;
        _commitments[round][capacityId] = CommitmentRecord({
            root: root,
            protocolId: protocolId,
            provider: provider,
            total: uint96(total),
            delivered: 0,
            version: version + 1,
            withdrawn: false,
            countsConsumed: !recurring
        });
        emit CommitmentMade(round, capacityId, provider, root, total, protocolId);
    }

    function _withdraw(address actor, uint256 round, uint256 capacityId) private {
        CommitmentRecord storage c = _commitments[round][capacityId];
        if (c.version == 0) revert NoCommitment(round, capacityId);
        if (actor != c.provider) revert NotProvider(capacityId, actor, c.provider);
        if (c.withdrawn) revert CommitmentIsWithdrawn(round, capacityId);
        uint256 released = c.total - c.delivered;
        c.withdrawn = true;
        if (c.countsConsumed) _consumed[capacityId] -= released;
        emit CommitmentWithdrawn(round, capacityId, released);
    }

    function _recordDelivery(
        address actor,
        uint256 round,
        uint256 capacityId,
        uint256 needId,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount
    ) private {
        CommitmentRecord storage c = _commitments[round][capacityId];
        _checkDeliverable(c, actor, round, capacityId, amount);
        if (recipient == address(0)) revert ZeroRecipient(needId);
        bytes32 leafHash = keccak256(bytes.concat(keccak256(abi.encode(capacityId, needId, recipient, leafAmount))));
        if (!MerkleProof.verifyCalldata(proof, c.root, leafHash)) {
            revert InvalidProof(round, capacityId, needId, recipient, leafAmount);
        }

        LeafRecord storage leaf = _leaves[_leafKey(round, capacityId, c.version, needId)];
        address recorded = leaf.recipient;
        if (recorded != address(0) && recorded != recipient) revert RecipientMismatch(needId, recorded, recipient);
        uint256 cumulative = leaf.delivered + amount;
        if (cumulative > leafAmount) revert ExceedsLeafAmount(needId, cumulative, leafAmount);
        uint256 commitmentDelivered = c.delivered + amount;
        if (commitmentDelivered > c.total) revert ExceedsCommitment(round, capacityId, commitmentDelivered, c.total);

        // Both fit in 96 bits: each is at most the commitment's delivered sum, itself at most its uint96 total.
        leaf.recipient = recipient;
        leaf.delivered = uint96(cumulative);
        c.delivered = uint96(commitmentDelivered);
        emit DeliveryRecorded(round, capacityId, needId, recipient, amount, cumulative);
    }

    function _checkDeliverable(
        CommitmentRecord storage c,
        address actor,
        uint256 round,
        uint256 capacityId,
        uint256 amount
    ) private view {
        if (c.version == 0) revert NoCommitment(round, capacityId);
        if (actor != c.provider) revert NotProvider(capacityId, actor, c.provider);
        if (c.withdrawn) revert CommitmentIsWithdrawn(round, capacityId);
        if (amount == 0) revert ZeroAmount();
        if (amount > MAX_AMOUNT) revert AmountTooLarge(amount, MAX_AMOUNT);
    }

    function _confirmReceipt(address actor, uint256 round, uint256 capacityId, uint256 needId, uint256 amount)
        private
    {
        uint32 version = _commitments[round][capacityId].version;
        if (version == 0) revert NoCommitment(round, capacityId);
        LeafRecord storage leaf = _leaves[_leafKey(round, capacityId, version, needId)];
        address recipient = leaf.recipient;
        if (actor != recipient) revert NotRecipient(needId, actor, recipient);
        if (amount == 0) revert ZeroAmount();
        if (amount > MAX_AMOUNT) revert AmountTooLarge(amount, MAX_AMOUNT);
        uint256 cumulative = leaf.confirmed + amount;
        if (cumulative > leaf.delivered) revert ExceedsDelivered(needId, cumulative, leaf.delivered);
        // A provider cannot shrink someone else's need by naming another address in a leaf: only the
        // need's own recipient can confirm against it.
        (address needRecipient,,) = needs.needTerms(needId);
        if (needRecipient != recipient) revert NotNeedRecipient(needId, recipient, needRecipient);

        leaf.confirmed = uint96(cumulative);
        uint256 needTotal = _confirmed[needId] + amount;
        _confirmed[needId] = needTotal;
        emit ReceiptConfirmed(round, capacityId, needId, recipient, amount, cumulative, needTotal);
    }

    function _commitStructHash(
        address signer,
        uint256 round,
        uint256 capacityId,
        bytes32 root,
        uint256 total,
        bytes32 protocolId,
        uint256 deadline
    ) private view returns (bytes32) {
        return keccak256(
            abi.encode(COMMIT_TYPEHASH, signer, round, capacityId, root, total, protocolId, nonces(signer), deadline)
        );
    }

    function _recordDeliveryStructHash(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 needId,
        address recipient,
        uint256 leafAmount,
        uint256 amount,
        uint256 deadline
    ) private view returns (bytes32) {
        // Two static encodings concatenated equal the one-piece encoding; split to stay within the stack.
        return keccak256(
            bytes.concat(
                abi.encode(RECORD_DELIVERY_TYPEHASH, signer, round, capacityId, needId, recipient),
                abi.encode(leafAmount, amount, nonces(signer), deadline)
            )
        );
    }

    function _leafKey(uint256 round, uint256 capacityId, uint32 version, uint256 needId)
        private
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(round, capacityId, version, needId));
    }
}
