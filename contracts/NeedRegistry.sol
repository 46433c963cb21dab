// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {INeedTerms} from "./interfaces/INeedTerms.sol";
import {INeedRegistry} from "./interfaces/INeedRegistry.sol";
import {SignedActions} from "./utils/SignedActions.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Common, ZeroQuantity} from "./utils/Common.sol";

/// @title NeedRegistry
/// @notice Holds every declared need (SPEC §3: what a recipient needs). Only a need's recipient
/// changes or revokes it, directly or by an EIP-712 signature (EOA or ERC-1271).
/// @dev Storage per need, packed: slot 0 {recipient, windowStart, active}, slot 1 {quantity,
/// windowEnd}, then sector, unit, location in their own slots (location written only when non-zero).
/// The terms the ledger relies on (quantity, active) are also checkpointed per block timestamp (Common.sol),
/// so `needTermsAt` answers for any past time. A common declaration (no window, no location) writes 6 new
/// slots (4 + the checkpoint array's length and first checkpoint).
contract NeedRegistry is INeedRegistry, SignedActions {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice EIP-712 type of the need fields, referenced by DeclareNeed and UpdateNeed.
    string public constant NEED_TYPE =
        "Need(bytes32 sector,bytes32 unit,uint128 quantity,uint64 windowStart,uint64 windowEnd,bytes32 location)";
    /// @notice EIP-712 type of `declareNeedBySig` (with the referenced Need type appended).
    string public constant DECLARE_NEED_TYPE = "DeclareNeed(address signer,Need need,uint256 nonce,uint256 deadline)"
        "Need(bytes32 sector,bytes32 unit,uint128 quantity,uint64 windowStart,uint64 windowEnd,bytes32 location)";
    /// @notice EIP-712 type of `updateNeedBySig` (with the referenced Need type appended).
    string public constant UPDATE_NEED_TYPE =
        "UpdateNeed(address signer,uint256 needId,Need need,uint256 nonce,uint256 deadline)"
        "Need(bytes32 sector,bytes32 unit,uint128 quantity,uint64 windowStart,uint64 windowEnd,bytes32 location)";
    /// @notice EIP-712 type of `updateNeedQuantityBySig`.
    string public constant UPDATE_NEED_QUANTITY_TYPE =
        "UpdateNeedQuantity(address signer,uint256 needId,uint128 quantity,uint256 nonce,uint256 deadline)";
    /// @notice EIP-712 type of `revokeNeedBySig`.
    string public constant REVOKE_NEED_TYPE = "RevokeNeed(address signer,uint256 needId,uint256 nonce,uint256 deadline)";

    /// @notice Signature scope of declarations (see SignedActions); every other action's scope is its id,
    /// `bytes32(needId)`, and every target is 0.
    bytes32 public constant NEW_NEED_SCOPE = 0;

    /// @notice keccak256 of NEED_TYPE.
    bytes32 public constant NEED_TYPEHASH = keccak256(bytes(NEED_TYPE));
    /// @notice keccak256 of DECLARE_NEED_TYPE.
    bytes32 public constant DECLARE_NEED_TYPEHASH = keccak256(bytes(DECLARE_NEED_TYPE));
    /// @notice keccak256 of UPDATE_NEED_TYPE.
    bytes32 public constant UPDATE_NEED_TYPEHASH = keccak256(bytes(UPDATE_NEED_TYPE));
    /// @notice keccak256 of UPDATE_NEED_QUANTITY_TYPE.
    bytes32 public constant UPDATE_NEED_QUANTITY_TYPEHASH = keccak256(bytes(UPDATE_NEED_QUANTITY_TYPE));
    /// @notice keccak256 of REVOKE_NEED_TYPE.
    bytes32 public constant REVOKE_NEED_TYPEHASH = keccak256(bytes(REVOKE_NEED_TYPE));

    struct Head {
        address recipient;
        uint64 windowStart;
        bool active;
    }

    struct Amount {
        uint128 quantity;
        uint64 windowEnd;
    }

    struct Stored {
        Head head;
        Amount amount;
        bytes32 sector;
        bytes32 unit;
        bytes32 location;
    }

    uint256 private _lastId;
    mapping(uint256 needId => Stored) private _needs;
    mapping(uint256 needId => Checkpoints.Trace208) private _termsHistory;

    constructor() SignedActions("FreeAssociation.Needs", "1") {}

    // ---------------------------------------------------------------- direct actions

    /// @inheritdoc INeedRegistry
    function declareNeed(NeedInput calldata input) external returns (uint256) {
        _directAction(msg.sender, NEW_NEED_SCOPE);
        return _declare(msg.sender, input);
    }

    /// @inheritdoc INeedRegistry
    function updateNeed(uint256 needId, NeedInput calldata input) external {
        _directAction(msg.sender, bytes32(needId));
        _update(msg.sender, needId, input);
    }

    /// @inheritdoc INeedRegistry
    function updateNeedQuantity(uint256 needId, uint128 quantity) external {
        _directAction(msg.sender, bytes32(needId));
        _updateQuantity(msg.sender, needId, quantity);
    }

    /// @inheritdoc INeedRegistry
    function revokeNeed(uint256 needId) external {
        _directAction(msg.sender, bytes32(needId));
        _revoke(msg.sender, needId);
    }

    // ---------------------------------------------------------------- signed actions

    /// @inheritdoc INeedRegistry
    function declareNeedBySig(address signer, NeedInput calldata input, uint256 deadline, bytes calldata signature)
        external
        returns (uint256)
    {
        bytes32 structHash =
            keccak256(abi.encode(DECLARE_NEED_TYPEHASH, signer, _hashNeed(input), signatureNonce(signer, false, NEW_NEED_SCOPE, 0), deadline));
        _verifySignedAction(signer, false, NEW_NEED_SCOPE, 0, structHash, deadline, signature);
        return _declare(signer, input);
    }

    /// @inheritdoc INeedRegistry
    function updateNeedBySig(
        address signer,
        uint256 needId,
        NeedInput calldata input,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash =
            keccak256(abi.encode(UPDATE_NEED_TYPEHASH, signer, needId, _hashNeed(input), signatureNonce(signer, false, bytes32(needId), 0), deadline));
        _verifySignedAction(signer, false, bytes32(needId), 0, structHash, deadline, signature);
        _update(signer, needId, input);
    }

    /// @inheritdoc INeedRegistry
    function updateNeedQuantityBySig(
        address signer,
        uint256 needId,
        uint128 quantity,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash =
            keccak256(abi.encode(UPDATE_NEED_QUANTITY_TYPEHASH, signer, needId, quantity, signatureNonce(signer, false, bytes32(needId), 0), deadline));
        _verifySignedAction(signer, false, bytes32(needId), 0, structHash, deadline, signature);
        _updateQuantity(signer, needId, quantity);
    }

    /// @inheritdoc INeedRegistry
    function revokeNeedBySig(address signer, uint256 needId, uint256 deadline, bytes calldata signature) external {
        bytes32 structHash = keccak256(abi.encode(REVOKE_NEED_TYPEHASH, signer, needId, signatureNonce(signer, true, bytes32(needId), 0), deadline));
        _verifySignedAction(signer, true, bytes32(needId), 0, structHash, deadline, signature);
        _revoke(signer, needId);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc INeedRegistry
    function getNeed(uint256 needId) external view returns (Need memory need) {
        Stored storage s = _needs[needId];
        Head memory head = s.head;
        Amount memory amount = s.amount;
        need.recipient = head.recipient;
        need.active = head.active;
        need.input = NeedInput({
            sector: s.sector,
            unit: s.unit,
            quantity: amount.quantity,
            windowStart: head.windowStart,
            windowEnd: amount.windowEnd,
            location: s.location
        });
    }

    /// @inheritdoc INeedTerms
    function needTerms(uint256 needId) external view returns (address recipient, uint256 quantity, bool active) {
        Stored storage s = _needs[needId];
        Head memory head = s.head;
        return (head.recipient, s.amount.quantity, head.active);
    }

    /// @inheritdoc INeedTerms
    function needTermsAt(uint256 needId, uint256 timepoint)
        external
        view
        returns (address recipient, uint256 quantity, bool active)
    {
        bool declared;
        (declared, quantity,, active) = Common.termsAt(_termsHistory[needId], timepoint);
        if (declared) recipient = _needs[needId].head.recipient;
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

    /// @inheritdoc INeedRegistry
    function needCount() external view returns (uint256) {
        return _lastId;
    }

    // ---------------------------------------------------------------- internals

    function _declare(address recipient, NeedInput calldata input) private returns (uint256 needId) {
        _validate(input);
        needId = ++_lastId;
        Stored storage s = _needs[needId];
        s.head = Head({recipient: recipient, windowStart: input.windowStart, active: true});
        s.amount = Amount({quantity: input.quantity, windowEnd: input.windowEnd});
        s.sector = input.sector;
        s.unit = input.unit;
        // A fresh id's slots are zero: skip writing an absent location.
        if (input.location != bytes32(0)) s.location = input.location;
        Common.checkpoint(_termsHistory[needId], input.quantity, false, true);
        emit NeedDeclared(needId, recipient, input);
    }

    function _update(address caller, uint256 needId, NeedInput calldata input) private {
        Stored storage s = _needs[needId];
        Head memory head = _authorize(s, caller, needId);
        if (!head.active) revert NeedIsRevoked(needId);
        _validate(input);
        s.head = Head({recipient: caller, windowStart: input.windowStart, active: true});
        s.amount = Amount({quantity: input.quantity, windowEnd: input.windowEnd});
        s.sector = input.sector;
        s.unit = input.unit;
        s.location = input.location;
        Common.checkpoint(_termsHistory[needId], input.quantity, false, true);
        emit NeedUpdated(needId, caller, input);
    }

    function _updateQuantity(address caller, uint256 needId, uint128 quantity) private {
        Stored storage s = _needs[needId];
        Head memory head = _authorize(s, caller, needId);
        if (!head.active) revert NeedIsRevoked(needId);
        if (quantity == 0) revert ZeroQuantity();
        s.amount.quantity = quantity;
        Common.checkpoint(_termsHistory[needId], quantity, false, true);
        emit NeedQuantityUpdated(needId, caller, quantity);
    }

    function _revoke(address caller, uint256 needId) private {
        Stored storage s = _needs[needId];
        _authorize(s, caller, needId);
        s.head.active = false;
        Common.checkpoint(_termsHistory[needId], s.amount.quantity, false, false);
        emit NeedRevoked(needId, caller);
    }

    /// @dev Reverts unless `caller` is the recipient of need `needId`; returns its head slot.
    function _authorize(Stored storage s, address caller, uint256 needId) private view returns (Head memory head) {
        head = s.head;
        if (head.recipient == address(0)) revert UnknownNeed(needId);
        if (head.recipient != caller) revert NotNeedRecipient(needId, caller, head.recipient);
    }

    function _validate(NeedInput calldata input) private pure {
        Common.validateTerms(
            input.sector, input.unit, input.location, input.quantity, input.windowStart, input.windowEnd
        );
    }

    /// @dev EIP-712 hashStruct of the Need type (all fields static: one encode).
    function _hashNeed(NeedInput calldata input) private pure returns (bytes32) {
        return keccak256(
            abi.encode(
                NEED_TYPEHASH,
                input.sector,
                input.unit,
                input.quantity,
                input.windowStart,
                input.windowEnd,
                input.location
            )
        );
    }
}
