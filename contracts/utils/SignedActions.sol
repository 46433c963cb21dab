// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {NoncesKeyed} from "@openzeppelin/contracts/utils/NoncesKeyed.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @title SignedActions
/// @notice Shared base for EIP-712 relayed actions. A signer authorises one action with a typed-data
/// signature that anyone may submit. The domain binds the chain id and the verifying contract (no
/// cross-chain or cross-contract replay); a keyed nonce and a deadline bound replay in time. Works for
/// EOAs (ECDSA) and contract wallets such as a Safe (ERC-1271).
///
/// Revocable signatures (sovereignty: no old signature can set or restore an input):
/// - a deadline is at most MAX_SIGNATURE_LIFETIME ahead;
/// - every action belongs to a *scope* (the input it changes: a recognition vector, a capacity, a need,
///   a commitment, a leaf) and its nonce is an OpenZeppelin `NoncesKeyed` nonce whose key is derived from
///   (the signer's epoch, revocation or not, scope, target, the scope's direct epoch, and — for a
///   non-revocation — the scope's revocation epoch). Unrelated scopes never block each other;
/// - a **direct** action bumps its scope's direct epoch: every earlier signature of that signer in that
///   scope, revocation or not, is dead (a direct action supersedes them);
/// - a **revocation** signs on its own key (per target), so no pending non-revocation ever blocks it;
///   executing one (direct or signed) bumps the scope's revocation epoch, so no signature made before it
///   can set or restore the input it revoked;
/// - `invalidateNonce(key)` burns the signer's next nonce of one key; `invalidateAllNonces()` bumps the
///   signer's epoch, which kills every outstanding signature of the signer in this contract at once.
abstract contract SignedActions is EIP712, NoncesKeyed {
    /// @notice Longest a signature may stay valid: its deadline is at most this far after the block time.
    uint256 public constant MAX_SIGNATURE_LIFETIME = 30 days;

    /// @dev Per (signer, scope): bumped by each direct action / each executed revocation. One slot.
    struct ScopeEpochs {
        uint128 direct;
        uint128 revocation;
    }

    mapping(address signer => uint256) private _signerEpochs;
    mapping(address signer => mapping(bytes32 scope => ScopeEpochs)) private _scopeEpochs;

    /// @notice `owner` invalidated its next signature on nonce key `key`; `nonce` is the burnt keyed nonce.
    event NonceUsed(address indexed owner, uint192 indexed key, uint256 nonce);
    /// @notice `owner` invalidated every outstanding signature it made for this contract; its epoch is now `epoch`.
    event AllNoncesInvalidated(address indexed owner, uint256 epoch);
    /// @notice Signatures of `owner` in `scope` made before now are dead: the scope's epochs are now
    /// (`directEpoch`, `revocationEpoch`) (emitted by a direct action or an executed revocation).
    event ScopeSignaturesSuperseded(address indexed owner, bytes32 indexed scope, uint128 directEpoch, uint128 revocationEpoch);

    /// @notice The signature's deadline has passed.
    error SignatureExpired(uint256 deadline, uint256 timestamp);
    /// @notice The signature's deadline is more than MAX_SIGNATURE_LIFETIME ahead: at most `latest`.
    error DeadlineTooFar(uint256 deadline, uint256 latest);
    /// @notice The signature does not verify for `signer` over the given action.
    error InvalidSignature(address signer);

    constructor(string memory name, string memory version) EIP712(name, version) {}

    /// @notice The nonce `signer` must sign now for an action in `scope` on `target` (a revocation or not).
    /// The scope and target of every action are documented with it (docs/contracts.md, "Signatures").
    function signatureNonce(address signer, bool revocation, bytes32 scope, bytes32 target)
        public
        view
        returns (uint256)
    {
        return nonces(signer, _nonceKey(signer, revocation, scope, target));
    }

    /// @notice Current epoch of `signer` (bumped by `invalidateAllNonces`).
    function signatureEpoch(address signer) external view returns (uint256) {
        return _signerEpochs[signer];
    }

    /// @notice Invalidates the caller's next signature on nonce key `key` (the top 192 bits of a signed
    /// nonce), whether or not it would still succeed; the one after it on the same key becomes the next.
    function invalidateNonce(uint192 key) external {
        emit NonceUsed(msg.sender, key, _useNonce(msg.sender, key));
    }

    /// @notice Invalidates every outstanding signature the caller made for this contract.
    function invalidateAllNonces() external {
        emit AllNoncesInvalidated(msg.sender, ++_signerEpochs[msg.sender]);
    }

    /// @dev The nonce key of an action (see the contract's notice).
    function _nonceKey(address signer, bool revocation, bytes32 scope, bytes32 target)
        private
        view
        returns (uint192)
    {
        ScopeEpochs memory epochs = _scopeEpochs[signer][scope];
        return uint192(
            uint256(
                keccak256(
                    abi.encode(
                        _signerEpochs[signer],
                        revocation,
                        scope,
                        target,
                        epochs.direct,
                        revocation ? 0 : epochs.revocation
                    )
                )
            )
        );
    }

    /// @dev Checks deadline and signature over `structHash`, and consumes the signer's nonce for the action.
    /// `structHash` must include `signatureNonce(signer, revocation, scope, target)` read before calling.
    /// A revocation also supersedes the scope's earlier non-revocation signatures.
    function _verifySignedAction(
        address signer,
        bool revocation,
        bytes32 scope,
        bytes32 target,
        bytes32 structHash,
        uint256 deadline,
        bytes calldata signature
    ) internal {
        if (block.timestamp > deadline) revert SignatureExpired(deadline, block.timestamp);
        uint256 latest = block.timestamp + MAX_SIGNATURE_LIFETIME;
        if (deadline > latest) revert DeadlineTooFar(deadline, latest);
        if (!SignatureChecker.isValidSignatureNowCalldata(signer, _hashTypedDataV4(structHash), signature)) {
            revert InvalidSignature(signer);
        }
        _useNonce(signer, _nonceKey(signer, revocation, scope, target));
        if (revocation) _supersede(signer, scope, false);
    }

    /// @dev A direct action by `signer` in `scope`: every earlier signature of `signer` in that scope is dead.
    function _directAction(address signer, bytes32 scope) internal {
        _supersede(signer, scope, true);
    }

    function _supersede(address signer, bytes32 scope, bool direct) private {
        ScopeEpochs storage epochs = _scopeEpochs[signer][scope];
        if (direct) ++epochs.direct;
        else ++epochs.revocation;
        emit ScopeSignaturesSuperseded(signer, scope, epochs.direct, epochs.revocation);
    }
}
