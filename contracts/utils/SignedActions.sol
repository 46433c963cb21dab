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
abstract contract SignedActions is EIP712, Nonces {
    /// @notice The signature's deadline has passed.
    error SignatureExpired(uint256 deadline, uint256 timestamp);
    /// @notice The signature does not verify for `signer` over the given action.
    error InvalidSignature(address signer);

    constructor(string memory name, string memory version) EIP712(name, version) {}

    /// @dev Checks deadline and signature over `structHash`, and consumes the signer's next nonce.
    /// `structHash` must include that nonce (read with `nonces(signer)` before calling).
    function _verifySignedAction(address signer, bytes32 structHash, uint256 deadline, bytes calldata signature)
        internal
    {
        if (block.timestamp > deadline) revert SignatureExpired(deadline, block.timestamp);
        if (!SignatureChecker.isValidSignatureNowCalldata(signer, _hashTypedDataV4(structHash), signature)) {
            revert InvalidSignature(signer);
        }
        _useNonce(signer);
    }
}
