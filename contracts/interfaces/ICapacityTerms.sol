// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICapacityTerms
/// @notice The part of the capacity registry the ledger reads: who provides a capacity, how much,
/// whether it renews every round, and whether it is still declared.
interface ICapacityTerms {
    /// @notice Terms of capacity `capacityId` (zero values and `active == false` if never declared).
    function capacityTerms(uint256 capacityId)
        external
        view
        returns (address provider, uint256 quantity, bool recurring, bool active);
}
