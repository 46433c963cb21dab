// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRounds} from "./interfaces/IRounds.sol";

/// @title Rounds
/// @notice Allocation rounds that anyone may open once the previous one has run its length. Each round
/// fixes its snapshot block (`block.number - 1` at opening) so every provider computes from the same state.
contract Rounds is IRounds {
    /// @dev One storage slot per round.
    struct RoundRecord {
        uint64 openedAt;
        uint64 snapshotBlock;
    }

    /// @inheritdoc IRounds
    uint64 public immutable roundLength;

    /// @dev Latest opened round and its opening time, packed in one slot so `openRound` reads one slot.
    uint192 private _currentRound;
    uint64 private _currentOpenedAt;

    mapping(uint256 round => RoundRecord) private _rounds;

    /// @param roundLength_ Minimum seconds between two round openings; must be positive.
    constructor(uint64 roundLength_) {
        if (roundLength_ == 0) revert ZeroRoundLength();
        roundLength = roundLength_;
    }

    /// @inheritdoc IRounds
    function openRound() external returns (uint256 round) {
        uint256 current = _currentRound;
        uint64 nowTs = uint64(block.timestamp);
        if (current != 0) {
            uint64 opensAt = _opensAt();
            if (nowTs < opensAt) revert RoundStillRunning(current, opensAt, nowTs);
        }
        round = current + 1;
        uint64 snapshotBlock = uint64(block.number - 1);
        _currentRound = uint192(round);
        _currentOpenedAt = nowTs;
        _rounds[round] = RoundRecord(nowTs, snapshotBlock);
        emit RoundOpened(round, nowTs, snapshotBlock);
    }

    /// @inheritdoc IRounds
    function currentRound() external view returns (uint256) {
        return _currentRound;
    }

    /// @inheritdoc IRounds
    function roundInfo(uint256 round) external view returns (uint64 openedAt, uint64 snapshotBlock) {
        if (round == 0 || round > _currentRound) revert RoundNotOpened(round, _currentRound);
        RoundRecord storage record = _rounds[round];
        return (record.openedAt, record.snapshotBlock);
    }

    /// @inheritdoc IRounds
    function nextOpenTime() external view returns (uint64) {
        if (_currentRound == 0) return 0;
        return _opensAt();
    }

    /// @dev Opening time plus length, saturating at 2^64 - 1 (a huge `roundLength` must not overflow and
    /// stop every later round: it only means the current round runs until then).
    function _opensAt() private view returns (uint64) {
        uint256 opensAt = uint256(_currentOpenedAt) + roundLength;
        // forge-lint: disable-next-line(unsafe-typecast) bounded just above.
        return opensAt > type(uint64).max ? type(uint64).max : uint64(opensAt);
    }
}
