// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {ICapacityTerms} from "../interfaces/ICapacityTerms.sol";
import {INeedTerms} from "../interfaces/INeedTerms.sol";
import {Common} from "../utils/Common.sol";

/// @title MockTerms
/// @notice Test double for the registries: capacity and need terms set directly by anyone, checkpointed
/// per block timestamp like the real registries. Test use only.
contract MockTerms is ICapacityTerms, INeedTerms {
    mapping(uint256 => address) private _providers;
    mapping(uint256 => address) private _recipients;
    mapping(uint256 => Checkpoints.Trace208) private _capacityHistory;
    mapping(uint256 => Checkpoints.Trace208) private _needHistory;

    /// @notice Sets the terms of capacity `capacityId` from this block's timestamp on.
    function setCapacity(uint256 capacityId, address provider, uint256 quantity, bool recurring, bool active) external {
        _providers[capacityId] = provider;
        Common.checkpoint(_capacityHistory[capacityId], uint128(quantity), recurring, active);
    }

    /// @notice Sets the terms of need `needId` from this block's timestamp on.
    function setNeed(uint256 needId, address recipient, uint256 quantity, bool active) external {
        _recipients[needId] = recipient;
        Common.checkpoint(_needHistory[needId], uint128(quantity), false, active);
    }

    /// @inheritdoc ICapacityTerms
    function capacityTerms(uint256 capacityId)
        external
        view
        returns (address provider, uint256 quantity, bool recurring, bool active)
    {
        (quantity, recurring, active) = _unpack(Checkpoints.latest(_capacityHistory[capacityId]));
        provider = _providers[capacityId];
    }

    /// @inheritdoc ICapacityTerms
    function capacityTermsAt(uint256 capacityId, uint256 timepoint)
        external
        view
        returns (address provider, uint256 quantity, bool recurring, bool active)
    {
        bool declared;
        (declared, quantity, recurring, active) = Common.termsAt(_capacityHistory[capacityId], timepoint);
        if (declared) provider = _providers[capacityId];
    }

    /// @inheritdoc INeedTerms
    function needTerms(uint256 needId) external view returns (address recipient, uint256 quantity, bool active) {
        (quantity,, active) = _unpack(Checkpoints.latest(_needHistory[needId]));
        recipient = _recipients[needId];
    }

    /// @inheritdoc INeedTerms
    function needTermsAt(uint256 needId, uint256 timepoint)
        external
        view
        returns (address recipient, uint256 quantity, bool active)
    {
        bool declared;
        (declared, quantity,, active) = Common.termsAt(_needHistory[needId], timepoint);
        if (declared) recipient = _recipients[needId];
    }

    /// @notice ERC-6372 clock: the block timestamp.
    function clock() external view returns (uint48) {
        return Common.clock();
    }

    /// @notice ERC-6372 clock mode.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return Common.clockMode();
    }

    function _unpack(uint208 packed) private pure returns (uint256 quantity, bool recurring, bool active) {
        return (uint256(packed >> 2), packed & 2 != 0, packed & 1 != 0);
    }
}
