import { expect } from "chai";
import { network } from "hardhat";
import { type Address, getAddress, keccak256, toBytes } from "viem";
import { FAR_DEADLINE, signAction } from "./helpers/registries.js";
import { nonceFor, sequenceOf } from "./helpers/nonces.js";
import { encodeActionType } from "../sdk/chain/typedData.js";

const { viem, networkHelpers } = await network.create();

async function deployFixture() {
  const registry = await viem.deployContract("RecognitionRegistry");
  const [alice, bob, carol, dave, relayer] = await viem.getWalletClients();
  const publicClient = await viem.getPublicClient();
  const chainId = await publicClient.getChainId();
  const target = { chainId, registry: registry.address };
  const asAlice = await viem.getContractAt("RecognitionRegistry", registry.address, { client: { wallet: alice } });
  const asBob = await viem.getContractAt("RecognitionRegistry", registry.address, { client: { wallet: bob } });
  const asRelayer = await viem.getContractAt("RecognitionRegistry", registry.address, {
    client: { wallet: relayer },
  });
  const [a, b, c, d] = [alice, bob, carol, dave].map((w) => w.account.address) as [Address, Address, Address, Address];
  return { registry, asAlice, asBob, asRelayer, alice, bob, carol, dave, a, b, c, d, target, publicClient };
}

describe("RecognitionRegistry", () => {
  describe("setRecognition", () => {
    it("replaces the whole vector atomically and emits it in full", async () => {
      const { asAlice, a, b, c, d } = await networkHelpers.loadFixture(deployFixture);
      await asAlice.write.setRecognition([[b, c], [30n, 70n]]);
      await viem.assertions.emitWithArgs(asAlice.write.setRecognition([[c, d], [5n, 15n]]), asAlice, "RecognitionSet", [
        getAddress(a),
        [getAddress(c), getAddress(d)],
        [5n, 15n],
      ]);
      expect(await asAlice.read.recognitionOf([a, b])).to.equal(0n);
      expect(await asAlice.read.recognitionOf([a, c])).to.equal(5n);
      expect(await asAlice.read.recognitionOf([a, d])).to.equal(15n);
      expect(await asAlice.read.totalRecognition([a])).to.equal(20n);
      expect(await asAlice.read.recognitionCount([a])).to.equal(2n);
      expect(await asAlice.read.recognitionEpoch([a])).to.equal(2n);
    });

    it("accepts self-recognition and an empty vector (which clears)", async () => {
      const { asAlice, a, b } = await networkHelpers.loadFixture(deployFixture);
      await asAlice.write.setRecognition([[a, b], [1n, 3n]]);
      expect(await asAlice.read.recognitionOf([a, a])).to.equal(1n);
      await asAlice.write.setRecognition([[], []]);
      expect(await asAlice.read.recognitionOf([a, a])).to.equal(0n);
      expect(await asAlice.read.totalRecognition([a])).to.equal(0n);
      expect(await asAlice.read.recognitionCount([a])).to.equal(0n);
    });

    it("rejects mismatched lengths with both lengths", async () => {
      const { asAlice, b } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asAlice.write.setRecognition([[b], [1n, 2n]]),
        asAlice,
        "RecognitionLengthMismatch",
        [1n, 2n],
      );
    });

    it("rejects the zero address with its index", async () => {
      const { asAlice, b } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asAlice.write.setRecognition([[b, "0x0000000000000000000000000000000000000000"], [1n, 2n]]),
        asAlice,
        "ZeroRecipient",
        [1n],
      );
    });

    it("rejects zero points with index and recipient", async () => {
      const { asAlice, b, c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asAlice.write.setRecognition([[b, c], [1n, 0n]]),
        asAlice,
        "ZeroPoints",
        [1n, getAddress(c)],
      );
    });

    it("rejects a duplicate recipient with its second index", async () => {
      const { asAlice, b, c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asAlice.write.setRecognition([[b, c, b], [1n, 2n, 3n]]),
        asAlice,
        "DuplicateRecipient",
        [2n, getAddress(b)],
      );
    });

    it("caps a vector at MAX_RECOGNITION_ENTRIES", async () => {
      const { asAlice, a } = await networkHelpers.loadFixture(deployFixture);
      const max = await asAlice.read.MAX_RECOGNITION_ENTRIES();
      expect(max).to.equal(256n);
      const recipients = Array.from({ length: 257 }, (_, i) => getAddress(`0x${(i + 1).toString(16).padStart(40, "0")}`));
      await viem.assertions.revertWithCustomErrorWithArgs(
        asAlice.write.setRecognition([recipients, recipients.map(() => 1n)]),
        asAlice,
        "TooManyRecognitionEntries",
        [257n, 256n],
      );
      // Exactly the cap is accepted.
      await asAlice.write.setRecognition([recipients.slice(0, 256), recipients.slice(0, 256).map(() => 1n)]);
      expect(await asAlice.read.recognitionCount([a])).to.equal(256n);
    });

    it("keeps the sum of the maximal points exact", async () => {
      const { asAlice, a, b, c } = await networkHelpers.loadFixture(deployFixture);
      const max96 = 2n ** 96n - 1n;
      await asAlice.write.setRecognition([[b, c], [max96, max96]]);
      expect(await asAlice.read.totalRecognition([a])).to.equal(2n * max96);
    });
  });

  describe("setRecognitionEntry", () => {
    it("adds, changes and reports the new total", async () => {
      const { asAlice, a, b, c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emitWithArgs(asAlice.write.setRecognitionEntry([b, 10n]), asAlice, "RecognitionEntrySet", [
        getAddress(a),
        getAddress(b),
        10n,
        10n,
      ]);
      await asAlice.write.setRecognitionEntry([c, 5n]);
      await viem.assertions.emitWithArgs(asAlice.write.setRecognitionEntry([b, 2n]), asAlice, "RecognitionEntrySet", [
        getAddress(a),
        getAddress(b),
        2n,
        7n,
      ]);
      expect(await asAlice.read.recognitionCount([a])).to.equal(2n);
      expect(await asAlice.read.totalRecognition([a])).to.equal(7n);
    });

    it("treats 0 points as a revocation", async () => {
      const { asAlice, a, b, c } = await networkHelpers.loadFixture(deployFixture);
      await asAlice.write.setRecognition([[b, c], [4n, 6n]]);
      await viem.assertions.emitWithArgs(asAlice.write.setRecognitionEntry([b, 0n]), asAlice, "RecognitionRevoked", [
        getAddress(a),
        getAddress(b),
        6n,
      ]);
      expect(await asAlice.read.recognitionOf([a, b])).to.equal(0n);
      expect(await asAlice.read.recognitionCount([a])).to.equal(1n);
    });

    it("rejects the zero address", async () => {
      const { asAlice } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asAlice.write.setRecognitionEntry(["0x0000000000000000000000000000000000000000", 1n]),
        asAlice,
        "ZeroRecipient",
        [0n],
      );
    });

    it("refuses a new entry beyond the cap but still changes existing ones", async () => {
      const { asAlice, a } = await networkHelpers.loadFixture(deployFixture);
      const recipients = Array.from({ length: 256 }, (_, i) => getAddress(`0x${(i + 1).toString(16).padStart(40, "0")}`));
      await asAlice.write.setRecognition([recipients, recipients.map(() => 1n)]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asAlice.write.setRecognitionEntry(["0x00000000000000000000000000000000000fffff", 1n]),
        asAlice,
        "TooManyRecognitionEntries",
        [257n, 256n],
      );
      await asAlice.write.setRecognitionEntry([recipients[0], 9n]);
      expect(await asAlice.read.totalRecognition([a])).to.equal(264n);
    });
  });

  describe("revokeRecognition", () => {
    it("removes one entry and reports the new total", async () => {
      const { asAlice, a, b, c } = await networkHelpers.loadFixture(deployFixture);
      await asAlice.write.setRecognition([[b, c], [4n, 6n]]);
      await viem.assertions.emitWithArgs(asAlice.write.revokeRecognition([c]), asAlice, "RecognitionRevoked", [
        getAddress(a),
        getAddress(c),
        4n,
      ]);
      expect(await asAlice.read.recognitionOf([a, c])).to.equal(0n);
      expect(await asAlice.read.totalRecognition([a])).to.equal(4n);
      expect(await asAlice.read.recognitionCount([a])).to.equal(1n);
    });

    it("reverts with both addresses when there is nothing to revoke", async () => {
      const { asAlice, a, b } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asAlice.write.revokeRecognition([b]),
        asAlice,
        "RecognitionNotFound",
        [getAddress(a), getAddress(b)],
      );
    });
  });

  describe("revokeAllRecognition", () => {
    it("clears every entry in one call, and a later vector starts clean", async () => {
      const { asAlice, a, b, c, d } = await networkHelpers.loadFixture(deployFixture);
      await asAlice.write.setRecognition([[b, c], [4n, 6n]]);
      await viem.assertions.emitWithArgs(asAlice.write.revokeAllRecognition(), asAlice, "RecognitionCleared", [
        getAddress(a),
      ]);
      for (const x of [b, c]) expect(await asAlice.read.recognitionOf([a, x])).to.equal(0n);
      expect(await asAlice.read.totalRecognition([a])).to.equal(0n);
      expect(await asAlice.read.recognitionCount([a])).to.equal(0n);
      await asAlice.write.setRecognitionEntry([d, 1n]);
      expect(await asAlice.read.recognitionOf([a, b])).to.equal(0n);
      expect(await asAlice.read.totalRecognition([a])).to.equal(1n);
    });

    it("succeeds on an empty vector", async () => {
      const { asAlice, a } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emitWithArgs(asAlice.write.revokeAllRecognition(), asAlice, "RecognitionCleared", [
        getAddress(a),
      ]);
    });
  });

  describe("mutualRecognition", () => {
    it("is the smaller of the two shares, as an exact fraction", async () => {
      const { asAlice, asBob, a, b, c } = await networkHelpers.loadFixture(deployFixture);
      // R[a][b] = 1/4, R[b][a] = 2/3 -> MR = 1/4.
      await asAlice.write.setRecognition([[b, c], [1n, 3n]]);
      await asBob.write.setRecognition([[a, c], [2n, 1n]]);
      expect(await asAlice.read.mutualRecognition([a, b])).to.deep.equal([1n, 4n]);
      expect(await asAlice.read.mutualRecognition([b, a])).to.deep.equal([1n, 4n]);
      // R[b][a] = 2/12 < 1/4 -> MR = 2/12.
      await asBob.write.setRecognitionEntry([c, 10n]);
      expect(await asAlice.read.mutualRecognition([a, b])).to.deep.equal([2n, 12n]);
      expect(await asAlice.read.mutualRecognition([b, a])).to.deep.equal([2n, 12n]);
    });

    it("picks the first share on an exact tie without rounding", async () => {
      const { asAlice, asBob, a, b, c } = await networkHelpers.loadFixture(deployFixture);
      await asAlice.write.setRecognition([[b, c], [1n, 1n]]);
      await asBob.write.setRecognition([[a, c], [3n, 3n]]);
      expect(await asAlice.read.mutualRecognition([a, b])).to.deep.equal([1n, 2n]);
      expect(await asAlice.read.mutualRecognition([b, a])).to.deep.equal([3n, 6n]);
    });

    it("is 0/1 when either side gives nothing", async () => {
      const { asAlice, asBob, a, b, c } = await networkHelpers.loadFixture(deployFixture);
      expect(await asAlice.read.mutualRecognition([a, b])).to.deep.equal([0n, 1n]);
      await asAlice.write.setRecognition([[b], [5n]]);
      expect(await asAlice.read.mutualRecognition([a, b])).to.deep.equal([0n, 1n]);
      expect(await asAlice.read.mutualRecognition([b, a])).to.deep.equal([0n, 1n]);
      await asBob.write.setRecognition([[c], [5n]]);
      expect(await asAlice.read.mutualRecognition([a, b])).to.deep.equal([0n, 1n]);
    });

    it("of an entity with itself is its self-share", async () => {
      const { asAlice, a, b } = await networkHelpers.loadFixture(deployFixture);
      await asAlice.write.setRecognition([[a, b], [1n, 2n]]);
      expect(await asAlice.read.mutualRecognition([a, a])).to.deep.equal([1n, 3n]);
      expect(await asAlice.read.mutualRecognition([b, b])).to.deep.equal([0n, 1n]);
    });
  });

  describe("signed relaying", () => {
    it("publishes the EIP-712 types the SDK signs", async () => {
      const { registry } = await networkHelpers.loadFixture(deployFixture);
      const pairs = [
        ["SET_RECOGNITION_TYPE", "SET_RECOGNITION_TYPEHASH", "SetRecognition"],
        ["SET_RECOGNITION_ENTRY_TYPE", "SET_RECOGNITION_ENTRY_TYPEHASH", "SetRecognitionEntry"],
        ["REVOKE_RECOGNITION_TYPE", "REVOKE_RECOGNITION_TYPEHASH", "RevokeRecognition"],
        ["REVOKE_ALL_RECOGNITION_TYPE", "REVOKE_ALL_RECOGNITION_TYPEHASH", "RevokeAllRecognition"],
      ] as const;
      for (const [typeName, hashName, action] of pairs) {
        const onChain = (await registry.read[typeName]()) as string;
        expect(onChain).to.equal(encodeActionType(action));
        expect(await registry.read[hashName]()).to.equal(keccak256(toBytes(onChain)));
      }
    });

    it("setRecognitionBySig applies the signer's vector, sent by anyone", async () => {
      const { asRelayer, alice, a, b, c, target } = await networkHelpers.loadFixture(deployFixture);
      const message = { signer: a, recipients: [b, c], points: [1n, 2n], nonce: await nonceFor(asRelayer, a, "SetRecognition", {}), deadline: FAR_DEADLINE };
      const signature = await signAction(alice, target, "SetRecognition", message);
      await viem.assertions.emitWithArgs(
        asRelayer.write.setRecognitionBySig([a, [b, c], [1n, 2n], FAR_DEADLINE, signature]),
        asRelayer,
        "RecognitionSet",
        [getAddress(a), [getAddress(b), getAddress(c)], [1n, 2n]],
      );
      expect(await asRelayer.read.totalRecognition([a])).to.equal(3n);
      expect(sequenceOf(await nonceFor(asRelayer, a, "SetRecognition", {}))).to.equal(1n);
    });

    it("setRecognitionEntryBySig, revokeRecognitionBySig and revokeAllRecognitionBySig apply for the signer, each on its own nonce", async () => {
      const { asRelayer, alice, a, b, c, target } = await networkHelpers.loadFixture(deployFixture);
      const s0 = await signAction(alice, target, "SetRecognitionEntry", {
        signer: a,
        recipient: b,
        points: 7n,
        nonce: await nonceFor(asRelayer, a, "SetRecognitionEntry", {}),
        deadline: FAR_DEADLINE,
      });
      await asRelayer.write.setRecognitionEntryBySig([a, b, 7n, FAR_DEADLINE, s0]);
      const s1 = await signAction(alice, target, "SetRecognitionEntry", {
        signer: a,
        recipient: c,
        points: 3n,
        nonce: await nonceFor(asRelayer, a, "SetRecognitionEntry", {}),
        deadline: FAR_DEADLINE,
      });
      await asRelayer.write.setRecognitionEntryBySig([a, c, 3n, FAR_DEADLINE, s1]);
      expect(await asRelayer.read.totalRecognition([a])).to.equal(10n);
      const s2 = await signAction(alice, target, "RevokeRecognition", {
        signer: a,
        recipient: b,
        nonce: await nonceFor(asRelayer, a, "RevokeRecognition", { recipient: b }),
        deadline: FAR_DEADLINE,
      });
      await viem.assertions.emitWithArgs(
        asRelayer.write.revokeRecognitionBySig([a, b, FAR_DEADLINE, s2]),
        asRelayer,
        "RecognitionRevoked",
        [getAddress(a), getAddress(b), 3n],
      );
      const s3 = await signAction(alice, target, "RevokeAllRecognition", { signer: a, nonce: await nonceFor(asRelayer, a, "RevokeAllRecognition", {}), deadline: FAR_DEADLINE });
      await viem.assertions.emitWithArgs(
        asRelayer.write.revokeAllRecognitionBySig([a, FAR_DEADLINE, s3]),
        asRelayer,
        "RecognitionCleared",
        [getAddress(a)],
      );
      expect(await asRelayer.read.totalRecognition([a])).to.equal(0n);
      expect(sequenceOf(await nonceFor(asRelayer, a, "RevokeAllRecognition", {}))).to.equal(1n);
    });

    it("rejects a signature by someone other than the signer", async () => {
      const { asRelayer, bob, a, b, target } = await networkHelpers.loadFixture(deployFixture);
      const message = { signer: a, recipients: [b], points: [1n], nonce: await nonceFor(asRelayer, a, "SetRecognition", {}), deadline: FAR_DEADLINE };
      const signature = await signAction(bob, target, "SetRecognition", message);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.setRecognitionBySig([a, [b], [1n], FAR_DEADLINE, signature]),
        asRelayer,
        "InvalidSignature",
        [getAddress(a)],
      );
    });

    it("rejects a signature whose fields differ from the call", async () => {
      const { asRelayer, alice, a, b, target } = await networkHelpers.loadFixture(deployFixture);
      const message = { signer: a, recipients: [b], points: [1n], nonce: await nonceFor(asRelayer, a, "SetRecognition", {}), deadline: FAR_DEADLINE };
      const signature = await signAction(alice, target, "SetRecognition", message);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.setRecognitionBySig([a, [b], [2n], FAR_DEADLINE, signature]),
        asRelayer,
        "InvalidSignature",
        [getAddress(a)],
      );
    });

    it("rejects an expired signature with deadline and block time", async () => {
      const { asRelayer, alice, a, target } = await networkHelpers.loadFixture(deployFixture);
      const now = BigInt(await networkHelpers.time.latest());
      const deadline = now + 10n;
      const signature = await signAction(alice, target, "RevokeAllRecognition", { signer: a, nonce: await nonceFor(asRelayer, a, "RevokeAllRecognition", {}), deadline });
      await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.revokeAllRecognitionBySig([a, deadline, signature]),
        asRelayer,
        "SignatureExpired",
        [deadline, deadline + 1n],
      );
    });

    it("accepts a signature up to and including its deadline second", async () => {
      const { asRelayer, alice, a, target } = await networkHelpers.loadFixture(deployFixture);
      const deadline = BigInt(await networkHelpers.time.latest()) + 10n;
      const signature = await signAction(alice, target, "RevokeAllRecognition", { signer: a, nonce: await nonceFor(asRelayer, a, "RevokeAllRecognition", {}), deadline });
      await networkHelpers.time.setNextBlockTimestamp(deadline);
      await asRelayer.write.revokeAllRecognitionBySig([a, deadline, signature]);
      expect(sequenceOf(await nonceFor(asRelayer, a, "RevokeAllRecognition", {}))).to.equal(1n);
    });

    it("rejects a replayed signature (its nonce is used)", async () => {
      const { asRelayer, alice, a, b, target } = await networkHelpers.loadFixture(deployFixture);
      const message = { signer: a, recipient: b, points: 5n, nonce: await nonceFor(asRelayer, a, "SetRecognitionEntry", {}), deadline: FAR_DEADLINE };
      const signature = await signAction(alice, target, "SetRecognitionEntry", message);
      await asRelayer.write.setRecognitionEntryBySig([a, b, 5n, FAR_DEADLINE, signature]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.setRecognitionEntryBySig([a, b, 5n, FAR_DEADLINE, signature]),
        asRelayer,
        "InvalidSignature",
        [getAddress(a)],
      );
    });

    it("rejects a signature made for another chain", async () => {
      const { asRelayer, alice, a, target } = await networkHelpers.loadFixture(deployFixture);
      const signature = await signAction(alice, { ...target, chainId: target.chainId + 1 }, "RevokeAllRecognition", {
        signer: a,
        nonce: await nonceFor(asRelayer, a, "RevokeAllRecognition", {}),
        deadline: FAR_DEADLINE,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.revokeAllRecognitionBySig([a, FAR_DEADLINE, signature]),
        asRelayer,
        "InvalidSignature",
        [getAddress(a)],
      );
    });

    it("rejects a signature made for another registry contract", async () => {
      const { asRelayer, alice, a, target } = await networkHelpers.loadFixture(deployFixture);
      const other = await viem.deployContract("RecognitionRegistry");
      const signature = await signAction(alice, { ...target, registry: other.address }, "RevokeAllRecognition", {
        signer: a,
        nonce: await nonceFor(asRelayer, a, "RevokeAllRecognition", {}),
        deadline: FAR_DEADLINE,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.revokeAllRecognitionBySig([a, FAR_DEADLINE, signature]),
        asRelayer,
        "InvalidSignature",
        [getAddress(a)],
      );
    });
  });
});
