// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRecognitionRegistry} from "./interfaces/IRecognitionRegistry.sol";
import {SignedActions} from "./utils/SignedActions.sol";

/// @title RecognitionRegistry
/// @notice Holds every entity's recognition vector (SPEC §3: p[a][b], integer points, self allowed).
/// An entity changes only its own vector, directly or by an EIP-712 signature (EOA or ERC-1271).
/// @dev Storage: one packed slot per entity {epoch, total, count}, and one slot per (entity,
/// recipient) pair packing {epoch, points}. An entry counts only while its epoch equals the entity's
/// current epoch. Replacing or clearing a vector bumps the epoch, which makes every old entry
/// unreachable in O(1): no loop over old entries, so revocation can never be blocked by the size of a
/// vector. Re-recognizing a recipient rewrites its existing slot (a changed slot, not a new one), so
/// re-submitting a vector over the same partners costs ~5,000 gas per entry instead of ~22,100.
/// Vectors hold at most MAX_RECOGNITION_ENTRIES entries.
contract RecognitionRegistry is IRecognitionRegistry, SignedActions {
    /// @notice Most entries one entity's vector may hold (bounds every loop and every event).
    uint256 public constant MAX_RECOGNITION_ENTRIES = 256;

    /// @notice EIP-712 type of `setRecognitionBySig`.
    string public constant SET_RECOGNITION_TYPE =
        "SetRecognition(address signer,address[] recipients,uint96[] points,uint256 nonce,uint256 deadline)";
    /// @notice EIP-712 type of `setRecognitionEntryBySig`.
    string public constant SET_RECOGNITION_ENTRY_TYPE =
        "SetRecognitionEntry(address signer,address recipient,uint96 points,uint256 nonce,uint256 deadline)";
    /// @notice EIP-712 type of `revokeRecognitionBySig`.
    string public constant REVOKE_RECOGNITION_TYPE =
        "RevokeRecognition(address signer,address recipient,uint256 nonce,uint256 deadline)";
    /// @notice EIP-712 type of `revokeAllRecognitionBySig`.
    string public constant REVOKE_ALL_RECOGNITION_TYPE =
        "RevokeAllRecognition(address signer,uint256 nonce,uint256 deadline)";

    /// @notice keccak256 of SET_RECOGNITION_TYPE.
    bytes32 public constant SET_RECOGNITION_TYPEHASH = keccak256(bytes(SET_RECOGNITION_TYPE));
    /// @notice keccak256 of SET_RECOGNITION_ENTRY_TYPE.
    bytes32 public constant SET_RECOGNITION_ENTRY_TYPEHASH = keccak256(bytes(SET_RECOGNITION_ENTRY_TYPE));
    /// @notice keccak256 of REVOKE_RECOGNITION_TYPE.
    bytes32 public constant REVOKE_RECOGNITION_TYPEHASH = keccak256(bytes(REVOKE_RECOGNITION_TYPE));
    /// @notice keccak256 of REVOKE_ALL_RECOGNITION_TYPE.
    bytes32 public constant REVOKE_ALL_RECOGNITION_TYPEHASH = keccak256(bytes(REVOKE_ALL_RECOGNITION_TYPE));

    /// @notice Signature scope of every recognition action: the signer's whole vector (see SignedActions).
    /// A revocation's target is the recipient it revokes (0 for "revoke all"); every other action's is 0.
    bytes32 public constant VECTOR_SCOPE = 0;

    /// @dev One slot per entity. total <= 256 * (2^96 - 1) < 2^104 fits uint128.
    struct Vector {
        uint64 epoch;
        uint128 total;
        uint16 count;
    }

    /// @dev An entry slot holds `epoch << 96 | points`.
    uint256 private constant POINTS_BITS = 96;

    mapping(address entity => Vector) private _vectors;
    mapping(address entity => mapping(address recipient => uint256 epochAndPoints)) private _entries;

    constructor() SignedActions("FreeAssociation.Recognition", "1") {}

    // ---------------------------------------------------------------- direct actions

    /// @inheritdoc IRecognitionRegistry
    function setRecognition(address[] calldata recipients, uint96[] calldata points) external {
        _directAction(msg.sender, VECTOR_SCOPE);
        _setRecognition(msg.sender, recipients, points);
    }

    /// @inheritdoc IRecognitionRegistry
    function setRecognitionEntry(address recipient, uint96 points) external {
        _directAction(msg.sender, VECTOR_SCOPE);
        _setRecognitionEntry(msg.sender, recipient, points);
    }

    /// @inheritdoc IRecognitionRegistry
    function revokeRecognition(address recipient) external {
        _directAction(msg.sender, VECTOR_SCOPE);
        _revokeRecognition(msg.sender, recipient);
    }

    /// @inheritdoc IRecognitionRegistry
    function revokeAllRecognition() external {
        _directAction(msg.sender, VECTOR_SCOPE);
        _revokeAllRecognition(msg.sender);
    }

    // ---------------------------------------------------------------- signed actions

    /// @inheritdoc IRecognitionRegistry
    function setRecognitionBySig(
        address signer,
        address[] calldata recipients,
        uint96[] calldata points,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(
                SET_RECOGNITION_TYPEHASH,
                signer,
                keccak256(abi.encodePacked(recipients)),
                keccak256(abi.encodePacked(points)),
                signatureNonce(signer, false, VECTOR_SCOPE, 0),
                deadline
            )
        );
        _verifySignedAction(signer, false, VECTOR_SCOPE, 0, structHash, deadline, signature);
        _setRecognition(signer, recipients, points);
    }

    /// @inheritdoc IRecognitionRegistry
    function setRecognitionEntryBySig(
        address signer,
        address recipient,
        uint96 points,
        uint256 deadline,
        bytes calldata signature
    ) external {
        bytes32 structHash = keccak256(
            abi.encode(
                SET_RECOGNITION_ENTRY_TYPEHASH,
                signer,
                recipient,
                points,
                signatureNonce(signer, false, VECTOR_SCOPE, 0),
                deadline
            )
        );
        _verifySignedAction(signer, false, VECTOR_SCOPE, 0, structHash, deadline, signature);
        _setRecognitionEntry(signer, recipient, points);
    }

    /// @inheritdoc IRecognitionRegistry
    function revokeRecognitionBySig(address signer, address recipient, uint256 deadline, bytes calldata signature)
        external
    {
        bytes32 target = bytes32(uint256(uint160(recipient)));
        bytes32 structHash = keccak256(
            abi.encode(
                REVOKE_RECOGNITION_TYPEHASH, signer, recipient, signatureNonce(signer, true, VECTOR_SCOPE, target), deadline
            )
        );
        _verifySignedAction(signer, true, VECTOR_SCOPE, target, structHash, deadline, signature);
        _revokeRecognition(signer, recipient);
    }

    /// @inheritdoc IRecognitionRegistry
    function revokeAllRecognitionBySig(address signer, uint256 deadline, bytes calldata signature) external {
        bytes32 structHash = keccak256(
            abi.encode(REVOKE_ALL_RECOGNITION_TYPEHASH, signer, signatureNonce(signer, true, VECTOR_SCOPE, 0), deadline)
        );
        _verifySignedAction(signer, true, VECTOR_SCOPE, 0, structHash, deadline, signature);
        _revokeAllRecognition(signer);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IRecognitionRegistry
    function recognitionOf(address from, address to) external view returns (uint96) {
        return _pointsOf(_entries[from][to], _vectors[from].epoch);
    }

    /// @inheritdoc IRecognitionRegistry
    function totalRecognition(address from) external view returns (uint256) {
        return _vectors[from].total;
    }

    /// @inheritdoc IRecognitionRegistry
    function recognitionCount(address from) external view returns (uint256) {
        return _vectors[from].count;
    }

    /// @notice Current epoch of `from`'s vector (bumped by every whole-vector replace or clear).
    function recognitionEpoch(address from) external view returns (uint64) {
        return _vectors[from].epoch;
    }

    /// @inheritdoc IRecognitionRegistry
    function mutualRecognition(address a, address b) external view returns (uint256 numerator, uint256 denominator) {
        Vector memory va = _vectors[a];
        uint256 pab = _pointsOf(_entries[a][b], va.epoch);
        if (pab == 0) return (0, 1);
        if (a == b) return (pab, va.total);
        Vector memory vb = _vectors[b];
        uint256 pba = _pointsOf(_entries[b][a], vb.epoch);
        if (pba == 0) return (0, 1);
        // pab/Ta <= pba/Tb  <=>  pab*Tb <= pba*Ta  (each product < 2^96 * 2^104, no overflow).
        if (pab * vb.total <= pba * va.total) return (pab, va.total);
        return (pba, vb.total);
    }

    // ---------------------------------------------------------------- internals

    function _setRecognition(address from, address[] calldata recipients, uint96[] calldata points) private {
        uint256 length = recipients.length;
        if (length != points.length) revert RecognitionLengthMismatch(length, points.length);
        if (length > MAX_RECOGNITION_ENTRIES) revert TooManyRecognitionEntries(length, MAX_RECOGNITION_ENTRIES);

        uint64 epoch = _vectors[from].epoch + 1;
        uint256 epochTag = uint256(epoch) << POINTS_BITS;
        mapping(address => uint256) storage entries = _entries[from];
        uint256 total;
        for (uint256 i; i < length; ++i) {
            address recipient = recipients[i];
            uint96 p = points[i];
            if (recipient == address(0)) revert ZeroRecipient(i);
            if (p == 0) revert ZeroPoints(i, recipient);
            // The epoch is fresh, so an entry already tagged with it was written earlier in this call.
            if (entries[recipient] >> POINTS_BITS == epoch) revert DuplicateRecipient(i, recipient);
            entries[recipient] = epochTag | p;
            total += p;
        }
        // length <= 256 and total < 2^104, so both casts are exact.
        _vectors[from] = Vector({epoch: epoch, total: uint128(total), count: uint16(length)});
        emit RecognitionSet(from, recipients, points);
    }

    function _setRecognitionEntry(address from, address recipient, uint96 points) private {
        if (points == 0) return _revokeRecognition(from, recipient);
        if (recipient == address(0)) revert ZeroRecipient(0);
        Vector memory v = _vectors[from];
        mapping(address => uint256) storage entries = _entries[from];
        uint96 old = _pointsOf(entries[recipient], v.epoch);
        if (old == 0) {
            if (v.count >= MAX_RECOGNITION_ENTRIES) {
                revert TooManyRecognitionEntries(uint256(v.count) + 1, MAX_RECOGNITION_ENTRIES);
            }
            ++v.count;
        }
        v.total = v.total - old + points;
        entries[recipient] = (uint256(v.epoch) << POINTS_BITS) | points;
        _vectors[from] = v;
        emit RecognitionEntrySet(from, recipient, points, v.total);
    }

    function _revokeRecognition(address from, address recipient) private {
        Vector memory v = _vectors[from];
        mapping(address => uint256) storage entries = _entries[from];
        uint96 old = _pointsOf(entries[recipient], v.epoch);
        if (old == 0) revert RecognitionNotFound(from, recipient);
        delete entries[recipient];
        v.total -= old;
        --v.count;
        _vectors[from] = v;
        emit RecognitionRevoked(from, recipient, v.total);
    }

    function _revokeAllRecognition(address from) private {
        _vectors[from] = Vector({epoch: _vectors[from].epoch + 1, total: 0, count: 0});
        emit RecognitionCleared(from);
    }

    /// @dev Points of an entry slot if it belongs to `epoch`, else 0 (a stale entry of an old vector).
    function _pointsOf(uint256 entry, uint64 epoch) private pure returns (uint96) {
        return entry >> POINTS_BITS == epoch ? uint96(entry) : 0;
    }
}
