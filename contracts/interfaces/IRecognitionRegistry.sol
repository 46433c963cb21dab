// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IRecognitionRegistry
/// @notice Each entity's recognition vector: integer points it gives other entities (self allowed).
/// Only the entity itself (directly, or through its EIP-712 signature relayed by anyone) changes its
/// vector. Every change emits an event carrying the full new value, so the vector at any block can be
/// rebuilt from logs alone.
interface IRecognitionRegistry {
    /// @notice `from` replaced its whole vector: it now recognizes exactly `recipients` with `points`.
    event RecognitionSet(address indexed from, address[] recipients, uint96[] points);
    /// @notice `from` now gives `to` exactly `points` (> 0); `newTotal` is its new sum of points.
    event RecognitionEntrySet(address indexed from, address indexed to, uint96 points, uint256 newTotal);
    /// @notice `from` no longer recognizes `to`; `newTotal` is its new sum of points.
    event RecognitionRevoked(address indexed from, address indexed to, uint256 newTotal);
    /// @notice `from` revoked its whole vector (it recognizes nobody).
    event RecognitionCleared(address indexed from);

    /// @notice `recipients` and `points` have different lengths.
    error RecognitionLengthMismatch(uint256 recipientsLength, uint256 pointsLength);
    /// @notice The vector would hold `count` entries, more than `max`.
    error TooManyRecognitionEntries(uint256 count, uint256 max);
    /// @notice Entry `index` names the zero address.
    error ZeroRecipient(uint256 index);
    /// @notice Entry `index` gives `recipient` zero points (omit it instead).
    error ZeroPoints(uint256 index, address recipient);
    /// @notice Entry `index` names `recipient` a second time.
    error DuplicateRecipient(uint256 index, address recipient);
    /// @notice `from` does not recognize `to`, so there is nothing to revoke.
    error RecognitionNotFound(address from, address to);

    /// @notice Replaces the caller's whole vector atomically (an empty vector clears it).
    /// @param recipients Entities recognized; no zero address, no duplicates, at most MAX_RECOGNITION_ENTRIES.
    /// @param points Points given to each recipient, all > 0.
    function setRecognition(address[] calldata recipients, uint96[] calldata points) external;

    /// @notice Sets the points the caller gives `recipient`; 0 revokes the entry.
    function setRecognitionEntry(address recipient, uint96 points) external;

    /// @notice Revokes the caller's recognition of `recipient`.
    function revokeRecognition(address recipient) external;

    /// @notice Revokes the caller's whole vector in O(1).
    function revokeAllRecognition() external;

    /// @notice `setRecognition` on behalf of `signer`, authorised by its EIP-712 signature.
    function setRecognitionBySig(
        address signer,
        address[] calldata recipients,
        uint96[] calldata points,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice `setRecognitionEntry` on behalf of `signer`, authorised by its EIP-712 signature.
    function setRecognitionEntryBySig(
        address signer,
        address recipient,
        uint96 points,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice `revokeRecognition` on behalf of `signer`, authorised by its EIP-712 signature.
    function revokeRecognitionBySig(address signer, address recipient, uint256 deadline, bytes calldata signature)
        external;

    /// @notice `revokeAllRecognition` on behalf of `signer`, authorised by its EIP-712 signature.
    function revokeAllRecognitionBySig(address signer, uint256 deadline, bytes calldata signature) external;

    /// @notice Points `from` gives `to` (0 if none).
    function recognitionOf(address from, address to) external view returns (uint96);

    /// @notice Sum of the points `from` gives.
    function totalRecognition(address from) external view returns (uint256);

    /// @notice Number of entities `from` recognizes.
    function recognitionCount(address from) external view returns (uint256);

    /// @notice Mutual recognition MR(a,b) = min(p[a][b]/T[a], p[b][a]/T[b]) as an exact, unreduced
    /// fraction; 0/1 when either share is zero. MR(a,a) = p[a][a]/T[a].
    function mutualRecognition(address a, address b) external view returns (uint256 numerator, uint256 denominator);
}
