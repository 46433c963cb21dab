// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title INeedTerms
/// @notice The part of the need registry the ledger reads: whose need it is, its declared quantity,
/// and whether it is still declared.
interface INeedTerms {
    /// @notice Terms of need `needId` (zero values and `active == false` if never declared).
    function needTerms(uint256 needId) external view returns (address recipient, uint256 quantity, bool active);
}
