import { expect } from "chai";
import { keccak256, stringToHex, toHex, type Hex } from "viem";
import { allocationTree, deployLedger, FA1, proofOf, type Leaf } from "./helpers/ledgerFixture.js";
import { nonceFor, sequenceOf } from "./helpers/nonces.js";
import {
  LEDGER_DOMAIN_NAME,
  LEDGER_DOMAIN_VERSION,
  ledgerTypeString,
} from "../sdk/chain/ledgerTypedData.js";

const CAP = 1n;
const NEED_A = 11n;
const HOUR = 3600n;

async function setup() {
  const f = await deployLedger();
  await f.terms.write.setCapacity([CAP, f.provider.account.address, 1000n, false, true]);
  await f.terms.write.setNeed([NEED_A, f.alice.account.address, 300n, true]);
  const leaves: Leaf[] = [
    [CAP, NEED_A, f.alice.account.address, 200n],
    [CAP, 12n, f.bob.account.address, 300n],
  ];
  const tree = allocationTree(leaves);
  await f.nextRound();
  const deadline = BigInt(await f.networkHelpers.time.latest()) + HOUR;
  return { ...f, tree, deadline };
}

describe("AllocationLedger signed relaying", () => {
  it("publishes type strings and a domain that match the SDK's typed-data definitions", async () => {
    const { ledger, chainId } = await deployLedger();
    expect(await ledger.read.COMMIT_TYPE()).to.equal(ledgerTypeString("Commit"));
    expect(await ledger.read.WITHDRAW_TYPE()).to.equal(ledgerTypeString("Withdraw"));
    expect(await ledger.read.RECORD_DELIVERY_TYPE()).to.equal(ledgerTypeString("RecordDelivery"));
    expect(await ledger.read.CONFIRM_RECEIPT_TYPE()).to.equal(ledgerTypeString("ConfirmReceipt"));
    expect(await ledger.read.ATTEST_TYPE()).to.equal(ledgerTypeString("Attest"));
    expect(await ledger.read.COMMIT_TYPEHASH()).to.equal(keccak256(stringToHex(ledgerTypeString("Commit"))));
    const [, name, version, domainChainId, verifyingContract] = await ledger.read.eip712Domain();
    expect([name, version, Number(domainChainId), verifyingContract.toLowerCase()]).to.deep.equal([
      LEDGER_DOMAIN_NAME,
      LEDGER_DOMAIN_VERSION,
      chainId,
      ledger.address.toLowerCase(),
    ]);
  });

  it("relays every action signed by an EOA, acting as the signer", async () => {
    const { viem, ledger, provider, alice, relayer, stranger, tree, deadline, sign } = await setup();
    const as = { account: relayer.account };
    const root = tree.root as Hex;

    const commitSig = await sign(provider, "Commit", {
      round: 1n, capacityId: CAP, root, total: 500n, protocolId: FA1, deadline,
    });
    await viem.assertions.emitWithArgs(
      ledger.write.commitBySig([provider.account.address, 1n, CAP, 1n, root, 500n, FA1, deadline, commitSig], as),
      ledger,
      "CommitmentMade",
      [1n, CAP, provider.account.address, 1, root, 500n, FA1, true, 500n],
    );

    const deliverSig = await sign(provider, "RecordDelivery", {
      round: 1n, capacityId: CAP, needId: NEED_A, recipient: alice.account.address, leafAmount: 200n, amount: 120n,
      deadline,
    });
    await viem.assertions.emitWithArgs(
      ledger.write.recordDeliveryBySig(
        [provider.account.address, { round: 1n, capacityId: CAP, version: 1n, needId: NEED_A }, alice.account.address, 200n, proofOf(tree, 0), 120n, deadline, deliverSig],
        as,
      ),
      ledger,
      "DeliveryRecorded",
      [1n, CAP, NEED_A, 1, alice.account.address, 120n, 120n, 120n, 120n],
    );

    const confirmSig = await sign(alice, "ConfirmReceipt", {
      round: 1n, capacityId: CAP, needId: NEED_A, amount: 100n, deadline,
    });
    await viem.assertions.emitWithArgs(
      ledger.write.confirmReceiptBySig([alice.account.address, 1n, CAP, 1n, NEED_A, 100n, deadline, confirmSig], as),
      ledger,
      "ReceiptConfirmed",
      [1n, CAP, NEED_A, 1, alice.account.address, 100n, 100n, 100n],
    );

    const report = keccak256(toHex("audit report"));
    const attestSig = await sign(stranger, "Attest", {
      round: 1n, capacityId: CAP, matches: true, reportHash: report, deadline,
    });
    await viem.assertions.emitWithArgs(
      ledger.write.attestBySig([stranger.account.address, 1n, CAP, 1n, true, report, deadline, attestSig], as),
      ledger,
      "Attested",
      [1n, CAP, stranger.account.address, 1, true, report],
    );

    const withdrawSig = await sign(provider, "Withdraw", { round: 1n, capacityId: CAP, deadline });
    await viem.assertions.emitWithArgs(
      ledger.write.withdrawBySig([provider.account.address, 1n, CAP, 1n, deadline, withdrawSig], as),
      ledger,
      "CommitmentWithdrawn",
      [1n, CAP, 1, 380n, 120n],
    );
    // Each signature used its own keyed nonce: the withdrawal's, and the confirmation's for an unconfirmed leaf.
    expect(sequenceOf(await nonceFor(ledger, provider.account.address, "Withdraw", { round: 1n, capacityId: CAP }))).to.equal(1n);
    const leaf = { round: 1n, capacityId: CAP, version: 1n, needId: NEED_A };
    expect(sequenceOf(await nonceFor(ledger, alice.account.address, "ConfirmReceipt", leaf, { delivered: 0n, confirmed: 0n }))).to.equal(1n);
    expect(await ledger.read.consumed([CAP])).to.equal(120n);
  });

  it("rejects a signature by anyone but the named signer", async () => {
    const { viem, ledger, provider, stranger, relayer, tree, deadline, sign } = await setup();
    const root = tree.root as Hex;
    // The message names the provider as signer, with the provider's next nonce; the stranger signs it.
    const forged = await sign(stranger, "Commit", {
      signer: provider.account.address, round: 1n, capacityId: CAP, root, total: 500n, protocolId: FA1, deadline,
    });
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commitBySig([provider.account.address, 1n, CAP, 1n, root, 500n, FA1, deadline, forged], {
        account: relayer.account,
      }),
      ledger,
      "InvalidSignature",
      [provider.account.address],
    );
  });

  it("rejects a signature whose fields were altered by the relayer", async () => {
    const { viem, ledger, provider, relayer, tree, deadline, sign } = await setup();
    const root = tree.root as Hex;
    const sig = await sign(provider, "Commit", {
      round: 1n, capacityId: CAP, root, total: 500n, protocolId: FA1, deadline,
    });
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commitBySig([provider.account.address, 1n, CAP, 1n, root, 900n, FA1, deadline, sig], {
        account: relayer.account,
      }),
      ledger,
      "InvalidSignature",
      [provider.account.address],
    );
  });

  it("rejects an expired signature", async () => {
    const { viem, ledger, provider, relayer, networkHelpers, sign } = await setup();
    const deadline = BigInt(await networkHelpers.time.latest()) + 10n;
    const sig = await sign(provider, "Withdraw", { round: 1n, capacityId: CAP, deadline });
    await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.withdrawBySig([provider.account.address, 1n, CAP, 1n, deadline, sig], { account: relayer.account }),
      ledger,
      "SignatureExpired",
      [deadline, deadline + 1n],
    );
  });

  it("rejects a replayed signature (its nonce is spent)", async () => {
    const { viem, ledger, provider, stranger, relayer, tree, deadline, sign } = await setup();
    await ledger.write.commit([CAP, tree.root as Hex, 500n, FA1], { account: provider.account });
    const report = keccak256(toHex("r"));
    const sig = await sign(stranger, "Attest", { round: 1n, capacityId: CAP, matches: false, reportHash: report, deadline });
    const args = [stranger.account.address, 1n, CAP, 1n, false, report, deadline, sig] as const;
    await ledger.write.attestBySig(args, { account: relayer.account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.attestBySig(args, { account: relayer.account }),
      ledger,
      "InvalidSignature",
      [stranger.account.address],
    );
  });

  it("refuses a signed commitment relayed into another round than the one signed", async () => {
    const { viem, ledger, provider, relayer, tree, sign, nextRound, networkHelpers } = await setup();
    const root = tree.root as Hex;
    const deadline = BigInt(await networkHelpers.time.latest()) + 10n * HOUR;
    const sig = await sign(provider, "Commit", {
      round: 1n, capacityId: CAP, root, total: 500n, protocolId: FA1, deadline,
    });
    await nextRound();
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commitBySig([provider.account.address, 1n, CAP, 1n, root, 500n, FA1, deadline, sig], {
        account: relayer.account,
      }),
      ledger,
      "WrongRound",
      [1n, 2n],
    );
  });

  it("applies the action's own checks to the signer, not the relayer", async () => {
    const { viem, ledger, provider, stranger, relayer, tree, deadline, sign } = await setup();
    const root = tree.root as Hex;
    const sig = await sign(stranger, "Commit", {
      round: 1n, capacityId: CAP, root, total: 500n, protocolId: FA1, deadline,
    });
    await viem.assertions.revertWithCustomErrorWithArgs(
      ledger.write.commitBySig([stranger.account.address, 1n, CAP, 1n, root, 500n, FA1, deadline, sig], {
        account: relayer.account,
      }),
      ledger,
      "NotProvider",
      [CAP, stranger.account.address, provider.account.address],
    );
  });
});
