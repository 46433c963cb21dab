// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRounds} from "./interfaces/IRounds.sol";
import {Common} from "./utils/Common.sol";

/// @title Rounds
/// @notice Allocation rounds on a fixed schedule: round `r` opens at `start + (r - 1) * roundLength` and its
/// snapshot is the timepoint `opensAt(r) - 1` of the ERC-6372 timestamp clock the registries checkpoint on.
/// There is no opener and no storage: the schedule is computed, so no transaction can move a round's opening
/// or choose its snapshot, and the schedule does not drift when nobody acts for many rounds.
contract Rounds is IRounds {
    /// @inheritdoc IRounds
    uint64 public immutable start;
    /// @inheritdoc IRounds
    uint64 public immutable roundLength;

    /// @param start_ When round 1 opens (unix seconds); must be positive.
    /// @param roundLength_ Seconds between two round openings; must be positive.
    constructor(uint64 start_, uint64 roundLength_) {
        if (start_ == 0) revert ZeroStart();
        if (roundLength_ == 0) revert ZeroRoundLength();
        start = start_;
        roundLength = roundLength_;
    }

    /// @inheritdoc IRounds
    function currentRound() public view returns (uint256) {
        if (block.timestamp < start) return 0;
        return (block.timestamp - start) / roundLength + 1;
    }

    /// @inheritdoc IRounds
    function roundInfo(uint256 round) external view returns (uint64 opensAt, uint64 snapshotTime) {
        uint256 current = currentRound();
        if (round == 0 || round > current) revert RoundNotOpened(round, current);
        opensAt = _opensAt(round);
        // opensAt ≥ start ≥ 1.
        snapshotTime = opensAt - 1;
    }

    /// @inheritdoc IRounds
    function nextOpenTime() external view returns (uint64) {
        return _opensAt(currentRound() + 1);
    }

    /// @notice ERC-6372: the block timestamp, the clock of the schedule and of the registries' checkpoints
    /// (the same `Common.clock()`).
    function clock() external view returns (uint48) {
        return Common.clock();
    }

    /// @notice ERC-6372 clock mode: `"mode=timestamp"`.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return Common.clockMode();
    }

    /// @dev `start + (round - 1) * roundLength` for `round ≥ 1`, saturating at 2^64 - 1: a huge `roundLength`
    /// (or round number) never overflows, the later rounds just never open.
    function _opensAt(uint256 round) private view returns (uint64) {
        uint256 steps = round - 1;
        if (steps > (type(uint64).max - start) / roundLength) return type(uint64).max;
        // forge-lint: disable-next-line(unsafe-typecast) bounded just above.
        return uint64(start + steps * roundLength);
    }
}
