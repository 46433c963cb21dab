// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RecognitionRegistry} from "../../../RecognitionRegistry.sol";
import {SignedActions} from "../../../utils/SignedActions.sol";
import {BranchBase} from "../BranchBase.sol";

/// @dev The signature rules shared by every registry and the ledger (SignedActions): deadlines, the
/// 30-day lifetime cap, signature validity, and useNonce revoking an outstanding signature.
contract SignedActionsBranchesTest is BranchBase {
    RecognitionRegistry internal registry;
    uint256 internal constant KEY = 0x51617;
    address internal signer;

    function setUp() public {
        registry = new RecognitionRegistry();
        signer = vm.addr(KEY);
        vm.warp(1_000_000);
    }

    function _sig(uint256 nonce, uint256 deadline) internal view returns (bytes memory) {
        bytes32 structHash = keccak256(abi.encode(registry.REVOKE_ALL_RECOGNITION_TYPEHASH(), signer, nonce, deadline));
        return signDigest(KEY, digestOf("FreeAssociation.Recognition", address(registry), structHash));
    }

    function test_bySig_reverts_whenTheDeadlineHasPassed() public {
        uint256 deadline = block.timestamp - 1;
        bytes memory sig = _sig(0, deadline);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.SignatureExpired.selector, deadline, block.timestamp));
        registry.revokeAllRecognitionBySig(signer, deadline, sig);
    }

    function test_bySig_reverts_whenTheDeadlineIsMoreThanThirtyDaysAhead() public {
        uint256 latest = block.timestamp + 30 days;
        bytes memory sig = _sig(0, latest + 1);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.DeadlineTooFar.selector, latest + 1, latest));
        registry.revokeAllRecognitionBySig(signer, latest + 1, sig);
        registry.revokeAllRecognitionBySig(signer, latest, _sig(0, latest)); // exactly 30 days is accepted
        require(registry.nonces(signer) == 1, "nonce not consumed");
    }

    function test_bySig_reverts_whenTheSignatureIsNotTheSigners() public {
        uint256 deadline = block.timestamp + 1;
        bytes memory sig = _sig(0, deadline);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, address(0x1234)));
        registry.revokeAllRecognitionBySig(address(0x1234), deadline, sig);
    }

    function test_useNonce_invalidatesTheOutstandingSignature_andEmitsTheNonce() public {
        uint256 deadline = block.timestamp + 1 days;
        bytes memory outstanding = _sig(0, deadline);
        expectEmitAll();
        emit SignedActions.NonceUsed(signer, 0);
        vm.prank(signer);
        registry.useNonce();
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.revokeAllRecognitionBySig(signer, deadline, outstanding);
        registry.revokeAllRecognitionBySig(signer, deadline, _sig(1, deadline)); // the next one is unblocked
        require(registry.nonces(signer) == 2, "nonce");
    }
}
