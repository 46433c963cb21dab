// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Rounds} from "../Rounds.sol";
import {AllocationLedger} from "../AllocationLedger.sol";
import {IAllocationLedger} from "../interfaces/IAllocationLedger.sol";
import {MockTerms} from "../mocks/MockTerms.sol";
import {Vm} from "./Vm.sol";

/// @dev The cheatcode handle (see Vm.sol), at file level so the ledger tests share it.
Vm constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

/// @title LedgerHandler
/// @notice Drives the ledger with random provider, recipient and stranger actions for the invariant tests,
/// and keeps a ghost model of what must hold. Commitments are two-leaf trees (proof = the other leaf).
contract LedgerHandler {
    struct Ghost {
        uint256 round;
        uint256 capacityId;
        uint32 version;
        address provider;
        uint256[2] needIds;
        address[2] recipients;
        uint256[2] amounts;
    }

    address public constant PROVIDER = address(0xA11CE);
    address public constant OTHER_PROVIDER = address(0xB0B);
    address public constant STRANGER = address(0x5757);
    uint256 public constant CAPACITIES = 3; // 1: one-off 1,000; 2: recurring 500; 3: one-off 300 (other provider)
    uint256 public constant NEEDS = 4; // need i belongs to recipient address(0x1000 + i)

    Rounds public immutable rounds;
    MockTerms public immutable terms;
    AllocationLedger public immutable ledger;

    Ghost[] internal _ghosts;
    mapping(uint256 capacityId => uint256) public ghostConsumed;
    mapping(uint256 needId => uint256) public ghostDelivered;
    mapping(uint256 needId => uint256) public ghostConfirmed;
    /// @notice Set if a non-provider or non-recipient action ever succeeded.
    bool public authorizationBroken;
    /// @notice Set if a provider's withdrawal of its live commitment ever failed.
    bool public withdrawalBlocked;
    /// @notice Set if a commitment above what the capacity had left ever succeeded.
    bool public overCommitted;
    uint256 public successfulCalls;

    constructor() {
        rounds = new Rounds(1);
        terms = new MockTerms();
        ledger = new AllocationLedger(rounds, terms, terms);
        terms.setCapacity(1, PROVIDER, 1000, false, true);
        terms.setCapacity(2, PROVIDER, 500, true, true);
        terms.setCapacity(3, OTHER_PROVIDER, 300, false, true);
        for (uint256 i = 1; i <= NEEDS; i++) {
            terms.setNeed(i, recipientOf(i), 400, true);
        }
        rounds.openRound();
    }

    // ------------------------------------------------------------ actions

    function openRound() external {
        VM.warp(block.timestamp + 1);
        rounds.openRound();
    }

    function commit(uint256 capSeed, uint256 needSeed, uint256 a0, uint256 a1, uint256 shortfall) external {
        uint256 capacityId = 1 + capSeed % CAPACITIES;
        address provider = providerOf(capacityId);
        Ghost memory g;
        g.round = rounds.currentRound();
        g.capacityId = capacityId;
        g.provider = provider;
        g.needIds[0] = 1 + needSeed % NEEDS;
        g.needIds[1] = 1 + (g.needIds[0] + (needSeed >> 8) % (NEEDS - 1)) % NEEDS;
        g.recipients[0] = recipientOf(g.needIds[0]);
        // Now and then a leaf names a stranger as the recipient of someone else's need.
        g.recipients[1] = (needSeed >> 16) % 7 == 0 ? STRANGER : recipientOf(g.needIds[1]);
        g.amounts[0] = a0 % 700;
        g.amounts[1] = a1 % 700;
        // Sometimes the declared total is below the leaf sum: deliveries must still stop at the total.
        uint256 total = g.amounts[0] + g.amounts[1];
        total -= shortfall % (total + 1) / ((needSeed >> 24) % 3 == 0 ? 1 : total + 1);

        uint256 left = _left(capacityId);
        VM.prank(provider);
        try ledger.commit(capacityId, _root(g), total, "fa-1") {
            if (total > left) overCommitted = true;
            (,,,,,, uint32 version) = _unpack(ledger.commitmentOf(g.round, capacityId));
            g.version = version;
            _ghosts.push(g);
            if (capacityId != 2) ghostConsumed[capacityId] += total;
            successfulCalls++;
        } catch {}
    }

    function withdraw(uint256 ghostSeed) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _ghosts[ghostSeed % _ghosts.length];
        IAllocationLedger.Commitment memory c = ledger.commitmentOf(g.round, g.capacityId);
        if (c.version != g.version || c.withdrawn) return;
        VM.prank(g.provider);
        try ledger.withdraw(g.round, g.capacityId) {
            if (g.capacityId != 2) ghostConsumed[g.capacityId] -= c.total - c.delivered;
            successfulCalls++;
        } catch {
            withdrawalBlocked = true;
        }
    }

    function deliver(uint256 ghostSeed, uint256 leafSeed, uint256 amount) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _ghosts[ghostSeed % _ghosts.length];
        uint256 i = leafSeed % 2;
        amount = 1 + amount % 400;
        VM.prank(g.provider);
        try ledger.recordDelivery(
            g.round, g.capacityId, g.needIds[i], g.recipients[i], g.amounts[i], _proof(g, i), amount
        ) {
            ghostDelivered[g.needIds[i]] += amount;
            successfulCalls++;
        } catch {}
    }

    function confirm(uint256 ghostSeed, uint256 leafSeed, uint256 amount) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _ghosts[ghostSeed % _ghosts.length];
        uint256 i = leafSeed % 2;
        amount = 1 + amount % 400;
        VM.prank(g.recipients[i]);
        try ledger.confirmReceipt(g.round, g.capacityId, g.needIds[i], amount) {
            if (g.recipients[i] != recipientOf(g.needIds[i])) authorizationBroken = true;
            ghostConfirmed[g.needIds[i]] += amount;
            successfulCalls++;
        } catch {}
    }

    /// @dev Someone who is neither provider nor recipient tries every action on a known commitment.
    function strangerActs(uint256 ghostSeed, uint256 leafSeed, uint256 amount) external {
        if (_ghosts.length == 0) return;
        Ghost storage g = _ghosts[ghostSeed % _ghosts.length];
        uint256 i = leafSeed % 2;
        amount = 1 + amount % 400;
        VM.prank(STRANGER);
        try ledger.commit(g.capacityId, _root(g), 1, "fa-1") {
            authorizationBroken = true;
        } catch {}
        VM.prank(STRANGER);
        try ledger.withdraw(g.round, g.capacityId) {
            authorizationBroken = true;
        } catch {}
        VM.prank(STRANGER);
        try ledger.recordDelivery(
            g.round, g.capacityId, g.needIds[i], g.recipients[i], g.amounts[i], _proof(g, i), amount
        ) {
            authorizationBroken = true;
        } catch {}
        VM.prank(STRANGER);
        try ledger.confirmReceipt(g.round, g.capacityId, g.needIds[i], amount) {
            authorizationBroken = true;
        } catch {}
        // The provider cannot confirm its own deliveries either.
        VM.prank(g.provider);
        try ledger.confirmReceipt(g.round, g.capacityId, g.needIds[i], amount) {
            authorizationBroken = true;
        } catch {}
    }

    // ------------------------------------------------------------ views for the invariants

    function ghostCount() external view returns (uint256) {
        return _ghosts.length;
    }

    function ghostAt(uint256 index)
        external
        view
        returns (uint256 round, uint256 capacityId, uint32 version, uint256[2] memory needIds, uint256[2] memory amounts)
    {
        Ghost storage g = _ghosts[index];
        return (g.round, g.capacityId, g.version, g.needIds, g.amounts);
    }

    function providerOf(uint256 capacityId) public pure returns (address) {
        return capacityId == 3 ? OTHER_PROVIDER : PROVIDER;
    }

    function recipientOf(uint256 needId) public pure returns (address) {
        return address(uint160(0x1000 + needId));
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

    function _left(uint256 capacityId) private view returns (uint256) {
        (, uint256 quantity, bool recurring, bool active) = terms.capacityTerms(capacityId);
        if (!active) return 0;
        if (recurring) return quantity;
        uint256 used = ledger.consumed(capacityId);
        return quantity > used ? quantity - used : 0;
    }

    function _unpack(IAllocationLedger.Commitment memory c)
        private
        pure
        returns (bytes32, uint256, uint256, bytes32, bool, address, uint32)
    {
        return (c.root, c.total, c.delivered, c.protocolId, c.withdrawn, c.provider, c.version);
    }
}
