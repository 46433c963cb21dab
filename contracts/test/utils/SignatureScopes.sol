// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AllocationLedger} from "../../AllocationLedger.sol";

/// @dev The ledger's signature scopes, restated from docs/contracts.md ("Signatures") so the tests sign
/// the nonce a signer's wallet would: `signatureNonce(signer, revocation, scope, target)`.
library SignatureScopes {
    function commitNonce(AllocationLedger ledger, address signer, uint256 round, uint256 capacityId)
        internal
        view
        returns (uint256)
    {
        return ledger.signatureNonce(signer, false, keccak256(abi.encode(ledger.COMMIT_TYPEHASH(), round, capacityId)), 0);
    }

    function withdrawNonce(AllocationLedger ledger, address signer, uint256 round, uint256 capacityId)
        internal
        view
        returns (uint256)
    {
        return ledger.signatureNonce(signer, true, keccak256(abi.encode(ledger.COMMIT_TYPEHASH(), round, capacityId)), 0);
    }

    function deliveryNonce(
        AllocationLedger ledger,
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        uint256 needId
    ) internal view returns (uint256) {
        bytes32 leafKey = keccak256(abi.encode(round, capacityId, version, needId));
        (, uint256 delivered,) = ledger.leafOf(round, capacityId, version, needId);
        return ledger.signatureNonce(
            signer, false, keccak256(abi.encode(ledger.RECORD_DELIVERY_TYPEHASH(), leafKey)), bytes32(delivered)
        );
    }

    function confirmationNonce(
        AllocationLedger ledger,
        address signer,
        uint256 round,
        uint256 capacityId,
        uint256 version,
        uint256 needId
    ) internal view returns (uint256) {
        bytes32 leafKey = keccak256(abi.encode(round, capacityId, version, needId));
        (,, uint256 confirmed) = ledger.leafOf(round, capacityId, version, needId);
        return ledger.signatureNonce(
            signer, false, keccak256(abi.encode(ledger.CONFIRM_RECEIPT_TYPEHASH(), leafKey)), bytes32(confirmed)
        );
    }

    function attestNonce(AllocationLedger ledger, address signer, uint256 round, uint256 capacityId, uint256 version)
        internal
        view
        returns (uint256)
    {
        return ledger.signatureNonce(
            signer, false, keccak256(abi.encode(ledger.ATTEST_TYPEHASH(), round, capacityId, version)), 0
        );
    }
}
