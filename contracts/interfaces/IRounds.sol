// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";

/// @title IRounds
/// @notice A fixed schedule of allocation rounds on the ERC-6372 timestamp clock: round `r` (r ≥ 1) opens at
/// `start + (r - 1) * roundLength` and derives from the state at time `opensAt(r) - 1`. Nobody opens a round
/// and nobody picks a snapshot: both follow from the two constructor arguments and the block time alone.
interface IRounds is IERC6372 {
    /// @notice The round length given to the constructor was zero.
    error ZeroRoundLength();
    /// @notice The start given to the constructor was zero (round 1's snapshot time `start - 1` would not exist).
    error ZeroStart();
    /// @notice Round `round` has not opened (the current round is `currentRound`).
    error RoundNotOpened(uint256 round, uint256 currentRound);

    /// @notice When round 1 opens (unix seconds).
    function start() external view returns (uint64);

    /// @notice The length of a round, in seconds: round `r + 1` opens `roundLength()` after round `r`.
    function roundLength() external view returns (uint64);

    /// @notice The round open at the current block time: 0 before `start()`, else
    /// `(block.timestamp - start) / roundLength + 1`.
    function currentRound() external view returns (uint256);

    /// @notice When round `round` opened and its snapshot time `opensAt - 1` (on `clock()`: the registries'
    /// terms at that timepoint are the state after the last block with a timestamp ≤ it). Reverts with
    /// `RoundNotOpened` for round 0 and for rounds that have not opened yet.
    function roundInfo(uint256 round) external view returns (uint64 opensAt, uint64 snapshotTime);

    /// @notice When round `currentRound() + 1` opens (saturating at 2^64 - 1 for a huge `roundLength`).
    function nextOpenTime() external view returns (uint64);
}
