// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Rounds} from "../../Rounds.sol";
import {IRounds} from "../../interfaces/IRounds.sol";
import {BranchBase} from "./BranchBase.sol";

/// @dev One test per rule of Rounds: a schedule computed from (start, roundLength) and the block time.
contract RoundsBranchesTest is BranchBase {
    function test_constructor_reverts_whenTheRoundLengthIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRounds.ZeroRoundLength.selector));
        new Rounds(1_000, 0);
    }

    function test_constructor_reverts_whenTheStartIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRounds.ZeroStart.selector));
        new Rounds(0, 100);
    }

    function test_currentRound_isZeroBeforeTheStart_andFollowsTheScheduleAfter() public {
        Rounds rounds = new Rounds(5_000, 100);
        require(rounds.start() == 5_000 && rounds.roundLength() == 100, "schedule");
        vm.warp(4_999);
        require(rounds.currentRound() == 0, "a round before the start");
        require(rounds.nextOpenTime() == 5_000, "round 1 does not open at the start");
        vm.warp(5_000);
        require(rounds.currentRound() == 1 && rounds.nextOpenTime() == 5_100, "round 1 at the start");
        vm.warp(5_099);
        require(rounds.currentRound() == 1, "round 2 before its opening");
        vm.warp(5_100);
        require(rounds.currentRound() == 2 && rounds.nextOpenTime() == 5_200, "round 2 at its opening");
    }

    function test_roundInfo_givesTheOpeningAndTheSecondBefore_andRevertsForRoundZeroAndFutureRounds() public {
        Rounds rounds = new Rounds(7_000, 100);
        vm.warp(6_999);
        vm.expectRevert(abi.encodeWithSelector(IRounds.RoundNotOpened.selector, 1, 0));
        rounds.roundInfo(1);
        vm.warp(7_150);
        (uint64 opensAt, uint64 snapshotTime) = rounds.roundInfo(1);
        require(opensAt == 7_000 && snapshotTime == 6_999, "round 1 info");
        (opensAt, snapshotTime) = rounds.roundInfo(2);
        require(opensAt == 7_100 && snapshotTime == 7_099, "round 2 info");
        vm.expectRevert(abi.encodeWithSelector(IRounds.RoundNotOpened.selector, 0, 2));
        rounds.roundInfo(0);
        vm.expectRevert(abi.encodeWithSelector(IRounds.RoundNotOpened.selector, 3, 2));
        rounds.roundInfo(3);
    }

    /// Issue 8, item 5: no drift. Nobody acts for a thousand rounds; round r still opens at start + (r-1)·L.
    function test_rounds_openOnTheSchedule_evenWhenNobodyActsForManyRounds() public {
        Rounds rounds = new Rounds(10_000, 3_600);
        vm.warp(10_000 + 1_000 * 3_600 + 1_234);
        require(rounds.currentRound() == 1_001, "current round drifted");
        (uint64 opensAt, uint64 snapshotTime) = rounds.roundInfo(1_001);
        require(opensAt == 10_000 + 1_000 * 3_600 && snapshotTime == opensAt - 1, "round 1001 drifted");
        (opensAt,) = rounds.roundInfo(500);
        require(opensAt == 10_000 + 499 * 3_600, "round 500 drifted");
        require(rounds.nextOpenTime() == 10_000 + 1_001 * 3_600, "next opening drifted");
    }

    /// Issue 8, item 7: a huge round length saturates instead of overflowing; round 1 runs for ever.
    function test_nextOpenTime_saturatesAtUint64Max_whenTheRoundLengthIsHuge() public {
        Rounds rounds = new Rounds(1_000, type(uint64).max);
        vm.warp(1_000);
        require(rounds.currentRound() == 1 && rounds.nextOpenTime() == type(uint64).max, "not saturated");
        vm.warp(type(uint64).max - 1);
        require(rounds.currentRound() == 1 && rounds.nextOpenTime() == type(uint64).max, "round 2 opened");
        (uint64 opensAt, uint64 snapshotTime) = rounds.roundInfo(1);
        require(opensAt == 1_000 && snapshotTime == 999, "round 1 info");
    }

    /// A start near the end of uint64 time: the next opening saturates too.
    function test_nextOpenTime_saturates_whenStartPlusLengthPassesUint64Max() public {
        Rounds rounds = new Rounds(type(uint64).max - 10, 100);
        vm.warp(type(uint64).max - 10);
        require(rounds.currentRound() == 1 && rounds.nextOpenTime() == type(uint64).max, "not saturated");
    }

    function test_clock_isTheBlockTimestamp() public {
        Rounds rounds = new Rounds(1, 1);
        vm.warp(123_456);
        vm.roll(7);
        require(rounds.clock() == 123_456, "clock is not the timestamp");
        require(keccak256(bytes(rounds.CLOCK_MODE())) == keccak256("mode=timestamp"), "mode");
    }
}
