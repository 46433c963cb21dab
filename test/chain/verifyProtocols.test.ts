/**
 * Verification follows the protocol id on chain (SPEC §3 "FA-2": a round committed under FA-1 is
 * verified with FA-1): verifyRound, auditRound and recordDelivery recompute each commitment with the
 * protocol its id names; an id no known protocol has is "unknown-protocol", never "mismatch".
 */
import { expect } from "chai";
import { fa1, fa2, protocolIdToBytes32 } from "../../sdk/core/index.js";
import { auditRound, commitRound, declareCapacity, declareNeed, recordDelivery, sendAction, setRecognition, verifyRound } from "../../sdk/chain/index.js";
import { deployFreeAssociation } from "../helpers/chain.js";

/** docs/protocol.md §9 "need case": P recognizes itself and Y 1:1, Y recognizes P; FA-1 and FA-2 differ. */
async function needCase() {
  const f = await deployFreeAssociation();
  const [P, Y] = [0, 1].map(f.addressOf);
  const { contracts } = f;
  await setRecognition(f.as(0), { contracts, recipients: [P, Y], points: [1n, 1n] });
  await setRecognition(f.as(1), { contracts, recipients: [P], points: [1n] });
  const c1 = await declareCapacity(f.as(0), { contracts, capacity: { sector: "WASH", unit: "litre", quantity: 21n, minUnit: 3n, recurring: true } });
  const c2 = await declareCapacity(f.as(0), { contracts, capacity: { sector: "WASH", unit: "litre", quantity: 12n, minUnit: 4n, recurring: true } });
  const nP = await declareNeed(f.as(0), { contracts, need: { sector: "WASH", unit: "litre", quantity: 20n } });
  const nY = await declareNeed(f.as(1), { contracts, need: { sector: "WASH", unit: "litre", quantity: 4n } });
  await f.nextRound(); // the schedule opens the round; nobody sends anything
  return { f, P, Y, contracts, c1: c1.capacityId, c2: c2.capacityId, nP: nP.needId, nY: nY.needId };
}

describe("verification by protocol id", () => {
  it("a round committed under FA-1 verifies as FA-1 (and its deliveries prove against FA-1's tree)", async () => {
    const s = await needCase();
    const { f, contracts } = s;
    const under1 = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock, protocol: fa1 });
    const under2 = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock, dryRun: true });
    expect(under2.protocol).to.equal("fa-2");
    // The two protocols commit different roots here: the check below is not vacuous.
    expect(under1.commitments.map((c) => c.root)).to.not.deep.equal(under2.commitments.map((c) => c.root));
    const report = await verifyRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    expect(report.protocol).to.equal("fa-2");
    expect(report.commitments.map((c) => [c.status, c.protocol])).to.deep.equal([["match", "fa-1"], ["match", "fa-1"]]);
    expect(report.ok).to.equal(true);
    // FA-1 gives Y its 4 from c2; the SDK finds that leaf in FA-1's tree, the contract accepts the proof.
    const sent = await recordDelivery(f.as(0), { contracts, round: 1n, capacityId: s.c2, needId: s.nY, fromBlock: f.fromBlock });
    expect(sent.amount).to.equal(4n);
    const audit = await auditRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    // The audit lists FA-1's leaves for them (FA-2 would give Y 3 from c1 instead).
    expect(audit.flows.map((x) => [x.capacityId, x.needId, x.committed, x.delivered])).to.deep.equal([
      [s.c1, s.nP, 12n, 0n], [s.c2, s.nP, 8n, 0n], [s.c2, s.nY, 4n, 4n],
    ]);
  });

  it("FA-1's roots committed under the fa-2 id are mismatches", async () => {
    const s = await needCase();
    const { f, contracts } = s;
    const under1 = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock, protocol: fa1, dryRun: true });
    for (const c of under1.commitments) {
      await sendAction(f.as(0), contracts, "Commit", { round: 1n, capacityId: c.capacityId, root: c.root, total: c.total, protocolId: protocolIdToBytes32(fa2.id) });
    }
    const report = await verifyRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    expect(report.commitments.map((c) => [c.status, c.protocol])).to.deep.equal([["mismatch", "fa-2"], ["mismatch", "fa-2"]]);
  });

  it("reports a commitment under an unknown protocol id as unknown-protocol, not as a mismatch", async () => {
    const s = await needCase();
    const { f, contracts } = s;
    const honest = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock, dryRun: true });
    const c = honest.commitments[0];
    await sendAction(f.as(0), contracts, "Commit", { round: 1n, capacityId: c.capacityId, root: c.root, total: c.total, protocolId: protocolIdToBytes32("fa-9") });
    const report = await verifyRound(f.publicClient, { contracts, round: 1n, fromBlock: f.fromBlock });
    const entry = report.commitments.find((x) => x.capacityId === c.capacityId)!;
    expect(entry).to.deep.include({ status: "unknown-protocol", protocol: "fa-9" });
    expect(entry.expected).to.equal(undefined);
    expect(report.counts["unknown-protocol"]).to.equal(1);
    expect(report.counts.mismatch).to.equal(0);
    expect(report.ok).to.equal(false);
  });
});
