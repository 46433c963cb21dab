import { expect } from "chai";
import { network } from "hardhat";
import { hashTypedData, type Hex } from "viem";
import { allocationTree, FA1, proofOf, ROUND_LENGTH } from "./helpers/ledgerFixture.js";
import { actionDigest, capacityInput, FAR_DEADLINE, needInput } from "./helpers/registries.js";
import { deploySafe, signHashAsSafe } from "./helpers/safe.js";
import { ledgerDomain, ledgerTypes } from "../sdk/chain/ledgerTypedData.js";
import { nonceFor, sequenceOf } from "./helpers/nonces.js";

/** The ledger wired to the real capacity and need registries. */
async function deployWithRegistries() {
  const { viem, networkHelpers } = await network.create();
  const [, provider, alice, bob, relayer, owner1, owner2, owner3] = await viem.getWalletClients();
  const publicClient = await viem.getPublicClient();
  const capacities = await viem.deployContract("CapacityRegistry");
  const needs = await viem.deployContract("NeedRegistry");
  // Round 1 opens one round length from now; `nextRound` lets the clock reach the next opening.
  const rounds = await viem.deployContract("Rounds", [BigInt(await networkHelpers.time.latest()) + ROUND_LENGTH, ROUND_LENGTH]);
  const nextRound = async () => networkHelpers.time.increaseTo(await rounds.read.nextOpenTime());
  const ledger = await viem.deployContract("AllocationLedger", [rounds.address, capacities.address, needs.address]);
  const chainId = await publicClient.getChainId();
  return {
    viem, networkHelpers, publicClient, capacities, needs, rounds, ledger, chainId, nextRound,
    provider, alice, bob, relayer, owners: [owner1, owner2, owner3],
  };
}

describe("AllocationLedger with the real registries", () => {
  it("runs a round end to end: commit, deliver, confirm; the need's residual shrinks", async () => {
    const { viem, capacities, needs, ledger, provider, alice, bob, nextRound } = await deployWithRegistries();
    await capacities.write.declareCapacity([capacityInput({ quantity: 5_000n })], { account: provider.account });
    const capacityId = await capacities.read.capacityCount();
    await needs.write.declareNeed([needInput({ quantity: 1_200n })], { account: alice.account });
    const needA = await needs.read.needCount();
    await needs.write.declareNeed([needInput({ quantity: 800n })], { account: bob.account });
    const needB = await needs.read.needCount();
    await nextRound();

    const tree = allocationTree([
      [capacityId, needA, alice.account.address, 1_200n],
      [capacityId, needB, bob.account.address, 800n],
    ]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commit([capacityId, tree.root as Hex, 5_001n, FA1], { account: provider.account }),
      ledger,
      "ExceedsCapacity",
      [capacityId, 5_001n, 5_000n],
    );
    await ledger.write.commit([capacityId, tree.root as Hex, 2_000n, FA1], { account: provider.account });
    await ledger.write.recordDelivery(
      [{ round: 1n, capacityId: capacityId, version: 1n, needId: needA }, alice.account.address, 1_200n, proofOf(tree, 0), 1_000n],
      { account: provider.account },
    );
    await ledger.write.confirmReceipt([1n, capacityId, 1n, needA, 900n], { account: alice.account });
    expect(await ledger.read.residualNeed([needA])).to.equal(300n);
    expect(await ledger.read.residualNeed([needB])).to.equal(800n);
    expect(await ledger.read.capacityLeft([capacityId])).to.equal(3_000n);
  });

  it("refuses new commitments from a revoked capacity but lets its provider withdraw", async () => {
    const { viem, capacities, rounds, ledger, provider, nextRound } = await deployWithRegistries();
    await capacities.write.declareCapacity([capacityInput({ quantity: 100n })], { account: provider.account });
    const capacityId = await capacities.read.capacityCount();
    await nextRound();
    await ledger.write.commit([capacityId, FA1, 100n, FA1], { account: provider.account });
    await capacities.write.revokeCapacity([capacityId], { account: provider.account });
    await nextRound();
    const [, snapshot2] = await rounds.read.roundInfo([2n]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commit([capacityId, FA1, 1n, FA1], { account: provider.account }),
      ledger,
      "CapacityNotActive",
      [capacityId, snapshot2],
    );
    await viem.assertions.emitWithArgs(
      ledger.write.withdraw([1n, capacityId], { account: provider.account }),
      ledger,
      "CommitmentWithdrawn",
      [1n, capacityId, 1, 100n, 0n],
    );
  });

  it("accepts a commitment signed by a 2-of-3 Safe (ERC-1271) and relayed by anyone", async () => {
    const { viem, capacities, ledger, chainId, relayer, owners, nextRound } = await deployWithRegistries();
    const safe = await deploySafe(viem, owners.map((o) => o.account.address), 2);

    // The Safe declares its capacity through the registry's relayed signature.
    const input = capacityInput({ quantity: 1_000n, recurring: true });
    const declareDigest = actionDigest({ chainId, registry: capacities.address }, "DeclareCapacity", {
      signer: safe.address, capacity: input, nonce: await nonceFor(capacities, safe.address, "DeclareCapacity", {}), deadline: FAR_DEADLINE,
    });
    await capacities.write.declareCapacityBySig(
      [safe.address, input, FAR_DEADLINE, await signHashAsSafe(safe.address, chainId, declareDigest, owners.slice(0, 2))],
      { account: relayer.account },
    );
    const capacityId = await capacities.read.capacityCount();
    await nextRound();

    const root = allocationTree([[capacityId, 1n, relayer.account.address, 600n]]).root as Hex;
    const message = {
      signer: safe.address, round: 1n, capacityId, version: 1n, root, total: 600n, protocolId: FA1, nonce: await nonceFor(ledger, safe.address, "Commit", { round: 1n, capacityId }), deadline: FAR_DEADLINE,
    };
    const digest = hashTypedData({
      domain: ledgerDomain(chainId, ledger.address), types: ledgerTypes, primaryType: "Commit", message,
    });
    // One owner is not enough for a 2-of-3 Safe.
    const oneOwner = await signHashAsSafe(safe.address, chainId, digest, owners.slice(0, 1));
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commitBySig([safe.address, 1n, capacityId, 1n, root, 600n, FA1, FAR_DEADLINE, oneOwner], {
        account: relayer.account,
      }),
      ledger,
      "InvalidSignature",
      [safe.address],
    );
    const twoOwners = await signHashAsSafe(safe.address, chainId, digest, [owners[0], owners[2]]);
    await viem.assertions.emitWithArgs(
      ledger.write.commitBySig([safe.address, 1n, capacityId, 1n, root, 600n, FA1, FAR_DEADLINE, twoOwners], {
        account: relayer.account,
      }),
      ledger,
      "CommitmentMade",
      [1n, capacityId, safe.address, 1, root, 600n, FA1, false, 0n],
    );
    expect(sequenceOf(await nonceFor(ledger, safe.address, "Commit", { round: 1n, capacityId }))).to.equal(1n);
  });
});
