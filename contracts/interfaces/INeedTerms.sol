// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";

/// @title INeedTerms
/// @notice The part of the need registry the ledger reads: whose need it is, its declared quantity,
/// and whether it is still declared — now and at any past time (checkpointed on the ERC-6372
/// timestamp clock).
interface INeedTerms is IERC6372 {
    /// @notice Terms of need `needId` (zero values and `active == false` if never declared).
    function needTerms(uint256 needId) external view returns (address recipient, uint256 quantity, bool active);

    /// @notice Terms of need `needId` at time `timepoint` (after the last block with a timestamp ≤ it), which
    /// must be before `clock()` (zero values and `active == false` if not yet declared then). The recipient never changes.
    function needTermsAt(uint256 needId, uint256 timepoint)
        external
        view
        returns (address recipient, uint256 quantity, bool active);
}
