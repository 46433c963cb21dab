// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AllocationLedger} from "../../AllocationLedger.sol";
import {IAllocationLedger} from "../../interfaces/IAllocationLedger.sol";
import {CapacityRegistry} from "../../CapacityRegistry.sol";
import {ICapacityRegistry} from "../../interfaces/ICapacityRegistry.sol";
import {NeedRegistry} from "../../NeedRegistry.sol";
import {INeedRegistry} from "../../interfaces/INeedRegistry.sol";
import {Rounds} from "../../Rounds.sol";
import {BranchBase} from "./BranchBase.sol";
import {SignatureScopes} from "../utils/SignatureScopes.sol";
import {SignedActions} from "../../utils/SignedActions.sol";

/// @dev One test per rule of AllocationLedger (every revert with its offending values, every branch of
/// the conservation arithmetic), against the real registries and Rounds.
contract AllocationLedgerBranchesTest is BranchBase {
    uint64 internal constant LENGTH = 1 days;
    uint64 internal constant START = 2_000_000;
    uint256 internal constant MAX = type(uint96).max;
    uint256 internal constant PROVIDER_KEY = 0xA11CE;
    address internal provider;
    address internal constant RECIPIENT = address(0xB0B);
    address internal constant STRANGER = address(0x5757);
    bytes32 internal constant PROTOCOL = keccak256("protocol");

    Rounds internal rounds;
    CapacityRegistry internal capacities;
    NeedRegistry internal needs;
    AllocationLedger internal ledger;

    function setUp() public {
        provider = vm.addr(PROVIDER_KEY);
        rounds = new Rounds(START, LENGTH);
        capacities = new CapacityRegistry();
        needs = new NeedRegistry();
        ledger = new AllocationLedger(rounds, capacities, needs);
        vm.warp(1_000_000); // before START: no round yet
        vm.roll(100);
    }

    // ------------------------------------------------------------ helpers

    function _capacity(uint128 quantity, bool recurring) internal returns (uint256 id) {
        ICapacityRegistry.CapacityInput memory input;
        input.sector = "WASH";
        input.unit = "litre";
        input.quantity = quantity;
        input.recurring = recurring;
        vm.prank(provider);
        id = capacities.declareCapacity(input);
    }

    function _need(address recipient, uint128 quantity) internal returns (uint256 id) {
        INeedRegistry.NeedInput memory input;
        input.sector = "WASH";
        input.unit = "litre";
        input.quantity = quantity;
        vm.prank(recipient);
        id = needs.declareNeed(input);
    }

    /// @dev Lets time pass to the next round's opening, in a later block (so what was declared before is
    /// at its snapshot, one second before the opening). Nobody opens the round.
    function _nextRound() internal returns (uint256 round) {
        vm.roll(block.number + 1);
        vm.warp(rounds.nextOpenTime());
        round = rounds.currentRound();
        vm.roll(block.number + 1);
    }

    function _leafHash(uint256 capacityId, uint256 needId, address recipient, uint256 amount)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(bytes.concat(keccak256(abi.encode(capacityId, needId, recipient, amount))));
    }

    function _pairRoot(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }

    function _commit(uint256 capacityId, bytes32 root, uint256 total) internal {
        vm.prank(provider);
        ledger.commit(capacityId, root, total, PROTOCOL);
    }

    function _ref(uint256 round, uint256 capacityId, uint256 version, uint256 needId)
        internal
        pure
        returns (IAllocationLedger.LeafRef memory)
    {
        return IAllocationLedger.LeafRef(round, capacityId, version, needId);
    }

    function _deliver(IAllocationLedger.LeafRef memory ref, address recipient, uint256 leafAmount, uint256 amount)
        internal
    {
        vm.prank(provider);
        ledger.recordDelivery(ref, recipient, leafAmount, new bytes32[](0), amount);
    }

    /// @dev A round with one committed single-leaf allocation of `amount` to a need of RECIPIENT.
    function _committedLeaf(uint128 quantity, bool recurring, uint256 amount)
        internal
        returns (uint256 round, uint256 capacityId, uint256 needId)
    {
        capacityId = _capacity(quantity, recurring);
        needId = _need(RECIPIENT, 1_000_000);
        round = _nextRound();
        _commit(capacityId, _leafHash(capacityId, needId, RECIPIENT, amount), amount);
    }

    function _commitDigest(uint256 round, uint256 capacityId, uint256 version, bytes32 root, uint256 total, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        uint256 nonce = SignatureScopes.commitNonce(ledger, provider, round, capacityId);
        bytes32 structHash = keccak256(
            abi.encode(
                ledger.COMMIT_TYPEHASH(),
                provider,
                round,
                capacityId,
                version,
                root,
                total,
                PROTOCOL,
                nonce,
                deadline
            )
        );
        return digestOf("FreeAssociation.Ledger", address(ledger), structHash);
    }

    // ------------------------------------------------------------ commit

    function test_commit_reverts_whenNoRoundIsOpen() public {
        uint256 id = _capacity(500, false);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NoRoundOpen.selector));
        _commit(id, bytes32(uint256(1)), 1);
    }

    function test_commitBySig_reverts_whenTheSignedRoundIsNotTheCurrentRound() public {
        uint256 id = _capacity(500, false);
        _nextRound();
        _nextRound();
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory sig = signDigest(PROVIDER_KEY, _commitDigest(1, id, 1, bytes32(uint256(1)), 10, deadline));
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.WrongRound.selector, 1, 2));
        ledger.commitBySig(provider, 1, id, 1, bytes32(uint256(1)), 10, PROTOCOL, deadline, sig);
    }

    function test_commitBySig_commitsTheSignedVersion_andConsumesTheNonce() public {
        uint256 id = _capacity(500, false);
        uint256 round = _nextRound();
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory sig = signDigest(PROVIDER_KEY, _commitDigest(round, id, 1, bytes32(uint256(7)), 120, deadline));
        vm.prank(STRANGER); // anyone may relay
        ledger.commitBySig(provider, round, id, 1, bytes32(uint256(7)), 120, PROTOCOL, deadline, sig);
        IAllocationLedger.Commitment memory c = ledger.commitmentOf(round, id);
        require(c.provider == provider && c.version == 1 && c.total == 120 && c.root == bytes32(uint256(7)), "commit");
        require(ledger.consumed(id) == 120, "consumed");
        // The signature is used up: the same nonce is not the next one any more.
        require(uint64(SignatureScopes.commitNonce(ledger, provider, round, id)) == 1, "nonce");
    }

    function test_commitBySig_reverts_whenTheSignedVersionIsNotTheNextVersion() public {
        uint256 id = _capacity(500, false);
        uint256 round = _nextRound();
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory sig = signDigest(PROVIDER_KEY, _commitDigest(round, id, 2, bytes32(uint256(1)), 10, deadline));
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.WrongVersion.selector, round, id, 2, 1));
        ledger.commitBySig(provider, round, id, 2, bytes32(uint256(1)), 10, PROTOCOL, deadline, sig);
    }

    function test_commit_reverts_whenTheCapacityWasDeclaredAfterTheSnapshot() public {
        uint256 round = _nextRound();
        uint256 id = _capacity(500, false);
        (, uint64 snapshotTime) = rounds.roundInfo(round);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.CapacityNotActive.selector, id, snapshotTime));
        _commit(id, bytes32(uint256(1)), 1);
    }

    function test_commit_reverts_whenTheCapacityWasRevokedAtTheSnapshot() public {
        uint256 id = _capacity(500, false);
        vm.prank(provider);
        capacities.revokeCapacity(id);
        uint256 round = _nextRound();
        (, uint64 snapshotTime) = rounds.roundInfo(round);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.CapacityNotActive.selector, id, snapshotTime));
        _commit(id, bytes32(uint256(1)), 1);
    }

    function test_commit_reverts_whenTheCallerIsNotTheProvider() public {
        uint256 id = _capacity(500, false);
        _nextRound();
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NotProvider.selector, id, STRANGER, provider));
        vm.prank(STRANGER);
        ledger.commit(id, bytes32(uint256(1)), 1, PROTOCOL);
    }

    function test_commit_reverts_whenTheRoundAlreadyHoldsALiveCommitment() public {
        (uint256 round, uint256 id,) = _committedLeaf(500, false, 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.AlreadyCommitted.selector, round, id));
        _commit(id, bytes32(uint256(1)), 1);
    }

    function test_commit_reverts_whenTotalExceedsMaxAmount() public {
        uint256 id = _capacity(type(uint128).max, true);
        _nextRound();
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.AmountTooLarge.selector, MAX + 1, MAX));
        _commit(id, bytes32(uint256(1)), MAX + 1);
    }

    function test_capacityLeft_isCappedAtMaxAmount_whenTheQuantityExceedsIt() public {
        uint256 id = _capacity(type(uint128).max, true);
        uint256 round = _nextRound();
        require(ledger.capacityLeft(id) == MAX, "left not capped at MAX_AMOUNT");
        _commit(id, bytes32(uint256(1)), MAX);
        require(ledger.commitmentOf(round, id).total == MAX, "MAX_AMOUNT not committed");
    }

    function test_commit_reverts_whenTotalExceedsQuantityAtSnapshot() public {
        uint256 id = _capacity(500, true);
        _nextRound();
        // Raised after the snapshot: the ledger still holds the provider to 500.
        vm.prank(provider);
        capacities.updateCapacityQuantity(id, 10_000);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ExceedsCapacity.selector, id, 501, 500));
        _commit(id, bytes32(uint256(1)), 501);
    }

    function test_commit_reverts_whenAOneOffCapacityWasConsumedInAnEarlierRound() public {
        uint256 id = _capacity(500, false);
        _nextRound();
        _commit(id, bytes32(uint256(1)), 300);
        uint256 round2 = _nextRound();
        require(ledger.capacityLeft(id) == 200, "one-off left after round 1");
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ExceedsCapacity.selector, id, 201, 200));
        _commit(id, bytes32(uint256(1)), 201);
        _commit(id, bytes32(uint256(1)), 200);
        require(ledger.consumed(id) == 500 && ledger.commitmentOf(round2, id).total == 200, "one-off consumed");
    }

    /// Item 1 of issue 8: a recurring capacity cannot deliver more than its quantity in one round by
    /// delivering, withdrawing and recommitting.
    function test_commit_reverts_whenEarlierVersionsOfTheRoundDeliveredTheWholeRecurringQuantity() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, true, 500);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 500, 500);
        vm.prank(provider);
        ledger.withdraw(round, id);
        require(ledger.capacityLeft(id) == 0, "left after a full delivery");
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ExceedsCapacity.selector, id, 1, 0));
        _commit(id, bytes32(uint256(1)), 1);
    }

    /// Item 1 of issue 8, over three versions: what every earlier version of the round delivered counts,
    /// not only the version just withdrawn.
    function test_commit_reverts_whenAllEarlierVersionsTogetherDeliveredMoreThanTheQuantityLeaves() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, true, 200);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 200, 200);
        vm.prank(provider);
        ledger.withdraw(round, id);
        _commit(id, _leafHash(id, needId, RECIPIENT, 300), 300);
        _deliver(_ref(round, id, 2, needId), RECIPIENT, 300, 200);
        vm.prank(provider);
        ledger.withdraw(round, id);
        require(ledger.roundDelivered(round, id) == 400 && ledger.capacityLeft(id) == 100, "round delivered");
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ExceedsCapacity.selector, id, 101, 100));
        _commit(id, bytes32(uint256(3)), 101);
    }

    function test_recommit_ofAOneOffCapacity_isBoundedByWhatEarlierVersionsDelivered() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 200);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 200, 150);
        vm.prank(provider);
        ledger.withdraw(round, id);
        // Withdrawal releases the undelivered 50: consumed = 150 = delivered, so left = 350.
        require(ledger.consumed(id) == 150 && ledger.roundDelivered(round, id) == 150, "released");
        require(ledger.capacityLeft(id) == 350, "left after withdrawal");
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ExceedsCapacity.selector, id, 351, 350));
        _commit(id, bytes32(uint256(2)), 351);
        expectEmitAll();
        emit IAllocationLedger.CommitmentMade(round, id, provider, 2, bytes32(uint256(2)), 350, PROTOCOL, true, 500);
        _commit(id, bytes32(uint256(2)), 350);
    }

    function test_commit_ofARecurringCapacity_doesNotCountTowardConsumed() public {
        uint256 id = _capacity(500, true);
        uint256 round = _nextRound();
        expectEmitAll();
        emit IAllocationLedger.CommitmentMade(round, id, provider, 1, bytes32(uint256(1)), 500, PROTOCOL, false, 0);
        _commit(id, bytes32(uint256(1)), 500);
        require(ledger.consumed(id) == 0, "recurring counted in consumed");
        _nextRound();
        require(ledger.capacityLeft(id) == 500, "recurring quantity not renewed");
    }

    // ------------------------------------------------------------ capacityLeft / residualNeed

    function test_capacityLeft_isZero_beforeTheFirstRound() public {
        uint256 id = _capacity(500, true);
        require(ledger.capacityLeft(id) == 0, "left before any round");
    }

    function test_capacityLeft_isZero_whenTheCapacityIsInactiveAtTheSnapshot() public {
        uint256 id = _capacity(500, true);
        vm.prank(provider);
        capacities.revokeCapacity(id);
        _nextRound();
        require(ledger.capacityLeft(id) == 0, "left of a revoked capacity");
    }

    function test_residualNeed_isQuantityMinusConfirmed_andZeroOnceMetOrRevoked() public {
        uint256 needId = _need(RECIPIENT, 100);
        require(ledger.residualNeed(needId) == 100, "residual of an untouched need");
        uint256 capId = _capacity(500, true);
        uint256 r2 = _nextRound();
        _commit(capId, _leafHash(capId, needId, RECIPIENT, 100), 100);
        _deliver(_ref(r2, capId, 1, needId), RECIPIENT, 100, 100);
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(r2, capId, 1, needId, 40);
        require(ledger.residualNeed(needId) == 60, "residual after confirming 40");
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(r2, capId, 1, needId, 60);
        require(ledger.residualNeed(needId) == 0 && ledger.confirmed(needId) == 100, "met need");
        uint256 other = _need(RECIPIENT, 10);
        vm.prank(RECIPIENT);
        needs.revokeNeed(other);
        require(ledger.residualNeed(other) == 0, "residual of a revoked need");
    }

    // ------------------------------------------------------------ withdraw

    function test_withdraw_reverts_whenNothingWasCommitted() public {
        uint256 id = _capacity(500, false);
        uint256 round = _nextRound();
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NoCommitment.selector, round, id));
        vm.prank(provider);
        ledger.withdraw(round, id);
    }

    function test_withdraw_reverts_whenTheCallerIsNotTheCommitter() public {
        (uint256 round, uint256 id,) = _committedLeaf(500, false, 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NotProvider.selector, id, STRANGER, provider));
        vm.prank(STRANGER);
        ledger.withdraw(round, id);
    }

    function test_withdrawBySig_reverts_whenTheSignedVersionIsNotTheLatest() public {
        (uint256 round, uint256 id,) = _committedLeaf(500, false, 100);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                ledger.WITHDRAW_TYPEHASH(),
                provider,
                round,
                id,
                2,
                SignatureScopes.withdrawNonce(ledger, provider, round, id),
                deadline
            )
        );
        bytes memory sig = signDigest(PROVIDER_KEY, digestOf("FreeAssociation.Ledger", address(ledger), structHash));
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.WrongVersion.selector, round, id, 2, 1));
        ledger.withdrawBySig(provider, round, id, 2, deadline, sig);
    }

    function test_withdrawBySig_withdrawsTheSignedVersion() public {
        (uint256 round, uint256 id,) = _committedLeaf(500, false, 100);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                ledger.WITHDRAW_TYPEHASH(),
                provider,
                round,
                id,
                1,
                SignatureScopes.withdrawNonce(ledger, provider, round, id),
                deadline
            )
        );
        bytes memory sig = signDigest(PROVIDER_KEY, digestOf("FreeAssociation.Ledger", address(ledger), structHash));
        expectEmitAll();
        emit IAllocationLedger.CommitmentWithdrawn(round, id, 1, 100, 0);
        ledger.withdrawBySig(provider, round, id, 1, deadline, sig);
        require(ledger.commitmentOf(round, id).withdrawn && ledger.consumed(id) == 0, "withdrawn one-off");
    }

    function test_withdraw_reverts_whenAlreadyWithdrawn() public {
        (uint256 round, uint256 id,) = _committedLeaf(500, false, 100);
        vm.prank(provider);
        ledger.withdraw(round, id);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.CommitmentIsWithdrawn.selector, round, id));
        vm.prank(provider);
        ledger.withdraw(round, id);
    }

    function test_withdraw_ofARecurringCommitment_leavesConsumedUntouched() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, true, 100);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 30);
        expectEmitAll();
        emit IAllocationLedger.CommitmentWithdrawn(round, id, 1, 70, 0);
        vm.prank(provider);
        ledger.withdraw(round, id);
        require(ledger.consumed(id) == 0, "recurring withdrawal changed consumed");
    }

    // ------------------------------------------------------------ recordDelivery

    function test_recordDelivery_reverts_whenNothingWasCommitted() public {
        uint256 id = _capacity(500, false);
        uint256 round = _nextRound();
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NoCommitment.selector, round, id));
        _deliver(_ref(round, id, 1, 1), RECIPIENT, 10, 10);
    }

    function test_recordDelivery_reverts_whenTheCallerIsNotTheCommitter() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NotProvider.selector, id, STRANGER, provider));
        vm.prank(STRANGER);
        ledger.recordDelivery(_ref(round, id, 1, needId), RECIPIENT, 100, new bytes32[](0), 10);
    }

    function test_recordDelivery_reverts_whenTheVersionIsNotTheLatest() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.WrongVersion.selector, round, id, 2, 1));
        _deliver(_ref(round, id, 2, needId), RECIPIENT, 100, 10);
    }

    function test_recordDelivery_reverts_whenTheCommitmentIsWithdrawn() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        vm.prank(provider);
        ledger.withdraw(round, id);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.CommitmentIsWithdrawn.selector, round, id));
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 10);
    }

    function test_recordDelivery_landsWithinTheHorizon_andRevertsAfterIt() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, true, 100);
        _nextRound(); // round + 1: still within DELIVERY_HORIZON
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 10);
        uint256 current = _nextRound(); // round + 2
        vm.expectRevert(
            abi.encodeWithSelector(IAllocationLedger.DeliveryHorizonPassed.selector, round, round + 1, current)
        );
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 10);
    }

    function test_recordDelivery_reverts_whenTheAmountIsZero() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ZeroAmount.selector));
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 0);
    }

    function test_recordDelivery_reverts_whenTheAmountExceedsMaxAmount() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.AmountTooLarge.selector, MAX + 1, MAX));
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, MAX + 1);
    }

    function test_recordDelivery_reverts_whenTheLeafRecipientIsZero() public {
        uint256 id = _capacity(500, false);
        uint256 round = _nextRound();
        _commit(id, _leafHash(id, 9, address(0), 100), 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ZeroLeafRecipient.selector, 9));
        _deliver(_ref(round, id, 1, 9), address(0), 100, 10);
    }

    function test_recordDelivery_reverts_whenTheProofDoesNotProveTheLeaf() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        vm.expectRevert(
            abi.encodeWithSelector(IAllocationLedger.InvalidProof.selector, round, id, needId, RECIPIENT, 101)
        );
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 101, 10);
    }

    function test_recordDelivery_reverts_whenTheLeafWasFirstDeliveredToAnotherRecipient() public {
        uint256 id = _capacity(500, false);
        uint256 round = _nextRound();
        bytes32 toBob = _leafHash(id, 1, RECIPIENT, 50);
        bytes32 toStranger = _leafHash(id, 1, STRANGER, 50);
        _commit(id, _pairRoot(toBob, toStranger), 100);
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = toStranger;
        vm.prank(provider);
        ledger.recordDelivery(_ref(round, id, 1, 1), RECIPIENT, 50, proof, 20);
        proof[0] = toBob;
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.RecipientMismatch.selector, 1, RECIPIENT, STRANGER));
        vm.prank(provider);
        ledger.recordDelivery(_ref(round, id, 1, 1), STRANGER, 50, proof, 20);
    }

    function test_recordDelivery_reverts_whenTheCumulativeDeliveryExceedsTheLeafAmount() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 60);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ExceedsLeafAmount.selector, needId, 101, 100));
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 41);
    }

    function test_recordDelivery_reverts_whenTheVersionDeliveryExceedsTheCommittedTotal() public {
        uint256 id = _capacity(500, false);
        uint256 needId = _need(RECIPIENT, 1000);
        uint256 round = _nextRound();
        // A leaf larger than the committed total: the total still bounds what is delivered.
        _commit(id, _leafHash(id, needId, RECIPIENT, 300), 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ExceedsCommitment.selector, round, id, 101, 100));
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 300, 101);
    }

    function test_recordDelivery_emitsLeafVersionAndRoundTotals() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 40);
        expectEmitAll();
        emit IAllocationLedger.DeliveryRecorded(round, id, needId, 1, RECIPIENT, 25, 65, 65, 65);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 25);
        (address r, uint256 delivered,) = ledger.leafOf(round, id, 1, needId);
        require(r == RECIPIENT && delivered == 65, "leaf");
    }

    // ------------------------------------------------------------ confirmReceipt

    function test_confirmReceipt_reverts_whenNothingWasCommitted() public {
        uint256 id = _capacity(500, false);
        uint256 round = _nextRound();
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NoCommitment.selector, round, id));
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(round, id, 1, 1, 1);
    }

    function test_confirmReceipt_reverts_whenTheVersionIsZeroOrNotYetMade() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.WrongVersion.selector, round, id, 0, 1));
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(round, id, 0, needId, 1);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.WrongVersion.selector, round, id, 2, 1));
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(round, id, 2, needId, 1);
    }

    function test_confirmReceipt_reverts_whenTheCallerIsNotTheLeafRecipient() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 50);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NotRecipient.selector, needId, STRANGER, RECIPIENT));
        vm.prank(STRANGER);
        ledger.confirmReceipt(round, id, 1, needId, 1);
    }

    function test_confirmReceipt_reverts_whenTheAmountIsZeroOrTooLarge() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 50);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ZeroAmount.selector));
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(round, id, 1, needId, 0);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.AmountTooLarge.selector, MAX + 1, MAX));
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(round, id, 1, needId, MAX + 1);
    }

    function test_confirmReceipt_reverts_whenConfirmedWouldExceedDelivered() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 50);
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(round, id, 1, needId, 30);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.ExceedsDelivered.selector, needId, 51, 50));
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(round, id, 1, needId, 21);
    }

    function test_confirmReceipt_reverts_whenTheLeafNamesSomeoneOtherThanTheNeedsRecipient() public {
        uint256 id = _capacity(500, false);
        uint256 needId = _need(RECIPIENT, 1000);
        uint256 round = _nextRound();
        // The provider names STRANGER in a leaf for RECIPIENT's need: STRANGER cannot shrink that need.
        _commit(id, _leafHash(id, needId, STRANGER, 100), 100);
        _deliver(_ref(round, id, 1, needId), STRANGER, 100, 100);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAllocationLedger.LeafRecipientNotNeedRecipient.selector, needId, STRANGER, RECIPIENT
            )
        );
        vm.prank(STRANGER);
        ledger.confirmReceipt(round, id, 1, needId, 10);
        require(ledger.confirmed(needId) == 0, "need shrunk by a stranger");
    }

    /// Item 4 of issue 8: what a withdrawn version delivered stays confirmable after a recommit.
    function test_confirmReceipt_ofAWithdrawnVersion_succeedsAfterRecommit() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, true, 150);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 150, 150);
        vm.prank(provider);
        ledger.withdraw(round, id);
        _commit(id, bytes32(uint256(2)), 350);
        expectEmitAll();
        emit IAllocationLedger.ReceiptConfirmed(round, id, needId, 1, RECIPIENT, 150, 150, 150);
        vm.prank(RECIPIENT);
        ledger.confirmReceipt(round, id, 1, needId, 150);
        (,, uint256 leafConfirmed) = ledger.leafOf(round, id, 1, needId);
        require(leafConfirmed == 150 && ledger.confirmed(needId) == 150, "confirmation lost on recommit");
    }

    function test_confirmReceiptBySig_confirmsForTheSigner() public {
        uint256 recipientKey = 0xB0B0;
        address recipient = vm.addr(recipientKey);
        uint256 id = _capacity(500, false);
        uint256 needId = _need(recipient, 1000);
        uint256 round = _nextRound();
        _commit(id, _leafHash(id, needId, recipient, 100), 100);
        _deliver(_ref(round, id, 1, needId), recipient, 100, 80);
        uint256 deadline = block.timestamp + 1 hours;
        uint256 nonce = SignatureScopes.confirmationNonce(ledger, recipient, round, id, 1, needId);
        bytes32 structHash = keccak256(
            abi.encode(
                ledger.CONFIRM_RECEIPT_TYPEHASH(),
                recipient,
                round,
                id,
                1,
                needId,
                80,
                nonce,
                deadline
            )
        );
        bytes memory sig = signDigest(recipientKey, digestOf("FreeAssociation.Ledger", address(ledger), structHash));
        ledger.confirmReceiptBySig(recipient, round, id, 1, needId, 80, deadline, sig);
        require(ledger.confirmed(needId) == 80, "signed confirmation");
    }

    function test_recordDeliveryBySig_recordsForTheSigner() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        uint256 deadline = block.timestamp + 1 hours;
        uint256 nonce = SignatureScopes.deliveryNonce(ledger, provider, round, id, 1, needId);
        bytes32 structHash = keccak256(
            abi.encode(
                ledger.RECORD_DELIVERY_TYPEHASH(),
                provider,
                round,
                id,
                1,
                needId,
                RECIPIENT,
                100,
                70,
                nonce,
                deadline
            )
        );
        bytes memory sig = signDigest(PROVIDER_KEY, digestOf("FreeAssociation.Ledger", address(ledger), structHash));
        ledger.recordDeliveryBySig(provider, _ref(round, id, 1, needId), RECIPIENT, 100, new bytes32[](0), 70, deadline, sig);
        require(ledger.commitmentOf(round, id).delivered == 70, "signed delivery");
    }

    function _signDelivery(uint256 round, uint256 id, uint256 needId, uint256 amount, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        uint256 nonce = SignatureScopes.deliveryNonce(ledger, provider, round, id, 1, needId);
        bytes32 structHash = keccak256(
            bytes.concat(
                abi.encode(ledger.RECORD_DELIVERY_TYPEHASH(), provider, round, id, 1, needId),
                abi.encode(RECIPIENT, 100, amount, nonce, deadline)
            )
        );
        return signDigest(PROVIDER_KEY, digestOf("FreeAssociation.Ledger", address(ledger), structHash));
    }

    /// A delivery signed for relaying, then recorded directly (an impatient retry): the signature is dead, so
    /// the delivery is never counted twice.
    function test_aSignedDelivery_diesOnceTheLeafDeliversAgain() public {
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory signed = _signDelivery(round, id, needId, 70, deadline);
        _deliver(_ref(round, id, 1, needId), RECIPIENT, 100, 70);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, provider));
        ledger.recordDeliveryBySig(provider, _ref(round, id, 1, needId), RECIPIENT, 100, new bytes32[](0), 70, deadline, signed);
        (, uint256 delivered,) = ledger.leafOf(round, id, 1, needId);
        require(delivered == 70, "counted twice");
    }

    /// A signed commit for a past round can never succeed; it blocks no other signed action of its signer.
    function test_aStuckSignedCommit_blocksNoSignedDelivery() public {
        uint256 other = _capacity(500, false);
        (uint256 round, uint256 id, uint256 needId) = _committedLeaf(500, false, 100);
        uint256 deadline = block.timestamp + 1 hours;
        _commitDigest(round, other, 1, bytes32(uint256(1)), 10, deadline); // signed, never relayed
        ledger.recordDeliveryBySig(
            provider, _ref(round, id, 1, needId), RECIPIENT, 100, new bytes32[](0), 30, deadline,
            _signDelivery(round, id, needId, 30, deadline)
        );
        require(ledger.commitmentOf(round, id).delivered == 30, "delivery blocked");
    }

    // ------------------------------------------------------------ attest

    function test_attest_reverts_whenNothingWasCommitted() public {
        uint256 id = _capacity(500, false);
        uint256 round = _nextRound();
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.NoCommitment.selector, round, id));
        ledger.attest(round, id, 1, true, bytes32(0));
    }

    function test_attest_reverts_whenTheVersionIsZeroOrNotYetMade() public {
        (uint256 round, uint256 id,) = _committedLeaf(500, false, 100);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.WrongVersion.selector, round, id, 0, 1));
        ledger.attest(round, id, 0, true, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.WrongVersion.selector, round, id, 2, 1));
        ledger.attest(round, id, 2, true, bytes32(0));
    }

    function test_attest_andAttestBySig_emitTheAuditorsVerdictOnTheNamedVersion() public {
        (uint256 round, uint256 id,) = _committedLeaf(500, false, 100);
        expectEmitAll();
        emit IAllocationLedger.Attested(round, id, STRANGER, 1, false, keccak256("report"));
        vm.prank(STRANGER);
        ledger.attest(round, id, 1, false, keccak256("report"));

        uint256 auditorKey = 0xA0D1;
        address auditor = vm.addr(auditorKey);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                ledger.ATTEST_TYPEHASH(),
                auditor,
                round,
                id,
                1,
                true,
                keccak256("r2"),
                SignatureScopes.attestNonce(ledger, auditor, round, id, 1),
                deadline
            )
        );
        bytes memory sig = signDigest(auditorKey, digestOf("FreeAssociation.Ledger", address(ledger), structHash));
        expectEmitAll();
        emit IAllocationLedger.Attested(round, id, auditor, 1, true, keccak256("r2"));
        ledger.attestBySig(auditor, round, id, 1, true, keccak256("r2"), deadline, sig);
    }
}
