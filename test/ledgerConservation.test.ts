import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, type Hex } from "viem";
import { allocationTree, deployLedger, FA1, proofOf, type Leaf } from "./helpers/ledgerFixture.js";
import { capacityInput, needInput } from "./helpers/registries.js";

/**
 * Regression tests for the sequences of issue 8 ("Why"): each used to break capacity conservation
 * (SPEC §2 axiom 2) or sovereignty (axiom 1) and is now refused or harmless.
 */
const CAP = 1n; // one-off, quantity 500
const REC = 2n; // recurring, quantity 500
const NEED_A = 11n; // alice's need, 1,000
const NEED_B = 12n; // bob's need, 1,000

async function setup() {
  const f = await deployLedger();
  const { terms, provider, alice, bob } = f;
  await terms.write.setCapacity([CAP, provider.account.address, 500n, false, true]);
  await terms.write.setCapacity([REC, provider.account.address, 500n, true, true]);
  await terms.write.setNeed([NEED_A, alice.account.address, 1_000n, true]);
  await terms.write.setNeed([NEED_B, bob.account.address, 1_000n, true]);
  const treeFor = (cap: bigint, a = 500n, b = 0n) =>
    allocationTree([
      [cap, NEED_A, alice.account.address, a],
      [cap, NEED_B, bob.account.address, b],
    ] as Leaf[]);
  const leafA = (round: bigint, cap: bigint, version: bigint) => ({ round, capacityId: cap, version, needId: NEED_A });
  return { ...f, treeFor, leafA };
}

describe("AllocationLedger conservation (issue 8 regressions)", () => {
  it("axiom 2: a recurring capacity delivers at most its quantity per round, however often it is withdrawn and recommitted", async () => {
    const { viem, ledger, provider, alice, treeFor, leafA, nextRound } = await setup();
    await nextRound();
    const tree = treeFor(REC);
    await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
    await ledger.write.recordDelivery([leafA(1n, REC, 1n), alice.account.address, 500n, proofOf(tree, 0), 500n], { account: provider.account });
    await ledger.write.withdraw([1n, REC], { account: provider.account });
    // Everything was delivered under version 1: nothing is left for this round.
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account }),
      ledger,
      "ExceedsCapacity",
      [REC, 500n, 0n],
    );
    expect(await ledger.read.roundDelivered([1n, REC])).to.equal(500n);
    // The next round renews the quantity.
    await nextRound();
    await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
  });

  it("axiom 2: a partly delivered recurring commitment leaves only the rest to recommit in the same round", async () => {
    const { viem, ledger, provider, alice, treeFor, leafA, nextRound } = await setup();
    await nextRound();
    const tree = treeFor(REC);
    await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
    await ledger.write.recordDelivery([leafA(1n, REC, 1n), alice.account.address, 500n, proofOf(tree, 0), 200n], { account: provider.account });
    await ledger.write.withdraw([1n, REC], { account: provider.account });
    expect(await ledger.read.capacityLeft([REC])).to.equal(300n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commit([REC, tree.root as Hex, 301n, FA1], { account: provider.account }),
      ledger,
      "ExceedsCapacity",
      [REC, 301n, 300n],
    );
    const tree2 = treeFor(REC, 300n);
    await ledger.write.commit([REC, tree2.root as Hex, 300n, FA1], { account: provider.account });
    await ledger.write.recordDelivery([leafA(1n, REC, 2n), alice.account.address, 300n, proofOf(tree2, 0), 300n], { account: provider.account });
    expect(await ledger.read.roundDelivered([1n, REC])).to.equal(500n);
  });

  it("axiom 2: switching recurring to one-off cannot double a capacity; deliveries end at the horizon", async () => {
    const { viem, ledger, terms, provider, alice, treeFor, leafA, nextRound } = await setup();
    await nextRound();
    const tree = treeFor(REC);
    await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
    await terms.write.setCapacity([REC, provider.account.address, 500n, false, true]);
    await nextRound();
    await ledger.write.commit([REC, tree.root as Hex, 500n, FA1], { account: provider.account });
    expect(await ledger.read.consumed([REC])).to.equal(500n);
    // Round 1's commitment was recurring at its snapshot: its 500 belong to round 1 and may still be
    // delivered in round 2 (DELIVERY_HORIZON = 1) ...
    expect(await ledger.read.DELIVERY_HORIZON()).to.equal(1n);
    await ledger.write.recordDelivery([leafA(1n, REC, 1n), alice.account.address, 500n, proofOf(tree, 0), 100n], { account: provider.account });
    // ... but not in round 3, so old rounds never keep delivering.
    await nextRound();
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.recordDelivery([leafA(1n, REC, 1n), alice.account.address, 500n, proofOf(tree, 0), 1n], { account: provider.account }),
      ledger,
      "DeliveryHorizonPassed",
      [1n, 2n, 3n],
    );
    expect(await ledger.read.roundDelivered([1n, REC])).to.equal(100n);
  });

  it("axiom 2: terms changed after the snapshot do not count in that round (raise, kind switch, late declaration)", async () => {
    const { viem, ledger, rounds, terms, provider, treeFor, nextRound } = await setup();
    await nextRound();
    const [, snapshot] = await rounds.read.roundInfo([1n]);
    await terms.write.setCapacity([CAP, provider.account.address, 5_000n, true, true]);
    await terms.write.setCapacity([7n, provider.account.address, 5_000n, true, true]);
    const tree = treeFor(CAP);
    // Raised quantity: still 500 this round.
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commit([CAP, tree.root as Hex, 501n, FA1], { account: provider.account }),
      ledger,
      "ExceedsCapacity",
      [CAP, 501n, 500n],
    );
    // Switched to recurring: still one-off this round, so the commitment is consumed.
    await ledger.write.commit([CAP, tree.root as Hex, 500n, FA1], { account: provider.account });
    expect(await ledger.read.consumed([CAP])).to.equal(500n);
    // Declared after the snapshot: waits for the next round.
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commit([7n, treeFor(7n).root as Hex, 1n, FA1], { account: provider.account }),
      ledger,
      "CapacityNotActive",
      [7n, snapshot],
    );
    await nextRound();
    await ledger.write.commit([7n, treeFor(7n).root as Hex, 5_000n, FA1], { account: provider.account });
  });

  it("confirmations survive withdrawal: deliveries under a withdrawn version stay confirmable and count in the need update law", async () => {
    const { ledger, provider, alice, treeFor, leafA, nextRound } = await setup();
    await nextRound();
    const tree = treeFor(CAP, 200n, 300n);
    await ledger.write.commit([CAP, tree.root as Hex, 500n, FA1], { account: provider.account });
    await ledger.write.recordDelivery([leafA(1n, CAP, 1n), alice.account.address, 200n, proofOf(tree, 0), 150n], { account: provider.account });
    await ledger.write.withdraw([1n, CAP], { account: provider.account });
    const tree2 = treeFor(CAP, 100n, 100n);
    await ledger.write.commit([CAP, tree2.root as Hex, 200n, FA1], { account: provider.account });
    expect(await ledger.read.leafOf([1n, CAP, 1n, NEED_A])).to.deep.equal([getAddress(alice.account.address), 150n, 0n]);
    await ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 150n], { account: alice.account });
    expect(await ledger.read.confirmed([NEED_A])).to.equal(150n);
    expect(await ledger.read.residualNeed([NEED_A])).to.equal(850n);
    // Version 2's leaf is separate and untouched.
    expect((await ledger.read.leafOf([1n, CAP, 2n, NEED_A]))[1]).to.equal(0n);
  });

  it("axiom 1: a signature names its version, so it never lands on another one", async () => {
    const { viem, ledger, provider, alice, relayer, treeFor, leafA, nextRound, sign, networkHelpers } = await setup();
    await nextRound();
    const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
    const tree = treeFor(CAP, 200n, 300n);
    // A signed Commit for version 1, made before a direct commit and withdrawal, cannot recommit.
    const commitSig = await sign(provider, "Commit", { round: 1n, capacityId: CAP, version: 1n, root: tree.root, total: 500n, protocolId: FA1, deadline });
    await ledger.write.commit([CAP, tree.root as Hex, 500n, FA1], { account: provider.account });
    await ledger.write.recordDelivery([leafA(1n, CAP, 1n), alice.account.address, 200n, proofOf(tree, 0), 150n], { account: provider.account });
    await ledger.write.withdraw([1n, CAP], { account: provider.account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commitBySig([provider.account.address, 1n, CAP, 1n, tree.root as Hex, 500n, FA1, deadline, commitSig], { account: relayer.account }),
      ledger,
      "WrongVersion",
      [1n, CAP, 1n, 2n],
    );
    await ledger.write.commit([CAP, tree.root as Hex, 350n, FA1], { account: provider.account });
    // A pending confirmation of version 1 confirms version 1's leaf, not version 2's.
    const confirmSig = await sign(alice, "ConfirmReceipt", { round: 1n, capacityId: CAP, version: 1n, needId: NEED_A, amount: 150n, deadline });
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.confirmReceiptBySig([alice.account.address, 1n, CAP, 2n, NEED_A, 150n, deadline, confirmSig], { account: relayer.account }),
      ledger,
      "InvalidSignature",
      [alice.account.address],
    );
    await ledger.write.confirmReceiptBySig([alice.account.address, 1n, CAP, 1n, NEED_A, 150n, deadline, confirmSig], { account: relayer.account });
    expect((await ledger.read.leafOf([1n, CAP, 1n, NEED_A]))[2]).to.equal(150n);
    expect((await ledger.read.leafOf([1n, CAP, 2n, NEED_A]))[2]).to.equal(0n);
  });

  it("refuses attestations of commitments that do not exist", async () => {
    const { viem, ledger, provider, stranger, treeFor, nextRound } = await setup();
    await nextRound();
    const report = FA1;
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.attest([1n, CAP, 1n, true, report], { account: stranger.account }),
      ledger,
      "NoCommitment",
      [1n, CAP],
    );
    await ledger.write.commit([CAP, treeFor(CAP).root as Hex, 500n, FA1], { account: provider.account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.attest([1n, CAP, 2n, true, report], { account: stranger.account }),
      ledger,
      "WrongVersion",
      [1n, CAP, 2n, 1n],
    );
    await ledger.write.attest([1n, CAP, 1n, true, report], { account: stranger.account });
  });

  it("accepts a confirmation against a revoked need; a revoked need's residual is 0", async () => {
    const { ledger, terms, provider, alice, treeFor, leafA, nextRound } = await setup();
    await nextRound();
    const tree = treeFor(CAP, 200n, 300n);
    await ledger.write.commit([CAP, tree.root as Hex, 500n, FA1], { account: provider.account });
    await ledger.write.recordDelivery([leafA(1n, CAP, 1n), alice.account.address, 200n, proofOf(tree, 0), 200n], { account: provider.account });
    await terms.write.setNeed([NEED_A, alice.account.address, 1_000n, false]);
    await ledger.write.confirmReceipt([1n, CAP, 1n, NEED_A, 200n], { account: alice.account });
    expect(await ledger.read.confirmed([NEED_A])).to.equal(200n);
    expect(await ledger.read.residualNeed([NEED_A])).to.equal(0n);
  });
});

describe("Rounds with a huge round length", () => {
  it("keeps round 1 running instead of overflowing", async () => {
    const { viem, networkHelpers } = await network.create();
    const start = BigInt(await networkHelpers.time.latest()) + 10n;
    const rounds = await viem.deployContract("Rounds", [start, 2n ** 64n - 1n]);
    await networkHelpers.time.increaseTo(start + 365n * 86_400n);
    expect(await rounds.read.currentRound()).to.equal(1n);
    expect(await rounds.read.nextOpenTime()).to.equal(2n ** 64n - 1n);
  });
});

describe("Registries' terms at past times (checkpoints on the timestamp clock)", () => {
  it("answers a capacity's and a need's terms at any past time, and refuses the current one", async () => {
    const { viem } = await network.create();
    const [provider, alice] = await viem.getWalletClients();
    const publicClient = await viem.getPublicClient();
    const capacities = await viem.deployContract("CapacityRegistry");
    const needs = await viem.deployContract("NeedRegistry");
    /** The timestamp of the latest block (every block here has a later one than the last). */
    const now = async () => (await publicClient.getBlock()).timestamp;
    await capacities.write.declareCapacity([capacityInput({ quantity: 100n })], { account: provider.account });
    const before = (await now()) - 1n;
    await needs.write.declareNeed([needInput({ quantity: 40n })], { account: alice.account });
    const declared = await now();
    await capacities.write.updateCapacityQuantity([1n, 250n], { account: provider.account });
    await needs.write.updateNeedQuantity([1n, 60n], { account: alice.account });
    const raised = await now();
    await capacities.write.updateCapacity([1n, capacityInput({ quantity: 250n, recurring: true })], { account: provider.account });
    await capacities.write.revokeCapacity([1n], { account: provider.account });
    await needs.write.revokeNeed([1n], { account: alice.account });
    const revoked = await now();
    await capacities.write.declareCapacity([capacityInput({ quantity: 1n })], { account: provider.account });

    const p = provider.account.address;
    expect(await capacities.read.capacityTermsAt([1n, before])).to.deep.equal([
      "0x0000000000000000000000000000000000000000", 0n, false, false,
    ]);
    const at = async (block: bigint) => (await capacities.read.capacityTermsAt([1n, block])).slice(1);
    expect(await at(declared)).to.deep.equal([100n, false, true]);
    expect(await at(raised)).to.deep.equal([250n, false, true]);
    expect(await at(revoked)).to.deep.equal([250n, true, false]);
    expect((await capacities.read.capacityTermsAt([1n, declared]))[0].toLowerCase()).to.equal(p.toLowerCase());
    expect((await needs.read.needTermsAt([1n, declared])).slice(1)).to.deep.equal([40n, true]);
    expect((await needs.read.needTermsAt([1n, raised])).slice(1)).to.deep.equal([60n, true]);
    expect((await needs.read.needTermsAt([1n, revoked])).slice(1)).to.deep.equal([60n, false]);
    expect(await capacities.read.CLOCK_MODE()).to.equal("mode=timestamp");
    const clock = await capacities.read.clock();
    expect(BigInt(clock)).to.equal(await now());
    await viem.assertions.revertWithCustomErrorWithArgs(
      capacities.read.capacityTermsAt([1n, BigInt(clock)]),
      capacities,
      "FutureLookup",
      [BigInt(clock), clock],
    );
  });
});

describe("Revocable signatures (issue 8 regressions)", () => {
  it("axiom 1: refuses a deadline more than 30 days ahead", async () => {
    const { viem, ledger, provider, relayer, nextRound, sign, networkHelpers, terms } = await deployLedger();
    await terms.write.setCapacity([CAP, provider.account.address, 500n, false, true]);
    await nextRound();
    const now = BigInt(await networkHelpers.time.latest());
    const tooFar = now + 31n * 24n * 3600n;
    const sig = await sign(provider, "Withdraw", { round: 1n, capacityId: CAP, deadline: tooFar });
    await viem.assertions.revertWithCustomError(
      ledger.write.withdrawBySig([provider.account.address, 1n, CAP, 1n, tooFar, sig], { account: relayer.account }),
      ledger,
      "DeadlineTooFar",
    );
    expect(await ledger.read.MAX_SIGNATURE_LIFETIME()).to.equal(30n * 24n * 3600n);
  });

  it("axiom 1: a signature that can no longer succeed never blocks a later signed withdrawal, and stays dead", async () => {
    const { viem, ledger, provider, relayer, treeFor, nextRound, sign, networkHelpers } = await setup();
    await nextRound();
    const deadline = BigInt(await networkHelpers.time.latest()) + 10n * 3600n;
    const tree = treeFor(CAP);
    // A commit signed for round 1 that is never relayed in time: the provider commits directly instead.
    const stale = await sign(provider, "Commit", { round: 1n, capacityId: CAP, root: tree.root, total: 500n, protocolId: FA1, deadline });
    await ledger.write.commit([CAP, tree.root as Hex, 500n, FA1], { account: provider.account });
    // The pre-signed withdrawal is relayed at once: the stuck commit signature is on another key.
    const withdrawSig = await sign(provider, "Withdraw", { round: 1n, capacityId: CAP, deadline });
    await ledger.write.withdrawBySig([provider.account.address, 1n, CAP, 1n, deadline, withdrawSig], { account: relayer.account });
    expect((await ledger.read.commitmentOf([1n, CAP])).withdrawn).to.equal(true);
    // The stale commit cannot come back after the withdrawal (signed before it, its nonce is dead; without
    // that it would revert WrongVersion, not InvalidSignature).
    await viem.assertions.revertWithCustomError(
      ledger.write.commitBySig([provider.account.address, 1n, CAP, 1n, tree.root as Hex, 500n, FA1, deadline, stale], { account: relayer.account }),
      ledger,
      "InvalidSignature",
    );
  });
});
