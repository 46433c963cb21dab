/**
 * SPEC §4: every change emits an event carrying the full new value, so the state at any block can be
 * rebuilt from logs alone. These tests run a mixed history, rebuild the registries from their events
 * only, and compare with the contracts' views.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { type Address, getAddress } from "viem";
import {
  type CapacityInputValue,
  type CapacityValue,
  FILTER_DENY,
  ascending,
  capacityInput,
  needInput,
} from "./helpers/registries.js";
import { encodeCode } from "../sdk/chain/codes.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();

interface Decoded {
  eventName: string;
  args: Record<string, unknown>;
}

describe("rebuilding registry state from logs alone", () => {
  it("recognition vectors", async () => {
    const registry = await viem.deployContract("RecognitionRegistry");
    const wallets = await viem.getWalletClients();
    const as = await Promise.all(
      wallets.slice(0, 3).map((w) => viem.getContractAt("RecognitionRegistry", registry.address, { client: { wallet: w } })),
    );
    const [a, b, c] = wallets.slice(0, 3).map((w) => getAddress(w.account.address));
    const x = getAddress("0x00000000000000000000000000000000000000aa");
    await as[0].write.setRecognition([[b, c, a], [5n, 3n, 1n]]);
    await as[1].write.setRecognitionEntry([a, 4n]);
    await as[0].write.setRecognitionEntry([b, 9n]);
    await as[0].write.revokeRecognition([c]);
    await as[2].write.setRecognition([[a, x], [2n, 2n]]);
    await as[1].write.revokeAllRecognition();
    await as[1].write.setRecognitionEntry([c, 7n]);
    await as[0].write.setRecognition([[x, c], [1n, 1n]]);
    await as[0].write.setRecognitionEntry([x, 0n]);

    const events = (await publicClient.getContractEvents({
      address: registry.address,
      abi: registry.abi,
      fromBlock: 0n,
    })) as unknown as Decoded[];
    const vectors = new Map<Address, Map<Address, bigint>>();
    const vectorOf = (from: Address) => vectors.get(from) ?? vectors.set(from, new Map()).get(from)!;
    for (const { eventName, args } of events) {
      const from = args.from as Address;
      if (eventName === "RecognitionSet") {
        const v = new Map<Address, bigint>();
        (args.recipients as Address[]).forEach((to, i) => v.set(to, (args.points as bigint[])[i]));
        vectors.set(from, v);
      } else if (eventName === "RecognitionEntrySet") {
        vectorOf(from).set(args.to as Address, args.points as bigint);
      } else if (eventName === "RecognitionRevoked") {
        vectorOf(from).delete(args.to as Address);
      } else if (eventName === "RecognitionCleared") {
        vectors.set(from, new Map());
      }
    }
    // One recognition event per action (9), beside the signature bookkeeping each direct action emits.
    expect(events.filter((e) => e.eventName !== "ScopeSignaturesSuperseded").length).to.equal(9);
    for (const from of [a, b, c]) {
      const v = vectorOf(from);
      const total = [...v.values()].reduce((s, p) => s + p, 0n);
      expect(await registry.read.totalRecognition([from])).to.equal(total);
      expect(await registry.read.recognitionCount([from])).to.equal(BigInt(v.size));
      for (const to of [a, b, c, x]) {
        expect(await registry.read.recognitionOf([from, to])).to.equal(v.get(to) ?? 0n);
      }
    }
  });

  it("capacities and needs", async () => {
    const capacities = await viem.deployContract("CapacityRegistry");
    const needs = await viem.deployContract("NeedRegistry");
    const list = ascending([
      "0x00000000000000000000000000000000000000b1",
      "0x00000000000000000000000000000000000000a1",
    ]);
    await capacities.write.declareCapacity([capacityInput()]);
    await capacities.write.declareCapacity([capacityInput({ filterMode: FILTER_DENY, filterList: list, minUnit: 5n })]);
    await capacities.write.updateCapacity([1n, capacityInput({ location: encodeCode("MZ-P"), recurring: true })]);
    await capacities.write.updateCapacityQuantity([2n, 17n]);
    await capacities.write.revokeCapacity([1n]);
    await needs.write.declareNeed([needInput()]);
    await needs.write.updateNeedQuantity([1n, 3n]);

    const events = (await publicClient.getContractEvents({
      address: capacities.address,
      abi: capacities.abi,
      fromBlock: 0n,
    })) as unknown as Decoded[];
    const rebuilt = new Map<bigint, CapacityValue>();
    for (const { eventName, args } of events) {
      const id = args.capacityId as bigint;
      if (eventName === "CapacityDeclared" || eventName === "CapacityUpdated") {
        const input = args.input as CapacityInputValue;
        rebuilt.set(id, { provider: args.provider as Address, active: true, input: { ...input, filterList: [...input.filterList] } });
      } else if (eventName === "CapacityQuantityUpdated") {
        rebuilt.get(id)!.input.quantity = args.quantity as bigint;
      } else if (eventName === "CapacityRevoked") {
        rebuilt.get(id)!.active = false;
      }
    }
    expect(rebuilt.size).to.equal(2);
    for (const [id, value] of rebuilt) {
      expect(await capacities.read.getCapacity([id])).to.deep.equal(value);
    }

    const needEvents = (await publicClient.getContractEvents({
      address: needs.address,
      abi: needs.abi,
      fromBlock: 0n,
    })) as unknown as Decoded[];
    const needChanges = needEvents.filter((e) => e.eventName !== "ScopeSignaturesSuperseded");
    expect(needChanges.map((e) => e.eventName)).to.deep.equal(["NeedDeclared", "NeedQuantityUpdated"]);
    const declared = needChanges[0].args.input as Record<string, unknown>;
    expect(await needs.read.getNeed([1n])).to.deep.equal({
      recipient: needChanges[0].args.recipient,
      active: true,
      input: { ...declared, quantity: needChanges[1].args.quantity },
    });
  });
});
