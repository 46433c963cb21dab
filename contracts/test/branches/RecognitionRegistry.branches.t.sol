// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RecognitionRegistry} from "../../RecognitionRegistry.sol";
import {IRecognitionRegistry} from "../../interfaces/IRecognitionRegistry.sol";
import {BranchBase} from "./BranchBase.sol";

/// @dev One test per rule of RecognitionRegistry: vector validation, entry limits, revocation and each
/// case of mutual recognition; plus the signed entry and revoke paths.
contract RecognitionRegistryBranchesTest is BranchBase {
    RecognitionRegistry internal registry;
    address internal constant A = address(0xA);
    address internal constant B = address(0xB);
    address internal constant C = address(0xC);

    function setUp() public {
        registry = new RecognitionRegistry();
    }

    function _pair(address x, address y, uint96 px, uint96 py)
        internal
        pure
        returns (address[] memory to, uint96[] memory pts)
    {
        to = new address[](2);
        pts = new uint96[](2);
        (to[0], to[1], pts[0], pts[1]) = (x, y, px, py);
    }

    function test_setRecognition_reverts_whenLengthsDiffer() public {
        address[] memory to = new address[](2);
        uint96[] memory pts = new uint96[](1);
        vm.expectRevert(abi.encodeWithSelector(IRecognitionRegistry.RecognitionLengthMismatch.selector, 2, 1));
        registry.setRecognition(to, pts);
    }

    function test_setRecognition_reverts_whenMoreThanMaxEntries() public {
        address[] memory to = new address[](257);
        uint96[] memory pts = new uint96[](257);
        vm.expectRevert(abi.encodeWithSelector(IRecognitionRegistry.TooManyRecognitionEntries.selector, 257, 256));
        registry.setRecognition(to, pts);
    }

    function test_setRecognition_reverts_whenARecipientIsZero() public {
        (address[] memory to, uint96[] memory pts) = _pair(B, address(0), 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IRecognitionRegistry.ZeroRecipient.selector, 1));
        registry.setRecognition(to, pts);
    }

    function test_setRecognition_reverts_whenPointsAreZero() public {
        (address[] memory to, uint96[] memory pts) = _pair(B, C, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(IRecognitionRegistry.ZeroPoints.selector, 1, C));
        registry.setRecognition(to, pts);
    }

    function test_setRecognition_reverts_whenARecipientRepeats() public {
        (address[] memory to, uint96[] memory pts) = _pair(B, B, 1, 2);
        vm.expectRevert(abi.encodeWithSelector(IRecognitionRegistry.DuplicateRecipient.selector, 1, B));
        registry.setRecognition(to, pts);
    }

    function test_setRecognition_replacesTheWholeVector() public {
        (address[] memory to, uint96[] memory pts) = _pair(B, C, 30, 70);
        vm.prank(A);
        registry.setRecognition(to, pts);
        (to, pts) = _pair(C, address(0xD), 5, 5);
        vm.prank(A);
        registry.setRecognition(to, pts);
        require(registry.recognitionOf(A, B) == 0, "old entry survived a replace");
        require(registry.recognitionOf(A, C) == 5 && registry.totalRecognition(A) == 10, "new vector");
        require(registry.recognitionCount(A) == 2 && registry.recognitionEpoch(A) == 2, "count or epoch");
    }

    function test_setRecognitionEntry_withZeroPoints_revokesTheEntry() public {
        vm.startPrank(A);
        registry.setRecognitionEntry(B, 40);
        expectEmitAll();
        emit IRecognitionRegistry.RecognitionRevoked(A, B, 0);
        registry.setRecognitionEntry(B, 0);
        vm.stopPrank();
        require(registry.recognitionCount(A) == 0 && registry.totalRecognition(A) == 0, "not revoked");
    }

    function test_setRecognitionEntry_reverts_whenTheRecipientIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IRecognitionRegistry.ZeroRecipient.selector, 0));
        registry.setRecognitionEntry(address(0), 1);
    }

    function test_setRecognitionEntry_changingAnExistingEntry_keepsTheCount() public {
        vm.startPrank(A);
        registry.setRecognitionEntry(B, 40);
        expectEmitAll();
        emit IRecognitionRegistry.RecognitionEntrySet(A, B, 25, 25);
        registry.setRecognitionEntry(B, 25);
        vm.stopPrank();
        require(registry.recognitionCount(A) == 1 && registry.recognitionOf(A, B) == 25, "entry");
    }

    function test_setRecognitionEntry_reverts_whenANewEntryWouldExceedMaxEntries() public {
        address[] memory to = new address[](256);
        uint96[] memory pts = new uint96[](256);
        for (uint256 i; i < 256; ++i) {
            to[i] = address(uint160(0x1000 + i));
            pts[i] = 1;
        }
        vm.startPrank(A);
        registry.setRecognition(to, pts);
        vm.expectRevert(abi.encodeWithSelector(IRecognitionRegistry.TooManyRecognitionEntries.selector, 257, 256));
        registry.setRecognitionEntry(B, 1);
        registry.setRecognitionEntry(to[0], 9); // an existing entry may still change
        vm.stopPrank();
        require(registry.totalRecognition(A) == 264, "total after changing an existing entry");
    }

    function test_revokeRecognition_reverts_whenThereIsNoEntry() public {
        vm.expectRevert(abi.encodeWithSelector(IRecognitionRegistry.RecognitionNotFound.selector, A, B));
        vm.prank(A);
        registry.revokeRecognition(B);
    }

    function test_mutualRecognition_isZero_whenEitherSideDoesNotRecognize() public {
        vm.prank(A);
        registry.setRecognitionEntry(B, 10);
        (uint256 n, uint256 d) = registry.mutualRecognition(B, A);
        require(n == 0 && d == 1, "B does not recognize A");
        (n, d) = registry.mutualRecognition(A, B);
        require(n == 0 && d == 1, "A recognizes B but B not A");
    }

    function test_mutualRecognition_ofSelf_isTheSelfShare() public {
        (address[] memory to, uint96[] memory pts) = _pair(A, B, 30, 70);
        vm.prank(A);
        registry.setRecognition(to, pts);
        (uint256 n, uint256 d) = registry.mutualRecognition(A, A);
        require(n == 30 && d == 100, "self share");
    }

    function test_mutualRecognition_isTheSmallerOfTheTwoShares_eitherWay() public {
        (address[] memory to, uint96[] memory pts) = _pair(B, C, 20, 80); // A: B has 20 %
        vm.prank(A);
        registry.setRecognition(to, pts);
        (to, pts) = _pair(A, C, 50, 50); // B: A has 50 %
        vm.prank(B);
        registry.setRecognition(to, pts);
        (uint256 n, uint256 d) = registry.mutualRecognition(A, B);
        require(n == 20 && d == 100, "A's share is smaller");
        (n, d) = registry.mutualRecognition(B, A);
        require(n == 20 && d == 100, "B's view: A's share is smaller");
    }

    function test_revokeAllRecognitionBySig_clearsTheSignersVector() public {
        uint256 key = 0xA11;
        address signer = vm.addr(key);
        vm.prank(signer);
        registry.setRecognitionEntry(B, 10);
        uint256 deadline = block.timestamp + 1 days;
        bytes32 structHash =
            keccak256(abi.encode(registry.REVOKE_ALL_RECOGNITION_TYPEHASH(), signer, registry.signatureNonce(signer, true, 0, 0), deadline));
        bytes memory sig = signDigest(key, digestOf("FreeAssociation.Recognition", address(registry), structHash));
        registry.revokeAllRecognitionBySig(signer, deadline, sig);
        require(registry.totalRecognition(signer) == 0 && registry.recognitionOf(signer, B) == 0, "not cleared");
    }

    function test_setAndRevokeRecognitionEntryBySig_actForTheSigner() public {
        uint256 key = 0xA12;
        address signer = vm.addr(key);
        uint256 deadline = block.timestamp + 1 days;
        bytes32 structHash = keccak256(
            abi.encode(registry.SET_RECOGNITION_ENTRY_TYPEHASH(), signer, B, uint96(15), registry.signatureNonce(signer, false, 0, 0), deadline)
        );
        registry.setRecognitionEntryBySig(
            signer, B, 15, deadline, signDigest(key, digestOf("FreeAssociation.Recognition", address(registry), structHash))
        );
        require(registry.recognitionOf(signer, B) == 15, "signed entry");
        structHash = keccak256(abi.encode(registry.REVOKE_RECOGNITION_TYPEHASH(), signer, B, registry.signatureNonce(signer, true, 0, bytes32(uint256(uint160(B)))), deadline));
        registry.revokeRecognitionBySig(
            signer, B, deadline, signDigest(key, digestOf("FreeAssociation.Recognition", address(registry), structHash))
        );
        require(registry.recognitionOf(signer, B) == 0, "signed revoke");
    }
}
