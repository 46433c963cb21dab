// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {CapacityRegistry} from "../CapacityRegistry.sol";
import {ICapacityRegistry} from "../interfaces/ICapacityRegistry.sol";
import {NeedRegistry} from "../NeedRegistry.sol";
import {INeedRegistry} from "../interfaces/INeedRegistry.sol";
import {SignedActions} from "../utils/SignedActions.sol";
import {Codes} from "../utils/Codes.sol";
import {TestBase} from "./Vm.sol";

/// @dev Fuzz tests of the capacity and need registries and of the code encoding.
contract CapacityNeedFuzzTest is TestBase {
    CapacityRegistry internal capacities;
    NeedRegistry internal needs;

    function setUp() public {
        capacities = new CapacityRegistry();
        needs = new NeedRegistry();
    }

    function _capacity(uint128 quantity) internal pure returns (ICapacityRegistry.CapacityInput memory input) {
        input.sector = "WASH";
        input.unit = "litre";
        input.quantity = quantity;
    }

    function _need(uint128 quantity) internal pure returns (INeedRegistry.NeedInput memory input) {
        input.sector = "WASH";
        input.unit = "litre";
        input.quantity = quantity;
    }

    /// Nobody but the provider updates or revokes a capacity; the provider can always revoke it.
    function testFuzz_onlyTheProviderChangesItsCapacity(address provider, address stranger, uint128 q) public {
        vm.assume(provider != stranger && provider != address(0));
        q = uint128(bound(q, 1, type(uint128).max));
        vm.prank(provider);
        uint256 id = capacities.declareCapacity(_capacity(q));

        bytes memory notProvider =
            abi.encodeWithSelector(ICapacityRegistry.NotCapacityProvider.selector, id, stranger, provider);
        vm.expectRevert(notProvider);
        vm.prank(stranger);
        capacities.updateCapacity(id, _capacity(1));
        vm.expectRevert(notProvider);
        vm.prank(stranger);
        capacities.updateCapacityQuantity(id, 1);
        vm.expectRevert(notProvider);
        vm.prank(stranger);
        capacities.revokeCapacity(id);

        (address p, uint256 quantity,, bool active) = capacities.capacityTerms(id);
        require(p == provider && quantity == q && active, "stranger changed the capacity");

        vm.prank(provider);
        capacities.revokeCapacity(id);
        vm.prank(provider);
        capacities.revokeCapacity(id);
        (,,, active) = capacities.capacityTerms(id);
        require(!active, "provider could not revoke");
    }

    /// Nobody but the recipient updates or revokes a need; the recipient can always revoke it.
    function testFuzz_onlyTheRecipientChangesItsNeed(address recipient, address stranger, uint128 q) public {
        vm.assume(recipient != stranger && recipient != address(0));
        q = uint128(bound(q, 1, type(uint128).max));
        vm.prank(recipient);
        uint256 id = needs.declareNeed(_need(q));

        bytes memory notRecipient =
            abi.encodeWithSelector(INeedRegistry.NotNeedRecipient.selector, id, stranger, recipient);
        vm.expectRevert(notRecipient);
        vm.prank(stranger);
        needs.updateNeed(id, _need(1));
        vm.expectRevert(notRecipient);
        vm.prank(stranger);
        needs.updateNeedQuantity(id, 1);
        vm.expectRevert(notRecipient);
        vm.prank(stranger);
        needs.revokeNeed(id);

        (address r, uint256 quantity, bool active) = needs.needTerms(id);
        require(r == recipient && quantity == q && active, "stranger changed the need");

        vm.prank(recipient);
        needs.revokeNeed(id);
        (,, active) = needs.needTerms(id);
        require(!active, "recipient could not revoke");
    }

    /// A signed revocation acts only with the provider's own key, and only once.
    function testFuzz_signedRevocationNeedsTheProvidersKey(uint256 providerSeed, uint256 otherSeed) public {
        uint256 providerKey = privateKey(providerSeed);
        uint256 otherKey = privateKey(otherSeed);
        vm.assume(providerKey != otherKey);
        address provider = vm.addr(providerKey);
        vm.prank(provider);
        uint256 id = capacities.declareCapacity(_capacity(10));
        uint256 deadline = block.timestamp;
        bytes32 digest = _revokeCapacityDigest(provider, id, capacities.signatureNonce(provider, true, bytes32(id), 0), deadline);

        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, provider));
        capacities.revokeCapacityBySig(provider, id, deadline, _sign(otherKey, digest));

        bytes memory genuine = _sign(providerKey, digest);
        capacities.revokeCapacityBySig(provider, id, deadline, genuine);
        (,,, bool active) = capacities.capacityTerms(id);
        require(!active, "signed revocation did not act");
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, provider));
        capacities.revokeCapacityBySig(provider, id, deadline, genuine);
    }

    /// The word-wise code check agrees with a byte-by-byte reference on arbitrary words.
    function testFuzz_codeCheckMatchesReference(bytes32 word, uint8 cut) public pure {
        require(Codes.isCode(word) == _referenceIsCode(word), "raw word");
        // Also probe well-formed prefixes: keep the first `cut` bytes, zero the rest.
        uint256 keep = bound(cut, 0, 32);
        bytes32 prefix = keep == 32 ? word : word & ~bytes32(type(uint256).max >> (keep * 8));
        require(Codes.isCode(prefix) == _referenceIsCode(prefix), "prefix");
        bytes32 printable = _printable(word) & ~bytes32(keep == 32 ? 0 : type(uint256).max >> (keep * 8));
        require(Codes.isCode(printable) == _referenceIsCode(printable), "printable prefix");
    }

    /// @dev Maps every byte of `word` into the printable range 0x21..0x7e.
    function _printable(bytes32 word) internal pure returns (bytes32 out) {
        for (uint256 i; i < 32; ++i) {
            out |= bytes32(uint256(0x21 + uint8(word[i]) % 94) << (8 * (31 - i)));
        }
    }

    function _referenceIsCode(bytes32 word) internal pure returns (bool) {
        bool ended;
        for (uint256 i; i < 32; ++i) {
            uint8 b = uint8(word[i]);
            if (b == 0) {
                if (i == 0) return false;
                ended = true;
            } else if (ended || b < 0x21 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    function _revokeCapacityDigest(address signer, uint256 id, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("RevokeCapacity(address signer,uint256 capacityId,uint256 nonce,uint256 deadline)"),
                signer,
                id,
                nonce,
                deadline
            )
        );
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("FreeAssociation.Capacities"),
                keccak256("1"),
                block.chainid,
                address(capacities)
            )
        );
        return keccak256(abi.encodePacked(hex"1901", domainSeparator, structHash));
    }

    function _sign(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }
}

/// @dev Random declarations, updates and revocations by a few providers and recipients, with
/// strangers trying to change items that are not theirs.
contract ItemHandler is TestBase {
    CapacityRegistry public immutable capacities;
    NeedRegistry public immutable needs;
    uint256 public constant ACTORS = 3;

    mapping(uint256 => address) public capacityOwner;
    mapping(uint256 => bool) public capacityRevoked;
    mapping(uint256 => uint128) public capacityQuantity;
    mapping(uint256 => address) public needOwner;
    mapping(uint256 => bool) public needRevoked;
    mapping(uint256 => uint128) public needQuantity;
    /// @dev Set if a stranger ever changed an item, or an owner's revocation ever failed.
    bool public authorizationBroken;
    bool public revocationBroken;

    constructor(CapacityRegistry capacities_, NeedRegistry needs_) {
        capacities = capacities_;
        needs = needs_;
    }

    function actor(uint256 i) public pure returns (address) {
        return address(uint160(0xA000 + (i % ACTORS)));
    }

    function declare(uint256 actorSeed, uint128 q, bool isNeed) external {
        q = uint128(bound(q, 1, type(uint128).max));
        address owner = actor(actorSeed);
        vm.prank(owner);
        if (isNeed) {
            uint256 id = needs.declareNeed(INeedRegistry.NeedInput("WASH", "litre", q, 0, 0, 0));
            needOwner[id] = owner;
            needQuantity[id] = q;
        } else {
            ICapacityRegistry.CapacityInput memory input;
            (input.sector, input.unit, input.quantity) = ("WASH", "litre", q);
            uint256 id = capacities.declareCapacity(input);
            capacityOwner[id] = owner;
            capacityQuantity[id] = q;
        }
    }

    function setQuantity(uint256 actorSeed, uint256 idSeed, uint128 q, bool isNeed) external {
        address caller = actor(actorSeed);
        q = uint128(bound(q, 1, type(uint128).max));
        if (isNeed) {
            uint256 count = needs.needCount();
            if (count == 0) return;
            uint256 id = bound(idSeed, 1, count);
            vm.prank(caller);
            try needs.updateNeedQuantity(id, q) {
                if (caller != needOwner[id] || needRevoked[id]) authorizationBroken = true;
                needQuantity[id] = q;
            } catch {}
        } else {
            uint256 count = capacities.capacityCount();
            if (count == 0) return;
            uint256 id = bound(idSeed, 1, count);
            vm.prank(caller);
            try capacities.updateCapacityQuantity(id, q) {
                if (caller != capacityOwner[id] || capacityRevoked[id]) authorizationBroken = true;
                capacityQuantity[id] = q;
            } catch {}
        }
    }

    function revoke(uint256 actorSeed, uint256 idSeed, bool isNeed) external {
        address caller = actor(actorSeed);
        if (isNeed) {
            uint256 count = needs.needCount();
            if (count == 0) return;
            uint256 id = bound(idSeed, 1, count);
            vm.prank(caller);
            try needs.revokeNeed(id) {
                if (caller != needOwner[id]) authorizationBroken = true;
                needRevoked[id] = true;
            } catch {
                if (caller == needOwner[id]) revocationBroken = true;
            }
        } else {
            uint256 count = capacities.capacityCount();
            if (count == 0) return;
            uint256 id = bound(idSeed, 1, count);
            vm.prank(caller);
            try capacities.revokeCapacity(id) {
                if (caller != capacityOwner[id]) authorizationBroken = true;
                capacityRevoked[id] = true;
            } catch {
                if (caller == capacityOwner[id]) revocationBroken = true;
            }
        }
    }
}

/// @dev Invariants of the capacity and need registries under random action sequences.
contract CapacityNeedInvariantTest is TestBase {
    CapacityRegistry internal capacities;
    NeedRegistry internal needs;
    ItemHandler internal handler;

    function setUp() public {
        capacities = new CapacityRegistry();
        needs = new NeedRegistry();
        handler = new ItemHandler(capacities, needs);
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 40
    function invariant_onlyOwnersChangeTheirItemsAndRevocationAlwaysWorks() public view {
        require(!handler.authorizationBroken(), "a non-owner changed an item, or a revoked item changed");
        require(!handler.revocationBroken(), "an owner's revocation failed");
    }

    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 40
    function invariant_termsAreWhatTheOwnerLastSet() public view {
        for (uint256 id = 1; id <= capacities.capacityCount(); ++id) {
            (address provider, uint256 quantity,, bool active) = capacities.capacityTerms(id);
            require(provider == handler.capacityOwner(id), "capacity owner changed");
            require(quantity == handler.capacityQuantity(id), "capacity quantity drifted");
            require(active == !handler.capacityRevoked(id), "capacity active flag drifted");
        }
        for (uint256 id = 1; id <= needs.needCount(); ++id) {
            (address recipient, uint256 quantity, bool active) = needs.needTerms(id);
            require(recipient == handler.needOwner(id), "need owner changed");
            require(quantity == handler.needQuantity(id), "need quantity drifted");
            require(active == !handler.needRevoked(id), "need active flag drifted");
        }
    }
}
