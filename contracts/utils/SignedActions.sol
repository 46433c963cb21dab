// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @title SignedActions
/// @notice Shared base for EIP-712 relayed actions. A signer authorises one action with a typed-data
/// signature that anyone may submit. The domain binds the chain id and the verifying contract (no
/// cross-chain or cross-contract replay); a per-signer nonce consumed in order and a deadline bound
/// replay in time. Works for EOAs (ECDSA) and contract wallets such as a Safe (ERC-1271).
/// Revocable: a deadline is at most MAX_SIGNATURE_LIFETIME ahead, and the signer can invalidate its
/// outstanding signature (the one holding its current nonce) with `useNonce`, which also unblocks the
/// signatures made after it.
abstract contract SignedActions is EIP712, Nonces {
    /// @notice Longest a signature may stay valid: its deadline is at most this far after the block time.
    uint256 public constant MAX_SIGNATURE_LIFETIME = 30 days;

    /// @notice `owner` invalidated its signature holding nonce `nonce`.
    event NonceUsed(address indexed owner, uint256 nonce);

    /// @notice The signature's deadline has passed.
    error SignatureExpired(uint256 deadline, uint256 timestamp);
    /// @notice The signature's deadline is more than MAX_SIGNATURE_LIFETIME ahead: at most `latest`.
    error DeadlineTooFar(uint256 deadline, uint256 latest);
    /// @notice The signature does not verify for `signer` over the given action.
    error InvalidSignature(address signer);

    constructor(string memory name, string memory version) EIP712(name, version) {}

    /// @notice Invalidates the caller's outstanding signature holding its current nonce (whether or not it
    /// would still succeed), so the signatures made after it can be relayed.
    function useNonce() external {
        emit NonceUsed(msg.sender, _useNonce(msg.sender));
    }

    /// @dev Checks deadline and signature over `structHash`, and consumes the signer's next nonce.
    /// `structHash` must include that nonce (read with `nonces(signer)` before calling).
    function _verifySignedAction(address signer, bytes32 structHash, uint256 deadline, bytes calldata signature)
        internal
    {
        if (block.timestamp > deadline) revert SignatureExpired(deadline, block.timestamp);
        uint256 latest = block.timestamp + MAX_SIGNATURE_LIFETIME;
        if (deadline > latest) revert DeadlineTooFar(deadline, latest);
        if (!SignatureChecker.isValidSignatureNowCalldata(signer, _hashTypedDataV4(structHash), signature)) {
            revert InvalidSignature(signer);
        }
        _useNonce(signer);
    }
}
