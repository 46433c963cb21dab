import { expect } from "chai";
import { network } from "hardhat";
import { type Address, getAddress, keccak256, toBytes, zeroHash } from "viem";
import {
  FAR_DEADLINE,
  FILTER_ALLOW,
  FILTER_DENY,
  FILTER_NONE,
  type CapacityValue,
  ascending,
  capacityInput,
  signAction,
} from "./helpers/registries.js";
import { encodeCode } from "../sdk/chain/codes.js";
import { encodeActionType } from "../sdk/chain/typedData.js";
import { nonceFor, sequenceOf } from "./helpers/nonces.js";

const { viem, networkHelpers } = await network.create();

async function deployFixture() {
  const registry = await viem.deployContract("CapacityRegistry");
  const [provider, other, relayer, r1, r2, r3] = await viem.getWalletClients();
  const chainId = await (await viem.getPublicClient()).getChainId();
  const target = { chainId, registry: registry.address };
  const asProvider = await viem.getContractAt("CapacityRegistry", registry.address, { client: { wallet: provider } });
  const asOther = await viem.getContractAt("CapacityRegistry", registry.address, { client: { wallet: other } });
  const asRelayer = await viem.getContractAt("CapacityRegistry", registry.address, { client: { wallet: relayer } });
  const p = provider.account.address;
  const o = other.account.address;
  const recipients = ascending([r1, r2, r3].map((w) => getAddress(w.account.address)));
  return { registry, asProvider, asOther, asRelayer, provider, other, p, o, recipients, target };
}

/** The fixture with capacity 1 declared by the provider. */
async function declaredFixture() {
  const f = await deployFixture();
  await f.asProvider.write.declareCapacity([capacityInput()]);
  return f;
}

const allFields = (filterList: Address[]) =>
  capacityInput({
    sector: encodeCode("Health"),
    unit: encodeCode("kit"),
    quantity: 40n,
    windowStart: 1_000n,
    windowEnd: 2_000n,
    location: encodeCode("MZ-P"),
    filterMode: FILTER_ALLOW,
    filterList,
    minUnit: 5n,
    recurring: true,
  });

describe("CapacityRegistry", () => {
  describe("declareCapacity", () => {
    it("numbers capacities from 1, stores every field and emits the full value", async () => {
      const { asProvider, p, recipients } = await networkHelpers.loadFixture(deployFixture);
      expect(await asProvider.read.capacityCount()).to.equal(0n);
      const input = allFields(recipients);
      expect((await asProvider.simulate.declareCapacity([input])).result).to.equal(1n);
      await viem.assertions.emitWithArgs(asProvider.write.declareCapacity([input]), asProvider, "CapacityDeclared", [
        1n,
        getAddress(p),
        input,
      ]);
      await asProvider.write.declareCapacity([capacityInput()]);
      expect(await asProvider.read.capacityCount()).to.equal(2n);
      expect(await asProvider.read.getCapacity([1n]) as CapacityValue).to.deep.equal({ provider: getAddress(p), active: true, input });
      expect(await asProvider.read.capacityTerms([1n])).to.deep.equal([getAddress(p), 40n, true, true]);
      expect(await asProvider.read.getCapacity([2n]) as CapacityValue).to.deep.equal({
        provider: getAddress(p),
        active: true,
        input: capacityInput(),
      });
    });

    it("reads as empty and inactive when never declared", async () => {
      const { asProvider } = await networkHelpers.loadFixture(deployFixture);
      const zero = "0x0000000000000000000000000000000000000000";
      expect(await asProvider.read.capacityTerms([7n])).to.deep.equal([zero, 0n, false, false]);
      const empty = (await asProvider.read.getCapacity([7n])) as CapacityValue;
      expect(empty.provider).to.equal(zero);
      expect(empty.active).to.equal(false);
      expect(empty.input).to.deep.equal(capacityInput({ sector: zeroHash, unit: zeroHash, quantity: 0n }));
    });

    it("accepts a deny list", async () => {
      const { asProvider, recipients } = await networkHelpers.loadFixture(deployFixture);
      const input = capacityInput({ filterMode: FILTER_DENY, filterList: [recipients[1]] });
      await asProvider.write.declareCapacity([input]);
      expect((await asProvider.read.getCapacity([1n]) as CapacityValue).input).to.deep.equal(input);
    });

    const codeCases: Array<[string, `0x${string}`]> = [
      ["empty", zeroHash],
      ["right-aligned", `0x${"00".repeat(28)}57415348`],
      ["with an interior zero byte", `0x5741005348${"00".repeat(27)}`],
      ["with a space", `0x5741205348${"00".repeat(27)}`],
      ["with a control character", `0x57410a5348${"00".repeat(27)}`],
      ["with DEL", `0x57417f5348${"00".repeat(27)}`],
      ["with a non-ASCII byte", `0x5741c35348${"00".repeat(27)}`],
    ];
    for (const [what, code] of codeCases) {
      it(`rejects a sector ${what}`, async () => {
        const { asProvider } = await networkHelpers.loadFixture(deployFixture);
        await viem.assertions.revertWithCustomErrorWithArgs(
          asProvider.write.declareCapacity([capacityInput({ sector: code })]),
          asProvider,
          "InvalidSector",
          [code],
        );
      });
    }

    it("accepts a 32-character code using the whole word", async () => {
      const { asProvider } = await networkHelpers.loadFixture(deployFixture);
      const code = encodeCode("!~".repeat(16));
      await asProvider.write.declareCapacity([capacityInput({ sector: code })]);
      expect((await asProvider.read.getCapacity([1n]) as CapacityValue).input.sector).to.equal(code);
    });

    it("rejects an invalid unit", async () => {
      const { asProvider } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.declareCapacity([capacityInput({ unit: zeroHash })]),
        asProvider,
        "InvalidUnit",
        [zeroHash],
      );
    });

    it("rejects an invalid location", async () => {
      const { asProvider } = await networkHelpers.loadFixture(deployFixture);
      const location = `0x20${"00".repeat(31)}` as const;
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.declareCapacity([capacityInput({ location })]),
        asProvider,
        "InvalidLocation",
        [location],
      );
    });

    it("rejects a zero quantity", async () => {
      const { asProvider } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomError(
        asProvider.write.declareCapacity([capacityInput({ quantity: 0n })]),
        asProvider,
        "ZeroQuantity",
      );
    });

    for (const [start, end] of [
      [5n, 5n],
      [6n, 5n],
      [5n, 0n],
    ] as const) {
      it(`rejects the window [${start}, ${end})`, async () => {
        const { asProvider } = await networkHelpers.loadFixture(deployFixture);
        await viem.assertions.revertWithCustomErrorWithArgs(
          asProvider.write.declareCapacity([capacityInput({ windowStart: start, windowEnd: end })]),
          asProvider,
          "InvalidWindow",
          [start, end],
        );
      });
    }

    it("accepts a window starting at 0", async () => {
      const { asProvider } = await networkHelpers.loadFixture(deployFixture);
      await asProvider.write.declareCapacity([capacityInput({ windowStart: 0n, windowEnd: 1n })]);
      expect((await asProvider.read.getCapacity([1n]) as CapacityValue).input.windowEnd).to.equal(1n);
    });

    it("rejects a filter list under mode None", async () => {
      const { asProvider, recipients } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.declareCapacity([capacityInput({ filterMode: FILTER_NONE, filterList: [recipients[0]] })]),
        asProvider,
        "InvalidFilter",
        [FILTER_NONE, 1n],
      );
    });

    it("rejects an empty allow list", async () => {
      const { asProvider } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.declareCapacity([capacityInput({ filterMode: FILTER_ALLOW, filterList: [] })]),
        asProvider,
        "InvalidFilter",
        [FILTER_ALLOW, 0n],
      );
    });

    it("caps the filter list at MAX_FILTER_ENTRIES", async () => {
      const { asProvider } = await networkHelpers.loadFixture(deployFixture);
      expect(await asProvider.read.MAX_FILTER_ENTRIES()).to.equal(32n);
      const list = Array.from({ length: 33 }, (_, i) => getAddress(`0x${(i + 1).toString(16).padStart(40, "0")}`));
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.declareCapacity([capacityInput({ filterMode: FILTER_DENY, filterList: list })]),
        asProvider,
        "InvalidFilter",
        [FILTER_DENY, 33n],
      );
      await asProvider.write.declareCapacity([capacityInput({ filterMode: FILTER_DENY, filterList: list.slice(0, 32) })]);
      expect((await asProvider.read.getCapacity([1n]) as CapacityValue).input.filterList).to.have.length(32);
    });

    it("rejects an unsorted, duplicated or zero filter entry with its index", async () => {
      const { asProvider, recipients } = await networkHelpers.loadFixture(deployFixture);
      const [x, y] = recipients;
      const cases: Array<[Address[], bigint, Address]> = [
        [[y, x], 1n, x],
        [[x, x], 1n, x],
        [["0x0000000000000000000000000000000000000000", x], 0n, "0x0000000000000000000000000000000000000000"],
      ];
      for (const [filterList, index, account] of cases) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          asProvider.write.declareCapacity([capacityInput({ filterMode: FILTER_ALLOW, filterList })]),
          asProvider,
          "FilterListNotAscending",
          [index, account],
        );
      }
    });
  });

  describe("updateCapacity", () => {
    it("replaces every field, including clearing optional ones", async () => {
      const { asProvider, p, recipients } = await networkHelpers.loadFixture(deployFixture);
      await asProvider.write.declareCapacity([allFields(recipients)]);
      const plain = capacityInput({ quantity: 9n });
      await viem.assertions.emitWithArgs(asProvider.write.updateCapacity([1n, plain]), asProvider, "CapacityUpdated", [
        1n,
        getAddress(p),
        plain,
      ]);
      expect(await asProvider.read.getCapacity([1n]) as CapacityValue).to.deep.equal({ provider: getAddress(p), active: true, input: plain });
      await asProvider.write.updateCapacity([1n, allFields(recipients.slice(1))]);
      expect((await asProvider.read.getCapacity([1n]) as CapacityValue).input).to.deep.equal(allFields(recipients.slice(1)));
    });

    it("is refused to anyone but the provider", async () => {
      const { asOther, o, p } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asOther.write.updateCapacity([1n, capacityInput()]),
        asOther,
        "NotCapacityProvider",
        [1n, getAddress(o), getAddress(p)],
      );
    });

    it("is refused for an unknown id", async () => {
      const { asProvider } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.updateCapacity([2n, capacityInput()]),
        asProvider,
        "UnknownCapacity",
        [2n],
      );
    });

    it("is refused after revocation", async () => {
      const { asProvider } = await networkHelpers.loadFixture(declaredFixture);
      await asProvider.write.revokeCapacity([1n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.updateCapacity([1n, capacityInput()]),
        asProvider,
        "CapacityIsRevoked",
        [1n],
      );
    });

    it("validates the new fields", async () => {
      const { asProvider } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.revertWithCustomError(
        asProvider.write.updateCapacity([1n, capacityInput({ quantity: 0n })]),
        asProvider,
        "ZeroQuantity",
      );
    });
  });

  describe("updateCapacityQuantity", () => {
    it("changes only the quantity", async () => {
      const { asProvider, p } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.emitWithArgs(
        asProvider.write.updateCapacityQuantity([1n, 77n]),
        asProvider,
        "CapacityQuantityUpdated",
        [1n, getAddress(p), 77n],
      );
      expect((await asProvider.read.getCapacity([1n]) as CapacityValue).input).to.deep.equal(capacityInput({ quantity: 77n }));
    });

    it("rejects zero, strangers, unknown and revoked capacities", async () => {
      const { asProvider, asOther, o, p } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.revertWithCustomError(
        asProvider.write.updateCapacityQuantity([1n, 0n]),
        asProvider,
        "ZeroQuantity",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asOther.write.updateCapacityQuantity([1n, 5n]),
        asOther,
        "NotCapacityProvider",
        [1n, getAddress(o), getAddress(p)],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.updateCapacityQuantity([9n, 5n]),
        asProvider,
        "UnknownCapacity",
        [9n],
      );
      await asProvider.write.revokeCapacity([1n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.updateCapacityQuantity([1n, 5n]),
        asProvider,
        "CapacityIsRevoked",
        [1n],
      );
    });
  });

  describe("revokeCapacity", () => {
    it("deactivates the capacity and keeps its last terms readable", async () => {
      const { asProvider, p } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.emitWithArgs(asProvider.write.revokeCapacity([1n]), asProvider, "CapacityRevoked", [
        1n,
        getAddress(p),
      ]);
      expect(await asProvider.read.capacityTerms([1n])).to.deep.equal([getAddress(p), 5_000n, false, false]);
    });

    it("is always possible for the provider, even twice", async () => {
      const { asProvider, p } = await networkHelpers.loadFixture(declaredFixture);
      await asProvider.write.revokeCapacity([1n]);
      await asProvider.write.revokeCapacity([1n]);
      expect(await asProvider.read.capacityTerms([1n])).to.deep.equal([getAddress(p), 5_000n, false, false]);
    });

    it("is refused to anyone else and for unknown ids", async () => {
      const { asProvider, asOther, o, p } = await networkHelpers.loadFixture(declaredFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asOther.write.revokeCapacity([1n]),
        asOther,
        "NotCapacityProvider",
        [1n, getAddress(o), getAddress(p)],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        asProvider.write.revokeCapacity([0n]),
        asProvider,
        "UnknownCapacity",
        [0n],
      );
    });
  });

  describe("signed relaying", () => {
    it("publishes the EIP-712 types the SDK signs", async () => {
      const { registry } = await networkHelpers.loadFixture(deployFixture);
      const pairs = [
        ["DECLARE_CAPACITY_TYPE", "DECLARE_CAPACITY_TYPEHASH", "DeclareCapacity"],
        ["UPDATE_CAPACITY_TYPE", "UPDATE_CAPACITY_TYPEHASH", "UpdateCapacity"],
        ["UPDATE_CAPACITY_QUANTITY_TYPE", "UPDATE_CAPACITY_QUANTITY_TYPEHASH", "UpdateCapacityQuantity"],
        ["REVOKE_CAPACITY_TYPE", "REVOKE_CAPACITY_TYPEHASH", "RevokeCapacity"],
      ] as const;
      for (const [typeName, hashName, action] of pairs) {
        const onChain = (await registry.read[typeName]()) as string;
        expect(onChain).to.equal(encodeActionType(action));
        expect(await registry.read[hashName]()).to.equal(keccak256(toBytes(onChain)));
      }
      expect(await registry.read.CAPACITY_TYPEHASH()).to.equal(keccak256(toBytes((await registry.read.CAPACITY_TYPE()) as string)));
    });

    it("relays declare, update, quantity and revoke signed by the provider", async () => {
      const { asRelayer, provider, p, recipients, target } = await networkHelpers.loadFixture(deployFixture);
      const input = allFields(recipients);
      const s0 = await signAction(provider, target, "DeclareCapacity", {
        signer: p,
        capacity: input,
        nonce: await nonceFor(asRelayer, p, "DeclareCapacity", {}),
        deadline: FAR_DEADLINE,
      });
      await viem.assertions.emitWithArgs(
        asRelayer.write.declareCapacityBySig([p, input, FAR_DEADLINE, s0]),
        asRelayer,
        "CapacityDeclared",
        [1n, getAddress(p), input],
      );
      const updated = capacityInput({ quantity: 11n, filterMode: FILTER_DENY, filterList: [recipients[2]] });
      const s1 = await signAction(provider, target, "UpdateCapacity", {
        signer: p,
        capacityId: 1n,
        capacity: updated,
        nonce: await nonceFor(asRelayer, p, "UpdateCapacity", { capacityId: 1n }),
        deadline: FAR_DEADLINE,
      });
      await asRelayer.write.updateCapacityBySig([p, 1n, updated, FAR_DEADLINE, s1]);
      expect((await asRelayer.read.getCapacity([1n]) as CapacityValue).input).to.deep.equal(updated);
      const s2 = await signAction(provider, target, "UpdateCapacityQuantity", {
        signer: p,
        capacityId: 1n,
        quantity: 12n,
        nonce: await nonceFor(asRelayer, p, "UpdateCapacityQuantity", { capacityId: 1n }),
        deadline: FAR_DEADLINE,
      });
      await asRelayer.write.updateCapacityQuantityBySig([p, 1n, 12n, FAR_DEADLINE, s2]);
      const s3 = await signAction(provider, target, "RevokeCapacity", {
        signer: p,
        capacityId: 1n,
        nonce: await nonceFor(asRelayer, p, "RevokeCapacity", { capacityId: 1n }),
        deadline: FAR_DEADLINE,
      });
      await asRelayer.write.revokeCapacityBySig([p, 1n, FAR_DEADLINE, s3]);
      expect(await asRelayer.read.capacityTerms([1n])).to.deep.equal([getAddress(p), 12n, false, false]);
      expect(sequenceOf(await nonceFor(asRelayer, p, "RevokeCapacity", { capacityId: 1n }))).to.equal(1n);
    });

    it("a valid signature of someone else's capacity is still not the provider's", async () => {
      const { asRelayer, other, o, p, target } = await networkHelpers.loadFixture(declaredFixture);
      const signature = await signAction(other, target, "RevokeCapacity", {
        signer: o,
        capacityId: 1n,
        nonce: await nonceFor(asRelayer, o, "RevokeCapacity", { capacityId: 1n }),
        deadline: FAR_DEADLINE,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.revokeCapacityBySig([o, 1n, FAR_DEADLINE, signature]),
        asRelayer,
        "NotCapacityProvider",
        [1n, getAddress(o), getAddress(p)],
      );
    });

    it("rejects a wrong signer, a changed field, an expired deadline and a replay", async () => {
      const { asRelayer, provider, other, p, target } = await networkHelpers.loadFixture(declaredFixture);
      const message = { signer: p, capacityId: 1n, quantity: 3n, nonce: await nonceFor(asRelayer, p, "UpdateCapacityQuantity", { capacityId: 1n }), deadline: FAR_DEADLINE };
      const byOther = await signAction(other, target, "UpdateCapacityQuantity", message);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.updateCapacityQuantityBySig([p, 1n, 3n, FAR_DEADLINE, byOther]),
        asRelayer,
        "InvalidSignature",
        [getAddress(p)],
      );
      const signature = await signAction(provider, target, "UpdateCapacityQuantity", message);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.updateCapacityQuantityBySig([p, 1n, 4n, FAR_DEADLINE, signature]),
        asRelayer,
        "InvalidSignature",
        [getAddress(p)],
      );
      const deadline = BigInt(await networkHelpers.time.latest()) + 5n;
      const expiring = await signAction(provider, target, "UpdateCapacityQuantity", { ...message, deadline });
      await networkHelpers.time.setNextBlockTimestamp(deadline + 1n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.updateCapacityQuantityBySig([p, 1n, 3n, deadline, expiring]),
        asRelayer,
        "SignatureExpired",
        [deadline, deadline + 1n],
      );
      await asRelayer.write.updateCapacityQuantityBySig([p, 1n, 3n, FAR_DEADLINE, signature]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        asRelayer.write.updateCapacityQuantityBySig([p, 1n, 3n, FAR_DEADLINE, signature]),
        asRelayer,
        "InvalidSignature",
        [getAddress(p)],
      );
    });

    it("rejects a signature for another chain or another registry", async () => {
      const { asRelayer, provider, p, target } = await networkHelpers.loadFixture(declaredFixture);
      const message = { signer: p, capacityId: 1n, nonce: await nonceFor(asRelayer, p, "RevokeCapacity", { capacityId: 1n }), deadline: FAR_DEADLINE };
      const needs = await viem.deployContract("NeedRegistry");
      for (const wrong of [
        { ...target, chainId: 1 },
        { ...target, registry: needs.address },
      ]) {
        const signature = await signAction(provider, wrong, "RevokeCapacity", message);
        await viem.assertions.revertWithCustomErrorWithArgs(
          asRelayer.write.revokeCapacityBySig([p, 1n, FAR_DEADLINE, signature]),
          asRelayer,
          "InvalidSignature",
          [getAddress(p)],
        );
      }
    });
  });
});
