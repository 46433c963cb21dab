// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Codes} from "./Codes.sol";

// Errors shared by the capacity and need registries, declared once (one meaning per name).

/// @notice `sector` is not a valid code.
error InvalidSector(bytes32 sector);
/// @notice `unit` is not a valid code.
error InvalidUnit(bytes32 unit);
/// @notice `location` is neither 0 nor a valid code.
error InvalidLocation(bytes32 location);
/// @notice The window is neither (0,0) nor start < end.
error InvalidWindow(uint64 windowStart, uint64 windowEnd);
/// @notice The quantity is zero.
error ZeroQuantity();
/// @notice Terms were asked at `timepoint`, not before the current clock `clock` (not final yet).
error FutureLookup(uint256 timepoint, uint48 clock);

/// @title Common
/// @notice Validation and term checkpoints shared by CapacityRegistry and NeedRegistry.
/// @dev Terms the ledger relies on are checkpointed on the ERC-6372 timestamp clock (the clock of the
/// round schedule) as one `Checkpoints.Trace208` per record, each value packing
/// `quantity << 2 | recurring << 1 | active` (a checkpoint is one storage slot; several changes with one
/// block timestamp share it, also across blocks that share a timestamp).
library Common {
    using Checkpoints for Checkpoints.Trace208;

    /// @dev The ERC-6372 clock of both registries and of the round schedule: the block timestamp
    /// (fits 48 bits for millions of years).
    function clock() internal view returns (uint48) {
        // forge-lint: disable-next-line(unsafe-typecast) block timestamps stay far below 2^48.
        return uint48(block.timestamp);
    }

    /// @dev The ERC-6372 clock mode matching `clock()`.
    function clockMode() internal pure returns (string memory) {
        return "mode=timestamp";
    }

    /// @dev Checks the fields capacities and needs share.
    function validateTerms(
        bytes32 sector,
        bytes32 unit,
        bytes32 location,
        uint128 quantity,
        uint64 windowStart,
        uint64 windowEnd
    ) internal pure {
        if (!Codes.isCode(sector)) revert InvalidSector(sector);
        if (!Codes.isCode(unit)) revert InvalidUnit(unit);
        if (!Codes.isOptionalCode(location)) revert InvalidLocation(location);
        if (quantity == 0) revert ZeroQuantity();
        if ((windowStart != 0 || windowEnd != 0) && windowStart >= windowEnd) {
            revert InvalidWindow(windowStart, windowEnd);
        }
    }

    /// @dev Records the terms in effect from this block's timestamp on.
    function checkpoint(Checkpoints.Trace208 storage trace, uint128 quantity, bool recurring, bool active) internal {
        trace.push(clock(), (uint208(quantity) << 2) | (recurring ? 2 : 0) | (active ? 1 : 0));
    }

    /// @dev The terms at timepoint `timepoint` (< clock()): those after the last block whose timestamp is
    /// ≤ `timepoint` (final: every later block has a timestamp ≥ clock()); all zero before the first checkpoint.
    function termsAt(Checkpoints.Trace208 storage trace, uint256 timepoint)
        internal
        view
        returns (bool declared, uint256 quantity, bool recurring, bool active)
    {
        uint48 now_ = clock();
        if (timepoint >= now_) revert FutureLookup(timepoint, now_);
        // forge-lint: disable-next-line(unsafe-typecast) timepoint < clock() fits in 48 bits.
        uint208 packed = trace.upperLookupRecent(uint48(timepoint));
        return (packed != 0, uint256(packed >> 2), packed & 2 != 0, packed & 1 != 0);
    }
}
