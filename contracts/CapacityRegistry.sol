// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICapacityTerms} from "./interfaces/ICapacityTerms.sol";
import {ICapacityRegistry} from "./interfaces/ICapacityRegistry.sol";
import {SignedActions} from "./utils/SignedActions.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Common, ZeroQuantity} from "./utils/Common.sol";

/// @title CapacityRegistry
/// @notice Holds every declared capacity (SPEC §3: what a provider can give). Only a capacity's
/// provider changes or revokes it, directly or by an EIP-712 signature (EOA or ERC-1271).
/// @dev Storage per capacity, packed: slot 0 {provider, windowStart, filterMode, recurring, active},
/// slot 1 {quantity, windowEnd}, then minUnit, sector, unit, location in their own slots (minUnit and
/// location are written only when non-zero), and the filter list (bounded by MAX_FILTER_ENTRIES) in
/// a separate array. The terms the ledger relies on (quantity, recurring, active) are also checkpointed
/// per block timestamp (Common.sol), so `capacityTermsAt` answers for any past time without an archive node. A
/// common declaration (no window, location, filter or minUnit) writes 6 new slots (4 + the checkpoint
/// array's length and first checkpoint).
contract CapacityRegistry is ICapacityRegistry, SignedActions {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Most addresses a capacity's filter list may hold.
    uint256 public constant MAX_FILTER_ENTRIES = 32;

    /// @notice EIP-712 type of the capacity fields, referenced by DeclareCapacity and UpdateCapacity.
    string public constant CAPACITY_TYPE =
        "Capacity(bytes32 sector,bytes32 unit,uint128 quantity,uint64 windowStart,uint64 windowEnd,bytes32 location,uint8 filterMode,address[] filterList,uint128 minUnit,bool recurring)";
    /// @notice EIP-712 type of `declareCapacityBySig` (with the referenced Capacity type appended).
    string public constant DECLARE_CAPACITY_TYPE = 
        "DeclareCapacity(address signer,Capacity capacity,uint256 nonce,uint256 deadline)"
        "Capacity(bytes32 sector,bytes32 unit,uint128 quantity,uint64 windowStart,uint64 windowEnd,bytes32 location,uint8 filterMode,address[] filterList,uint128 minUnit,bool recurring)";
    /// @notice EIP-712 type of `updateCapacityBySig` (with the referenced Capacity type appended).
    string public constant UPDATE_CAPACITY_TYPE = 
        "UpdateCapacity(address signer,uint256 capacityId,Capacity capacity,uint256 nonce,uint256 deadline)"
        "Capacity(bytes32 sector,bytes32 unit,uint128 quantity,uint64 windowStart,uint64 windowEnd,bytes32 location,uint8 filterMode,address[] filterList,uint128 minUnit,bool recurring)";
    /// @notice EIP-712 type of `updateCapacityQuantityBySig`.
    string public constant UPDATE_CAPACITY_QUANTITY_TYPE =
        "UpdateCapacityQuantity(address signer,uint256 capacityId,uint128 quantity,uint256 nonce,uint256 deadline)";
    /// @notice EIP-712 type of `revokeCapacityBySig`.
    string public constant REVOKE_CAPACITY_TYPE =
        "RevokeCapacity(address signer,uint256 capacityId,uint256 nonce,uint256 deadline)";

    /// @notice Signature scope of declarations (see SignedActions); every other action's scope is its id,
    /// `bytes32(capacityId)`, and every target is 0.
    bytes32 public constant NEW_CAPACITY_SCOPE = 0;

    /// @notice keccak256 of CAPACITY_TYPE.
    bytes32 public constant CAPACITY_TYPEHASH = keccak256(bytes(CAPACITY_TYPE));
    /// @notice keccak256 of DECLARE_CAPACITY_TYPE.
    bytes32 public constant DECLARE_CAPACITY_TYPEHASH = keccak256(bytes(DECLARE_CAPACITY_TYPE));
    /// @notice keccak256 of UPDATE_CAPACITY_TYPE.
    bytes32 public constant UPDATE_CAPACITY_TYPEHASH = keccak256(bytes(UPDATE_CAPACITY_TYPE));
    /// @notice keccak256 of UPDATE_CAPACITY_QUANTITY_TYPE.
    bytes32 public constant UPDATE_CAPACITY_QUANTITY_TYPEHASH = keccak256(bytes(UPDATE_CAPACITY_QUANTITY_TYPE));
    /// @notice keccak256 of REVOKE_CAPACITY_TYPE.
    bytes32 public constant REVOKE_CAPACITY_TYPEHASH = keccak256(bytes(REVOKE_CAPACITY_TYPE));

    struct Head {
        address provider;
        uint64 windowStart;
        FilterMode filterMode;
        bool recurring;
        bool active;
    }

    struct Amount {
        uint128 quantity;
        uint64 windowEnd;
    }

    struct Stored {
        Head head;
        Amount amount;
        uint128 minUnit;
        bytes32 sector;
        bytes32 unit;
        bytes32 location;
    }

    uint256 private _lastId;
    mapping(uint256 capacityId => Stored) private _capacities;
    mapping(uint256 capacityId => address[]) private _filterLists;
    mapping(uint256 capacityId => Checkpoints.Trace208) private _termsHistory;

    constructor() SignedActions("FreeAssociation.Capacities", "1") {}

    // ---------------------------------------------------------------- direct actions

    /// @inheritdoc ICapacityRegistry
    function declareCapacity(CapacityInput calldata input) external returns (uint256) {
        _directAction(msg.sender, NEW_CAPACITY_SCOPE);
        return _declare(msg.sender, input);
    }

    /// @inheritdoc ICapacityRegistry
    function updateCapacity(uint256 capacityId, CapacityInput calldata input) external {
        _directAction(msg.sender, bytes32(capacityId));
        _update(msg.sender, capacityId, input);
    }

    /// @inheritdoc ICapacityRegistry
    function updateCapacityQuantity(uint256 capacityId, uint128 quantity) external {
        _directAction(msg.sender, bytes32(capacityId));
        _updateQuantity(msg.sender, capacityId, quantity);
    }

    /// @inheritdoc ICapacityRegistry
    function revokeCapacity(uint256 capacityId) external {
        _directAction(msg.sender, bytes32(capacityId));
        _revoke(msg.sender, capacityId);
    }

    // ---------------------------------------------------------------- signed actions

    /// @inheritdoc ICapacityRegistry
    function declareCapacityBySig(
        address signer,
        CapacityInput calldata input,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256) {
        bytes32 structHash =
            keccak256(abi.encode(DECLARE_CAPACITY_TYPEHASH, signer, _hashCapacity(input), signatureNonce(signer, false, NEW_CAPACITY_SCOPE, 0), deadline));
        _verifySignedAction(signer, false, NEW_CAPACITY_SCOPE, 0, structHash, deadline, signature);
        return _declare(signer, input);
    }

    /// @inheritdoc ICapacityRegistry
    function updateCapacityBySig(
        address signer,
        uint256 capacityId,
        CapacityInput calldata input,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(UPDATE_CAPACITY_TYPEHASH, signer, capacityId, _hashCapacity(input), signatureNonce(signer, false, bytes32(capacityId), 0), deadline)
        );
        _verifySignedAction(signer, false, bytes32(capacityId), 0, structHash, deadline, signature);
        _update(signer, capacityId, input);
    }

    /// @inheritdoc ICapacityRegistry
    function updateCapacityQuantityBySig(
        address signer,
        uint256 capacityId,
        uint128 quantity,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(UPDATE_CAPACITY_QUANTITY_TYPEHASH, signer, capacityId, quantity, signatureNonce(signer, false, bytes32(capacityId), 0), deadline)
        );
        _verifySignedAction(signer, false, bytes32(capacityId), 0, structHash, deadline, signature);
        _updateQuantity(signer, capacityId, quantity);
    }

    /// @inheritdoc ICapacityRegistry
    function revokeCapacityBySig(address signer, uint256 capacityId, uint256 deadline, bytes calldata signature)
        external
    {
        bytes32 structHash =
            keccak256(abi.encode(REVOKE_CAPACITY_TYPEHASH, signer, capacityId, signatureNonce(signer, true, bytes32(capacityId), 0), deadline));
        _verifySignedAction(signer, true, bytes32(capacityId), 0, structHash, deadline, signature);
        _revoke(signer, capacityId);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ICapacityRegistry
    function getCapacity(uint256 capacityId) external view returns (Capacity memory capacity) {
        Stored storage s = _capacities[capacityId];
        Head memory head = s.head;
        Amount memory amount = s.amount;
        capacity.provider = head.provider;
        capacity.active = head.active;
        capacity.input = CapacityInput({
            sector: s.sector,
            unit: s.unit,
            quantity: amount.quantity,
            windowStart: head.windowStart,
            windowEnd: amount.windowEnd,
            location: s.location,
            filterMode: head.filterMode,
            filterList: _filterLists[capacityId],
            minUnit: s.minUnit,
            recurring: head.recurring
        });
    }

    /// @inheritdoc ICapacityTerms
    function capacityTerms(uint256 capacityId)
        external
        view
        returns (address provider, uint256 quantity, bool recurring, bool active)
    {
        Stored storage s = _capacities[capacityId];
        Head memory head = s.head;
        return (head.provider, s.amount.quantity, head.recurring, head.active);
    }

    /// @inheritdoc ICapacityTerms
    function capacityTermsAt(uint256 capacityId, uint256 timepoint)
        external
        view
        returns (address provider, uint256 quantity, bool recurring, bool active)
    {
        bool declared;
        (declared, quantity, recurring, active) = Common.termsAt(_termsHistory[capacityId], timepoint);
        if (declared) provider = _capacities[capacityId].head.provider;
    }

    /// @notice ERC-6372 clock of the terms checkpoints: the block timestamp.
    function clock() external view returns (uint48) {
        return Common.clock();
    }

    /// @notice ERC-6372 clock mode: "mode=timestamp".
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return Common.clockMode();
    }

    /// @inheritdoc ICapacityRegistry
    function capacityCount() external view returns (uint256) {
        return _lastId;
    }

    // ---------------------------------------------------------------- internals

    function _declare(address provider, CapacityInput calldata input) private returns (uint256 capacityId) {
        _validate(input);
        capacityId = ++_lastId;
        Stored storage s = _capacities[capacityId];
        s.head = Head({
            provider: provider,
            windowStart: input.windowStart,
            filterMode: input.filterMode,
            recurring: input.recurring,
            active: true
        });
        s.amount = Amount({quantity: input.quantity, windowEnd: input.windowEnd});
        s.sector = input.sector;
        s.unit = input.unit;
        // A fresh id's slots are zero: skip writing optional fields that are absent.
        if (input.minUnit != 0) s.minUnit = input.minUnit;
        if (input.location != bytes32(0)) s.location = input.location;
        if (input.filterList.length != 0) _filterLists[capacityId] = input.filterList;
        Common.checkpoint(_termsHistory[capacityId], input.quantity, input.recurring, true);
        emit CapacityDeclared(capacityId, provider, input);
    }

    function _update(address caller, uint256 capacityId, CapacityInput calldata input) private {
        Stored storage s = _capacities[capacityId];
        Head memory head = _authorize(s, caller, capacityId);
        if (!head.active) revert CapacityIsRevoked(capacityId);
        _validate(input);
        s.head = Head({
            provider: caller,
            windowStart: input.windowStart,
            filterMode: input.filterMode,
            recurring: input.recurring,
            active: true
        });
        s.amount = Amount({quantity: input.quantity, windowEnd: input.windowEnd});
        s.sector = input.sector;
        s.unit = input.unit;
        s.minUnit = input.minUnit;
        s.location = input.location;
        // Bounded: both the old and the new list hold at most MAX_FILTER_ENTRIES addresses.
        _filterLists[capacityId] = input.filterList;
        Common.checkpoint(_termsHistory[capacityId], input.quantity, input.recurring, true);
        emit CapacityUpdated(capacityId, caller, input);
    }

    function _updateQuantity(address caller, uint256 capacityId, uint128 quantity) private {
        Stored storage s = _capacities[capacityId];
        Head memory head = _authorize(s, caller, capacityId);
        if (!head.active) revert CapacityIsRevoked(capacityId);
        if (quantity == 0) revert ZeroQuantity();
        s.amount.quantity = quantity;
        Common.checkpoint(_termsHistory[capacityId], quantity, head.recurring, true);
        emit CapacityQuantityUpdated(capacityId, caller, quantity);
    }

    function _revoke(address caller, uint256 capacityId) private {
        Stored storage s = _capacities[capacityId];
        Head memory head = _authorize(s, caller, capacityId);
        s.head.active = false;
        Common.checkpoint(_termsHistory[capacityId], s.amount.quantity, head.recurring, false);
        emit CapacityRevoked(capacityId, caller);
    }

    /// @dev Reverts unless `caller` provides capacity `capacityId`; returns its head slot.
    function _authorize(Stored storage s, address caller, uint256 capacityId) private view returns (Head memory head) {
        head = s.head;
        if (head.provider == address(0)) revert UnknownCapacity(capacityId);
        if (head.provider != caller) revert NotCapacityProvider(capacityId, caller, head.provider);
    }

    function _validate(CapacityInput calldata input) private pure {
        Common.validateTerms(
            input.sector, input.unit, input.location, input.quantity, input.windowStart, input.windowEnd
        );
        uint256 length = input.filterList.length;
        if (
            (input.filterMode == FilterMode.None) ? length != 0 : (length == 0 || length > MAX_FILTER_ENTRIES)
        ) revert InvalidFilter(input.filterMode, length);
        // Strictly ascending from address(0): no zero address, no duplicates, one canonical order.
        address previous;
        for (uint256 i; i < length; ++i) {
            address account = input.filterList[i];
            if (account <= previous) revert FilterListNotAscending(i, account);
            previous = account;
        }
    }

    /// @dev EIP-712 hashStruct of the Capacity type (split in two encodes to stay within the stack).
    function _hashCapacity(CapacityInput calldata input) private pure returns (bytes32) {
        return keccak256(
            bytes.concat(
                abi.encode(
                    CAPACITY_TYPEHASH, input.sector, input.unit, input.quantity, input.windowStart, input.windowEnd
                ),
                abi.encode(
                    input.location,
                    uint8(input.filterMode),
                    keccak256(abi.encodePacked(input.filterList)),
                    input.minUnit,
                    input.recurring
                )
            )
        );
    }
}
