// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {INeedTerms} from "./INeedTerms.sol";

/// @title INeedRegistry
/// @notice Needs: what a recipient needs. Ids are a global counter starting at 1. Only the recipient
/// (directly, or through its EIP-712 signature relayed by anyone) changes or revokes its need;
/// revocation is always possible; a revoked need cannot be updated. Every change emits an event with
/// the full new value.
interface INeedRegistry is INeedTerms {
    /// @notice A need as declared.
    /// @param sector Sector code, e.g. "WASH" (printable ASCII, left-aligned, zero-padded).
    /// @param unit Unit code, e.g. "litre" (same encoding).
    /// @param quantity Quantity needed, > 0.
    /// @param windowStart Start of the half-open window [start, end); (0,0) means any time.
    /// @param windowEnd End of the window.
    /// @param location Hierarchical location code (ISO 3166 / P-code); 0 means anywhere.
    struct NeedInput {
        bytes32 sector;
        bytes32 unit;
        uint128 quantity;
        uint64 windowStart;
        uint64 windowEnd;
        bytes32 location;
    }

    /// @notice A stored need.
    struct Need {
        address recipient;
        bool active;
        NeedInput input;
    }

    /// @notice `recipient` declared need `needId` with `input`.
    event NeedDeclared(uint256 indexed needId, address indexed recipient, NeedInput input);
    /// @notice `recipient` replaced need `needId` by `input`.
    event NeedUpdated(uint256 indexed needId, address indexed recipient, NeedInput input);
    /// @notice `recipient` set the quantity of need `needId` to `quantity`.
    event NeedQuantityUpdated(uint256 indexed needId, address indexed recipient, uint128 quantity);
    /// @notice `recipient` revoked need `needId`.
    event NeedRevoked(uint256 indexed needId, address indexed recipient);

    /// @notice No need `needId` was ever declared.
    error UnknownNeed(uint256 needId);
    /// @notice `caller` is not `recipient`, the owner of need `needId`.
    error NotNeedRecipient(uint256 needId, address caller, address recipient);
    /// @notice Need `needId` is revoked.
    error NeedIsRevoked(uint256 needId);

    /// @notice Declares a need owned by the caller.
    /// @return needId The new id.
    function declareNeed(NeedInput calldata input) external returns (uint256 needId);

    /// @notice Replaces all fields of the caller's need `needId`.
    function updateNeed(uint256 needId, NeedInput calldata input) external;

    /// @notice Sets the quantity of the caller's need `needId`.
    function updateNeedQuantity(uint256 needId, uint128 quantity) external;

    /// @notice Revokes the caller's need `needId` (idempotent: always succeeds for the owner).
    function revokeNeed(uint256 needId) external;

    /// @notice `declareNeed` on behalf of `signer`, authorised by its EIP-712 signature.
    function declareNeedBySig(address signer, NeedInput calldata input, uint256 deadline, bytes calldata signature)
        external
        returns (uint256 needId);

    /// @notice `updateNeed` on behalf of `signer`, authorised by its EIP-712 signature.
    function updateNeedBySig(
        address signer,
        uint256 needId,
        NeedInput calldata input,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice `updateNeedQuantity` on behalf of `signer`, authorised by its EIP-712 signature.
    function updateNeedQuantityBySig(
        address signer,
        uint256 needId,
        uint128 quantity,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice `revokeNeed` on behalf of `signer`, authorised by its EIP-712 signature.
    function revokeNeedBySig(address signer, uint256 needId, uint256 deadline, bytes calldata signature) external;

    /// @notice Need `needId` with all its fields (zero values if never declared).
    function getNeed(uint256 needId) external view returns (Need memory);

    /// @notice Number of needs ever declared (the last id).
    function needCount() external view returns (uint256);
}
