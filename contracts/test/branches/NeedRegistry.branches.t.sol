// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {NeedRegistry} from "../../NeedRegistry.sol";
import {INeedRegistry} from "../../interfaces/INeedRegistry.sol";
import {FutureLookup, ZeroQuantity} from "../../utils/Common.sol";
import {BranchBase} from "./BranchBase.sol";

/// @dev One test per rule of NeedRegistry: authorization, revoked needs, the optional location, the
/// term checkpoints, and the signed paths.
contract NeedRegistryBranchesTest is BranchBase {
    NeedRegistry internal registry;
    uint256 internal constant KEY = 0xBEEF;
    address internal recipient;
    address internal constant STRANGER = address(0x5757);

    function setUp() public {
        registry = new NeedRegistry();
        recipient = vm.addr(KEY);
        vm.roll(10);
        vm.warp(1_000_000);
    }

    function _input(uint128 quantity) internal pure returns (INeedRegistry.NeedInput memory input) {
        input.sector = "WASH";
        input.unit = "litre";
        input.quantity = quantity;
    }

    function _declare(uint128 quantity) internal returns (uint256 id) {
        vm.prank(recipient);
        id = registry.declareNeed(_input(quantity));
    }

    function test_declareNeed_storesTheLocation_andUpdateNeedClearsIt() public {
        INeedRegistry.NeedInput memory input = _input(300);
        input.location = "MZ-P-01";
        vm.prank(recipient);
        uint256 id = registry.declareNeed(input);
        INeedRegistry.Need memory n = registry.getNeed(id);
        require(n.recipient == recipient && n.active && n.input.location == bytes32("MZ-P-01"), "declared");
        expectEmitAll();
        emit INeedRegistry.NeedUpdated(id, recipient, _input(40));
        vm.prank(recipient);
        registry.updateNeed(id, _input(40));
        n = registry.getNeed(id);
        require(n.input.quantity == 40 && n.input.location == bytes32(0) && registry.needCount() == 1, "updated");
    }

    function test_updateNeed_reverts_forAnUnknownNeed() public {
        vm.expectRevert(abi.encodeWithSelector(INeedRegistry.UnknownNeed.selector, 3));
        registry.updateNeed(3, _input(1));
    }

    function test_updateNeed_reverts_whenTheCallerIsNotTheRecipient() public {
        uint256 id = _declare(300);
        vm.expectRevert(abi.encodeWithSelector(INeedRegistry.NotNeedRecipient.selector, id, STRANGER, recipient));
        vm.prank(STRANGER);
        registry.updateNeed(id, _input(1));
    }

    function test_updateNeed_andUpdateNeedQuantity_revert_onARevokedNeed() public {
        uint256 id = _declare(300);
        vm.startPrank(recipient);
        registry.revokeNeed(id);
        vm.expectRevert(abi.encodeWithSelector(INeedRegistry.NeedIsRevoked.selector, id));
        registry.updateNeed(id, _input(1));
        vm.expectRevert(abi.encodeWithSelector(INeedRegistry.NeedIsRevoked.selector, id));
        registry.updateNeedQuantity(id, 1);
        vm.stopPrank();
    }

    function test_updateNeedQuantity_reverts_whenTheQuantityIsZero() public {
        uint256 id = _declare(300);
        vm.expectRevert(abi.encodeWithSelector(ZeroQuantity.selector));
        vm.prank(recipient);
        registry.updateNeedQuantity(id, 0);
    }

    function test_needTermsAt_returnsTheTermsAtEachPastTime_andZeroBeforeDeclaration() public {
        uint256 id = _declare(300); // time 1_000_000
        vm.roll(11);
        vm.warp(1_000_010);
        vm.prank(recipient);
        registry.updateNeedQuantity(id, 350);
        vm.roll(12);
        vm.warp(1_000_020);
        vm.prank(recipient);
        registry.revokeNeed(id);
        vm.roll(13);
        vm.warp(1_000_030);
        (address r, uint256 q, bool a) = registry.needTermsAt(id, 999_999);
        require(r == address(0) && q == 0 && !a, "before declaration");
        (r, q, a) = registry.needTermsAt(id, 1_000_009);
        require(r == recipient && q == 300 && a, "at declaration");
        (r, q, a) = registry.needTermsAt(id, 1_000_010);
        require(q == 350 && a, "after quantity update");
        (r, q, a) = registry.needTermsAt(id, 1_000_029);
        require(r == recipient && q == 350 && !a, "after revocation");
        (r, q, a) = registry.needTerms(id);
        require(r == recipient && q == 350 && !a, "current terms");
    }

    function test_needTermsAt_reverts_forTheCurrentOrAFutureTime() public {
        uint256 id = _declare(300);
        vm.expectRevert(abi.encodeWithSelector(FutureLookup.selector, 1_000_001, uint48(1_000_000)));
        registry.needTermsAt(id, 1_000_001);
        require(registry.clock() == 1_000_000, "clock is the block timestamp");
        require(keccak256(bytes(registry.CLOCK_MODE())) == keccak256("mode=timestamp"), "mode");
    }

    function test_signedDeclareUpdateQuantityAndRevoke_actForTheSigner() public {
        uint256 deadline = block.timestamp + 1 days;
        INeedRegistry.NeedInput memory input = _input(300);
        bytes32 structHash =
            keccak256(abi.encode(registry.DECLARE_NEED_TYPEHASH(), recipient, _hashNeed(input), registry.signatureNonce(recipient, false, 0, 0), deadline));
        uint256 id = registry.declareNeedBySig(recipient, input, deadline, _sign(structHash));
        input.quantity = 310;
        structHash = keccak256(
            abi.encode(registry.UPDATE_NEED_TYPEHASH(), recipient, id, _hashNeed(input), registry.signatureNonce(recipient, false, bytes32(id), 0), deadline)
        );
        registry.updateNeedBySig(recipient, id, input, deadline, _sign(structHash));
        structHash = keccak256(
            abi.encode(registry.UPDATE_NEED_QUANTITY_TYPEHASH(), recipient, id, uint128(320), registry.signatureNonce(recipient, false, bytes32(id), 0), deadline)
        );
        registry.updateNeedQuantityBySig(recipient, id, 320, deadline, _sign(structHash));
        (, uint256 q, bool active) = registry.needTerms(id);
        require(q == 320 && active, "signed updates");
        structHash = keccak256(abi.encode(registry.REVOKE_NEED_TYPEHASH(), recipient, id, registry.signatureNonce(recipient, true, bytes32(id), 0), deadline));
        registry.revokeNeedBySig(recipient, id, deadline, _sign(structHash));
        (,, active) = registry.needTerms(id);
        require(!active, "signed revoke");
    }

    function _sign(bytes32 structHash) internal view returns (bytes memory) {
        return signDigest(KEY, digestOf("FreeAssociation.Needs", address(registry), structHash));
    }

    /// @dev The EIP-712 hashStruct of Need, written from the type string.
    function _hashNeed(INeedRegistry.NeedInput memory input) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256(
                    "Need(bytes32 sector,bytes32 unit,uint128 quantity,uint64 windowStart,uint64 windowEnd,bytes32 location)"
                ),
                input.sector,
                input.unit,
                input.quantity,
                input.windowStart,
                input.windowEnd,
                input.location
            )
        );
    }
}
