import { expect } from "chai";
import { commitmentTree, verifyLeaf } from "../../sdk/core/index.js";
import {
  auditRound,
  commitRound,
  confirmReceipt,
  declareCapacity,
  declareNeed,
  leafProof,
  readRoundSnapshot,
  readSnapshot,
  recordDelivery,
  revokeAllRecognition,
  revokeCapacity,
  revokeNeed,
  revokeRecognition,
  setRecognition,
  setRecognitionEntry,
  updateCapacity,
  updateNeedQuantity,
  verifyRound,
  sendAction,
  sendRecordDelivery,
} from "../../sdk/chain/index.js";
import { deployFreeAssociation } from "../helpers/chain.js";

/**
 * Three organizations: A (0) provides water and recognizes B and C; B (1) and C (2) need water in
 * two locations and recognize A back. D (3) provides health kits to C.
 */
async function scenario() {
  const f = await deployFreeAssociation();
  const [A, B, C, D] = [0, 1, 2, 3].map(f.addressOf);
  const { contracts } = f;
  await setRecognition(f.as(0), { contracts, recipients: [B, C], points: [3n, 1n] });
  await setRecognition(f.as(1), { contracts, recipients: [A], points: [1n] });
  await setRecognition(f.as(2), { contracts, recipients: [A, D], points: [1n, 1n] });
  await setRecognition(f.as(3), { contracts, recipients: [C], points: [1n] });
  const water = await declareCapacity(f.as(0), { contracts, capacity: { sector: "WASH", unit: "litre", quantity: 1_000n, recurring: true } });
  const kits = await declareCapacity(f.as(3), { contracts, capacity: { sector: "Health", unit: "kit", quantity: 40n } });
  const needB = await declareNeed(f.as(1), { contracts, need: { sector: "WASH", unit: "litre", quantity: 900n, location: "MZ-P-01" } });
  const needC = await declareNeed(f.as(2), { contracts, need: { sector: "WASH", unit: "litre", quantity: 600n, location: "MZ-P-02" } });
  const needCk = await declareNeed(f.as(2), { contracts, need: { sector: "Health", unit: "kit", quantity: 25n, location: "MZ-P-02" } });
  return { f, A, B, C, D, contracts, water: water.capacityId, kits: kits.capacityId, needB: needB.needId, needC: needC.needId, needCk: needCk.needId };
}

describe("chain round", () => {
  it("commits roots that verify on chain, and every leaf's proof verifies", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const a = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock });
    const d = await commitRound(f.as(3), { contracts, fromBlock: f.fromBlock });
    expect(a.commitments.map((c) => c.capacityId)).to.deep.equal([s.water]);
    expect(d.commitments.map((c) => c.capacityId)).to.deep.equal([s.kits]);
    for (const c of [...a.commitments, ...d.commitments]) {
      const onChain = await f.ledger.read.commitmentOf([1n, c.capacityId]);
      expect(onChain.root).to.equal(c.root);
      expect(onChain.total).to.equal(c.total);
      for (const leaf of c.leaves) {
        const { proof } = leafProof(c.leaves, leaf[1]);
        expect(verifyLeaf(c.root, leaf, proof)).to.equal(true);
        // The contract checks the same proof (MerkleProof) when a delivery is recorded against the leaf.
        const provider = c.provider === s.A ? 0 : 3;
        await sendRecordDelivery(f.as(provider), { contracts, round: 1n, capacityId: c.capacityId, needId: leaf[1], recipient: leaf[2], leafAmount: leaf[3], proof, amount: 1n });
        expect((await f.ledger.read.leafOf([1n, c.capacityId, 1n, leaf[1]]))[1]).to.equal(1n);
      }
    }
    // Water: B gets 3/4 of 1000 = 750, C gets 250 (both below their needs).
    expect(a.commitments[0].leaves.map((l) => [l[1], l[3]])).to.deep.equal([
      [s.needB, 750n],
      [s.needC, 250n],
    ]);
    const report = await verifyRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    expect(report.ok).to.equal(true);
    expect(report.counts.match).to.equal(2);
  });

  it("rebuilds from logs the same state the views hold", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    const block = await f.publicClient.getBlockNumber();
    const snap = await readSnapshot(f.publicClient, { contracts, block, fromBlock: f.fromBlock, chunkSize: 3n });
    for (const c of snap.capacities) {
      const view = await f.capacities.read.getCapacity([c.id]);
      expect(c.provider).to.equal(view.provider.toLowerCase());
      expect(c.declared).to.equal(view.input.quantity);
      expect(c.recurring).to.equal(view.input.recurring);
    }
    for (const n of snap.needs) {
      const view = await f.needs.read.getNeed([n.id]);
      expect(n.recipient).to.equal(view.recipient.toLowerCase());
      expect(n.declared).to.equal(view.input.quantity);
    }
    expect(snap.scenario.recognition[s.A]).to.deep.equal({ [s.B]: 3n, [s.C]: 1n });
    expect(snap.scenario.needs.map((n) => n.location)).to.deep.equal(["MZ-P-01", "MZ-P-02", "MZ-P-02"]);
  });

  it("replays every kind of change: entries, revocations, clears, updates", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    await setRecognitionEntry(f.as(0), { contracts, recipient: s.D, points: 5n });
    await setRecognitionEntry(f.as(0), { contracts, recipient: s.B, points: 1n });
    await revokeRecognition(f.as(0), { contracts, recipient: s.C });
    await revokeAllRecognition(f.as(3), { contracts });
    await updateCapacity(f.as(0), { contracts, capacityId: s.water, capacity: { sector: "WASH", unit: "litre", quantity: 400n, filter: { deny: [s.C] }, minUnit: 10n, window: { start: 10n, end: 20n } } });
    await updateNeedQuantity(f.as(1), { contracts, needId: s.needB, quantity: 100n });
    await revokeNeed(f.as(2), { contracts, needId: s.needCk });
    // crossCheck (on by default) compares every replayed value with the views at this block.
    const snap = await readSnapshot(f.publicClient, { contracts, block: await f.publicClient.getBlockNumber(), fromBlock: f.fromBlock });
    expect(snap.scenario.recognition[s.A]).to.deep.equal({ [s.B]: 1n, [s.D]: 5n });
    expect(snap.scenario.recognition[s.D]).to.equal(undefined);
    expect(snap.scenario.capacities.find((c) => c.id === s.water.toString())).to.deep.include({ quantity: 400n, filter: { deny: [s.C] }, minUnit: 10n, window: { start: 10n, end: 20n } });
    expect(snap.needs.find((n) => n.id === s.needB)).to.deep.include({ declared: 100n, residual: 100n, active: true });
    expect(snap.needs.find((n) => n.id === s.needCk)).to.deep.include({ active: false });
    expect(snap.scenario.needs.map((n) => n.id)).to.not.include(s.needCk.toString());
  });

  it("detects a state the logs cannot explain (reading from a later fromBlock)", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    const block = await f.publicClient.getBlockNumber();
    let caught: unknown;
    try {
      await readSnapshot(f.publicClient, { contracts, block, fromBlock: block - 2n });
    } catch (e) {
      caught = e;
    }
    expect((caught as { code?: string })?.code).to.equal("STATE_MISMATCH");
  });

  it("shrinks residual needs by confirmed receipts (the need update law)", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const a = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock });
    await recordDelivery(f.as(0), { contracts, round: 1n, capacityId: s.water, needId: s.needB, amount: 500n, leaves: a.commitments[0].leaves });
    await recordDelivery(f.as(0), { contracts, round: 1n, capacityId: s.water, needId: s.needC, fromBlock: f.fromBlock });
    await confirmReceipt(f.as(1), { contracts, round: 1n, capacityId: s.water, needId: s.needB, amount: 400n });
    await confirmReceipt(f.as(2), { contracts, round: 1n, capacityId: s.water, needId: s.needC });
    const audit = await auditRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    expect(audit.totals).to.deep.equal({ committed: 1000n, delivered: 750n, confirmed: 650n });
    const residual = Object.fromEntries(audit.residualNeeds.map((n) => [n.needId.toString(), n.residual]));
    expect(residual[s.needB.toString()]).to.equal(500n);
    expect(residual[s.needC.toString()]).to.equal(350n);
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const snap = await readRoundSnapshot(f.publicClient, { contracts, fromBlock: f.fromBlock });
    expect(snap.round).to.equal(2n);
    const needs = Object.fromEntries(snap.needs.map((n) => [n.id.toString(), n.residual]));
    expect(needs[s.needB.toString()]).to.equal(900n - 400n);
    expect(needs[s.needC.toString()]).to.equal(600n - 250n);
    const gap = audit.gaps.find((g) => g.location === "MZ-P-01" && g.sector === "WASH");
    expect(gap).to.deep.include({ needed: 900n, committed: 750n, gap: 150n });
  });

  it("flags a tampered commitment as a mismatch", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    await commitRound(f.as(3), { contracts, fromBlock: f.fromBlock });
    const honest = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock, dryRun: true });
    const fake = honest.commitments[0];
    // A gives the same total but all of it to C: a different root.
    const tree = commitmentTree(s.water.toString(), [{ capacity: s.water.toString(), need: s.needC.toString(), provider: s.A, recipient: s.C, amount: fake.total, tier: 1 }]);
    await sendAction(f.as(0), contracts, "Commit", { round: 1n, capacityId: s.water, root: tree.root as `0x${string}`, total: fake.total, protocolId: "0x66612d3100000000000000000000000000000000000000000000000000000000" });
    const report = await verifyRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    expect(report.ok).to.equal(false);
    const water = report.commitments.find((c) => c.capacityId === s.water)!;
    expect(water.status).to.equal("mismatch");
    expect(water.expected?.root).to.equal(fake.root);
    expect(water.committed?.root).to.equal(tree.root);
    expect(report.commitments.find((c) => c.capacityId === s.kits)!.status).to.equal("match");
  });

  it("reports a capacity the protocol allocates but nobody committed as missing, and a stray commitment as unexpected", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    // E declares shoes nobody needs: the protocol allocates nothing from it.
    const shoes = await declareCapacity(f.as(4), { contracts, capacity: { sector: "Shelter", unit: "pair", quantity: 10n } });
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock });
    await sendAction(f.as(4), contracts, "Commit", {
      round: 1n,
      capacityId: shoes.capacityId,
      root: `0x${"11".repeat(32)}`,
      total: 3n,
      protocolId: "0x66612d3100000000000000000000000000000000000000000000000000000000",
    });
    const report = await verifyRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    const status = Object.fromEntries(report.commitments.map((c) => [c.capacityId.toString(), c.status]));
    expect(status).to.deep.equal({ [s.water.toString()]: "match", [s.kits.toString()]: "missing", [shoes.capacityId.toString()]: "unexpected" });
    expect(report.counts).to.deep.equal({ match: 1, mismatch: 0, missing: 1, withdrawn: 0, unexpected: 1, "unknown-protocol": 0 });
    expect(report.commitments.find((c) => c.status === "missing")).to.deep.include({ provider: s.D });
    expect(report.ok).to.equal(false);
  });

  it("a one-off capacity is consumed by its commitments and released by a withdrawal", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const first = await commitRound(f.as(3), { contracts, fromBlock: f.fromBlock });
    expect(first.commitments[0].total).to.equal(25n);
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const second = await readRoundSnapshot(f.publicClient, { contracts, fromBlock: f.fromBlock });
    expect(second.capacities.find((c) => c.id === s.kits)).to.deep.include({ declared: 40n, consumed: 25n, available: 15n });
    expect(second.scenario.capacities.find((c) => c.id === s.kits.toString())?.quantity).to.equal(15n);
    await sendAction(f.as(3), contracts, "Withdraw", { round: 1n, capacityId: s.kits });
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const third = await readRoundSnapshot(f.publicClient, { contracts, fromBlock: f.fromBlock });
    expect(third.capacities.find((c) => c.id === s.kits)).to.deep.include({ consumed: 0n, available: 40n });
    const report = await verifyRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    expect(report.commitments.find((c) => c.capacityId === s.kits)?.status).to.equal("withdrawn");
  });

  it("a revoked capacity stops allocating from the next round on", async () => {
    const s = await scenario();
    const { f, contracts } = s;
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const first = await commitRound(f.as(3), { contracts, fromBlock: f.fromBlock });
    expect(first.commitments).to.have.length(1);
    await revokeCapacity(f.as(3), { contracts, capacityId: s.kits });
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const second = await commitRound(f.as(3), { contracts, fromBlock: f.fromBlock });
    expect(second.commitments).to.have.length(0);
    const report = await verifyRound(f.publicClient, { contracts, round: 2n, fromBlock: f.fromBlock });
    expect(report.commitments.map((c) => c.capacityId)).to.not.include(s.kits);
  });
});
