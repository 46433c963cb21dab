// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Safe} from "@safe-global/safe-contracts/contracts/Safe.sol";
import {SafeProxyFactory} from "@safe-global/safe-contracts/contracts/proxies/SafeProxyFactory.sol";
import {CompatibilityFallbackHandler} from
    "@safe-global/safe-contracts/contracts/handler/CompatibilityFallbackHandler.sol";
import {Enum} from "@safe-global/safe-contracts/contracts/common/Enum.sol";
import {Vm} from "../Vm.sol";

/// @title SafeFixture
/// @notice Real Safe 1.4.1 multisigs for the Solidity tests: the singleton, proxy factory and the
/// compatibility fallback handler (which answers ERC-1271 `isValidSignature`), deployed once.
/// @dev Deployed by the test itself and passed to handlers: a contract that embeds the Safe's creation
/// code next to the ledger's would pass the EVM's init-code size limit.
contract SafeFixture {
    Safe public immutable singleton;
    SafeProxyFactory public immutable factory;
    CompatibilityFallbackHandler public immutable fallbackHandler;

    constructor() {
        singleton = new Safe();
        factory = new SafeProxyFactory();
        fallbackHandler = new CompatibilityFallbackHandler();
    }

    /// @notice A Safe proxy with `owners` and `threshold`, wired to the fallback handler (needed for ERC-1271).
    function deploySafe(address[] memory owners, uint256 threshold, uint256 saltNonce) external returns (Safe) {
        bytes memory initializer = abi.encodeCall(
            Safe.setup,
            (owners, threshold, address(0), "", address(fallbackHandler), address(0), 0, payable(address(0)))
        );
        return Safe(payable(address(factory.createProxyWithNonce(address(singleton), initializer, saltNonce))));
    }
}

/// @title SafeOwners
/// @notice What a Safe's owners do, computed the way their wallets do (Safe 1.4.1's typed data), not with
/// the Safe's own helpers: sign a message for ERC-1271, and execute a call from the Safe.
library SafeOwners {
    Vm internal constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    bytes32 internal constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(uint256 chainId,address verifyingContract)");
    bytes32 internal constant SAFE_MESSAGE_TYPEHASH = keccak256("SafeMessage(bytes message)");
    bytes32 internal constant SAFE_TX_TYPEHASH = keccak256(
        "SafeTx(address to,uint256 value,bytes data,uint8 operation,uint256 safeTxGas,uint256 baseGas,uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)"
    );

    /// @notice The owners' signature of `digest` as a message of `safe` (what the Safe's ERC-1271 accepts).
    function signMessage(Safe safe, uint256[2] memory ownerKeys, bytes32 digest) internal view returns (bytes memory) {
        bytes32 safeMessage = keccak256(abi.encode(SAFE_MESSAGE_TYPEHASH, keccak256(abi.encode(digest))));
        return _signBoth(ownerKeys, _typedDigest(safe, safeMessage));
    }

    /// @notice The owners approve and execute `data` on `to` from `safe`; false if the inner call reverted
    /// (with safeTxGas and gasPrice 0 the Safe reverts GS013 then, so nothing of the call remains).
    function execute(Safe safe, uint256[2] memory ownerKeys, address to, bytes memory data) internal returns (bool) {
        bytes32 safeTx = keccak256(
            abi.encode(
                SAFE_TX_TYPEHASH, to, 0, keccak256(data), Enum.Operation.Call, 0, 0, 0, address(0), address(0), safe.nonce()
            )
        );
        bytes memory signatures = _signBoth(ownerKeys, _typedDigest(safe, safeTx));
        try safe.execTransaction(to, 0, data, Enum.Operation.Call, 0, 0, 0, address(0), payable(address(0)), signatures)
        returns (bool success) {
            return success;
        } catch {
            return false;
        }
    }

    function _typedDigest(Safe safe, bytes32 structHash) private view returns (bytes32) {
        bytes32 domainSeparator = keccak256(abi.encode(DOMAIN_TYPEHASH, block.chainid, address(safe)));
        return keccak256(abi.encodePacked(hex"1901", domainSeparator, structHash));
    }

    /// @dev Two owners' ECDSA signatures, in ascending owner-address order as the Safe requires.
    function _signBoth(uint256[2] memory keys, bytes32 digest) private pure returns (bytes memory) {
        (uint256 first, uint256 second) = VM.addr(keys[0]) < VM.addr(keys[1]) ? (keys[0], keys[1]) : (keys[1], keys[0]);
        (uint8 v1, bytes32 r1, bytes32 s1) = VM.sign(first, digest);
        (uint8 v2, bytes32 r2, bytes32 s2) = VM.sign(second, digest);
        return abi.encodePacked(r1, s1, v1, r2, s2, v2);
    }
}
