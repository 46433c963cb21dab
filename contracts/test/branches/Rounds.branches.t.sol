// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Rounds} from "../../Rounds.sol";
import {IRounds} from "../../interfaces/IRounds.sol";
import {BranchBase} from "./BranchBase.sol";

/// @dev One test per rule of Rounds.
contract RoundsBranchesTest is BranchBase {
    function test_constructor_reverts_whenTheRoundLengthIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRounds.ZeroRoundLength.selector));
        new Rounds(0);
    }

    function test_openRound_reverts_whileTheCurrentRoundIsStillRunning() public {
        Rounds rounds = new Rounds(100);
        vm.warp(5_000);
        vm.roll(50);
        require(rounds.nextOpenTime() == 0, "next open time before any round");
        expectEmitAll();
        emit IRounds.RoundOpened(1, 5_000, 49);
        rounds.openRound();
        require(rounds.nextOpenTime() == 5_100, "next open time");
        vm.warp(5_099);
        vm.expectRevert(abi.encodeWithSelector(IRounds.RoundStillRunning.selector, 1, 5_100, 5_099));
        rounds.openRound();
        vm.warp(5_100);
        require(rounds.openRound() == 2 && rounds.currentRound() == 2, "second round");
    }

    function test_roundInfo_reverts_forRoundZeroAndForRoundsNotYetOpened() public {
        Rounds rounds = new Rounds(100);
        vm.warp(7_000);
        vm.roll(10);
        rounds.openRound();
        (uint64 openedAt, uint64 snapshotBlock) = rounds.roundInfo(1);
        require(openedAt == 7_000 && snapshotBlock == 9, "round info");
        vm.expectRevert(abi.encodeWithSelector(IRounds.RoundNotOpened.selector, 0, 1));
        rounds.roundInfo(0);
        vm.expectRevert(abi.encodeWithSelector(IRounds.RoundNotOpened.selector, 2, 1));
        rounds.roundInfo(2);
    }

    /// Item 7 of issue 8: a huge round length saturates instead of overflowing.
    function test_nextOpenTime_saturatesAtUint64Max_whenTheRoundLengthIsHuge() public {
        Rounds rounds = new Rounds(type(uint64).max);
        vm.warp(1_000);
        rounds.openRound();
        require(rounds.nextOpenTime() == type(uint64).max, "not saturated");
        vm.expectRevert(
            abi.encodeWithSelector(IRounds.RoundStillRunning.selector, 1, type(uint64).max, uint64(1_000))
        );
        rounds.openRound();
    }
}
