// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRounds
/// @notice Permissionless allocation rounds of fixed minimum length. Opening a round fixes the snapshot
/// block every commitment of that round derives from.
interface IRounds {
    /// @notice Round `round` was opened at `openedAt`; its allocations derive from the state at `snapshotBlock`.
    event RoundOpened(uint256 indexed round, uint64 openedAt, uint64 snapshotBlock);

    /// @notice The round length given to the constructor was zero.
    error ZeroRoundLength();
    /// @notice Round `round` has not yet run its length: the next round opens at `opensAt`, it is `timestamp`.
    error RoundStillRunning(uint256 round, uint64 opensAt, uint64 timestamp);
    /// @notice Round `round` has not been opened (the current round is `currentRound`).
    error RoundNotOpened(uint256 round, uint256 currentRound);

    /// @notice Opens the next round. Anyone may call once the current round has run `roundLength()` seconds;
    /// the first round can open at once. The snapshot block is `block.number - 1`, whose state is final.
    /// @return round The number of the opened round (1 for the first).
    function openRound() external returns (uint256 round);

    /// @notice The number of the latest opened round, 0 before the first.
    function currentRound() external view returns (uint256);

    /// @notice When round `round` opened and its snapshot block. Reverts with `RoundNotOpened` for an unopened round.
    function roundInfo(uint256 round) external view returns (uint64 openedAt, uint64 snapshotBlock);

    /// @notice The minimum length of a round, in seconds.
    function roundLength() external view returns (uint64);

    /// @notice The earliest timestamp at which `openRound` succeeds (0 before the first round: any time).
    function nextOpenTime() external view returns (uint64);
}
