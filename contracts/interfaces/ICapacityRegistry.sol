// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICapacityTerms} from "./ICapacityTerms.sol";

/// @title ICapacityRegistry
/// @notice Capacities: what a provider can give. Ids are a global counter starting at 1. Only the
/// provider (directly, or through its EIP-712 signature relayed by anyone) changes or revokes its
/// capacity; revocation is always possible; a revoked capacity cannot be updated. Every change emits
/// an event with the full new value.
interface ICapacityRegistry is ICapacityTerms {
    /// @notice Who a capacity may serve: everyone, only the listed recipients, or all but them.
    enum FilterMode {
        None,
        Allow,
        Deny
    }

    /// @notice A capacity as declared.
    /// @param sector Sector code, e.g. "WASH" (printable ASCII, left-aligned, zero-padded).
    /// @param unit Unit code, e.g. "litre" (same encoding).
    /// @param quantity Quantity available, > 0.
    /// @param windowStart Start of the half-open window [start, end); (0,0) means any time.
    /// @param windowEnd End of the window.
    /// @param location Hierarchical location code (ISO 3166 / P-code); 0 means anywhere.
    /// @param filterMode None (filterList empty), Allow or Deny (filterList non-empty).
    /// @param filterList Recipients the filter names, strictly ascending, at most MAX_FILTER_ENTRIES.
    /// @param minUnit Divisibility: every allocated amount is a multiple of it; 0 means none.
    /// @param recurring True if the capacity renews every round.
    struct CapacityInput {
        bytes32 sector;
        bytes32 unit;
        uint128 quantity;
        uint64 windowStart;
        uint64 windowEnd;
        bytes32 location;
        FilterMode filterMode;
        address[] filterList;
        uint128 minUnit;
        bool recurring;
    }

    /// @notice A stored capacity.
    struct Capacity {
        address provider;
        bool active;
        CapacityInput input;
    }

    /// @notice `provider` declared capacity `capacityId` with `input`.
    event CapacityDeclared(uint256 indexed capacityId, address indexed provider, CapacityInput input);
    /// @notice `provider` replaced capacity `capacityId` by `input`.
    event CapacityUpdated(uint256 indexed capacityId, address indexed provider, CapacityInput input);
    /// @notice `provider` set the quantity of capacity `capacityId` to `quantity`.
    event CapacityQuantityUpdated(uint256 indexed capacityId, address indexed provider, uint128 quantity);
    /// @notice `provider` revoked capacity `capacityId`.
    event CapacityRevoked(uint256 indexed capacityId, address indexed provider);

    /// @notice No capacity `capacityId` was ever declared.
    error UnknownCapacity(uint256 capacityId);
    /// @notice `caller` is not `provider`, the owner of capacity `capacityId`.
    error NotCapacityProvider(uint256 capacityId, address caller, address provider);
    /// @notice Capacity `capacityId` is revoked.
    error CapacityIsRevoked(uint256 capacityId);
    /// @notice The filter list length `length` does not suit `filterMode` (None needs 0, Allow/Deny 1..max).
    error InvalidFilter(FilterMode filterMode, uint256 length);
    /// @notice Filter entry `index` (`account`) is not strictly above the previous one (or is zero).
    error FilterListNotAscending(uint256 index, address account);

    /// @notice Declares a capacity owned by the caller.
    /// @return capacityId The new id.
    function declareCapacity(CapacityInput calldata input) external returns (uint256 capacityId);

    /// @notice Replaces all fields of the caller's capacity `capacityId`.
    function updateCapacity(uint256 capacityId, CapacityInput calldata input) external;

    /// @notice Sets the quantity of the caller's capacity `capacityId`.
    function updateCapacityQuantity(uint256 capacityId, uint128 quantity) external;

    /// @notice Revokes the caller's capacity `capacityId` (idempotent: always succeeds for the owner).
    function revokeCapacity(uint256 capacityId) external;

    /// @notice `declareCapacity` on behalf of `signer`, authorised by its EIP-712 signature.
    function declareCapacityBySig(
        address signer,
        CapacityInput calldata input,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 capacityId);

    /// @notice `updateCapacity` on behalf of `signer`, authorised by its EIP-712 signature.
    function updateCapacityBySig(
        address signer,
        uint256 capacityId,
        CapacityInput calldata input,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice `updateCapacityQuantity` on behalf of `signer`, authorised by its EIP-712 signature.
    function updateCapacityQuantityBySig(
        address signer,
        uint256 capacityId,
        uint128 quantity,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice `revokeCapacity` on behalf of `signer`, authorised by its EIP-712 signature.
    function revokeCapacityBySig(address signer, uint256 capacityId, uint256 deadline, bytes calldata signature)
        external;

    /// @notice Capacity `capacityId` with all its fields (zero values if never declared).
    function getCapacity(uint256 capacityId) external view returns (Capacity memory);

    /// @notice Number of capacities ever declared (the last id).
    function capacityCount() external view returns (uint256);
}
