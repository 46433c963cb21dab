// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {NeedRegistry} from "../../../NeedRegistry.sol";
import {INeedRegistry} from "../../../interfaces/INeedRegistry.sol";
import {InvalidSector, InvalidUnit, InvalidLocation, InvalidWindow, ZeroQuantity} from "../../../utils/Common.sol";
import {BranchBase} from "../BranchBase.sol";

/// @dev The shared term validation (Common.validateTerms) and the code encoding it relies on
/// (Codes.isCode / isOptionalCode), each rejected shape with the offending value, through a registry.
contract CommonBranchesTest is BranchBase {
    NeedRegistry internal registry;

    function setUp() public {
        registry = new NeedRegistry();
    }

    function _input() internal pure returns (INeedRegistry.NeedInput memory input) {
        input.sector = "WASH";
        input.unit = "litre";
        input.quantity = 1;
    }

    function _expectInvalidSector(bytes32 sector) internal {
        INeedRegistry.NeedInput memory input = _input();
        input.sector = sector;
        vm.expectRevert(abi.encodeWithSelector(InvalidSector.selector, sector));
        registry.declareNeed(input);
    }

    function test_validateTerms_reverts_whenTheSectorIsNotACode() public {
        _expectInvalidSector(bytes32(0)); // empty
        _expectInvalidSector(bytes32(hex"c3a9")); // non-ASCII byte (high bit)
        _expectInvalidSector(bytes32(hex"41004200")); // interior zero: not left-aligned
        _expectInvalidSector(bytes32(hex"0041")); // leading zero: not left-aligned
        _expectInvalidSector(bytes32("WA SH")); // space
        _expectInvalidSector(bytes32(hex"4109")); // control character
        _expectInvalidSector(bytes32(hex"417f")); // DEL
    }

    function test_validateTerms_acceptsEveryPrintableAsciiCode() public {
        INeedRegistry.NeedInput memory input = _input();
        input.sector = bytes32(hex"21"); // lowest printable
        input.unit = bytes32(hex"7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e"); // 32 × highest
        require(registry.declareNeed(input) == 1, "valid codes refused");
    }

    function test_validateTerms_reverts_whenTheUnitIsNotACode() public {
        INeedRegistry.NeedInput memory input = _input();
        input.unit = bytes32(0);
        vm.expectRevert(abi.encodeWithSelector(InvalidUnit.selector, bytes32(0)));
        registry.declareNeed(input);
    }

    function test_validateTerms_reverts_whenTheLocationIsNeitherEmptyNorACode() public {
        INeedRegistry.NeedInput memory input = _input();
        input.location = bytes32(hex"00ff");
        vm.expectRevert(abi.encodeWithSelector(InvalidLocation.selector, input.location));
        registry.declareNeed(input);
    }

    function test_validateTerms_reverts_whenTheQuantityIsZero() public {
        INeedRegistry.NeedInput memory input = _input();
        input.quantity = 0;
        vm.expectRevert(abi.encodeWithSelector(ZeroQuantity.selector));
        registry.declareNeed(input);
    }

    function test_validateTerms_reverts_whenTheWindowIsSetButDoesNotStartBeforeItEnds() public {
        INeedRegistry.NeedInput memory input = _input();
        (input.windowStart, input.windowEnd) = (5, 5);
        vm.expectRevert(abi.encodeWithSelector(InvalidWindow.selector, uint64(5), uint64(5)));
        registry.declareNeed(input);
        (input.windowStart, input.windowEnd) = (0, 0);
        registry.declareNeed(input); // no window
        (input.windowStart, input.windowEnd) = (0, 9);
        registry.declareNeed(input); // open start
        (input.windowStart, input.windowEnd) = (9, 0);
        vm.expectRevert(abi.encodeWithSelector(InvalidWindow.selector, uint64(9), uint64(0)));
        registry.declareNeed(input);
        require(registry.needCount() == 2, "window validation");
    }
}
