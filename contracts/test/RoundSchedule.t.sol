// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Rounds} from "../Rounds.sol";
import {AllocationLedger} from "../AllocationLedger.sol";
import {IAllocationLedger} from "../interfaces/IAllocationLedger.sol";
import {CapacityRegistry} from "../CapacityRegistry.sol";
import {ICapacityRegistry} from "../interfaces/ICapacityRegistry.sol";
import {NeedRegistry} from "../NeedRegistry.sol";
import {TestBase} from "./Vm.sol";

/// @title RoundScheduleTest
/// @notice Issue 8, item 5: a snapshot no one can choose. Round r's snapshot is the time
/// `start + (r - 1) * roundLength - 1`, whatever block, transaction or caller happens; a revocation in a
/// block up to that second counts in round r, one from the opening on counts from round r + 1.
contract RoundScheduleTest is TestBase {
    uint64 internal constant START = 1_700_000_000;
    uint64 internal constant LENGTH = 3_600;
    address internal constant PROVIDER = address(0xA11CE);

    /// The snapshot follows from the schedule alone: any block number, any later time within the round's
    /// lifetime, any caller reads the same opening and snapshot.
    function testFuzz_theSnapshotIsFixedByTheSchedule_whateverBlockTimeOrCaller(
        uint64 start,
        uint64 length,
        uint16 round,
        uint64 later,
        uint64 blockNumber,
        address caller
    ) public {
        start = uint64(bound(start, 1, 4_000_000_000));
        length = uint64(bound(length, 1, 365 days));
        round = uint16(bound(round, 1, 5_000));
        Rounds rounds = new Rounds(start, length);
        uint256 opensAt = uint256(start) + uint256(round - 1) * length;
        vm.warp(opensAt + later % (uint256(length) * 10));
        vm.roll(blockNumber);
        vm.prank(caller);
        (uint64 gotOpensAt, uint64 snapshotTime) = rounds.roundInfo(round);
        require(gotOpensAt == opensAt && snapshotTime == opensAt - 1, "the snapshot moved");
    }

    function _declare(CapacityRegistry capacities, uint128 quantity) internal returns (uint256 id) {
        ICapacityRegistry.CapacityInput memory input;
        input.sector = "WASH";
        input.unit = "litre";
        input.quantity = quantity;
        vm.prank(PROVIDER);
        id = capacities.declareCapacity(input);
    }

    /// Two capacities, both revoked around round 2's opening: the one revoked in a block at the snapshot
    /// second (opensAt - 1) is inactive in round 2; the one revoked in the first block of round 2 (even
    /// before anyone commits) still counts in round 2 and is gone from round 3.
    function test_aRevocationAtTheSnapshotSecondCounts_oneAtTheOpeningCountsFromTheNextRound() public {
        Rounds rounds = new Rounds(START, LENGTH);
        CapacityRegistry capacities = new CapacityRegistry();
        AllocationLedger ledger = new AllocationLedger(rounds, capacities, new NeedRegistry());
        vm.warp(START - 100);
        vm.roll(10);
        uint256 early = _declare(capacities, 500);
        uint256 late = _declare(capacities, 500);

        uint64 round2 = START + LENGTH;
        vm.warp(round2 - 1); // the snapshot second of round 2
        vm.roll(11);
        vm.prank(PROVIDER);
        capacities.revokeCapacity(early);

        vm.warp(round2); // round 2 is open from the first block with this timestamp on
        vm.roll(12);
        vm.prank(PROVIDER);
        capacities.revokeCapacity(late);
        require(rounds.currentRound() == 2, "round 2 is not current");

        vm.warp(round2 + 10);
        vm.roll(13);
        (, uint64 snapshotTime) = rounds.roundInfo(2);
        require(snapshotTime == round2 - 1, "round 2 snapshot");
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.CapacityNotActive.selector, early, snapshotTime));
        vm.prank(PROVIDER);
        ledger.commit(early, bytes32(uint256(1)), 100, "fa-2");
        vm.prank(PROVIDER);
        ledger.commit(late, bytes32(uint256(1)), 100, "fa-2");
        require(ledger.commitmentOf(2, late).total == 100, "the late revocation counted in round 2");

        vm.warp(round2 + LENGTH);
        vm.roll(14);
        vm.expectRevert(abi.encodeWithSelector(IAllocationLedger.CapacityNotActive.selector, late, round2 + LENGTH - 1));
        vm.prank(PROVIDER);
        ledger.commit(late, bytes32(uint256(1)), 100, "fa-2");
    }

    /// A quantity changed in several blocks sharing the snapshot second: the round reads the last of them.
    function test_theSnapshotReadsTheLastBlockOfTheSnapshotSecond() public {
        Rounds rounds = new Rounds(START, LENGTH);
        CapacityRegistry capacities = new CapacityRegistry();
        AllocationLedger ledger = new AllocationLedger(rounds, capacities, new NeedRegistry());
        vm.warp(START - 1);
        vm.roll(10);
        uint256 id = _declare(capacities, 500);
        vm.roll(11); // same second
        vm.prank(PROVIDER);
        capacities.updateCapacityQuantity(id, 700);
        vm.warp(START);
        vm.roll(12);
        vm.prank(PROVIDER);
        capacities.updateCapacityQuantity(id, 900); // after the snapshot
        require(ledger.capacityLeft(id) == 700, "not the state at the end of the snapshot second");
    }
}
