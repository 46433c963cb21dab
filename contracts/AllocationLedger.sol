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

    /// @notice Rounds after its own during which deliveries against a round are still recorded: a delivery
    /// against round r lands only while the current round is r … r + DELIVERY_HORIZON.
    uint256 public constant DELIVERY_HORIZON = 1;

    string public constant COMMIT_TYPE =
        "Commit(address signer,uint256 round,uint256 capacityId,uint256 version,bytes32 root,uint256 total,bytes32 protocolId,uint256 nonce,uint256 deadline)";
    string public constant WITHDRAW_TYPE =
        "Withdraw(address signer,uint256 round,uint256 capacityId,uint256 version,uint256 nonce,uint256 deadline)";
    string public constant RECORD_DELIVERY_TYPE =
        "RecordDelivery(address signer,uint256 round,uint256 capacityId,uint256 version,uint256 needId,address recipient,uint256 leafAmount,uint256 amount,uint256 nonce,uint256 deadline)";
    string public constant CONFIRM_RECEIPT_TYPE =
        "ConfirmReceipt(address signer,uint256 round,uint256 capacityId,uint256 version,uint256 needId,uint256 amount,uint256 nonce,uint256 deadline)";
    string public constant ATTEST_TYPE =
        "Attest(address signer,uint256 round,uint256 capacityId,uint256 version,bool matches,bytes32 reportHash,uint256 nonce,uint256 deadline)";

    bytes32 public constant COMMIT_TYPEHASH = keccak256(bytes(COMMIT_TYPE));
    bytes32 public constant WITHDRAW_TYPEHASH = keccak256(bytes(WITHDRAW_TYPE));
    bytes32 public constant RECORD_DELIVERY_TYPEHASH = keccak256(bytes(RECORD_DELIVERY_TYPE));
    bytes32 public constant CONFIRM_RECEIPT_TYPEHASH = keccak256(bytes(CONFIRM_RECEIPT_TYPE));
    bytes32 public constant ATTEST_TYPEHASH = keccak256(bytes(ATTEST_TYPE));

    /// @dev Four slots per (round, capacity), holding its latest version. Slot 3 is non-zero from the first
    /// commit on (version ≥ 1), so recording the first delivery changes a slot rather than creating one.
    struct CommitmentRecord {
        bytes32 root; // slot 0
        bytes32 protocolId; // slot 1
        address provider; // slot 2
        uint96 total; // slot 2
        uint96 delivered; // slot 3: delivered under this version
        uint96 earlierDelivered; // slot 3: delivered under the earlier (withdrawn) versions of this round
        uint32 version; // slot 3: 0 = never committed; +1 per commit of this (round, capacity)
        bool withdrawn; // slot 3
        bool countsConsumed; // slot 3: one-off at the round's snapshot, so its total is in `consumed`
    }

    /// @dev Per (round, capacity, version, need). Slot 0 is written by deliveries, slot 1 by confirmations.
    /// Leaves of a withdrawn version stay, so what it delivered stays confirmable.
    struct LeafRecord {
        address recipient; // slot 0
        uint96 delivered; // slot 0
        uint96 confirmed; // slot 1
    }

    /// @notice The round schedule: the current round and its snapshot time.
    IRounds public immutable rounds;
    /// @notice The registry of capacity terms (checkpointed: the ledger reads them at the round's snapshot).
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
        uint256 round = _openRound();
        _commit(msg.sender, round, capacityId, _commitments[round][capacityId].version + 1, root, total, protocolId);
    }

    /// @inheritdoc IAllocationLedger
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
    ) external {
        _verifyCommit(CommitMessage(signer, round, capacityId, version, root, total, protocolId, deadline), signature);
        uint256 current = _openRound();
        if (round != current) revert WrongRound(round, current);
        _commit(signer, round, capacityId, version, root, total, protocolId);
    }

    /// @inheritdoc IAllocationLedger
    function withdraw(uint256 round, uint256 capacityId) external {
        _withdraw(msg.sender, round, capacityId, _commitments[round][capacityId].version);
    }

    /// @inheritdoc IAllocationLedger
    function withdrawBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 scope = _commitmentScope(round, capacityId);
        bytes32 structHash = keccak256(
            abi.encode(
                WITHDRAW_TYPEHASH, signer, round, capacityId, version, signatureNonce(signer, true, scope, 0), deadline
            )
        );
        _verifySignedAction(signer, true, scope, 0, structHash, deadline, signature);
        _withdraw(signer, round, capacityId, version);
    }

    /// @inheritdoc IAllocationLedger
    function recordDelivery(
        LeafRef calldata leaf,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount
    ) external {
        _recordDelivery(msg.sender, leaf, recipient, leafAmount, proof, amount);
    }

    /// @inheritdoc IAllocationLedger
    function recordDeliveryBySig(
        address signer,
        LeafRef calldata leaf,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount,
        uint256 deadline,
        bytes calldata signature
    ) external {
        _verifyDelivery(signer, leaf, _recordDeliveryStructHash(signer, leaf, recipient, leafAmount, amount, deadline), deadline, signature);
        _recordDelivery(signer, leaf, recipient, leafAmount, proof, amount);
    }

    /// @inheritdoc IAllocationLedger
    function confirmReceipt(uint256 round, uint256 capacityId, uint256 version, uint256 needId, uint256 amount)
        external
    {
        _confirmReceipt(msg.sender, LeafRef(round, capacityId, version, needId), amount);
    }

    /// @inheritdoc IAllocationLedger
    function confirmReceiptBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        uint256 needId,
        uint256 amount,
        uint256 deadline,
        bytes calldata signature
    ) external {
        LeafRef memory ref = LeafRef(round, capacityId, version, needId);
        (bytes32 scope, bytes32 target) = _confirmationNonceScope(ref);
        bytes32 structHash = keccak256(
            bytes.concat(
                abi.encode(CONFIRM_RECEIPT_TYPEHASH, signer, round, capacityId, version, needId),
                abi.encode(amount, signatureNonce(signer, false, scope, target), deadline)
            )
        );
        _verifySignedAction(signer, false, scope, target, structHash, deadline, signature);
        _confirmReceipt(signer, ref, amount);
    }

    /// @inheritdoc IAllocationLedger
    function attest(uint256 round, uint256 capacityId, uint256 version, bool matches, bytes32 reportHash) external {
        _attest(msg.sender, round, capacityId, version, matches, reportHash);
    }

    /// @inheritdoc IAllocationLedger
    function attestBySig(
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        bool matches,
        bytes32 reportHash,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 scope = _attestationScope(round, capacityId, version);
        bytes32 structHash = keccak256(
            bytes.concat(
                abi.encode(ATTEST_TYPEHASH, signer, round, capacityId, version, matches),
                abi.encode(reportHash, signatureNonce(signer, false, scope, 0), deadline)
            )
        );
        _verifySignedAction(signer, false, scope, 0, structHash, deadline, signature);
        _attest(signer, round, capacityId, version, matches, reportHash);
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
    function roundDelivered(uint256 round, uint256 capacityId) external view returns (uint256) {
        CommitmentRecord storage c = _commitments[round][capacityId];
        return uint256(c.earlierDelivered) + c.delivered;
    }

    /// @inheritdoc IAllocationLedger
    function leafOf(uint256 round, uint256 capacityId, uint256 version, uint256 needId)
        external
        view
        returns (address recipient, uint256 delivered, uint256 confirmed_)
    {
        LeafRecord storage leaf = _leaves[_leafKey(LeafRef(round, capacityId, version, needId))];
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
        (, uint256 quantity, bool active) = needs.needTerms(needId);
        uint256 got = _confirmed[needId];
        return active && quantity > got ? quantity - got : 0;
    }

    /// @inheritdoc IAllocationLedger
    function capacityLeft(uint256 capacityId) external view returns (uint256) {
        uint256 round = rounds.currentRound();
        if (round == 0) return 0;
        (, uint256 quantity, bool recurring, bool active) =
            capacities.capacityTermsAt(capacityId, _snapshotOf(round));
        if (!active) return 0;
        return _left(_commitments[round][capacityId], capacityId, quantity, recurring);
    }

    // ---------------------------------------------------------------- internals

    /// @dev The round open now by the schedule (reverts before the schedule's start).
    function _openRound() private view returns (uint256 round) {
        round = rounds.currentRound();
        if (round == 0) revert NoRoundOpen();
    }

    /// @dev The round's snapshot time on the registries' (timestamp) clock, fixed by the schedule.
    function _snapshotOf(uint256 round) private view returns (uint256 snapshotTime) {
        (, snapshotTime) = rounds.roundInfo(round);
    }

    /// @dev What a new version of (round, capacity) may commit: the quantity at the snapshot minus what
    /// this round's earlier versions delivered (so a recurring capacity never delivers more than its
    /// quantity in one round, however often it is withdrawn and recommitted) and, for a one-off capacity,
    /// minus everything it holds or delivered in any round.
    function _left(CommitmentRecord storage c, uint256 capacityId, uint256 quantity, bool recurring)
        private
        view
        returns (uint256)
    {
        uint256 used = uint256(c.earlierDelivered) + c.delivered;
        if (!recurring) {
            uint256 oneOff = _consumed[capacityId];
            if (oneOff > used) used = oneOff;
        }
        // Capped at MAX_AMOUNT, so a round's delivered sum over all versions fits the uint96 records.
        uint256 cap = quantity < MAX_AMOUNT ? quantity : MAX_AMOUNT;
        return cap > used ? cap - used : 0;
    }

    function _commit(
        address actor,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        bytes32 root,
        uint256 total,
        bytes32 protocolId
    ) private {
        CommitmentRecord storage c = _commitments[round][capacityId];
        (address provider, bool recurring) = _checkCommit(c, actor, round, capacityId, version, total);
        uint256 consumedTotal = _consumed[capacityId];
        if (!recurring) _consumed[capacityId] = consumedTotal += total;
        // earlierDelivered + delivered ≤ MAX_AMOUNT: every version's total was within `left`, capped there.
        c.root = root;
        c.protocolId = protocolId;
        c.provider = provider;
        c.total = uint96(total);
        c.earlierDelivered += c.delivered;
        c.delivered = 0;
        c.version = uint32(version);
        c.withdrawn = false;
        c.countsConsumed = !recurring;
        emit CommitmentMade(
            round, capacityId, provider, uint32(version), root, total, protocolId, !recurring, consumedTotal
        );
    }

    /// @dev Checks a commitment of `total` against the capacity's terms at the round's snapshot.
    function _checkCommit(
        CommitmentRecord storage c,
        address actor,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        uint256 total
    ) private view returns (address provider, bool recurring) {
        uint256 snapshotTime = _snapshotOf(round);
        uint256 quantity;
        bool active;
        (provider, quantity, recurring, active) = capacities.capacityTermsAt(capacityId, snapshotTime);
        if (!active) revert CapacityNotActive(capacityId, snapshotTime);
        if (actor != provider) revert NotProvider(capacityId, actor, provider);
        uint32 previous = c.version;
        if (previous != 0 && !c.withdrawn) revert AlreadyCommitted(round, capacityId);
        if (version != uint256(previous) + 1) revert WrongVersion(round, capacityId, version, uint256(previous) + 1);
        if (total > MAX_AMOUNT) revert AmountTooLarge(total, MAX_AMOUNT);
        uint256 left = _left(c, capacityId, quantity, recurring);
        if (total > left) revert ExceedsCapacity(capacityId, total, left);
    }

    function _withdraw(address actor, uint256 round, uint256 capacityId, uint256 version) private {
        CommitmentRecord storage c = _commitments[round][capacityId];
        if (c.version == 0) revert NoCommitment(round, capacityId);
        if (actor != c.provider) revert NotProvider(capacityId, actor, c.provider);
        if (version != c.version) revert WrongVersion(round, capacityId, version, c.version);
        if (c.withdrawn) revert CommitmentIsWithdrawn(round, capacityId);
        uint256 released = c.total - c.delivered;
        c.withdrawn = true;
        uint256 consumedTotal = _consumed[capacityId];
        if (c.countsConsumed) _consumed[capacityId] = consumedTotal -= released;
        emit CommitmentWithdrawn(round, capacityId, c.version, released, consumedTotal);
    }

    function _recordDelivery(
        address actor,
        LeafRef memory ref,
        address recipient,
        uint256 leafAmount,
        bytes32[] calldata proof,
        uint256 amount
    ) private {
        CommitmentRecord storage c = _commitments[ref.round][ref.capacityId];
        _checkDeliverable(c, actor, ref, amount);
        if (recipient == address(0)) revert ZeroLeafRecipient(ref.needId);
        bytes32 leafHash =
            keccak256(bytes.concat(keccak256(abi.encode(ref.capacityId, ref.needId, recipient, leafAmount))));
        if (!MerkleProof.verifyCalldata(proof, c.root, leafHash)) {
            revert InvalidProof(ref.round, ref.capacityId, ref.needId, recipient, leafAmount);
        }

        LeafRecord storage leaf = _leaves[_leafKey(ref)];
        address recorded = leaf.recipient;
        if (recorded != address(0) && recorded != recipient) revert RecipientMismatch(ref.needId, recorded, recipient);
        uint256 cumulative = leaf.delivered + amount;
        if (cumulative > leafAmount) revert ExceedsLeafAmount(ref.needId, cumulative, leafAmount);
        uint256 versionDelivered = c.delivered + amount;
        if (versionDelivered > c.total) {
            revert ExceedsCommitment(ref.round, ref.capacityId, versionDelivered, c.total);
        }

        // Both fit in 96 bits: each is at most the version's delivered sum, itself at most its uint96 total.
        leaf.recipient = recipient;
        leaf.delivered = uint96(cumulative);
        c.delivered = uint96(versionDelivered);
        emit DeliveryRecorded(
            ref.round,
            ref.capacityId,
            ref.needId,
            c.version,
            recipient,
            amount,
            cumulative,
            versionDelivered,
            uint256(c.earlierDelivered) + versionDelivered
        );
    }

    function _checkDeliverable(CommitmentRecord storage c, address actor, LeafRef memory ref, uint256 amount)
        private
        view
    {
        uint32 version = c.version;
        if (version == 0) revert NoCommitment(ref.round, ref.capacityId);
        if (actor != c.provider) revert NotProvider(ref.capacityId, actor, c.provider);
        if (ref.version != version) revert WrongVersion(ref.round, ref.capacityId, ref.version, version);
        if (c.withdrawn) revert CommitmentIsWithdrawn(ref.round, ref.capacityId);
        uint256 current = rounds.currentRound();
        uint256 lastRound = ref.round + DELIVERY_HORIZON;
        if (current > lastRound) revert DeliveryHorizonPassed(ref.round, lastRound, current);
        if (amount == 0) revert ZeroAmount();
        if (amount > MAX_AMOUNT) revert AmountTooLarge(amount, MAX_AMOUNT);
    }

    function _confirmReceipt(address actor, LeafRef memory ref, uint256 amount) private {
        uint32 latest = _commitments[ref.round][ref.capacityId].version;
        if (latest == 0) revert NoCommitment(ref.round, ref.capacityId);
        // Any version made so far, withdrawn or not: what it delivered was received.
        if (ref.version == 0 || ref.version > latest) revert WrongVersion(ref.round, ref.capacityId, ref.version, latest);
        LeafRecord storage leaf = _leaves[_leafKey(ref)];
        address recipient = leaf.recipient;
        if (actor != recipient) revert NotRecipient(ref.needId, actor, recipient);
        if (amount == 0) revert ZeroAmount();
        if (amount > MAX_AMOUNT) revert AmountTooLarge(amount, MAX_AMOUNT);
        uint256 cumulative = leaf.confirmed + amount;
        if (cumulative > leaf.delivered) revert ExceedsDelivered(ref.needId, cumulative, leaf.delivered);
        // A provider cannot shrink someone else's need by naming another address in a leaf: only the
        // need's own recipient can confirm against it.
        (address needRecipient,,) = needs.needTerms(ref.needId);
        if (needRecipient != recipient) revert LeafRecipientNotNeedRecipient(ref.needId, recipient, needRecipient);

        leaf.confirmed = uint96(cumulative);
        uint256 needTotal = _confirmed[ref.needId] + amount;
        _confirmed[ref.needId] = needTotal;
        emit ReceiptConfirmed(
            ref.round, ref.capacityId, ref.needId, uint32(ref.version), recipient, amount, cumulative, needTotal
        );
    }

    function _attest(
        address auditor,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        bool matches,
        bytes32 reportHash
    ) private {
        uint32 latest = _commitments[round][capacityId].version;
        if (latest == 0) revert NoCommitment(round, capacityId);
        if (version == 0 || version > latest) revert WrongVersion(round, capacityId, version, latest);
        emit Attested(round, capacityId, auditor, uint32(version), matches, reportHash);
    }

    function _recordDeliveryStructHash(
        address signer,
        LeafRef memory ref,
        address recipient,
        uint256 leafAmount,
        uint256 amount,
        uint256 deadline
    ) private view returns (bytes32) {
        // Two static encodings concatenated equal the one-piece encoding; split to stay within the stack.
        return keccak256(
            bytes.concat(
                abi.encode(RECORD_DELIVERY_TYPEHASH, signer, ref.round, ref.capacityId, ref.version, ref.needId),
                abi.encode(recipient, leafAmount, amount, _deliveryNonce(signer, ref), deadline)
            )
        );
    }

    /// @dev A signed Commit's fields, in memory so its check stays within the stack.
    struct CommitMessage {
        address signer;
        uint256 round;
        uint256 capacityId;
        uint256 version;
        bytes32 root;
        uint256 total;
        bytes32 protocolId;
        uint256 deadline;
    }

    function _verifyCommit(CommitMessage memory m, bytes calldata signature) private {
        bytes32 scope = _commitmentScope(m.round, m.capacityId);
        bytes32 structHash = keccak256(
            bytes.concat(
                abi.encode(COMMIT_TYPEHASH, m.signer, m.round, m.capacityId, m.version, m.root),
                abi.encode(m.total, m.protocolId, signatureNonce(m.signer, false, scope, 0), m.deadline)
            )
        );
        _verifySignedAction(m.signer, false, scope, 0, structHash, m.deadline, signature);
    }

    function _verifyDelivery(
        address signer,
        LeafRef memory ref,
        bytes32 structHash,
        uint256 deadline,
        bytes calldata signature
    ) private {
        (bytes32 scope, bytes32 target) = _deliveryNonceScope(ref);
        _verifySignedAction(signer, false, scope, target, structHash, deadline, signature);
    }

    function _deliveryNonce(address signer, LeafRef memory ref) private view returns (uint256) {
        (bytes32 scope, bytes32 target) = _deliveryNonceScope(ref);
        return signatureNonce(signer, false, scope, target);
    }

    // Signature scopes (see SignedActions). A commitment's signatures name its version, so a direct commit
    // or withdrawal already supersedes them; a leaf's name what was delivered / confirmed so far as their
    // target, so any later delivery / confirmation (direct or signed) supersedes them (deliveries and
    // confirmations only grow: no value comes back). None of them needs an epoch of its own.

    /// @dev Scope of Commit (and of Withdraw, its revocation) for one (round, capacity).
    function _commitmentScope(uint256 round, uint256 capacityId) private pure returns (bytes32) {
        return keccak256(abi.encode(COMMIT_TYPEHASH, round, capacityId));
    }

    /// @dev Scope and target of RecordDelivery on a leaf: the leaf and what it delivered so far.
    function _deliveryNonceScope(LeafRef memory ref) private view returns (bytes32 scope, bytes32 target) {
        scope = keccak256(abi.encode(RECORD_DELIVERY_TYPEHASH, _leafKey(ref)));
        target = bytes32(uint256(_leaves[_leafKey(ref)].delivered));
    }

    /// @dev Scope and target of ConfirmReceipt on a leaf: the leaf and what it confirmed so far.
    function _confirmationNonceScope(LeafRef memory ref) private view returns (bytes32 scope, bytes32 target) {
        scope = keccak256(abi.encode(CONFIRM_RECEIPT_TYPEHASH, _leafKey(ref)));
        target = bytes32(uint256(_leaves[_leafKey(ref)].confirmed));
    }

    /// @dev Scope of Attest on one version of a commitment.
    function _attestationScope(uint256 round, uint256 capacityId, uint256 version) private pure returns (bytes32) {
        return keccak256(abi.encode(ATTEST_TYPEHASH, round, capacityId, version));
    }

    function _leafKey(LeafRef memory ref) private pure returns (bytes32) {
        return keccak256(abi.encode(ref.round, ref.capacityId, ref.version, ref.needId));
    }
}
