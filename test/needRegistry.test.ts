import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, toBytes, zeroHash } from "viem";
import { FAR_DEADLINE, type NeedValue, needInput, signAction } from "./helpers/registries.js";
import { encodeCode } from "../sdk/chain/codes.js";
import { encodeActionType } from "../sdk/chain/typedData.js";
import { nonceFor } from "./helpers/nonces.js";

const { viem, networkHelpers } = await network.create();

async function deployFixture() {
  const registry = await viem.deployContract("NeedRegistry");
  const [recipient, other, relayer] = await viem.getWalletClients();
  const chainId = await (await viem.getPublicClient()).getChainId();
  const target = { chainId, registry: registry.address };
  const asRecipient = await viem.getContractAt("NeedRegistry", registry.address, { client: { wallet: recipient } });
  const asOther = await viem.getContractAt("NeedRegistry", registry.address, { client: { wallet: other } });
  const asRelayer = await viem.getContractAt("NeedRegistry", registry.address, { client: { wallet: relayer } });
  return {
    registry,
    asRecipient,
    asOther,
    asRelayer,
    recipient,
    other,
    r: getAddress(recipient.account.address),
    o: getAddress(other.account.address),
    target,
  };
}

async function declaredFixture() {
  const f = await deployFixture();
  await f.asRecipient.write.declareNeed([needInput()]);
  return f;
}

const located = needInput({
  sector: encodeCode("Shelter"),
  unit: encodeCode("tent"),
  quantity: 300n,
  windowStart: 10n,
  windowEnd: 20n,
  location: encodeCode("MZ-P-01"),
});

describe("NeedRegistry", () => {
  describe("declareNeed", () => {
    it("numbers needs from 1, stores every field and emits the full value", async () => {
      const { asRecipient, r } = await networkHelpers.loadFixture(deployFixture);
      expect((await asRecipient.simulate.declareNeed([located])).result).to.equal(1n);
      await viem.assertions.emitWithArgs(asRecipient.write.declareNeed([located]), asRecipient, "NeedDeclared", [
        1n,
        r,
        located,
      ]);
      await asRecipient.write.declareNeed([needInput()]);
      expect(await asRecipient.read.needCount()).to.equal(2n);
      expect(await asRecipient.read.getNeed([1n])).to.deep.equal({ recipient: r, active: true, input: located });
      expect(await asRecipient.read.getNeed([2n])).to.deep.equal({ recipient: r, active: true, input: needInput() });
      expect(await asRecipient.read.needTerms([1n])).to.deep.equal([r, 300n, true]);
    });

    it("reads as empty and inactive when never declared", async () => {
      const { asRecipient } = await networkHelpers.loadFixture(deployFixture);
      const zero = "0x0000000000000000000000000000000000000000";
      expect(await asRecipient.read.needTerms([3n])).to.deep.equal([zero, 0n, false]);
      const empty = (await asRecipient.read.getNeed([3n])) as NeedValue;
      expect(empty.recipient).to.equal(zero);
      expect(empty.input).to.deep.equal(needInput({ sector: zeroHash, unit: zeroHash, quantity: 0n }));
    });

    it("rejects invalid sector, unit, location, quantity and window with the offending values", async () => {
      const { asRecipient } = await networkHelpers.loadFixture(deployFixture);
      const bad = `0x00${"41".repeat(31)}` as const;
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.declareNeed([needInput({ sector: bad })]),
        asRecipient,
        "InvalidSector",
        [bad],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.declareNeed([needInput({ unit: bad })]),
        asRecipient,
        "InvalidUnit",
        [bad],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.declareNeed([needInput({ location: bad })]),
        asRecipient,
        "InvalidLocation",
        [bad],
      );
      await viem.assertions.revertWithCustomError(
        asRecipient.write.declareNeed([needInput({ quantity: 0n })]),
        asRecipient,
        "ZeroQuantity",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.declareNeed([needInput({ windowStart: 9n, windowEnd: 3n })]),
        asRecipient,
        "InvalidWindow",
        [9n, 3n],
      );
    });
  });

  describe("updateNeed", () => {
    it("replaces every field, including clearing the location", async () => {
      const { asRecipient, r } = await networkHelpers.loadFixture(deployFixture);
      await asRecipient.write.declareNeed([located]);
      const plain = needInput({ quantity: 2n });
      await viem.assertions.emitWithArgs(asRecipient.write.updateNeed([1n, plain]), asRecipient, "NeedUpdated", [
        1n,
        r,
        plain,
      ]);
      expect(await asRecipient.read.getNeed([1n])).to.deep.equal({ recipient: r, active: true, input: plain });
    });

    it("is refused to others, for unknown ids, after revocation, and for invalid fields", async () => {
      const { asRecipient, asOther, o, r } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asOther.write.updateNeed([1n, needInput()]),
        asOther,
        "NotNeedRecipient",
        [1n, o, r],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.updateNeed([5n, needInput()]),
        asRecipient,
        "UnknownNeed",
        [5n],
      );
      await viem.assertions.revertWithCustomError(
        asRecipient.write.updateNeed([1n, needInput({ quantity: 0n })]),
        asRecipient,
        "ZeroQuantity",
      );
      await asRecipient.write.revokeNeed([1n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.updateNeed([1n, needInput()]),
        asRecipient,
        "NeedIsRevoked",
        [1n],
      );
    });
  });

  describe("updateNeedQuantity", () => {
    it("changes only the quantity", async () => {
      const { asRecipient, r } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.emitWithArgs(
        asRecipient.write.updateNeedQuantity([1n, 55n]),
        asRecipient,
        "NeedQuantityUpdated",
        [1n, r, 55n],
      );
      expect(((await asRecipient.read.getNeed([1n])) as NeedValue).input).to.deep.equal(needInput({ quantity: 55n }));
    });

    it("rejects zero, strangers, unknown and revoked needs", async () => {
      const { asRecipient, asOther, o, r } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.revertWithCustomError(
        asRecipient.write.updateNeedQuantity([1n, 0n]),
        asRecipient,
        "ZeroQuantity",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asOther.write.updateNeedQuantity([1n, 1n]),
        asOther,
        "NotNeedRecipient",
        [1n, o, r],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.updateNeedQuantity([2n, 1n]),
        asRecipient,
        "UnknownNeed",
        [2n],
      );
      await asRecipient.write.revokeNeed([1n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.updateNeedQuantity([1n, 1n]),
        asRecipient,
        "NeedIsRevoked",
        [1n],
      );
    });
  });

  describe("revokeNeed", () => {
    it("deactivates the need, always, and only for its recipient", async () => {
      const { asRecipient, asOther, o, r } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(asOther.write.revokeNeed([1n]), asOther, "NotNeedRecipient", [
        1n,
        o,
        r,
      ]);
      await viem.assertions.emitWithArgs(asRecipient.write.revokeNeed([1n]), asRecipient, "NeedRevoked", [1n, r]);
      await asRecipient.write.revokeNeed([1n]);
      expect(await asRecipient.read.needTerms([1n])).to.deep.equal([r, 1_200n, false]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRecipient.write.revokeNeed([2n]),
        asRecipient,
        "UnknownNeed",
        [2n],
      );
    });
  });

  describe("signed relaying", () => {
    it("publishes the EIP-712 types the SDK signs", async () => {
      const { registry } = await networkHelpers.loadFixture(deployFixture);
      const pairs = [
        ["DECLARE_NEED_TYPE", "DECLARE_NEED_TYPEHASH", "DeclareNeed"],
        ["UPDATE_NEED_TYPE", "UPDATE_NEED_TYPEHASH", "UpdateNeed"],
        ["UPDATE_NEED_QUANTITY_TYPE", "UPDATE_NEED_QUANTITY_TYPEHASH", "UpdateNeedQuantity"],
        ["REVOKE_NEED_TYPE", "REVOKE_NEED_TYPEHASH", "RevokeNeed"],
      ] as const;
      for (const [typeName, hashName, action] of pairs) {
        const onChain = (await registry.read[typeName]()) as string;
        expect(onChain).to.equal(encodeActionType(action));
        expect(await registry.read[hashName]()).to.equal(keccak256(toBytes(onChain)));
      }
      expect(await registry.read.NEED_TYPEHASH()).to.equal(keccak256(toBytes((await registry.read.NEED_TYPE()) as string)));
    });

    it("relays declare, update, quantity and revoke signed by the recipient", async () => {
      const { asRelayer, recipient, r, target } = await networkHelpers.loadFixture(deployFixture);
      const s0 = await signAction(recipient, target, "DeclareNeed", {
        signer: r,
        need: located,
        nonce: await nonceFor(asRelayer, r, "DeclareNeed", {}),
        deadline: FAR_DEADLINE,
      });
      await viem.assertions.emitWithArgs(
        asRelayer.write.declareNeedBySig([r, located, FAR_DEADLINE, s0]),
        asRelayer,
        "NeedDeclared",
        [1n, r, located],
      );
      const updated = needInput({ quantity: 8n });
      const s1 = await signAction(recipient, target, "UpdateNeed", {
        signer: r,
        needId: 1n,
        need: updated,
        nonce: await nonceFor(asRelayer, r, "UpdateNeed", { needId: 1n }),
        deadline: FAR_DEADLINE,
      });
      await asRelayer.write.updateNeedBySig([r, 1n, updated, FAR_DEADLINE, s1]);
      expect(((await asRelayer.read.getNeed([1n])) as NeedValue).input).to.deep.equal(updated);
      const s2 = await signAction(recipient, target, "UpdateNeedQuantity", {
        signer: r,
        needId: 1n,
        quantity: 6n,
        nonce: await nonceFor(asRelayer, r, "UpdateNeedQuantity", { needId: 1n }),
        deadline: FAR_DEADLINE,
      });
      await asRelayer.write.updateNeedQuantityBySig([r, 1n, 6n, FAR_DEADLINE, s2]);
      const s3 = await signAction(recipient, target, "RevokeNeed", {
        signer: r,
        needId: 1n,
        nonce: await nonceFor(asRelayer, r, "RevokeNeed", { needId: 1n }),
        deadline: FAR_DEADLINE,
      });
      await asRelayer.write.revokeNeedBySig([r, 1n, FAR_DEADLINE, s3]);
      expect(await asRelayer.read.needTerms([1n])).to.deep.equal([r, 6n, false]);
    });

    it("rejects a wrong signer, an expired deadline, a replay, another chain and another registry", async () => {
      const { asRelayer, recipient, other, r, target } = await networkHelpers.loadFixture(declaredFixture);
      const message = { signer: r, needId: 1n, quantity: 4n, nonce: await nonceFor(asRelayer, r, "UpdateNeedQuantity", { needId: 1n }), deadline: FAR_DEADLINE };
      const capacities = await viem.deployContract("CapacityRegistry");
      for (const [who, where] of [
        [other, target],
        [recipient, { ...target, chainId: 5 }],
        [recipient, { ...target, registry: capacities.address }],
      ] as const) {
        const signature = await signAction(who, where, "UpdateNeedQuantity", message);
        await viem.assertions.revertWithCustomErrorWithArgs(
          asRelayer.write.updateNeedQuantityBySig([r, 1n, 4n, FAR_DEADLINE, signature]),
          asRelayer,
          "InvalidSignature",
          [r],
        );
      }
      const deadline = BigInt(await networkHelpers.time.latest()) + 5n;
      const expiring = await signAction(recipient, target, "UpdateNeedQuantity", { ...message, deadline });
      await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.updateNeedQuantityBySig([r, 1n, 4n, deadline, expiring]),
        asRelayer,
        "SignatureExpired",
        [deadline, deadline + 1n],
      );
      const valid = await signAction(recipient, target, "UpdateNeedQuantity", message);
      await asRelayer.write.updateNeedQuantityBySig([r, 1n, 4n, FAR_DEADLINE, valid]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.updateNeedQuantityBySig([r, 1n, 4n, FAR_DEADLINE, valid]),
        asRelayer,
        "InvalidSignature",
        [r],
      );
    });
  });
});
