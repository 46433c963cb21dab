// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {RecognitionRegistry} from "../RecognitionRegistry.sol";
import {IRecognitionRegistry} from "../interfaces/IRecognitionRegistry.sol";
import {SignedActions} from "../utils/SignedActions.sol";
import {TestBase} from "./Vm.sol";

/// @dev Fuzz tests of RecognitionRegistry: authorization, revocation, totals, mutual recognition.
contract RecognitionRegistryFuzzTest is TestBase {
    RecognitionRegistry internal registry;

    function setUp() public {
        registry = new RecognitionRegistry();
    }

    /// @dev `n` distinct non-zero recipients derived from `seed`, with points in [1, 2^96 - 1].
    function _vector(uint256 seed, uint256 n) internal pure returns (address[] memory to, uint96[] memory pts) {
        to = new address[](n);
        pts = new uint96[](n);
        for (uint256 i; i < n; ++i) {
            to[i] = address(uint160(uint256(keccak256(abi.encode(seed, i))) | 1));
            pts[i] = uint96(bound(uint256(keccak256(abi.encode(seed, i, "p"))), 1, type(uint96).max));
        }
    }

    /// Nobody but the entity changes its vector: whatever a stranger does, the victim's state stays.
    function testFuzz_onlyTheEntityChangesItsVector(address victim, address stranger, uint256 seed, uint8 n) public {
        vm.assume(victim != stranger);
        (address[] memory to, uint96[] memory pts) = _vector(seed, bound(n, 1, 20));
        vm.prank(victim);
        registry.setRecognition(to, pts);
        uint256 total = registry.totalRecognition(victim);

        vm.startPrank(stranger);
        registry.setRecognition(to, pts);
        registry.setRecognitionEntry(to[0], 1);
        registry.revokeRecognition(to[0]);
        registry.revokeAllRecognition();
        vm.stopPrank();

        require(registry.totalRecognition(victim) == total, "victim total changed");
        require(registry.recognitionCount(victim) == to.length, "victim count changed");
        for (uint256 i; i < to.length; ++i) {
            require(registry.recognitionOf(victim, to[i]) == pts[i], "victim entry changed");
        }
    }

    /// A signature by any key other than the signer's is refused; the signer's own is accepted once.
    function testFuzz_onlyTheSignersSignatureActs(uint256 signerSeed, uint256 otherSeed, uint256 seed) public {
        uint256 signerKey = privateKey(signerSeed);
        uint256 otherKey = privateKey(otherSeed);
        vm.assume(signerKey != otherKey);
        address signer = vm.addr(signerKey);
        (address[] memory to, uint96[] memory pts) = _vector(seed, 3);
        uint256 deadline = block.timestamp + 1;
        bytes32 digest = _setRecognitionDigest(signer, to, pts, registry.signatureNonce(signer, false, 0, 0), deadline);

        bytes memory forged = _sign(otherKey, digest);
        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.setRecognitionBySig(signer, to, pts, deadline, forged);

        bytes memory genuine = _sign(signerKey, digest);
        registry.setRecognitionBySig(signer, to, pts, deadline, genuine);
        require(registry.recognitionOf(signer, to[1]) == pts[1], "signed vector not applied");

        vm.expectRevert(abi.encodeWithSelector(SignedActions.InvalidSignature.selector, signer));
        registry.setRecognitionBySig(signer, to, pts, deadline, genuine);
    }

    /// Revoking everything always succeeds and leaves nothing, whatever the vector was.
    function testFuzz_revokeAllLeavesNothing(address entity, uint256 seed, uint8 n, uint8 extra) public {
        (address[] memory to, uint96[] memory pts) = _vector(seed, bound(n, 0, 40));
        vm.startPrank(entity);
        registry.setRecognition(to, pts);
        (address[] memory more, uint96[] memory morePts) = _vector(seed ^ 1, bound(extra, 0, 5));
        for (uint256 i; i < more.length; ++i) {
            registry.setRecognitionEntry(more[i], morePts[i]);
        }
        registry.revokeAllRecognition();
        vm.stopPrank();
        require(registry.totalRecognition(entity) == 0, "total not zero");
        require(registry.recognitionCount(entity) == 0, "count not zero");
        for (uint256 i; i < to.length; ++i) {
            require(registry.recognitionOf(entity, to[i]) == 0, "entry survived");
        }
        for (uint256 i; i < more.length; ++i) {
            require(registry.recognitionOf(entity, more[i]) == 0, "entry survived");
        }
    }

    /// The total is the sum of the entries and the count their number, after any entry edits.
    function testFuzz_totalIsTheSumOfEntries(uint256 seed, uint8 n, uint96 newPoints, uint8 which) public {
        (address[] memory to, uint96[] memory pts) = _vector(seed, bound(n, 1, 30));
        registry.setRecognition(to, pts);
        uint256 k = bound(which, 0, to.length - 1);
        if (newPoints == 0) {
            registry.revokeRecognition(to[k]);
        } else {
            registry.setRecognitionEntry(to[k], newPoints);
        }
        uint256 sum;
        uint256 count;
        for (uint256 i; i < to.length; ++i) {
            uint96 p = registry.recognitionOf(address(this), to[i]);
            sum += p;
            if (p != 0) ++count;
        }
        require(registry.totalRecognition(address(this)) == sum, "total != sum");
        require(registry.recognitionCount(address(this)) == count, "count mismatch");
    }

    /// MR is symmetric, equals min(p_ab/T_a, p_ba/T_b) exactly, and is 0 when one side is 0.
    function testFuzz_mutualRecognitionIsTheSmallerShare(uint96 pab, uint96 restA, uint96 pba, uint96 restB) public {
        address a = address(0xA11CE);
        address b = address(0xB0B);
        address c = address(0xC0C);
        _give(a, b, pab, c, restA);
        _give(b, a, pba, c, restB);
        (uint256 n1, uint256 d1) = registry.mutualRecognition(a, b);
        (uint256 n2, uint256 d2) = registry.mutualRecognition(b, a);
        require(n1 * d2 == n2 * d1, "not symmetric");
        if (pab == 0 || pba == 0) {
            require(n1 == 0 && d1 == 1, "should be 0/1");
            return;
        }
        uint256 ta = uint256(pab) + restA;
        uint256 tb = uint256(pba) + restB;
        // MR <= both shares, and equals one of them.
        require(n1 * ta <= uint256(pab) * d1 && n1 * tb <= uint256(pba) * d1, "above a share");
        require(n1 * ta == uint256(pab) * d1 || n1 * tb == uint256(pba) * d1, "not one of the shares");
    }

    function _give(address from, address to, uint96 p, address other, uint96 q) internal {
        vm.startPrank(from);
        if (p != 0) registry.setRecognitionEntry(to, p);
        if (q != 0) registry.setRecognitionEntry(other, q);
        vm.stopPrank();
    }

    function _setRecognitionDigest(
        address signer,
        address[] memory to,
        uint96[] memory pts,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "SetRecognition(address signer,address[] recipients,uint96[] points,uint256 nonce,uint256 deadline)"
                ),
                signer,
                keccak256(abi.encodePacked(to)),
                keccak256(abi.encodePacked(pts)),
                nonce,
                deadline
            )
        );
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("FreeAssociation.Recognition"),
                keccak256("1"),
                block.chainid,
                address(registry)
            )
        );
        return keccak256(abi.encodePacked(hex"1901", domainSeparator, structHash));
    }

    function _sign(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }
}

/// @dev Drives RecognitionRegistry with random actions of a few entities over a small universe of
/// recipients, mirroring every accepted action in a shadow model.
contract RecognitionHandler is TestBase {
    RecognitionRegistry public immutable registry;
    uint256 public constant ACTORS = 3;
    uint256 public constant UNIVERSE = 6;

    mapping(address => mapping(address => uint96)) public shadow;
    /// @dev Set if an owner's revocation ever failed or left something behind.
    bool public revocationBroken;

    constructor(RecognitionRegistry registry_) {
        registry = registry_;
    }

    function actor(uint256 i) public pure returns (address) {
        return address(uint160(0xA000 + (i % ACTORS)));
    }

    function member(uint256 i) public pure returns (address) {
        // Actors are members too, so mutual and self recognition occur.
        return address(uint160(i % UNIVERSE < ACTORS ? 0xA000 + (i % UNIVERSE) : 0xB000 + (i % UNIVERSE)));
    }

    function setRecognition(uint256 actorSeed, uint256 mask, uint256 pointsSeed) external {
        address from = actor(actorSeed);
        uint256 n;
        for (uint256 i; i < UNIVERSE; ++i) if (mask >> i & 1 == 1) ++n;
        address[] memory to = new address[](n);
        uint96[] memory pts = new uint96[](n);
        uint256 k;
        for (uint256 i; i < UNIVERSE; ++i) {
            if (mask >> i & 1 == 1) {
                to[k] = member(i);
                pts[k] = uint96(bound(uint256(keccak256(abi.encode(pointsSeed, i))), 1, 1e24));
                ++k;
            }
        }
        vm.prank(from);
        registry.setRecognition(to, pts);
        for (uint256 i; i < UNIVERSE; ++i) shadow[from][member(i)] = 0;
        for (uint256 i; i < n; ++i) shadow[from][to[i]] = pts[i];
    }

    function setRecognitionEntry(uint256 actorSeed, uint256 memberSeed, uint96 points) external {
        address from = actor(actorSeed);
        address to = member(memberSeed);
        if (points == 0 && shadow[from][to] == 0) return; // would revert: nothing to revoke
        vm.prank(from);
        registry.setRecognitionEntry(to, points);
        shadow[from][to] = points;
    }

    function revokeRecognition(uint256 actorSeed, uint256 memberSeed) external {
        address from = actor(actorSeed);
        address to = member(memberSeed);
        if (shadow[from][to] == 0) return;
        vm.prank(from);
        try registry.revokeRecognition(to) {
            shadow[from][to] = 0;
        } catch {
            revocationBroken = true;
        }
        if (registry.recognitionOf(from, to) != 0) revocationBroken = true;
    }

    function revokeAllRecognition(uint256 actorSeed) external {
        address from = actor(actorSeed);
        vm.prank(from);
        try registry.revokeAllRecognition() {
            for (uint256 i; i < UNIVERSE; ++i) shadow[from][member(i)] = 0;
        } catch {
            revocationBroken = true;
        }
        if (registry.totalRecognition(from) != 0 || registry.recognitionCount(from) != 0) revocationBroken = true;
        for (uint256 i; i < UNIVERSE; ++i) {
            if (registry.recognitionOf(from, member(i)) != 0) revocationBroken = true;
        }
    }
}

/// @dev Invariants of RecognitionRegistry under random action sequences.
contract RecognitionRegistryInvariantTest is TestBase {
    RecognitionRegistry internal registry;
    RecognitionHandler internal handler;

    function setUp() public {
        registry = new RecognitionRegistry();
        handler = new RecognitionHandler(registry);
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 40
    function invariant_totalIsTheSumOfEntries() public view {
        for (uint256 a; a < handler.ACTORS(); ++a) {
            address from = handler.actor(a);
            uint256 sum;
            uint256 count;
            for (uint256 m; m < handler.UNIVERSE(); ++m) {
                uint96 p = registry.recognitionOf(from, handler.member(m));
                sum += p;
                if (p != 0) ++count;
            }
            require(registry.totalRecognition(from) == sum, "total != sum of entries");
            require(registry.recognitionCount(from) == count, "count != number of entries");
        }
    }

    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 40
    function invariant_stateIsExactlyWhatTheOwnerSet() public view {
        for (uint256 a; a < handler.ACTORS(); ++a) {
            address from = handler.actor(a);
            for (uint256 m; m < handler.UNIVERSE(); ++m) {
                address to = handler.member(m);
                require(registry.recognitionOf(from, to) == handler.shadow(from, to), "entry != owner's last value");
            }
        }
    }

    /// hardhat-config: invariant.runs = 64
    /// hardhat-config: invariant.depth = 40
    function invariant_revocationIsNeverBlocked() public view {
        require(!handler.revocationBroken(), "a revocation failed or left an entry");
    }
}
