import { expect } from "chai";
import hre from "hardhat";
import type { Hex } from "viem";
import { allocationTree, deployLedger, FA1, gasFloor, proofOf, type Leaf } from "./helpers/ledgerFixture.js";

/**
 * Gas of the ledger's actions against their physical floor (see `gasFloor`). The floor counts the
 * storage slots each action must create or change by design; the ratio is the execution overhead.
 */
describe("AllocationLedger gas", function () {
  // Coverage instrumentation adds gas to every statement: the measurements only mean something without it.
  before(function () {
    if (hre.globalOptions.coverage) this.skip();
  });
  const rows: { action: string; gas: bigint; floor: bigint }[] = [];
  after(() => {
    if (rows.length === 0) return;
    console.log("\n      action                                   gas    floor  ratio");
    for (const r of rows) {
      const ratio = (Number(r.gas) / Number(r.floor)).toFixed(3);
      console.log(`      ${r.action.padEnd(38)} ${String(r.gas).padStart(7)} ${String(r.floor).padStart(7)}  ${ratio}`);
    }
  });

  it("stays within 1.25x the physical floor (commit, confirmReceipt, commitBySig) and under 80k for a depth-10 delivery", async () => {
    const { rounds, ledger, terms, provider, alice, publicClient, receiptOf, sign, networkHelpers, nextRound } =
      await deployLedger();
    const measure = async (action: string, hash: Hex, newSlots: number, changedSlots: number, extra = 0n) => {
      const receipt = await receiptOf(hash);
      const tx = await publicClient.getTransaction({ hash });
      const row = { action, gas: receipt.gasUsed, floor: gasFloor(tx.input, receipt, newSlots, changedSlots) + extra };
      rows.push(row);
      return row;
    };

    await terms.write.setCapacity([1n, provider.account.address, 100_000n, true, true]);
    await terms.write.setCapacity([2n, provider.account.address, 100_000n, false, true]);
    await terms.write.setCapacity([3n, provider.account.address, 100_000n, true, true]);
    await terms.write.setCapacity([4n, provider.account.address, 100_000n, true, true]);
    await terms.write.setCapacity([5n, provider.account.address, 100_000n, true, true]);
    await terms.write.setNeed([100n, alice.account.address, 1_000n, true]);

    // No transaction opens a round (the schedule does): the clock reaches round 2's opening.
    await nextRound();
    await nextRound();

    const leaves = (cap: bigint, n: number): Leaf[] =>
      Array.from({ length: n }, (_, i): Leaf => [cap, BigInt(100 + i), alice.account.address, 10n]);
    const tree10 = allocationTree(leaves(1n, 10));
    const tree1024 = allocationTree(leaves(3n, 1024));
    const tree1000 = allocationTree(leaves(4n, 1000));
    const treeOneOff = allocationTree(leaves(2n, 10));

    // commit (recurring): root, protocol id, provider+total, delivered/version/flags: 4 new slots.
    const c10 = await measure(
      "commit, 10 leaves (recurring)",
      await ledger.write.commit([1n, tree10.root as Hex, 100n, FA1], { account: provider.account }),
      4,
      0,
    );
    const c1000 = await measure(
      "commit, 1,000 leaves (recurring)",
      await ledger.write.commit([4n, tree1000.root as Hex, 10_000n, FA1], { account: provider.account }),
      4,
      0,
    );
    // one-off also creates the capacity's consumed counter.
    const cOneOff = await measure(
      "commit, 10 leaves (one-off)",
      await ledger.write.commit([2n, treeOneOff.root as Hex, 100n, FA1], { account: provider.account }),
      5,
      0,
    );
    await ledger.write.commit([3n, tree1024.root as Hex, 10_240n, FA1], { account: provider.account });

    // recordDelivery with a depth-10 proof: creates the leaf slot, changes the commitment's delivered slot.
    const proof10 = proofOf(tree1024, 7);
    expect(proof10.length).to.equal(10);
    const d1 = await measure(
      "recordDelivery, depth-10 proof (first)",
      await ledger.write.recordDelivery([{ round: 2n, capacityId: 3n, version: 1n, needId: 107n }, alice.account.address, 10n, proof10, 4n], {
        account: provider.account,
      }),
      1,
      1,
    );
    const d2 = await measure(
      "recordDelivery, depth-10 proof (again)",
      await ledger.write.recordDelivery([{ round: 2n, capacityId: 3n, version: 1n, needId: 107n }, alice.account.address, 10n, proof10, 4n], {
        account: provider.account,
      }),
      0,
      2,
    );
    // confirmReceipt: creates the leaf's confirmed slot and the need's confirmed total.
    await terms.write.setNeed([107n, alice.account.address, 1_000n, true]);
    const conf = await measure(
      "confirmReceipt (first)",
      await ledger.write.confirmReceipt([2n, 3n, 1n, 107n, 5n], { account: alice.account }),
      2,
      0,
    );

    // commitBySig (recurring): as commit plus the signer's nonce slot (new: one key per round and capacity),
    // plus what any signature check must do: ecrecover (3,000) and reading the two epochs the nonce key is
    // derived from (2 cold reads, 2,100 each: SignedActions).
    const SIGNATURE_CHECK = 3_000n + 2n * 2_100n;
    const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
    const tree5 = allocationTree(leaves(5n, 10));
    const sig = await sign(provider, "Commit", {
      round: 2n, capacityId: 5n, root: tree5.root, total: 100n, protocolId: FA1, deadline,
    });
    const cSig = await measure(
      "commitBySig, 10 leaves (recurring)",
      await ledger.write.commitBySig([provider.account.address, 2n, 5n, 1n, tree5.root as Hex, 100n, FA1, deadline, sig]),
      5,
      0,
      SIGNATURE_CHECK,
    );

    // Same execution overhead whatever the leaf count (the floors differ only by calldata bytes).
    expect(c1000.gas - c1000.floor).to.equal(c10.gas - c10.floor);
    for (const row of [c10, c1000, cOneOff]) {
      expect(Number(row.gas) / Number(row.floor), row.action).to.be.at.most(1.25);
    }
    expect(Number(d1.gas)).to.be.at.most(80_000);
    expect(Number(d2.gas)).to.be.below(Number(d1.gas));
    // Confirmation reads the need registry (here the mock).
    for (const row of [conf, cSig]) {
      expect(Number(row.gas) / Number(row.floor), row.action).to.be.at.most(1.25);
    }
  });
});
