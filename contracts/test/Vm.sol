// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @dev The few cheatcodes the Solidity tests use (Hardhat 3 / Foundry cheatcode address), declared
/// here because forge-std is not a dependency of this project.
interface Vm {
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function warp(uint256 timestamp) external;
    function roll(uint256 blockNumber) external;
    function chainId(uint256 newChainId) external;
    function assume(bool condition) external;
    function addr(uint256 privateKey) external pure returns (address);
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function expectRevert(bytes calldata revertData) external;
}

/// @dev Base for the Solidity tests: the cheatcode handle and a bounded-integer helper.
abstract contract TestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev Maps `x` into [min, max] (max >= min).
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        return min + (x % (max - min + 1));
    }

    /// @dev A secp256k1 private key derived from `seed` (never zero, below the curve order).
    function privateKey(uint256 seed) internal pure returns (uint256) {
        return bound(seed, 1, 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140);
    }
}
