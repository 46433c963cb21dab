// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {LedgerHandler} from "./LedgerHandler.sol";
import {SafeFixture} from "./utils/SafeFixture.sol";
import {Rounds} from "../Rounds.sol";
import {MockTerms} from "../mocks/MockTerms.sol";
import {AllocationLedger} from "../AllocationLedger.sol";
import {IAllocationLedger} from "../interfaces/IAllocationLedger.sol";

/// @title AllocationLedgerInvariantTest
/// @notice Capacity conservation and sovereignty (SPEC §2 axioms 1 and 2) hold after random sequences of
/// term changes, kind switches, commits, withdrawals and recommits, deliveries, confirmations and stranger
/// actions, direct and signed (see LedgerHandler); checked against the handler's independent ghost model.
contract AllocationLedgerInvariantTest {
    error Violated(string what, uint256 a, uint256 b);

    LedgerHandler internal handler;

    function setUp() public {
        // One-second rounds from the next second on (see LedgerHandler's constructor).
        Rounds rounds = new Rounds(uint64(block.timestamp + 1), 1);
        MockTerms terms = new MockTerms();
        handler = new LedgerHandler(rounds, terms, new AllocationLedger(rounds, terms, terms), new SafeFixture());
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// Conservation per round: Σ delivered over all versions of (round, capacity) ≤ its quantity at the
    /// round's snapshot (0 if it was not active then), and the ledger's round sum equals the model.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 40
    function invariant_roundDeliveredWithinQuantityAtSnapshot() public view {
        if (handler.committedInactive()) revert Violated("committed a capacity inactive at the snapshot", 0, 0);
        if (handler.lateDelivery()) revert Violated("delivery beyond the horizon", 0, 0);
        AllocationLedger ledger = handler.ledger();
        uint256 current = handler.rounds().currentRound();
        for (uint256 round = 1; round <= current; round++) {
            for (uint256 cap = 1; cap <= handler.CAPACITIES(); cap++) {
                (uint256 quantity,, bool active) = handler.snapshotTerms(round, cap);
                uint256 delivered = handler.ghostRoundDelivered(round, cap);
                if (!active) quantity = 0;
                if (delivered > quantity) revert Violated("round delivered > quantity at snapshot", delivered, quantity);
                uint256 recorded = ledger.roundDelivered(round, cap);
                if (recorded != delivered) revert Violated("round delivered != model", recorded, delivered);
            }
        }
    }

    /// Conservation per one-off capacity: what is committed and not released never exceeded the quantity at
    /// the committing round's snapshot; it equals the model; Σ delivered ≤ Σ committed.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 40
    function invariant_oneOffCommittedWithinQuantity() public view {
        if (handler.overCommitted()) revert Violated("one-off over-committed", 0, 0);
        AllocationLedger ledger = handler.ledger();
        for (uint256 cap = 1; cap <= handler.CAPACITIES(); cap++) {
            uint256 used = ledger.consumed(cap);
            if (used != handler.ghostConsumed(cap)) revert Violated("consumed != model", used, handler.ghostConsumed(cap));
            uint256 delivered = handler.ghostOneOffDelivered(cap);
            uint256 committed = handler.ghostOneOffCommitted(cap);
            if (delivered > committed) revert Violated("one-off delivered > committed", delivered, committed);
        }
    }

    /// Per leaf: delivered ≤ leaf amount, confirmed ≤ delivered, both equal to the model, for every version
    /// (withdrawn ones keep their leaves); per version: delivered ≤ total; per need: confirmed ≤ delivered.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 40
    function invariant_deliveredWithinCommittedAndConfirmedWithinDelivered() public view {
        AllocationLedger ledger = handler.ledger();
        uint256 n = handler.ghostCount();
        for (uint256 k = 0; k < n; k++) {
            LedgerHandler.Ghost memory g = handler.ghostAt(k);
            if (g.delivered > g.total) revert Violated("version delivered > total", g.delivered, g.total);
            for (uint256 i = 0; i < 2; i++) {
                (, uint256 delivered, uint256 confirmed) = ledger.leafOf(g.round, g.capacityId, g.version, g.needIds[i]);
                if (delivered != g.leafDelivered[i]) revert Violated("leaf delivered != model", delivered, g.leafDelivered[i]);
                if (confirmed != g.leafConfirmed[i]) revert Violated("leaf confirmed != model", confirmed, g.leafConfirmed[i]);
                if (delivered > g.amounts[i]) revert Violated("leaf delivered > amount", delivered, g.amounts[i]);
                if (confirmed > delivered) revert Violated("leaf confirmed > delivered", confirmed, delivered);
            }
            IAllocationLedger.Commitment memory c = ledger.commitmentOf(g.round, g.capacityId);
            if (c.version == g.version && c.delivered != g.delivered) {
                revert Violated("version delivered != model", c.delivered, g.delivered);
            }
        }
        for (uint256 need = 1; need <= handler.NEEDS(); need++) {
            uint256 confirmed = ledger.confirmed(need);
            if (confirmed != handler.ghostConfirmed(need)) {
                revert Violated("need confirmed != model", confirmed, handler.ghostConfirmed(need));
            }
            if (confirmed > handler.ghostDelivered(need)) {
                revert Violated("need confirmed > delivered", confirmed, handler.ghostDelivered(need));
            }
        }
    }

    /// Sovereignty: only providers commit, withdraw and deliver; only the need's recipient confirms; a
    /// provider's withdrawal of its live commitment always succeeds; a recipient can always confirm what was
    /// delivered to it, also under a withdrawn version.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 40
    function invariant_authorizationAndSovereignty() public view {
        if (handler.authorizationBroken()) revert Violated("unauthorized action succeeded", 0, 0);
        if (handler.withdrawalBlocked()) revert Violated("provider withdrawal failed", 0, 0);
        if (handler.confirmationLost()) revert Violated("confirmation of a delivery refused", 0, 0);
    }

    /// The Safe actors really act: the provider Safe commits (execTransaction), delivers and withdraws by
    /// ERC-1271 signature, and the recipient Safe confirms both ways; the ledger records each of them.
    function test_safesActThroughTheirOwners() public {
        AllocationLedger ledger = handler.ledger();
        uint256 round = handler.rounds().currentRound();
        // Capacity 3 (the provider Safe's); needSeed 3 + 2^16 + 2^8 puts need 4 (the recipient Safe's) in leaf 0.
        handler.commit(2, 3 + (1 << 16) + (1 << 8), 100, 50, 0, false);
        handler.deliver(0, 0, 99, true); // 100 units to need 4, signed by the provider Safe
        handler.confirm(0, 0, 59, true); // 60 confirmed, signed by the recipient Safe
        handler.confirm(0, 0, 9, false); // 10 more, executed by the recipient Safe
        handler.withdraw(0, true);
        IAllocationLedger.Commitment memory c = ledger.commitmentOf(round, 3);
        if (c.provider != address(handler.providerSafe()) || !c.withdrawn) revert Violated("safe commitment", c.total, 0);
        (address recipient, uint256 delivered, uint256 confirmed) = ledger.leafOf(round, 3, 1, 4);
        if (recipient != address(handler.recipientSafe())) revert Violated("leaf recipient", 0, 0);
        if (delivered != 100 || confirmed != 70) revert Violated("safe leaf delivered/confirmed", delivered, confirmed);
        (uint256 direct, uint256 signed) = handler.safeCalls();
        if (direct != 2 || signed != 3) revert Violated("safe direct/signed calls", direct, signed);
    }
}
