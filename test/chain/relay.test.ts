import { expect } from "chai";
import {
  commitRound,
  readSnapshot,
  relayDeclareCapacity,
  relayDeclareNeed,
  relaySetRecognition,
  relayCommit,
  relayRevokeCapacity,
  safeSigner,
  signDeclareCapacity,
  signDeclareNeed,
  signSetRecognition,
  signCommit,
  signRevokeCapacity,
  walletSigner,
  describeError,
} from "../../sdk/chain/index.js";
import { deployFreeAssociation } from "../helpers/chain.js";
import { deploySafe, deploySafeInfrastructure } from "../helpers/safe.js";

describe("relayed signatures", () => {
  it("an EOA's signed recognition, capacity and commitment are relayed by someone else", async () => {
    const f = await deployFreeAssociation();
    const { contracts, publicClient } = f;
    const relayer = f.as(9);
    const eoa = walletSigner(f.wallets[0] as never);
    const B = f.addressOf(1);
    await relaySetRecognition(relayer, contracts, await signSetRecognition(publicClient, eoa, { contracts, recipients: [B], points: [1n] }));
    await relaySetRecognition(relayer, contracts, await signSetRecognition(publicClient, walletSigner(f.wallets[1] as never), { contracts, recipients: [eoa.address], points: [1n] }));
    const cap = await relayDeclareCapacity(relayer, contracts, await signDeclareCapacity(publicClient, eoa, { contracts, capacity: { sector: "WASH", unit: "litre", quantity: 100n } }));
    const need = await relayDeclareNeed(relayer, contracts, await signDeclareNeed(publicClient, walletSigner(f.wallets[1] as never), { contracts, need: { sector: "WASH", unit: "litre", quantity: 60n } }));
    expect((await f.capacities.read.getCapacity([cap.capacityId])).provider.toLowerCase()).to.equal(eoa.address);
    expect((await f.needs.read.getNeed([need.needId])).recipient.toLowerCase()).to.equal(B);
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const computed = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock, dryRun: true });
    const c = computed.commitments[0];
    const signed = await signCommit(publicClient, eoa, { contracts, round: 1n, capacityId: c.capacityId, root: c.root, total: c.total, protocolId: "0x66612d3100000000000000000000000000000000000000000000000000000000" });
    await relayCommit(relayer, contracts, signed);
    expect((await f.ledger.read.commitmentOf([1n, c.capacityId])).root).to.equal(c.root);
    // The same signature cannot be relayed twice (its nonce is used).
    let replay: unknown;
    try {
      await relayCommit(relayer, contracts, signed);
    } catch (e) {
      replay = e;
    }
    expect(describeError(replay)).to.match(/InvalidSignature/);
  });

  it("a Safe (2 of 3) declares and revokes a capacity through relayed owner signatures", async () => {
    const f = await deployFreeAssociation();
    const { contracts, publicClient } = f;
    const infrastructure = await deploySafeInfrastructure(f.viem);
    const owners = [f.wallets[1], f.wallets[2], f.wallets[3]];
    const safe = await deploySafe(f.viem, owners.map((w) => w.account.address), 2, infrastructure);
    const chainId = await publicClient.getChainId();
    const signer = safeSigner({ safe: safe.address, chainId, owners: [walletSigner(owners[2] as never), walletSigner(owners[0] as never)] });
    const relayer = f.as(9);
    const declared = await relayDeclareCapacity(relayer, contracts, await signDeclareCapacity(publicClient, signer, { contracts, capacity: { sector: "Shelter", unit: "tent", quantity: 12n, location: "MZ-P" } }));
    const snap = await readSnapshot(publicClient, { contracts, block: await publicClient.getBlockNumber(), fromBlock: f.fromBlock });
    expect(snap.capacities[0]).to.deep.include({ id: declared.capacityId, provider: safe.address.toLowerCase(), active: true, location: "MZ-P" });
    await relayRevokeCapacity(relayer, contracts, await signRevokeCapacity(publicClient, signer, { contracts, capacityId: declared.capacityId }));
    expect((await f.capacities.read.getCapacity([declared.capacityId])).active).to.equal(false);
    // One owner alone is below the threshold: the registry rejects the signature.
    const lone = safeSigner({ safe: safe.address, chainId, owners: [walletSigner(owners[0] as never)] });
    let rejected: unknown;
    try {
      await relayDeclareCapacity(relayer, contracts, await signDeclareCapacity(publicClient, lone, { contracts, capacity: { sector: "Shelter", unit: "tent", quantity: 1n } }));
    } catch (e) {
      rejected = e;
    }
    expect(describeError(rejected)).to.match(/InvalidSignature\(0x/i);
  });
});

describe("relayed ledger actions", () => {
  it("a delivery and a receipt signed by provider and recipient are relayed, proof included", async () => {
    const f = await deployFreeAssociation();
    const { contracts, publicClient } = f;
    const { setRecognition, declareCapacity, declareNeed, signRecordDelivery, relayRecordDelivery, signConfirmReceipt, relayConfirmReceipt, leafProof, signAttest, relayAttest } =
      await import("../../sdk/chain/index.js");
    const [A, B] = [f.addressOf(0), f.addressOf(1)];
    await setRecognition(f.as(0), { contracts, recipients: [B], points: [1n] });
    await setRecognition(f.as(1), { contracts, recipients: [A], points: [1n] });
    const { capacityId } = await declareCapacity(f.as(0), { contracts, capacity: { sector: "Food", unit: "kg", quantity: 70n } });
    const { needId } = await declareNeed(f.as(1), { contracts, need: { sector: "Food", unit: "kg", quantity: 50n } });
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    const { commitments } = await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock });
    const { leaf, proof } = leafProof(commitments[0].leaves, needId);
    expect(leaf[3]).to.equal(50n);
    const relayer = f.as(9);
    const provider = walletSigner(f.wallets[0] as never);
    const recipient = walletSigner(f.wallets[1] as never);
    await relayRecordDelivery(
      relayer,
      contracts,
      await signRecordDelivery(publicClient, provider, { contracts, round: 1n, capacityId, needId, recipient: leaf[2], leafAmount: leaf[3], proof, amount: 30n }),
    );
    await relayConfirmReceipt(relayer, contracts, await signConfirmReceipt(publicClient, recipient, { contracts, round: 1n, capacityId, needId, amount: 20n }));
    const [recorded, delivered, confirmed] = await f.ledger.read.leafOf([1n, capacityId, 1n, needId]);
    expect([recorded.toLowerCase(), delivered, confirmed]).to.deep.equal([B, 30n, 20n]);
    expect(await f.ledger.read.residualNeed([needId])).to.equal(30n);
    const auditor = walletSigner(f.wallets[7] as never);
    const attested = await relayAttest(relayer, contracts, await signAttest(publicClient, auditor, { contracts, round: 1n, capacityId, matches: true, reportHash: `0x${"ab".repeat(32)}` }));
    expect(attested.events.map((e) => e.eventName)).to.deep.equal(["Attested"]);
    expect(attested.events[0].args.auditor.toLowerCase()).to.equal(auditor.address);
  });

  it("refuses to commit a round that is no longer current", async () => {
    const f = await deployFreeAssociation();
    const { contracts } = f;
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    await f.nextRound(); // the schedule opens the round; nobody sends anything
    let caught: any;
    try {
      await commitRound(f.as(0), { contracts, fromBlock: f.fromBlock, round: 1n });
    } catch (e) {
      caught = e;
    }
    expect(caught?.code).to.equal("WRONG_ROUND");
    expect(caught.details).to.deep.equal({ round: 1n, currentRound: 2n });
  });
});
