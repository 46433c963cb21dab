// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ICapacityTerms} from "../interfaces/ICapacityTerms.sol";
import {INeedTerms} from "../interfaces/INeedTerms.sol";

/// @title MockTerms
/// @notice Test double for the registries: capacity and need terms set directly by anyone. Test use only.
contract MockTerms is ICapacityTerms, INeedTerms {
    struct CapacityTerms {
        address provider;
        uint256 quantity;
        bool recurring;
        bool active;
    }

    struct NeedTerms {
        address recipient;
        uint256 quantity;
        bool active;
    }

    mapping(uint256 => CapacityTerms) private _capacities;
    mapping(uint256 => NeedTerms) private _needs;

    /// @notice Sets the terms of capacity `capacityId`.
    function setCapacity(uint256 capacityId, address provider, uint256 quantity, bool recurring, bool active) external {
        _capacities[capacityId] = CapacityTerms(provider, quantity, recurring, active);
    }

    /// @notice Sets the terms of need `needId`.
    function setNeed(uint256 needId, address recipient, uint256 quantity, bool active) external {
        _needs[needId] = NeedTerms(recipient, quantity, active);
    }

    /// @inheritdoc ICapacityTerms
    function capacityTerms(uint256 capacityId)
        external
        view
        returns (address provider, uint256 quantity, bool recurring, bool active)
    {
        CapacityTerms storage c = _capacities[capacityId];
        return (c.provider, c.quantity, c.recurring, c.active);
    }

    /// @inheritdoc INeedTerms
    function needTerms(uint256 needId) external view returns (address recipient, uint256 quantity, bool active) {
        NeedTerms storage n = _needs[needId];
        return (n.recipient, n.quantity, n.active);
    }
}
