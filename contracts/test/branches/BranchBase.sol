// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TestBase} from "../Vm.sol";

/// @dev The cheatcodes the branch tests use beyond Vm.sol (both forge and Hardhat's EDR support them).
interface VmEvents {
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData) external;
}

/// @dev Base of the branch tests: event expectations and EIP-712 digests of any verifying contract.
abstract contract BranchBase is TestBase {
    VmEvents internal constant vmEvents = VmEvents(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev Expects the next emitted event to equal the one the test emits next (all topics and data).
    function expectEmitAll() internal {
        vmEvents.expectEmit(true, true, true, true);
    }

    /// @dev The EIP-712 digest of `structHash` under the domain {name, version, chain id, verifying contract}.
    function digestOf(string memory name, address verifying, bytes32 structHash) internal view returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256(bytes(name)),
                keccak256("1"),
                block.chainid,
                verifying
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    function signDigest(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }
}
