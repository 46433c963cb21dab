import { expect } from "chai";
import { getAddress, keccak256, stringToHex, toHex, zeroAddress, type Hex } from "viem";
import { allocationTree, deployLedger, FA1, proofOf, type Leaf } from "./helpers/ledgerFixture.js";

const MAX = 2n ** 96n - 1n;
const CAP = 1n; // one-off capacity of `provider`, quantity 1,000
const REC = 2n; // recurring capacity of `provider`, quantity 500
const NEED_A = 11n; // alice's need, 300
const NEED_B = 12n; // bob's need, 400

async function setup() {
  const f = await deployLedger();
  const { terms, provider, alice, bob } = f;
  await terms.write.setCapacity([CAP, provider.account.address, 1000n, false, true]);
  await terms.write.setCapacity([REC, provider.account.address, 500n, true, true]);
  await terms.write.setNeed([NEED_A, alice.account.address, 300n, true]);
  await terms.write.setNeed([NEED_B, bob.account.address, 400n, true]);
  const leaves: Leaf[] = [
    [CAP, NEED_A, alice.account.address, 200n],
    [CAP, NEED_B, bob.account.address, 300n],
  ];
  const tree = allocationTree(leaves);
  return { ...f, leaves, tree };
}

/** Round 1 open, `tree` committed for CAP with total 500. */
async function committed() {
  const f = await setup();
  await f.nextRound();
  await f.ledger.write.commit([CAP, f.tree.root as Hex, 500n, FA1], { account: f.provider.account });
  return f;
}

/** As `committed`, plus 150 delivered to alice's leaf. */
async function delivered() {
  const f = await committed();
  await f.ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, f.alice.account.address, 200n, proofOf(f.tree, 0), 150n], {
    account: f.provider.account,
  });
  return f;
}

describe("AllocationLedger", () => {
  describe("commit", () => {
    it("records root, total and protocol id for the current round and consumes a one-off capacity", async () => {
      const { viem, ledger, provider, tree, nextRound } = await setup();
      await nextRound();
      const root = tree.root as Hex;
      await viem.assertions.emitWithArgs(
        ledger.write.commit([CAP, root, 500n, FA1], { account: provider.account }),
        ledger,
        "CommitmentMade",
        [1n, CAP, provider.account.address, 1, root, 500n, FA1, true, 500n],
      );
      expect(await ledger.read.commitmentOf([1n, CAP])).to.deep.equal({
        root,
        total: 500n,
        delivered: 0n,
        protocolId: FA1,
        withdrawn: false,
        provider: getAddress(provider.account.address),
        version: 1,
      });
      expect(await ledger.read.consumed([CAP])).to.equal(500n);
      expect(await ledger.read.capacityLeft([CAP])).to.equal(500n);
    });

    it("encodes the protocol id as left-aligned ASCII", () => {
      expect(FA1).to.equal("0x66612d3100000000000000000000000000000000000000000000000000000000");
    });

    it("refuses a commitment before the first round", async () => {
      const { viem, ledger, provider, tree } = await setup();
      await viem.assertions.revertWithCustomError(
        ledger.write.commit([CAP, tree.root as Hex, 1n, FA1], { account: provider.account }),
        ledger,
        "NoRoundOpen",
      );
    });

    it("lets only the capacity's provider commit", async () => {
      const { viem, ledger, provider, stranger, tree, nextRound } = await setup();
      await nextRound();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([CAP, tree.root as Hex, 1n, FA1], { account: stranger.account }),
        ledger,
        "NotProvider",
        [CAP, stranger.account.address, provider.account.address],
      );
    });

    it("judges a capacity by its terms at the round's snapshot: revoked before it is refused, after it still counts", async () => {
      const { viem, ledger, rounds, terms, provider, tree, nextRound } = await setup();
      await nextRound();
      // Revoked after round 1's snapshot: round 1 still sees it active (the revocation counts from round 2).
      await terms.write.setCapacity([CAP, provider.account.address, 1000n, false, false]);
      await ledger.write.commit([CAP, tree.root as Hex, 1n, FA1], { account: provider.account });
      const [, snapshot1] = await rounds.read.roundInfo([1n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([99n, tree.root as Hex, 1n, FA1], { account: provider.account }),
        ledger,
        "CapacityNotActive",
        [99n, snapshot1],
      );
      await nextRound();
      const [, snapshot2] = await rounds.read.roundInfo([2n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([CAP, tree.root as Hex, 1n, FA1], { account: provider.account }),
        ledger,
        "CapacityNotActive",
        [CAP, snapshot2],
      );
      expect(await ledger.read.capacityLeft([CAP])).to.equal(0n);
    });

    it("refuses a total above what a one-off capacity has left, across rounds", async () => {
      const { viem, ledger, provider, tree, nextRound } = await setup();
      await nextRound();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([CAP, tree.root as Hex, 1001n, FA1], { account: provider.account }),
        ledger,
        "ExceedsCapacity",
        [CAP, 1001n, 1000n],
      );
      await ledger.write.commit([CAP, tree.root as Hex, 700n, FA1], { account: provider.account });
      await nextRound();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([CAP, tree.root as Hex, 301n, FA1], { account: provider.account }),
        ledger,
        "ExceedsCapacity",
        [CAP, 301n, 300n],
      );
      await ledger.write.commit([CAP, tree.root as Hex, 300n, FA1], { account: provider.account });
      expect(await ledger.read.consumed([CAP])).to.equal(1000n);
      expect(await ledger.read.capacityLeft([CAP])).to.equal(0n);
    });

    it("reports nothing left when a one-off capacity's quantity falls below what is consumed", async () => {
      const { viem, ledger, terms, provider, tree, nextRound } = await setup();
      await nextRound();
      await ledger.write.commit([CAP, tree.root as Hex, 700n, FA1], { account: provider.account });
      await terms.write.setCapacity([CAP, provider.account.address, 600n, false, true]);
      // Round 1 judges by its snapshot (quantity 1,000); from round 2 on the lowered quantity counts.
      expect(await ledger.read.capacityLeft([CAP])).to.equal(300n);
      await nextRound();
      expect(await ledger.read.capacityLeft([CAP])).to.equal(0n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([CAP, tree.root as Hex, 1n, FA1], { account: provider.account }),
        ledger,
        "ExceedsCapacity",
        [CAP, 1n, 0n],
      );
    });

    it("renews a recurring capacity every round and does not count it as consumed", async () => {
      const { viem, ledger, provider, tree, nextRound } = await setup();
      await nextRound();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([REC, tree.root as Hex, 501n, FA1], { account: provider.account }),
        ledger,
        "ExceedsCapacity",
        [REC, 501n, 500n],
      );
      await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
      await nextRound();
      await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
      expect((await ledger.read.commitmentOf([2n, REC])).total).to.equal(500n);
      expect(await ledger.read.consumed([REC])).to.equal(0n);
      expect(await ledger.read.capacityLeft([REC])).to.equal(500n);
    });

    it("allows one live commitment per round and capacity, and a new one after withdrawal", async () => {
      const { viem, ledger, provider, tree } = await committed();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([CAP, tree.root as Hex, 1n, FA1], { account: provider.account }),
        ledger,
        "AlreadyCommitted",
        [1n, CAP],
      );
      await ledger.write.withdraw([1n, CAP], { account: provider.account });
      const otherRoot = keccak256(toHex("another allocation"));
      await ledger.write.commit([CAP, otherRoot, 400n, FA1], { account: provider.account });
      const c = await ledger.read.commitmentOf([1n, CAP]);
      expect([c.root, c.total, c.withdrawn, c.version]).to.deep.equal([otherRoot, 400n, false, 2]);
      expect(await ledger.read.consumed([CAP])).to.equal(400n);
    });

    it("refuses totals beyond 2^96 - 1", async () => {
      const { viem, ledger, terms, provider, tree, nextRound } = await setup();
      await terms.write.setCapacity([REC, provider.account.address, 2n ** 100n, true, true]);
      await nextRound();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.commit([REC, tree.root as Hex, MAX + 1n, FA1], { account: provider.account }),
        ledger,
        "AmountTooLarge",
        [MAX + 1n, MAX],
      );
      await ledger.write.commit([REC, tree.root as Hex, MAX, FA1], { account: provider.account });
      expect((await ledger.read.commitmentOf([1n, REC])).total).to.equal(MAX);
    });

    it("costs the same gas for a 1,000-leaf allocation as for a 10-leaf one", async () => {
      const { ledger, terms, provider, alice, nextRound, receiptOf } = await setup();
      // Two identical fresh recurring capacities (ids 3 and 4: same calldata byte profile).
      await terms.write.setCapacity([3n, provider.account.address, 10_000n, true, true]);
      await terms.write.setCapacity([4n, provider.account.address, 10_000n, true, true]);
      await nextRound();
      const small = allocationTree(
        Array.from({ length: 10 }, (_, i): Leaf => [3n, BigInt(100 + i), alice.account.address, 100n]),
      );
      const large = allocationTree(
        Array.from({ length: 1000 }, (_, i): Leaf => [4n, BigInt(100 + i), alice.account.address, 1n]),
      );
      // Calldata prices zero bytes lower: compare roots with the same number of zero bytes.
      const zeros = (h: string) => (h.slice(2).match(/../g) ?? []).filter((b) => b === "00").length;
      expect(zeros(small.root)).to.equal(zeros(large.root));
      const gasSmall = (await receiptOf(
        await ledger.write.commit([3n, small.root as Hex, 1000n, FA1], { account: provider.account }),
      )).gasUsed;
      const gasLarge = (await receiptOf(
        await ledger.write.commit([4n, large.root as Hex, 1000n, FA1], { account: provider.account }),
      )).gasUsed;
      expect(gasLarge).to.equal(gasSmall);
    });
  });

  describe("withdraw", () => {
    it("releases the undelivered part back to a one-off capacity and blocks further deliveries", async () => {
      const { viem, ledger, provider, alice, tree } = await delivered();
      expect(await ledger.read.consumed([CAP])).to.equal(500n);
      await viem.assertions.emitWithArgs(
        ledger.write.withdraw([1n, CAP], { account: provider.account }),
        ledger,
        "CommitmentWithdrawn",
        [1n, CAP, 1, 350n, 150n],
      );
      expect(await ledger.read.consumed([CAP])).to.equal(150n);
      expect(await ledger.read.capacityLeft([CAP])).to.equal(850n);
      expect((await ledger.read.commitmentOf([1n, CAP])).withdrawn).to.equal(true);
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proofOf(tree, 0), 1n], {
          account: provider.account,
        }),
        ledger,
        "CommitmentIsWithdrawn",
        [1n, CAP],
      );
    });

    it("leaves a recurring capacity's consumption untouched", async () => {
      const { ledger, provider, tree, nextRound } = await setup();
      await nextRound();
      await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
      await ledger.write.withdraw([1n, REC], { account: provider.account });
      expect(await ledger.read.consumed([REC])).to.equal(0n);
    });

    it("releases into consumption only what the commitment counted, even if the capacity changed kind", async () => {
      const { ledger, terms, provider, tree, nextRound } = await setup();
      await nextRound();
      // Committed while recurring (not counted), withdrawn after the capacity became one-off: nothing to release.
      await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
      await terms.write.setCapacity([REC, provider.account.address, 500n, false, true]);
      await ledger.write.withdraw([1n, REC], { account: provider.account });
      expect(await ledger.read.consumed([REC])).to.equal(0n);
      // Committed while one-off (counted), withdrawn after it became recurring: released.
      await ledger.write.commit([CAP, tree.root as Hex, 400n, FA1], { account: provider.account });
      await terms.write.setCapacity([CAP, provider.account.address, 1000n, true, true]);
      await ledger.write.withdraw([1n, CAP], { account: provider.account });
      expect(await ledger.read.consumed([CAP])).to.equal(0n);
    });

    it("is refused to anyone but the committing provider", async () => {
      const { viem, ledger, provider, stranger } = await committed();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.withdraw([1n, CAP], { account: stranger.account }),
        ledger,
        "NotProvider",
        [CAP, stranger.account.address, provider.account.address],
      );
    });

    it("stays possible for the provider after the capacity is revoked and later rounds opened", async () => {
      const { viem, ledger, terms, provider, nextRound } = await committed();
      await terms.write.setCapacity([CAP, zeroAddress, 0n, false, false]);
      await nextRound();
      await nextRound();
      await viem.assertions.emitWithArgs(
        ledger.write.withdraw([1n, CAP], { account: provider.account }),
        ledger,
        "CommitmentWithdrawn",
        [1n, CAP, 1, 500n, 0n],
      );
      expect(await ledger.read.consumed([CAP])).to.equal(0n);
    });

    it("refuses a missing commitment and a second withdrawal", async () => {
      const { viem, ledger, provider } = await committed();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.withdraw([1n, REC], { account: provider.account }),
        ledger,
        "NoCommitment",
        [1n, REC],
      );
      await ledger.write.withdraw([1n, CAP], { account: provider.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.withdraw([1n, CAP], { account: provider.account }),
        ledger,
        "CommitmentIsWithdrawn",
        [1n, CAP],
      );
    });
  });

  describe("recordDelivery", () => {
    it("verifies the leaf's proof on chain and records cumulative deliveries per leaf and commitment", async () => {
      const { viem, ledger, provider, alice, bob, tree } = await committed();
      const proofA = proofOf(tree, 0);
      await viem.assertions.emitWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proofA, 150n], {
          account: provider.account,
        }),
        ledger,
        "DeliveryRecorded",
        [1n, CAP, NEED_A, 1, alice.account.address, 150n, 150n, 150n, 150n],
      );
      await viem.assertions.emitWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proofA, 50n], {
          account: provider.account,
        }),
        ledger,
        "DeliveryRecorded",
        [1n, CAP, NEED_A, 1, alice.account.address, 50n, 200n, 200n, 200n],
      );
      await ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_B }, bob.account.address, 300n, proofOf(tree, 1), 10n], {
        account: provider.account,
      });
      expect(await ledger.read.leafOf([1n, CAP, 1n, NEED_A])).to.deep.equal([getAddress(alice.account.address), 200n, 0n]);
      expect(await ledger.read.leafOf([1n, CAP, 1n, NEED_B])).to.deep.equal([getAddress(bob.account.address), 10n, 0n]);
      expect((await ledger.read.commitmentOf([1n, CAP])).delivered).to.equal(210n);
    });

    it("keeps delivering in later rounds", async () => {
      const { ledger, provider, alice, tree, nextRound } = await committed();
      await nextRound();
      await ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proofOf(tree, 0), 5n], {
        account: provider.account,
      });
      expect((await ledger.read.leafOf([1n, CAP, 1n, NEED_A]))[1]).to.equal(5n);
    });

    it("refuses a leaf that is not under the root", async () => {
      const { viem, ledger, provider, alice, bob, tree } = await committed();
      // Right proof, wrong amount; and alice's proof for bob's leaf.
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 201n, proofOf(tree, 0), 1n], {
          account: provider.account,
        }),
        ledger,
        "InvalidProof",
        [1n, CAP, NEED_A, alice.account.address, 201n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_B }, bob.account.address, 300n, proofOf(tree, 0), 1n], {
          account: provider.account,
        }),
        ledger,
        "InvalidProof",
        [1n, CAP, NEED_B, bob.account.address, 300n],
      );
    });

    it("caps the cumulative delivery of a leaf at its amount", async () => {
      const { viem, ledger, provider, alice, tree } = await delivered();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proofOf(tree, 0), 51n], {
          account: provider.account,
        }),
        ledger,
        "ExceedsLeafAmount",
        [NEED_A, 201n, 200n],
      );
    });

    it("caps the commitment's deliveries at its total even if the leaves sum to more", async () => {
      const { viem, ledger, provider, alice, bob, nextRound } = await setup();
      await nextRound();
      const bad = allocationTree([
        [CAP, NEED_A, alice.account.address, 300n],
        [CAP, NEED_B, bob.account.address, 300n],
      ]);
      await ledger.write.commit([CAP, bad.root as Hex, 400n, FA1], { account: provider.account });
      await ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 300n, proofOf(bad, 0), 300n], {
        account: provider.account,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_B }, bob.account.address, 300n, proofOf(bad, 1), 101n], {
          account: provider.account,
        }),
        ledger,
        "ExceedsCommitment",
        [1n, CAP, 401n, 400n],
      );
    });

    it("keeps one recipient per need within a commitment", async () => {
      const { viem, ledger, provider, alice, bob, nextRound } = await setup();
      await nextRound();
      const twoRecipients = allocationTree([
        [CAP, NEED_A, alice.account.address, 100n],
        [CAP, NEED_A, bob.account.address, 100n],
      ]);
      await ledger.write.commit([CAP, twoRecipients.root as Hex, 200n, FA1], { account: provider.account });
      await ledger.write.recordDelivery(
        [{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 100n, proofOf(twoRecipients, 0), 1n],
        { account: provider.account },
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, bob.account.address, 100n, proofOf(twoRecipients, 1), 1n], {
          account: provider.account,
        }),
        ledger,
        "RecipientMismatch",
        [NEED_A, alice.account.address, bob.account.address],
      );
    });

    it("refuses zero, oversized and zero-recipient deliveries", async () => {
      const { viem, ledger, provider, alice, tree } = await committed();
      const proof = proofOf(tree, 0);
      await viem.assertions.revertWithCustomError(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proof, 0n], {
          account: provider.account,
        }),
        ledger,
        "ZeroAmount",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proof, MAX + 1n], {
          account: provider.account,
        }),
        ledger,
        "AmountTooLarge",
        [MAX + 1n, MAX],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, zeroAddress, 200n, proof, 1n], { account: provider.account }),
        ledger,
        "ZeroLeafRecipient",
        [NEED_A],
      );
    });

    it("is refused to anyone but the committing provider, and without a commitment", async () => {
      const { viem, ledger, provider, alice, tree } = await committed();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proofOf(tree, 0), 1n], {
          account: alice.account,
        }),
        ledger,
        "NotProvider",
        [CAP, alice.account.address, provider.account.address],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.recordDelivery([{ round: 2n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proofOf(tree, 0), 1n], {
          account: provider.account,
        }),
        ledger,
        "NoCommitment",
        [2n, CAP],
      );
    });
  });

  describe("confirmReceipt", () => {
    it("adds the recipient's confirmation to the leaf and the need, shrinking its residual", async () => {
      const { viem, ledger, alice } = await delivered();
      expect(await ledger.read.residualNeed([NEED_A])).to.equal(300n);
      await viem.assertions.emitWithArgs(
        ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 100n], { account: alice.account }),
        ledger,
        "ReceiptConfirmed",
        [1n, CAP, NEED_A, 1, alice.account.address, 100n, 100n, 100n],
      );
      await viem.assertions.emitWithArgs(
        ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 50n], { account: alice.account }),
        ledger,
        "ReceiptConfirmed",
        [1n, CAP, NEED_A, 1, alice.account.address, 50n, 150n, 150n],
      );
      expect(await ledger.read.leafOf([1n, CAP, 1n, NEED_A])).to.deep.equal([getAddress(alice.account.address), 150n, 150n]);
      expect(await ledger.read.confirmed([NEED_A])).to.equal(150n);
      expect(await ledger.read.residualNeed([NEED_A])).to.equal(150n);
    });

    it("sums confirmations of one need across capacities", async () => {
      const { ledger, terms, provider, alice, nextRound } = await setup();
      await terms.write.setCapacity([5n, provider.account.address, 100n, true, true]);
      await nextRound();
      const t1 = allocationTree([[CAP, NEED_A, alice.account.address, 100n]]);
      const t5 = allocationTree([[5n, NEED_A, alice.account.address, 100n]]);
      await ledger.write.commit([CAP, t1.root as Hex, 100n, FA1], { account: provider.account });
      await ledger.write.commit([5n, t5.root as Hex, 100n, FA1], { account: provider.account });
      await ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 100n, [], 100n], {
        account: provider.account,
      });
      await ledger.write.recordDelivery([{ round: 1n, capacityId: 5n, version: 1n, needId: NEED_A }, alice.account.address, 100n, [], 100n], {
        account: provider.account,
      });
      await ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 100n], { account: alice.account });
      await ledger.write.confirmReceipt([1n, 5n, 1n, NEED_A, 100n], { account: alice.account });
      expect(await ledger.read.confirmed([NEED_A])).to.equal(200n);
      expect(await ledger.read.residualNeed([NEED_A])).to.equal(100n);
    });

    it("floors the residual need at zero", async () => {
      const { ledger, terms, alice } = await delivered();
      await ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 150n], { account: alice.account });
      await terms.write.setNeed([NEED_A, alice.account.address, 100n, true]);
      expect(await ledger.read.residualNeed([NEED_A])).to.equal(0n);
    });

    it("caps confirmations at what was delivered", async () => {
      const { viem, ledger, alice } = await delivered();
      await ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 100n], { account: alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 51n], { account: alice.account }),
        ledger,
        "ExceedsDelivered",
        [NEED_A, 151n, 150n],
      );
    });

    it("lets only the leaf's recipient confirm, and nobody before a delivery", async () => {
      const { viem, ledger, alice, bob, stranger } = await delivered();
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 1n], { account: stranger.account }),
        ledger,
        "NotRecipient",
        [NEED_A, stranger.account.address, alice.account.address],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.confirmReceipt([1n, CAP, 1n, NEED_B, 1n], { account: bob.account }),
        ledger,
        "NotRecipient",
        [NEED_B, bob.account.address, zeroAddress],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.confirmReceipt([1n, REC, 1n, NEED_A, 1n], { account: alice.account }),
        ledger,
        "NoCommitment",
        [1n, REC],
      );
    });

    it("refuses a leaf recipient that is not the need's recipient (no shrinking someone else's need)", async () => {
      const { viem, ledger, provider, alice, stranger, nextRound } = await setup();
      await nextRound();
      const sock = allocationTree([[CAP, NEED_A, stranger.account.address, 100n]]);
      await ledger.write.commit([CAP, sock.root as Hex, 100n, FA1], { account: provider.account });
      await ledger.write.recordDelivery([{ round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, stranger.account.address, 100n, [], 100n], {
        account: provider.account,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 100n], { account: stranger.account }),
        ledger,
        "LeafRecipientNotNeedRecipient",
        [NEED_A, stranger.account.address, alice.account.address],
      );
      expect(await ledger.read.residualNeed([NEED_A])).to.equal(300n);
    });

    it("refuses zero and oversized confirmations", async () => {
      const { viem, ledger, alice } = await delivered();
      await viem.assertions.revertWithCustomError(
        ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 0n], { account: alice.account }),
        ledger,
        "ZeroAmount",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, MAX + 1n], { account: alice.account }),
        ledger,
        "AmountTooLarge",
        [MAX + 1n, MAX],
      );
    });

    it("still accepts confirmations after the provider withdrew", async () => {
      const { ledger, provider, alice } = await delivered();
      await ledger.write.withdraw([1n, CAP], { account: provider.account });
      await ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 150n], { account: alice.account });
      expect(await ledger.read.confirmed([NEED_A])).to.equal(150n);
    });
  });

  describe("attest", () => {
    it("records any auditor's opinion as an event", async () => {
      const { viem, ledger, stranger } = await committed();
      const report = keccak256(stringToHex("report"));
      await viem.assertions.emitWithArgs(
        ledger.write.attest([1n, CAP, 1n, false, report], { account: stranger.account }),
        ledger,
        "Attested",
        [1n, CAP, stranger.account.address, 1, false, report],
      );
    });
  });
});
