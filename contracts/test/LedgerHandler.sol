// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Rounds} from "../Rounds.sol";
import {AllocationLedger} from "../AllocationLedger.sol";
import {IAllocationLedger} from "../interfaces/IAllocationLedger.sol";
import {MockTerms} from "../mocks/MockTerms.sol";
import {Vm} from "./Vm.sol";
import {SignatureScopes} from "./utils/SignatureScopes.sol";
import {SafeFixture, SafeOwners} from "./utils/SafeFixture.sol";
import {Safe} from "@safe-global/safe-contracts/contracts/Safe.sol";

/// @dev The cheatcode handle (see Vm.sol), at file level so the ledger tests share it.
Vm constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

/// @title LedgerHandler
/// @notice Drives the ledger with random provider, recipient and stranger actions for the invariant tests —
/// term changes and kind switches between rounds, commits, withdrawals and recommits in the same round,
/// deliveries, confirmations (also of withdrawn versions), direct and by EIP-712 signature — and keeps a
/// ghost model of what must hold, computed from what the handler itself did (never from the ledger's
/// formulas). Commitments are two-leaf trees (proof = the other leaf). Two of the actors are real Safe 1.4.1
/// 2-of-3 multisigs: the provider of capacity 3 and the recipient of need 4. They act directly through
/// `execTransaction` signed by two owners, and by signature through the Safe's ERC-1271.
contract LedgerHandler {
    struct Ghost {
        uint256 round;
        uint256 capacityId;
        uint32 version;
        bool oneOff;
        address provider;
        uint256 total;
        uint256 delivered;
        bool withdrawn;
        uint256[2] needIds;
        address[2] recipients;
        uint256[2] amounts;
        uint256[2] leafDelivered;
        uint256[2] leafConfirmed;
    }

    /// @dev Terms as the handler set them; copied per round when the round opens (its snapshot).
    struct Terms {
        uint256 quantity;
        bool recurring;
        bool active;
    }

    uint256 internal constant PROVIDER_KEY = 0xA11CE;
    /// @dev Owner keys (two of three sign) of the provider Safe and of the recipient Safe.
    uint256 internal constant PROVIDER_SAFE_OWNER = 0x3001;
    uint256 internal constant RECIPIENT_SAFE_OWNER = 0x4001;
    address public constant STRANGER = address(0x5757);
    uint256 public constant CAPACITIES = 3; // 1: one-off 1,000; 2: recurring 500; 3: one-off 300 (the provider Safe)
    uint256 public constant NEEDS = 4; // need i < 4 belongs to the key 0x1000 + i, need 4 to the recipient Safe
    uint256 internal constant MAX_QUANTITY = 1_200;

    Rounds public immutable rounds;
    MockTerms public immutable terms;
    AllocationLedger public immutable ledger;
    Safe public providerSafe;
    Safe public recipientSafe;

    Ghost[] internal _ghosts;
    mapping(uint256 capacityId => Terms) internal _terms;
    mapping(uint256 round => mapping(uint256 capacityId => Terms)) internal _snapshotTerms;
    mapping(uint256 round => mapping(uint256 capacityId => uint32)) public ghostVersions;
    mapping(uint256 round => mapping(uint256 capacityId => uint256)) public ghostRoundDelivered;
    mapping(uint256 capacityId => uint256) public ghostConsumed;
    mapping(uint256 capacityId => uint256) public ghostOneOffCommitted;
    mapping(uint256 capacityId => uint256) public ghostOneOffDelivered;
    mapping(uint256 needId => uint256) public ghostDelivered;
    mapping(uint256 needId => uint256) public ghostConfirmed;
    /// @notice Set if a non-provider or non-recipient action ever succeeded.
    bool public authorizationBroken;
    /// @notice Set if a provider's withdrawal of its live commitment ever failed.
    bool public withdrawalBlocked;
    /// @notice Set if a one-off commitment brought consumption above the quantity at its round's snapshot.
    bool public overCommitted;
    /// @notice Set if a commitment succeeded for a capacity not active at its round's snapshot.
    bool public committedInactive;
    /// @notice Set if a delivery beyond the horizon succeeded.
    bool public lateDelivery;
    /// @notice Set if the recipient's confirmation of something delivered (and not yet confirmed) failed.
    bool public confirmationLost;
    uint256 public successfulCalls;
    /// @notice Successful actions of the two Safes, direct (execTransaction) and by ERC-1271 signature.
    uint256 internal _safeDirectCalls;
    uint256 internal _safeSignedCalls;

    /// @dev The test deploys the contracts (so this handler's init code stays within the EVM's limit):
    /// `rounds_` must be one-second rounds from the next second on (each `_nextRound` warps one second into
    /// the next round), and `ledger_` must read its terms from `terms_`.
    constructor(Rounds rounds_, MockTerms terms_, AllocationLedger ledger_, SafeFixture safes) {
        rounds = rounds_;
        terms = terms_;
        ledger = ledger_;
        providerSafe = safes.deploySafe(_owners(PROVIDER_SAFE_OWNER), 2, 1);
        recipientSafe = safes.deploySafe(_owners(RECIPIENT_SAFE_OWNER), 2, 2);
        _setTerms(1, 1000, false, true);
        _setTerms(2, 500, true, true);
        _setTerms(3, 300, false, true);
        for (uint256 i = 1; i <= NEEDS; i++) {
            terms.setNeed(i, recipientOf(i), 400, true);
        }
        _nextRound();
    }

    // ------------------------------------------------------------ actions

    /// @dev Time passes into the next round of the schedule (nobody opens it).
    function nextRound() external {
        _nextRound();
    }

    /// @dev The provider changes a capacity's quantity, kind or activity; it counts from the next round.
    function changeTerms(uint256 capSeed, uint256 quantity, uint256 flags) external {
        uint256 capacityId = 1 + capSeed % CAPACITIES;
        _setTerms(capacityId, quantity % MAX_QUANTITY, flags % 2 == 0, (flags >> 1) % 8 != 0);
    }

    function commit(uint256 capSeed, uint256 needSeed, uint256 a0, uint256 a1, uint256 shortfall, bool bySig)
        external
    {
        _commit(1 + capSeed % CAPACITIES, needSeed, a0, a1, shortfall, bySig);
    }

    /// @dev Withdraws a live commitment of the current round (delivered or not) and commits again at once.
    function withdrawAndRecommit(uint256 ghostSeed, uint256 needSeed, uint256 a0, uint256 a1, bool bySig) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _pick(ghostSeed);
        if (g.round != rounds.currentRound() || g.withdrawn || g.version != ghostVersions[g.round][g.capacityId]) {
            return;
        }
        _withdraw(g, bySig);
        _commit(g.capacityId, needSeed, a0, a1, 0, bySig);
    }

    function withdraw(uint256 ghostSeed, bool bySig) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _pick(ghostSeed);
        if (g.withdrawn || g.version != ghostVersions[g.round][g.capacityId]) return;
        _withdraw(g, bySig);
    }

    function deliver(uint256 ghostSeed, uint256 leafSeed, uint256 amount, bool bySig) external {
        if (_ghosts.length == 0) return;
        _deliver(_pick(ghostSeed), leafSeed % 2, 1 + amount % 300, bySig);
    }

    /// @dev Delivers everything the handler believes is still deliverable under a commitment, both leaves.
    function deliverAll(uint256 ghostSeed, bool bySig) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _pick(ghostSeed);
        for (uint256 i = 0; i < 2; i++) {
            uint256 leafOpen = g.amounts[i] - g.leafDelivered[i];
            uint256 totalOpen = g.total - g.delivered;
            uint256 amount = leafOpen < totalOpen ? leafOpen : totalOpen;
            if (amount != 0) _deliver(g, i, amount, bySig);
        }
    }

    function _commitNonce(Ghost memory g) private view returns (uint256) {
        return SignatureScopes.commitNonce(ledger, g.provider, g.round, g.capacityId);
    }

    function _deliveryNonce(Ghost storage g, uint256 i) private view returns (uint256) {
        return SignatureScopes.deliveryNonce(ledger, g.provider, g.round, g.capacityId, g.version, g.needIds[i]);
    }

    function _confirmationNonce(Ghost storage g, uint256 i) private view returns (uint256) {
        return SignatureScopes.confirmationNonce(ledger, g.recipients[i], g.round, g.capacityId, g.version, g.needIds[i]);
    }

    function _deliver(Ghost storage g, uint256 i, uint256 amount, bool bySig) private {
        bool ok;
        if (bySig) {
            bytes32 structHash = keccak256(
                bytes.concat(
                    abi.encode(
                        ledger.RECORD_DELIVERY_TYPEHASH(), g.provider, g.round, g.capacityId, g.version, g.needIds[i]
                    ),
                    abi.encode(g.recipients[i], g.amounts[i], amount, _deliveryNonce(g, i), block.timestamp)
                )
            );
            bytes memory sig = _signAs(g.provider, structHash);
            try ledger.recordDeliveryBySig(
                g.provider,
                IAllocationLedger.LeafRef(g.round, g.capacityId, g.version, g.needIds[i]),
                g.recipients[i], g.amounts[i], _proof(g, i), amount, block.timestamp, sig
            ) {
                ok = true;
            } catch {}
        } else {
            ok = _direct(
                g.provider,
                abi.encodeCall(
                    ledger.recordDelivery,
                    (
                        IAllocationLedger.LeafRef(g.round, g.capacityId, g.version, g.needIds[i]),
                        g.recipients[i], g.amounts[i], _proof(g, i), amount
                    )
                )
            );
        }
        if (!ok) return;
        if (rounds.currentRound() > g.round + 1) lateDelivery = true;
        g.delivered += amount;
        g.leafDelivered[i] += amount;
        ghostRoundDelivered[g.round][g.capacityId] += amount;
        if (g.oneOff) ghostOneOffDelivered[g.capacityId] += amount;
        ghostDelivered[g.needIds[i]] += amount;
        _counted(g.provider, bySig);
    }

    /// @dev The leaf's recipient confirms part of what was delivered, under any version (withdrawn too).
    function confirm(uint256 ghostSeed, uint256 leafSeed, uint256 amount, bool bySig) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _pick(ghostSeed);
        uint256 i = leafSeed % 2;
        uint256 open = g.leafDelivered[i] - g.leafConfirmed[i];
        amount = 1 + amount % 300;
        bool ok;
        address who = g.recipients[i];
        if (bySig && who != STRANGER) {
            bytes32 structHash = keccak256(
                bytes.concat(
                    abi.encode(ledger.CONFIRM_RECEIPT_TYPEHASH(), who, g.round, g.capacityId, g.version, g.needIds[i]),
                    abi.encode(amount, _confirmationNonce(g, i), block.timestamp)
                )
            );
            bytes memory sig = _signAs(who, structHash);
            try ledger.confirmReceiptBySig(
                who, g.round, g.capacityId, g.version, g.needIds[i], amount, block.timestamp, sig
            ) {
                ok = true;
            } catch {}
        } else {
            ok = _direct(who, abi.encodeCall(ledger.confirmReceipt, (g.round, g.capacityId, g.version, g.needIds[i], amount)));
        }
        bool entitled = who == recipientOf(g.needIds[i]);
        if (!ok) {
            if (entitled && amount <= open) confirmationLost = true;
            return;
        }
        if (!entitled) authorizationBroken = true;
        g.leafConfirmed[i] += amount;
        ghostConfirmed[g.needIds[i]] += amount;
        _counted(who, bySig);
    }

    /// @dev Someone who is neither provider nor recipient tries every action on a known commitment.
    function strangerActs(uint256 ghostSeed, uint256 leafSeed, uint256 amount) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _pick(ghostSeed);
        uint256 i = leafSeed % 2;
        amount = 1 + amount % 300;
        VM.prank(STRANGER);
        try ledger.commit(g.capacityId, _root(g), 1, "fa-1") {
            authorizationBroken = true;
        } catch {}
        VM.prank(STRANGER);
        try ledger.withdraw(g.round, g.capacityId) {
            authorizationBroken = true;
        } catch {}
        VM.prank(STRANGER);
        try ledger.recordDelivery(IAllocationLedger.LeafRef(g.round, g.capacityId, g.version, g.needIds[i]), g.recipients[i], g.amounts[i], _proof(g, i), amount) {
            authorizationBroken = true;
        } catch {}
        VM.prank(STRANGER);
        try ledger.confirmReceipt(g.round, g.capacityId, g.version, g.needIds[i], amount) {
            authorizationBroken = true;
        } catch {}
        // The provider cannot confirm its own deliveries either.
        VM.prank(g.provider);
        try ledger.confirmReceipt(g.round, g.capacityId, g.version, g.needIds[i], amount) {
            authorizationBroken = true;
        } catch {}
    }

    // ------------------------------------------------------------ views for the invariants

    /// @notice Successful actions of the two Safes: direct (execTransaction) and by ERC-1271 signature.
    function safeCalls() external view returns (uint256 direct, uint256 signed) {
        return (_safeDirectCalls, _safeSignedCalls);
    }

    function ghostCount() external view returns (uint256) {
        return _ghosts.length;
    }

    function ghostAt(uint256 index) external view returns (Ghost memory) {
        return _ghosts[index];
    }

    /// @notice The capacity's terms at round `round`'s snapshot, as the handler set them.
    function snapshotTerms(uint256 round, uint256 capacityId)
        external
        view
        returns (uint256 quantity, bool recurring, bool active)
    {
        Terms storage t = _snapshotTerms[round][capacityId];
        return (t.quantity, t.recurring, t.active);
    }

    function providerOf(uint256 capacityId) public view returns (address) {
        return capacityId == 3 ? address(providerSafe) : VM.addr(PROVIDER_KEY);
    }

    function recipientOf(uint256 needId) public view returns (address) {
        return needId == 4 ? address(recipientSafe) : VM.addr(0x1000 + needId);
    }

    // ------------------------------------------------------------ internals

    /// @dev Half the time the latest commitment (so withdraw-recommit-deliver chains within a round are
    /// common), otherwise any.
    function _pick(uint256 seed) private view returns (Ghost storage) {
        uint256 n = _ghosts.length;
        return _ghosts[seed % 2 == 0 ? n - 1 : (seed >> 1) % n];
    }

    function _nextRound() private {
        VM.warp(block.timestamp + 1);
        VM.roll(block.number + 1);
        uint256 round = rounds.currentRound();
        for (uint256 cap = 1; cap <= CAPACITIES; cap++) {
            _snapshotTerms[round][cap] = _terms[cap];
        }
    }

    function _setTerms(uint256 capacityId, uint256 quantity, bool recurring, bool active) private {
        terms.setCapacity(capacityId, providerOf(capacityId), quantity, recurring, active);
        _terms[capacityId] = Terms(quantity, recurring, active);
    }

    function _commit(uint256 capacityId, uint256 needSeed, uint256 a0, uint256 a1, uint256 shortfall, bool bySig)
        private
    {
        Ghost memory g;
        g.round = rounds.currentRound();
        g.capacityId = capacityId;
        g.provider = providerOf(capacityId);
        g.needIds[0] = 1 + needSeed % NEEDS;
        g.needIds[1] = 1 + (g.needIds[0] + (needSeed >> 8) % (NEEDS - 1)) % NEEDS;
        g.recipients[0] = recipientOf(g.needIds[0]);
        // Now and then a leaf names a stranger as the recipient of someone else's need.
        g.recipients[1] = (needSeed >> 16) % 7 == 0 ? STRANGER : recipientOf(g.needIds[1]);
        g.amounts[0] = a0 % 350;
        g.amounts[1] = a1 % 350;
        // Sometimes the declared total is below the leaf sum: deliveries must still stop at the total.
        uint256 total = g.amounts[0] + g.amounts[1];
        total -= shortfall % (total + 1) / ((needSeed >> 24) % 3 == 0 ? 1 : total + 1);
        g.total = total;
        g.version = ghostVersions[g.round][capacityId] + 1;

        bool ok;
        if (bySig) {
            bytes32 structHash = keccak256(
                bytes.concat(
                    abi.encode(ledger.COMMIT_TYPEHASH(), g.provider, g.round, capacityId, g.version, _root(g)),
                    abi.encode(total, bytes32("fa-1"), _commitNonce(g), block.timestamp)
                )
            );
            bytes memory sig = _signAs(g.provider, structHash);
            try ledger.commitBySig(
                g.provider, g.round, capacityId, g.version, _root(g), total, "fa-1", block.timestamp, sig
            ) {
                ok = true;
            } catch {}
        } else {
            ok = _direct(g.provider, abi.encodeCall(ledger.commit, (capacityId, _root(g), total, "fa-1")));
        }
        if (!ok) return;
        Terms storage t = _snapshotTerms[g.round][capacityId];
        if (!t.active) committedInactive = true;
        g.oneOff = !t.recurring;
        ghostVersions[g.round][capacityId] = g.version;
        if (g.oneOff) {
            ghostConsumed[capacityId] += total;
            ghostOneOffCommitted[capacityId] += total;
            // A commitment of 0 adds nothing: after the quantity was lowered below what is already
            // consumed, committing 0 is allowed (left = 0) and over-commits nothing.
            if (total > 0 && ghostConsumed[capacityId] > t.quantity) overCommitted = true;
        }
        _ghosts.push(g);
        _counted(g.provider, bySig);
    }

    function _withdraw(Ghost storage g, bool bySig) private {
        bool ok;
        if (bySig) {
            bytes32 structHash = keccak256(
                abi.encode(
                    ledger.WITHDRAW_TYPEHASH(),
                    g.provider,
                    g.round,
                    g.capacityId,
                    g.version,
                    SignatureScopes.withdrawNonce(ledger, g.provider, g.round, g.capacityId),
                    block.timestamp
                )
            );
            bytes memory sig = _signAs(g.provider, structHash);
            try ledger.withdrawBySig(g.provider, g.round, g.capacityId, g.version, block.timestamp, sig) {
                ok = true;
            } catch {}
        } else {
            ok = _direct(g.provider, abi.encodeCall(ledger.withdraw, (g.round, g.capacityId)));
        }
        if (!ok) {
            withdrawalBlocked = true;
            return;
        }
        g.withdrawn = true;
        if (g.oneOff) ghostConsumed[g.capacityId] -= g.total - g.delivered;
        _counted(g.provider, bySig);
    }

    function _counted(address who, bool bySig) private {
        successfulCalls++;
        if (who != address(providerSafe) && who != address(recipientSafe)) return;
        if (bySig) _safeSignedCalls++;
        else _safeDirectCalls++;
    }

    /// @dev `who` calls the ledger itself: an EOA directly, a Safe through `execTransaction` by two owners.
    function _direct(address who, bytes memory data) private returns (bool ok) {
        if (who == address(providerSafe)) return SafeOwners.execute(providerSafe, _signers(PROVIDER_SAFE_OWNER), address(ledger), data);
        if (who == address(recipientSafe)) return SafeOwners.execute(recipientSafe, _signers(RECIPIENT_SAFE_OWNER), address(ledger), data);
        VM.prank(who);
        (ok,) = address(ledger).call(data);
    }

    /// @dev `who`'s signature of a ledger action: ECDSA for an EOA, two owners' SafeMessage for a Safe (ERC-1271).
    function _signAs(address who, bytes32 structHash) private view returns (bytes memory) {
        bytes32 digest = keccak256(abi.encodePacked(hex"1901", _ledgerDomainSeparator(), structHash));
        if (who == address(providerSafe)) return SafeOwners.signMessage(providerSafe, _signers(PROVIDER_SAFE_OWNER), digest);
        if (who == address(recipientSafe)) return SafeOwners.signMessage(recipientSafe, _signers(RECIPIENT_SAFE_OWNER), digest);
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(_keyOf(who), digest);
        return abi.encodePacked(r, s, v);
    }

    function _keyOf(address who) private pure returns (uint256) {
        if (who == VM.addr(PROVIDER_KEY)) return PROVIDER_KEY;
        for (uint256 i = 1; i <= NEEDS; i++) {
            if (who == VM.addr(0x1000 + i)) return 0x1000 + i;
        }
        return 1;
    }

    function _ledgerDomainSeparator() private view returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("FreeAssociation.Ledger"),
                keccak256("1"),
                block.chainid,
                address(ledger)
            )
        );
    }

    function _owners(uint256 firstKey) private pure returns (address[] memory owners) {
        owners = new address[](3);
        for (uint256 i = 0; i < 3; i++) {
            owners[i] = VM.addr(firstKey + i);
        }
    }

    /// @dev The two owners (of three) who sign: the second and the third, so the first is not always needed.
    function _signers(uint256 firstKey) private pure returns (uint256[2] memory) {
        return [firstKey + 1, firstKey + 2];
    }

    // ------------------------------------------------------------ tree helpers

    function leafHash(uint256 capacityId, uint256 needId, address recipient, uint256 amount)
        public
        pure
        returns (bytes32)
    {
        return keccak256(bytes.concat(keccak256(abi.encode(capacityId, needId, recipient, amount))));
    }

    function _leaf(Ghost memory g, uint256 i) private pure returns (bytes32) {
        return leafHash(g.capacityId, g.needIds[i], g.recipients[i], g.amounts[i]);
    }

    function _root(Ghost memory g) private pure returns (bytes32) {
        bytes32 a = _leaf(g, 0);
        bytes32 b = _leaf(g, 1);
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    function _proof(Ghost memory g, uint256 i) private pure returns (bytes32[] memory proof) {
        proof = new bytes32[](1);
        proof[0] = _leaf(g, 1 - i);
    }
}
