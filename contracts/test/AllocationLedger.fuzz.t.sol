// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Rounds} from "../Rounds.sol";
import {AllocationLedger} from "../AllocationLedger.sol";
import {IAllocationLedger} from "../interfaces/IAllocationLedger.sol";
import {MockTerms} from "../mocks/MockTerms.sol";
import {VM} from "./LedgerHandler.sol";

/// @title AllocationLedgerFuzzTest
/// @notice Property tests of the ledger's conservation and authorization rules over fuzzed amounts and callers.
contract AllocationLedgerFuzzTest {
    error Violated(string what, uint256 a, uint256 b);
    error UnexpectedOutcome(string what);

    address internal constant PROVIDER = address(0xA11CE);
    address internal constant RECIPIENT = address(0x1001);
    uint256 internal constant CAP = 1;
    uint256 internal constant NEED = 7;

    Rounds internal rounds;
    MockTerms internal terms;
    AllocationLedger internal ledger;

    function setUp() public {
        // One-second rounds; round 1 opens one second from now, after the need was set.
        rounds = new Rounds(uint64(block.timestamp + 1), 1);
        terms = new MockTerms();
        ledger = new AllocationLedger(rounds, terms, terms);
        terms.setNeed(NEED, RECIPIENT, 1_000, true);
        VM.warp(block.timestamp + 1);
        VM.roll(block.number + 1);
    }

    /// @dev Moves one block and one second on, into the next round: terms set so far are in its snapshot.
    function _nextRound() internal returns (uint256) {
        VM.warp(block.timestamp + 1);
        VM.roll(block.number + 1);
        return rounds.currentRound();
    }

    function _leaf(uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(CAP, NEED, RECIPIENT, amount))));
    }

    function _commitAs(address who, uint256 total, bytes32 root) internal returns (bool ok) {
        VM.prank(who);
        try ledger.commit(CAP, root, total, "fa-1") {
            ok = true;
        } catch {}
    }

    /// A one-off capacity accepts a commitment iff its total fits what is left, across rounds.
    function testFuzz_commitNeverExceedsOneOffCapacity(uint96 quantity, uint96 first, uint96 second) public {
        terms.setCapacity(CAP, PROVIDER, quantity, false, true);
        _nextRound();
        bool ok1 = _commitAs(PROVIDER, first, _leaf(first));
        if (ok1 != (first <= quantity)) revert Violated("first commit", first, quantity);
        _nextRound();
        uint256 left = ok1 ? quantity - first : quantity;
        bool ok2 = _commitAs(PROVIDER, second, _leaf(second));
        if (ok2 != (second <= left)) revert Violated("second commit", second, left);
        uint256 used = ledger.consumed(CAP);
        if (used > quantity) revert Violated("consumed > quantity", used, quantity);
    }

    /// A recurring capacity renews: each round accepts up to its quantity regardless of earlier rounds.
    function testFuzz_recurringCapacityRenewsEveryRound(uint96 quantity, uint96 total) public {
        terms.setCapacity(CAP, PROVIDER, quantity, true, true);
        _nextRound();
        for (uint256 r = 0; r < 3; r++) {
            bool ok = _commitAs(PROVIDER, total, _leaf(total));
            if (ok != (total <= quantity)) revert Violated("recurring commit", total, quantity);
            _nextRound();
        }
    }

    /// Deliveries against a leaf stop at its amount; confirmations stop at what was delivered.
    function testFuzz_deliveredWithinLeafAndConfirmedWithinDelivered(
        uint96 leafAmount,
        uint96 d1,
        uint96 d2,
        uint96 c1
    ) public {
        terms.setCapacity(CAP, PROVIDER, type(uint96).max, true, true);
        uint256 round = _nextRound();
        if (!_commitAs(PROVIDER, leafAmount, _leaf(leafAmount))) revert UnexpectedOutcome("commit");
        bytes32[] memory proof = new bytes32[](0);
        uint256 delivered;
        uint96[2] memory deliveries = [d1, d2];
        for (uint256 i = 0; i < 2; i++) {
            VM.prank(PROVIDER);
            try ledger.recordDelivery(IAllocationLedger.LeafRef(round, CAP, 1, NEED), RECIPIENT, leafAmount, proof, deliveries[i]) {
                delivered += deliveries[i];
            } catch {}
        }
        (, uint256 leafDelivered,) = ledger.leafOf(round, CAP, 1, NEED);
        if (leafDelivered != delivered) revert Violated("leaf delivered", leafDelivered, delivered);
        if (leafDelivered > leafAmount) revert Violated("delivered > leaf amount", leafDelivered, leafAmount);
        // A first delivery within the leaf always succeeds.
        if (d1 != 0 && d1 <= leafAmount && delivered < d1) revert Violated("valid delivery refused", d1, leafAmount);

        VM.prank(RECIPIENT);
        try ledger.confirmReceipt(round, CAP, 1, NEED, c1) {
            if (c1 > leafDelivered) revert Violated("confirmed > delivered", c1, leafDelivered);
        } catch {
            if (c1 != 0 && c1 <= leafDelivered) revert Violated("valid confirmation refused", c1, leafDelivered);
        }
        (,, uint256 leafConfirmed) = ledger.leafOf(round, CAP, 1, NEED);
        if (leafConfirmed > leafDelivered) revert Violated("leaf confirmed > delivered", leafConfirmed, leafDelivered);
        if (ledger.confirmed(NEED) != leafConfirmed) revert Violated("need confirmed", ledger.confirmed(NEED), leafConfirmed);
    }

    /// Nobody but the capacity's provider commits, withdraws or delivers; nobody but the recipient confirms.
    function testFuzz_onlyProviderAndRecipientAct(address caller) public {
        if (caller == PROVIDER || caller == RECIPIENT) return;
        terms.setCapacity(CAP, PROVIDER, 100, false, true);
        uint256 round = _nextRound();
        if (_commitAs(caller, 10, _leaf(10))) revert UnexpectedOutcome("stranger committed");
        if (!_commitAs(PROVIDER, 10, _leaf(10))) revert UnexpectedOutcome("provider commit refused");
        bytes32[] memory proof = new bytes32[](0);
        VM.prank(caller);
        try ledger.recordDelivery(IAllocationLedger.LeafRef(round, CAP, 1, NEED), RECIPIENT, 10, proof, 5) {
            revert UnexpectedOutcome("stranger delivered");
        } catch {}
        VM.prank(PROVIDER);
        ledger.recordDelivery(IAllocationLedger.LeafRef(round, CAP, 1, NEED), RECIPIENT, 10, proof, 5);
        VM.prank(caller);
        try ledger.confirmReceipt(round, CAP, 1, NEED, 1) {
            revert UnexpectedOutcome("stranger confirmed");
        } catch {}
        VM.prank(caller);
        try ledger.withdraw(round, CAP) {
            revert UnexpectedOutcome("stranger withdrew");
        } catch {}
    }

    /// The provider can always withdraw its live commitment, whatever was delivered, whatever the
    /// capacity's registry state and however many rounds later; a one-off capacity gets back exactly
    /// the undelivered part.
    function testFuzz_withdrawalAlwaysPossibleForProvider(
        uint96 total,
        uint96 delivered,
        bool revoke,
        uint8 roundsLater
    ) public {
        terms.setCapacity(CAP, PROVIDER, type(uint96).max, false, true);
        uint256 round = _nextRound();
        if (!_commitAs(PROVIDER, total, _leaf(total))) revert UnexpectedOutcome("commit");
        delivered = total == 0 ? 0 : uint96(uint256(delivered) % (uint256(total) + 1));
        if (delivered != 0) {
            VM.prank(PROVIDER);
            ledger.recordDelivery(IAllocationLedger.LeafRef(round, CAP, 1, NEED), RECIPIENT, total, new bytes32[](0), delivered);
        }
        if (revoke) terms.setCapacity(CAP, address(0), 0, false, false);
        for (uint256 r = 0; r < roundsLater % 5; r++) {
            _nextRound();
        }
        VM.prank(PROVIDER);
        ledger.withdraw(round, CAP);
        IAllocationLedger.Commitment memory c = ledger.commitmentOf(round, CAP);
        if (!c.withdrawn) revert UnexpectedOutcome("not withdrawn");
        if (ledger.consumed(CAP) != delivered) revert Violated("consumed after withdrawal", ledger.consumed(CAP), delivered);
    }
}
