// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CapacityRegistry} from "../../CapacityRegistry.sol";
import {ICapacityRegistry} from "../../interfaces/ICapacityRegistry.sol";
import {FutureLookup, ZeroQuantity} from "../../utils/Common.sol";
import {BranchBase} from "./BranchBase.sol";
import {SignedActions} from "../../utils/SignedActions.sol";

/// @dev One test per rule of CapacityRegistry: authorization, revoked capacities, the filter list, the
/// optional fields, the term checkpoints, and the signed paths.
contract CapacityRegistryBranchesTest is BranchBase {
    CapacityRegistry internal registry;
    uint256 internal constant KEY = 0xC0FFEE;
    address internal provider;
    address internal constant STRANGER = address(0x5757);

    function setUp() public {
        registry = new CapacityRegistry();
        provider = vm.addr(KEY);
        vm.roll(10);
        vm.warp(1_000_000);
    }

    function _input(uint128 quantity) internal pure returns (ICapacityRegistry.CapacityInput memory input) {
        input.sector = "WASH";
        input.unit = "litre";
        input.quantity = quantity;
    }

    function _declare(uint128 quantity) internal returns (uint256 id) {
        vm.prank(provider);
        id = registry.declareCapacity(_input(quantity));
    }

    function _list(address a, address b) internal pure returns (address[] memory list) {
        list = new address[](2);
        (list[0], list[1]) = (a, b);
    }

    function test_declareCapacity_storesEveryOptionalField() public {
        ICapacityRegistry.CapacityInput memory input = _input(500);
        input.minUnit = 5;
        input.location = "MZ-P-01";
        input.windowStart = 10;
        input.windowEnd = 20;
        input.filterMode = ICapacityRegistry.FilterMode.Allow;
        input.filterList = _list(address(0x1), address(0x2));
        input.recurring = true;
        vm.prank(provider);
        uint256 id = registry.declareCapacity(input);
        ICapacityRegistry.Capacity memory c = registry.getCapacity(id);
        require(c.provider == provider && c.active, "head");
        require(c.input.minUnit == 5 && c.input.location == bytes32("MZ-P-01"), "optional fields");
        require(c.input.windowStart == 10 && c.input.windowEnd == 20 && c.input.recurring, "window or kind");
        require(c.input.filterList.length == 2 && c.input.filterList[1] == address(0x2), "filter list");
        require(registry.capacityCount() == 1, "count");
    }

    function test_declareCapacity_reverts_whenFilterModeNoneHasAList() public {
        ICapacityRegistry.CapacityInput memory input = _input(500);
        input.filterList = _list(address(0x1), address(0x2));
        vm.expectRevert(
            abi.encodeWithSelector(ICapacityRegistry.InvalidFilter.selector, ICapacityRegistry.FilterMode.None, 2)
        );
        registry.declareCapacity(input);
    }

    function test_declareCapacity_reverts_whenAFilterModeHasAnEmptyList() public {
        ICapacityRegistry.CapacityInput memory input = _input(500);
        input.filterMode = ICapacityRegistry.FilterMode.Deny;
        vm.expectRevert(
            abi.encodeWithSelector(ICapacityRegistry.InvalidFilter.selector, ICapacityRegistry.FilterMode.Deny, 0)
        );
        registry.declareCapacity(input);
    }

    function test_declareCapacity_reverts_whenTheFilterListExceedsMaxEntries() public {
        ICapacityRegistry.CapacityInput memory input = _input(500);
        input.filterMode = ICapacityRegistry.FilterMode.Allow;
        input.filterList = new address[](33);
        for (uint256 i; i < 33; ++i) input.filterList[i] = address(uint160(i + 1));
        vm.expectRevert(
            abi.encodeWithSelector(ICapacityRegistry.InvalidFilter.selector, ICapacityRegistry.FilterMode.Allow, 33)
        );
        registry.declareCapacity(input);
    }

    function test_declareCapacity_reverts_whenTheFilterListIsNotStrictlyAscending() public {
        ICapacityRegistry.CapacityInput memory input = _input(500);
        input.filterMode = ICapacityRegistry.FilterMode.Allow;
        input.filterList = _list(address(0x2), address(0x2));
        vm.expectRevert(abi.encodeWithSelector(ICapacityRegistry.FilterListNotAscending.selector, 1, address(0x2)));
        registry.declareCapacity(input);
        input.filterList = _list(address(0), address(0x2));
        vm.expectRevert(abi.encodeWithSelector(ICapacityRegistry.FilterListNotAscending.selector, 0, address(0)));
        registry.declareCapacity(input);
    }

    function test_updateCapacity_reverts_forAnUnknownCapacity() public {
        vm.expectRevert(abi.encodeWithSelector(ICapacityRegistry.UnknownCapacity.selector, 7));
        registry.updateCapacity(7, _input(1));
    }

    function test_updatesAndRevoke_revert_whenTheCallerIsNotTheProvider() public {
        uint256 id = _declare(500);
        bytes memory notProvider =
            abi.encodeWithSelector(ICapacityRegistry.NotCapacityProvider.selector, id, STRANGER, provider);
        vm.startPrank(STRANGER);
        vm.expectRevert(notProvider);
        registry.updateCapacity(id, _input(1));
        vm.expectRevert(notProvider);
        registry.revokeCapacity(id);
        vm.stopPrank();
    }

    function test_updateCapacity_andUpdateCapacityQuantity_revert_onARevokedCapacity() public {
        uint256 id = _declare(500);
        vm.startPrank(provider);
        registry.revokeCapacity(id);
        vm.expectRevert(abi.encodeWithSelector(ICapacityRegistry.CapacityIsRevoked.selector, id));
        registry.updateCapacity(id, _input(1));
        vm.expectRevert(abi.encodeWithSelector(ICapacityRegistry.CapacityIsRevoked.selector, id));
        registry.updateCapacityQuantity(id, 1);
        vm.stopPrank();
    }

    function test_updateCapacityQuantity_reverts_whenTheQuantityIsZero() public {
        uint256 id = _declare(500);
        vm.expectRevert(abi.encodeWithSelector(ZeroQuantity.selector));
        vm.prank(provider);
        registry.updateCapacityQuantity(id, 0);
    }

    function test_updateCapacity_replacesEveryField_andClearsTheOptionalOnes() public {
        ICapacityRegistry.CapacityInput memory input = _input(500);
        input.minUnit = 5;
        input.location = "MZ";
        vm.prank(provider);
        uint256 id = registry.declareCapacity(input);
        expectEmitAll();
        emit ICapacityRegistry.CapacityUpdated(id, provider, _input(42));
        vm.prank(provider);
        registry.updateCapacity(id, _input(42));
        ICapacityRegistry.Capacity memory c = registry.getCapacity(id);
        require(c.input.quantity == 42 && c.input.minUnit == 0 && c.input.location == bytes32(0), "not replaced");
    }

    function test_capacityTermsAt_returnsTheTermsAtEachPastTime_andZeroBeforeDeclaration() public {
        uint256 id = _declare(500); // time 1_000_000
        vm.roll(11);
        vm.warp(1_000_010);
        vm.prank(provider);
        registry.updateCapacityQuantity(id, 800);
        vm.roll(12);
        vm.warp(1_000_020);
        ICapacityRegistry.CapacityInput memory recurring = _input(900);
        recurring.recurring = true;
        vm.prank(provider);
        registry.updateCapacity(id, recurring);
        vm.roll(13);
        vm.warp(1_000_030);
        vm.prank(provider);
        registry.revokeCapacity(id);
        vm.roll(14);
        vm.warp(1_000_040);

        (address p, uint256 q, bool r, bool a) = registry.capacityTermsAt(id, 999_999);
        require(p == address(0) && q == 0 && !r && !a, "before declaration");
        (p, q, r, a) = registry.capacityTermsAt(id, 1_000_000);
        require(p == provider && q == 500 && !r && a, "at declaration");
        (p, q, r, a) = registry.capacityTermsAt(id, 1_000_009);
        require(q == 500 && a, "between declaration and update");
        (p, q, r, a) = registry.capacityTermsAt(id, 1_000_010);
        require(q == 800 && !r && a, "after quantity update");
        (p, q, r, a) = registry.capacityTermsAt(id, 1_000_020);
        require(q == 900 && r && a, "after switch to recurring");
        (p, q, r, a) = registry.capacityTermsAt(id, 1_000_039);
        require(p == provider && q == 900 && r && !a, "after revocation");
    }

    /// Blocks that share a timestamp share its checkpoint: the terms at that time are those at the end of
    /// the last block with it.
    function test_capacityTermsAt_returnsTheLastBlockOfATimestamp_whenSeveralBlocksShareIt() public {
        uint256 id = _declare(500); // block 10, time 1_000_000
        vm.roll(11); // same timestamp
        vm.prank(provider);
        registry.updateCapacityQuantity(id, 600);
        vm.roll(12); // same timestamp again
        vm.prank(provider);
        registry.updateCapacityQuantity(id, 700);
        vm.roll(13);
        vm.warp(1_000_001);
        (, uint256 q,, bool a) = registry.capacityTermsAt(id, 1_000_000);
        require(q == 700 && a, "not the last block of the timestamp");
    }

    function test_capacityTermsAt_reverts_forTheCurrentOrAFutureTime() public {
        uint256 id = _declare(500);
        vm.expectRevert(abi.encodeWithSelector(FutureLookup.selector, 1_000_000, uint48(1_000_000)));
        registry.capacityTermsAt(id, 1_000_000);
        require(registry.clock() == 1_000_000, "clock is the block timestamp");
        require(keccak256(bytes(registry.CLOCK_MODE())) == keccak256("mode=timestamp"), "mode");
    }

    function test_signedDeclareUpdateQuantityAndRevoke_actForTheSigner() public {
        uint256 deadline = block.timestamp + 1 days;
        ICapacityRegistry.CapacityInput memory input = _input(500);
        bytes32 structHash = keccak256(
            abi.encode(registry.DECLARE_CAPACITY_TYPEHASH(), provider, _hashCapacity(input), registry.signatureNonce(provider, false, 0, 0), deadline)
        );
        uint256 id = registry.declareCapacityBySig(provider, input, deadline, _sign(structHash));

        input.quantity = 600;
        structHash = keccak256(
            abi.encode(registry.UPDATE_CAPACITY_TYPEHASH(), provider, id, _hashCapacity(input), registry.signatureNonce(provider, false, bytes32(id), 0), deadline)
        );
        registry.updateCapacityBySig(provider, id, input, deadline, _sign(structHash));

        structHash = keccak256(
            abi.encode(registry.UPDATE_CAPACITY_QUANTITY_TYPEHASH(), provider, id, uint128(700), registry.signatureNonce(provider, false, bytes32(id), 0), deadline)
        );
        registry.updateCapacityQuantityBySig(provider, id, 700, deadline, _sign(structHash));
        (, uint256 q,, bool active) = registry.capacityTerms(id);
        require(q == 700 && active, "signed updates");

        structHash = keccak256(abi.encode(registry.REVOKE_CAPACITY_TYPEHASH(), provider, id, registry.signatureNonce(provider, true, bytes32(id), 0), deadline));
        registry.revokeCapacityBySig(provider, id, deadline, _sign(structHash));
        (,,, active) = registry.capacityTerms(id);
        require(!active, "signed revoke");
    }

    function _signQuantity(uint256 id, uint128 quantity, uint256 deadline) internal view returns (bytes memory) {
        return _sign(
            keccak256(
                abi.encode(
                    registry.UPDATE_CAPACITY_QUANTITY_TYPEHASH(),
                    provider,
                    id,
                    quantity,
                    registry.signatureNonce(provider, false, bytes32(id), 0),
                    deadline
                )
            )
        );
    }

    function _signRevoke(uint256 id, uint256 deadline) internal view returns (bytes memory) {
        return _sign(
            keccak256(
                abi.encode(
                    registry.REVOKE_CAPACITY_TYPEHASH(), provider, id, registry.signatureNonce(provider, true, bytes32(id), 0), deadline
                )
            )
        );
    }

    /// Sovereignty: a direct change supersedes a quantity the provider signed earlier for the same capacity.
    function test_aDirectUpdate_killsAnEarlierSignedUpdateOfTheSameCapacity() public {
        uint256 id = _declare(500);
        uint256 deadline = block.timestamp + 1 days;
        bytes memory old = _signQuantity(id, 900, deadline);
        vm.prank(provider);
        registry.updateCapacityQuantity(id, 300);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, provider));
        registry.updateCapacityQuantityBySig(provider, id, 900, deadline, old);
        (, uint256 q,,) = registry.capacityTerms(id);
        require(q == 300, "the old signature overrode the direct change");
    }

    /// A stuck signature of one capacity blocks neither another capacity's signatures nor its own revocation;
    /// the revocation then kills it, so it cannot restore the capacity's terms.
    function test_aStuckSignature_blocksNoRevocation_andDiesWithIt() public {
        uint256 first = _declare(500);
        uint256 second = _declare(400);
        uint256 deadline = block.timestamp + 1 days;
        bytes memory stuck = _signQuantity(first, 900, deadline); // never relayed
        registry.updateCapacityQuantityBySig(provider, second, 450, deadline, _signQuantity(second, 450, deadline));
        registry.revokeCapacityBySig(provider, first, deadline, _signRevoke(first, deadline));
        (,,, bool active) = registry.capacityTerms(first);
        require(!active, "revocation blocked");
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, provider));
        registry.updateCapacityQuantityBySig(provider, first, 900, deadline, stuck);
    }

    function _sign(bytes32 structHash) internal view returns (bytes memory) {
        return signDigest(KEY, digestOf("FreeAssociation.Capacities", address(registry), structHash));
    }

    /// @dev The EIP-712 hashStruct of Capacity, written from the type string (independent of the contract's).
    function _hashCapacity(ICapacityRegistry.CapacityInput memory input) internal pure returns (bytes32) {
        return keccak256(
            bytes.concat(
                abi.encode(
                    keccak256(
                        "Capacity(bytes32 sector,bytes32 unit,uint128 quantity,uint64 windowStart,uint64 windowEnd,bytes32 location,uint8 filterMode,address[] filterList,uint128 minUnit,bool recurring)"
                    ),
                    input.sector,
                    input.unit,
                    input.quantity,
                    input.windowStart,
                    input.windowEnd
                ),
                abi.encode(
                    input.location,
                    uint8(input.filterMode),
                    keccak256(abi.encodePacked(input.filterList)),
                    input.minUnit,
                    input.recurring
                )
            )
        );
    }
}
