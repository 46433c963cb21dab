// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {LedgerHandler} from "./LedgerHandler.sol";
import {AllocationLedger} from "../AllocationLedger.sol";
import {IAllocationLedger} from "../interfaces/IAllocationLedger.sol";

/// @title AllocationLedgerInvariantTest
/// @notice Random sequences of commits, withdrawals, deliveries, confirmations and stranger actions
/// (see LedgerHandler) never break conservation or authorization.
contract AllocationLedgerInvariantTest {
    error Violated(string what, uint256 a, uint256 b);

    LedgerHandler internal handler;

    function setUp() public {
        handler = new LedgerHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// committed ≤ capacity left: a one-off capacity's consumption never exceeds its quantity and equals
    /// the model (commits add their total, withdrawals release total − delivered).
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 40
    function invariant_committedNeverExceedsCapacity() public view {
        if (handler.overCommitted()) revert Violated("over-committed", 0, 0);
        AllocationLedger ledger = handler.ledger();
        for (uint256 cap = 1; cap <= handler.CAPACITIES(); cap++) {
            (, uint256 quantity, bool recurring,) = handler.terms().capacityTerms(cap);
            uint256 used = ledger.consumed(cap);
            if (recurring) {
                if (used != 0) revert Violated("recurring consumed", cap, used);
                continue;
            }
            if (used > quantity) revert Violated("consumed > quantity", used, quantity);
            if (used != handler.ghostConsumed(cap)) revert Violated("consumed != model", used, handler.ghostConsumed(cap));
        }
    }

    /// delivered ≤ leaf amount, Σ leaves delivered = commitment delivered ≤ total, confirmed ≤ delivered.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 40
    function invariant_deliveredWithinCommittedAndConfirmedWithinDelivered() public view {
        AllocationLedger ledger = handler.ledger();
        uint256 n = handler.ghostCount();
        for (uint256 k = 0; k < n; k++) {
            (uint256 round, uint256 cap, uint32 version, uint256[2] memory needIds, uint256[2] memory amounts) =
                handler.ghostAt(k);
            IAllocationLedger.Commitment memory c = ledger.commitmentOf(round, cap);
            if (c.delivered > c.total) revert Violated("delivered > total", c.delivered, c.total);
            if (c.version != version) continue; // superseded by a later commitment of the same round
            uint256 sum;
            for (uint256 i = 0; i < 2; i++) {
                (, uint256 delivered, uint256 confirmed) = ledger.leafOf(round, cap, needIds[i]);
                if (delivered > amounts[i]) revert Violated("leaf delivered > amount", delivered, amounts[i]);
                if (confirmed > delivered) revert Violated("leaf confirmed > delivered", confirmed, delivered);
                sum += delivered;
            }
            if (sum != c.delivered) revert Violated("leaves != commitment delivered", sum, c.delivered);
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

    /// Only providers commit, withdraw and deliver; only the need's recipient confirms; a provider's
    /// withdrawal of its live commitment always succeeds.
    /// hardhat-config: invariant.runs = 48
    /// hardhat-config: invariant.depth = 40
    function invariant_authorizationAndSovereignty() public view {
        if (handler.authorizationBroken()) revert Violated("unauthorized action succeeded", 0, 0);
        if (handler.withdrawalBlocked()) revert Violated("provider withdrawal failed", 0, 0);
    }
}
