// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";

/// @title ICapacityTerms
/// @notice The part of the capacity registry the ledger reads: who provides a capacity, how much,
/// whether it renews every round, and whether it is still declared — now and at any past time (the
/// registry checkpoints these terms on the ERC-6372 timestamp clock).
interface ICapacityTerms is IERC6372 {
    /// @notice Terms of capacity `capacityId` (zero values and `active == false` if never declared).
    function capacityTerms(uint256 capacityId)
        external
        view
        returns (address provider, uint256 quantity, bool recurring, bool active);

    /// @notice Terms of capacity `capacityId` at time `timepoint` (after the last block with a timestamp ≤ it),
    /// which must be before `clock()` (zero values and `active == false` if not yet declared then). The provider never changes.
    function capacityTermsAt(uint256 capacityId, uint256 timepoint)
        external
        view
        returns (address provider, uint256 quantity, bool recurring, bool active);
}
