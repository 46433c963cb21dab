// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RecognitionRegistry} from "../../../RecognitionRegistry.sol";
import {SignedActions} from "../../../utils/SignedActions.sol";
import {BranchBase} from "../BranchBase.sol";

/// @dev The signature rules shared by every registry and the ledger (SignedActions), on the recognition
/// registry: deadlines and their 30-day cap, signature validity, and revocability — a direct action
/// supersedes earlier signatures, a revocation is never blocked by a pending signature and kills the
/// ones made before it, and the signer can invalidate one nonce key or all its signatures at once.
contract SignedActionsBranchesTest is BranchBase {
    RecognitionRegistry internal registry;
    uint256 internal constant KEY = 0x51617;
    address internal constant X = address(0xA1);
    address internal constant Y = address(0xA2);
    address internal signer;
    uint256 internal deadline;

    function setUp() public {
        registry = new RecognitionRegistry();
        signer = vm.addr(KEY);
        vm.warp(1_000_000);
        deadline = block.timestamp + 1 days;
    }

    function _digest(bytes32 structHash) internal view returns (bytes memory) {
        return signDigest(KEY, digestOf("FreeAssociation.Recognition", address(registry), structHash));
    }

    function _setNonce() internal view returns (uint256) {
        return registry.signatureNonce(signer, false, registry.VECTOR_SCOPE(), 0);
    }

    function _revokeNonce(address recipient) internal view returns (uint256) {
        return registry.signatureNonce(signer, true, registry.VECTOR_SCOPE(), bytes32(uint256(uint160(recipient))));
    }

    function _revokeAllNonce() internal view returns (uint256) {
        return registry.signatureNonce(signer, true, registry.VECTOR_SCOPE(), 0);
    }

    /// @dev A signature of SetRecognitionEntry(recipient, points) on nonce `nonce`.
    function _signEntry(address recipient, uint96 points, uint256 nonce) internal view returns (bytes memory) {
        return _digest(
            keccak256(abi.encode(registry.SET_RECOGNITION_ENTRY_TYPEHASH(), signer, recipient, points, nonce, deadline))
        );
    }

    function _signRevoke(address recipient, uint256 nonce) internal view returns (bytes memory) {
        return _digest(keccak256(abi.encode(registry.REVOKE_RECOGNITION_TYPEHASH(), signer, recipient, nonce, deadline)));
    }

    function _signRevokeAll(uint256 nonce, uint256 deadline_) internal view returns (bytes memory) {
        return _digest(keccak256(abi.encode(registry.REVOKE_ALL_RECOGNITION_TYPEHASH(), signer, nonce, deadline_)));
    }

    // ------------------------------------------------------------ deadlines and validity

    function test_bySig_reverts_whenTheDeadlineHasPassed() public {
        uint256 past = block.timestamp - 1;
        bytes memory sig = _signRevokeAll(_revokeAllNonce(), past);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.SignatureExpired.selector, past, block.timestamp));
        registry.revokeAllRecognitionBySig(signer, past, sig);
    }

    function test_bySig_reverts_whenTheDeadlineIsMoreThanThirtyDaysAhead() public {
        uint256 latest = block.timestamp + 30 days;
        uint256 nonce = _revokeAllNonce();
        bytes memory sig = _signRevokeAll(nonce, latest + 1);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.DeadlineTooFar.selector, latest + 1, latest));
        registry.revokeAllRecognitionBySig(signer, latest + 1, sig);
        registry.revokeAllRecognitionBySig(signer, latest, _signRevokeAll(nonce, latest)); // exactly 30 days is accepted
        require(_revokeAllNonce() == nonce + 1, "nonce not consumed");
    }

    function test_bySig_reverts_whenTheSignatureIsNotTheSigners() public {
        bytes memory sig = _signRevokeAll(_revokeAllNonce(), deadline);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, address(0x1234)));
        registry.revokeAllRecognitionBySig(address(0x1234), deadline, sig);
    }

    function test_bySig_reverts_onReplay() public {
        bytes memory sig = _signEntry(X, 10, _setNonce());
        registry.setRecognitionEntryBySig(signer, X, 10, deadline, sig);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.setRecognitionEntryBySig(signer, X, 10, deadline, sig);
    }

    // ------------------------------------------------------------ sovereignty: no old signature sets or restores

    /// Issue 8, Why 2: sign SetRecognitionEntry(X, 100), then revoke everything directly — the old
    /// signature can no longer give X its 100 points back.
    function test_aDirectRevocation_killsAnEarlierSignedSet() public {
        bytes memory old = _signEntry(X, 100, _setNonce());
        vm.prank(signer);
        registry.revokeAllRecognition();
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.setRecognitionEntryBySig(signer, X, 100, deadline, old);
        require(registry.recognitionOf(signer, X) == 0, "old signature restored X");
    }

    function test_aDirectSet_supersedesEarlierSignatures_revocationsToo() public {
        vm.prank(signer);
        registry.setRecognitionEntry(X, 50);
        bytes memory oldSet = _signEntry(X, 100, _setNonce());
        bytes memory oldRevoke = _signRevoke(X, _revokeNonce(X));
        expectEmitAll();
        emit SignedActions.ScopeSignaturesSuperseded(signer, registry.VECTOR_SCOPE(), 2, 0);
        vm.prank(signer);
        registry.setRecognitionEntry(X, 60);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.setRecognitionEntryBySig(signer, X, 100, deadline, oldSet);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.revokeRecognitionBySig(signer, X, deadline, oldRevoke);
        require(registry.recognitionOf(signer, X) == 60, "the direct action did not stand");
    }

    function test_aSignedRevocation_killsTheSetsSignedBeforeIt() public {
        bytes memory set = _signEntry(X, 100, _setNonce());
        bytes memory revokeAll = _signRevokeAll(_revokeAllNonce(), deadline);
        registry.revokeAllRecognitionBySig(signer, deadline, revokeAll);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.setRecognitionEntryBySig(signer, X, 100, deadline, set);
    }

    // ------------------------------------------------------------ revocations are never blocked

    function test_aPendingSet_neverBlocksASignedRevocation() public {
        vm.prank(signer);
        registry.setRecognitionEntry(X, 10);
        // Two sets pending (the second waits for the first) and a revocation signed after them.
        uint256 n = _setNonce();
        _signEntry(Y, 5, n);
        _signEntry(Y, 6, n + 1);
        bytes memory revoke = _signRevoke(X, _revokeNonce(X));
        registry.revokeRecognitionBySig(signer, X, deadline, revoke);
        require(registry.recognitionOf(signer, X) == 0, "revocation blocked");
    }

    function test_aRelayedSet_leavesAPendingRevocationValid() public {
        uint256 n = _setNonce();
        bytes memory set = _signEntry(X, 10, n);
        bytes memory revoke = _signRevoke(X, _revokeNonce(X));
        registry.setRecognitionEntryBySig(signer, X, 10, deadline, set);
        registry.revokeRecognitionBySig(signer, X, deadline, revoke);
        require(registry.recognitionOf(signer, X) == 0, "revocation lost");
    }

    function test_revocationsOfDifferentRecipients_relayInAnyOrder() public {
        vm.startPrank(signer);
        registry.setRecognitionEntry(X, 10);
        registry.setRecognitionEntry(Y, 20);
        vm.stopPrank();
        bytes memory revokeX = _signRevoke(X, _revokeNonce(X));
        bytes memory revokeY = _signRevoke(Y, _revokeNonce(Y));
        registry.revokeRecognitionBySig(signer, Y, deadline, revokeY);
        registry.revokeRecognitionBySig(signer, X, deadline, revokeX);
        require(registry.totalRecognition(signer) == 0, "a revocation was blocked");
    }

    // ------------------------------------------------------------ invalidation by the signer

    function test_invalidateNonce_burnsTheNextNonceOfOneKey_only() public {
        uint256 n = _setNonce();
        bytes memory first = _signEntry(X, 10, n);
        bytes memory second = _signEntry(X, 20, n + 1);
        bytes memory revoke = _signRevokeAll(_revokeAllNonce(), deadline);
        uint192 key = uint192(n >> 64);
        expectEmitAll();
        emit SignedActions.NonceUsed(signer, key, n);
        vm.prank(signer);
        registry.invalidateNonce(key);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.setRecognitionEntryBySig(signer, X, 10, deadline, first);
        registry.setRecognitionEntryBySig(signer, X, 20, deadline, second); // the next one on the key
        registry.revokeAllRecognitionBySig(signer, deadline, revoke); // another key: untouched
        require(registry.totalRecognition(signer) == 0, "revoke all");
    }

    function test_invalidateAllNonces_killsEveryOutstandingSignature() public {
        bytes memory set = _signEntry(X, 10, _setNonce());
        bytes memory revoke = _signRevokeAll(_revokeAllNonce(), deadline);
        expectEmitAll();
        emit SignedActions.AllNoncesInvalidated(signer, 1);
        vm.prank(signer);
        registry.invalidateAllNonces();
        require(registry.signatureEpoch(signer) == 1, "epoch");
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.setRecognitionEntryBySig(signer, X, 10, deadline, set);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.revokeAllRecognitionBySig(signer, deadline, revoke);
        // New signatures work again.
        registry.setRecognitionEntryBySig(signer, X, 10, deadline, _signEntry(X, 10, _setNonce()));
        require(registry.recognitionOf(signer, X) == 10, "new signature");
    }

    function test_signaturesOfOneSigner_neverTouchAnothers() public {
        bytes memory set = _signEntry(X, 10, _setNonce());
        vm.prank(address(0xBEEF));
        registry.revokeAllRecognition();
        vm.prank(address(0xBEEF));
        registry.invalidateAllNonces();
        registry.setRecognitionEntryBySig(signer, X, 10, deadline, set);
        require(registry.recognitionOf(signer, X) == 10, "another's action touched the signer");
    }
}
