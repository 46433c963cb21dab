// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Codes
/// @notice Validation of the short ASCII codes the registries store as `bytes32` (sectors such as
/// "WASH", units such as "litre", locations such as "MZ-P-01"): printable ASCII without spaces
/// (0x21..0x7e), left-aligned, zero-padded. A code therefore has exactly one `bytes32` encoding, so
/// two equal codes compare equal on chain and off chain. Checked word-wise (SWAR), without a loop.
library Codes {
    bytes32 private constant HIGH_BITS = 0x8080808080808080808080808080808080808080808080808080808080808080;
    bytes32 private constant ONES = 0x0101010101010101010101010101010101010101010101010101010101010101;

    /// @dev True when `code` is a non-empty, left-aligned, zero-padded printable ASCII string.
    function isCode(bytes32 code) internal pure returns (bool) {
        uint256 x = uint256(code);
        uint256 high = uint256(HIGH_BITS);
        uint256 ones = uint256(ONES);
        // Every byte below 0x80: from here on, adding up to 0x7f per byte never carries across bytes.
        if ((x & high) != 0) return false;
        // Marker bit 7 set for each non-zero byte (byte + 0x7f >= 0x80 iff byte >= 1).
        uint256 nonZero = (x + ones * 0x7f) & high;
        if (nonZero == 0) return false;
        // Left-aligned: a non-zero byte is always preceded by a non-zero byte (no interior zero).
        if (((nonZero << 8) & ~nonZero) != 0) return false;
        // Non-zero bytes are at least 0x21 (no control characters, no space)...
        if (((x + ones * 0x5f) & high) != nonZero) return false;
        // ...and at most 0x7e (no DEL).
        if (((x + ones) & high) != 0) return false;
        return true;
    }

    /// @dev True for the empty code (0) or a valid code.
    function isOptionalCode(bytes32 code) internal pure returns (bool) {
        return code == bytes32(0) || isCode(code);
    }
}
