/**
 * Gas of the common registry actions against their physical floor (the cheapest any contract could
 * do for the same state change and the same event): 21,000 per transaction, 16 per non-zero and 4 per
 * zero calldata byte, 22,100 per new storage slot (cold access + zero-to-non-zero write), 5,000 per
 * changed slot (cold access + write), and 375 + 375 per topic + 8 per data byte per log. Refunds are
 * ignored in the floor. Target: gasUsed <= 1.25 x floor.
 */
import { expect } from "chai";
import hre, { network } from "hardhat";
import { type Address, type Hash, getAddress, hexToBytes } from "viem";
import { encodeCode } from "../sdk/chain/codes.js";
import { FAR_DEADLINE, FILTER_ALLOW, ascending, capacityInput, needInput, signAction } from "./helpers/registries.js";
import { nonceFor } from "./helpers/nonces.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();

const TARGET_RATIO = 1.25;

interface Slots {
  fresh: number;
  changed: number;
}

async function measure(label: string, hash: Hash, slots: Slots, extra = 0) {
  const [receipt, tx] = await Promise.all([
    publicClient.waitForTransactionReceipt({ hash }),
    publicClient.getTransaction({ hash }),
  ]);
  const input = hexToBytes(tx.input);
  const calldata = input.reduce((sum, byte) => sum + (byte === 0 ? 4 : 16), 0);
  const logs = receipt.logs.reduce((sum, log) => sum + 375 + 375 * log.topics.length + 8 * (log.data.length / 2 - 1), 0);
  const floor = 21_000 + calldata + 22_100 * slots.fresh + 5_000 * slots.changed + logs + extra;
  const ratio = Number(receipt.gasUsed) / floor;
  results.push({ label, gasUsed: receipt.gasUsed, floor, ratio });
  return ratio;
}

const results: Array<{ label: string; gasUsed: bigint; floor: number; ratio: number }> = [];

const recipients = (n: number, offset = 0): Address[] =>
  Array.from({ length: n }, (_, i) => getAddress(`0x${(0x1000 + offset + i).toString(16).padStart(40, "a")}`));

describe("registry gas against the physical floor", () => {
  before(function () {
    // Coverage instrumentation adds gas to every statement: the measurement would be meaningless.
    if (hre.globalOptions.coverage === true) this.skip();
  });

  after(() => {
    if (results.length === 0) return;
    console.log("\n    action                                   gasUsed    floor  ratio");
    for (const r of results) {
      console.log(
        `    ${r.label.padEnd(40)} ${r.gasUsed.toString().padStart(8)} ${r.floor.toString().padStart(8)}  ${r.ratio.toFixed(3)}`,
      );
    }
  });

  it("recognition actions stay within 1.25x of the floor", async () => {
    const registry = await viem.deployContract("RecognitionRegistry");
    const ten = recipients(10);
    const points = ten.map((_, i) => BigInt(10 + i));
    const ratios = [
      // Every direct action also bumps its scope's direct epoch (1 slot: new the first time, then changed),
      // which supersedes the signer's earlier signatures for that input (SignedActions).
      await measure("setRecognition, 10 entries, fresh", await registry.write.setRecognition([ten, points]), {
        fresh: 12,
        changed: 0,
      }),
      await measure(
        "setRecognition, 10 entries, changed",
        await registry.write.setRecognition([ten, points.map((p) => p + 1n)]),
        { fresh: 0, changed: 12 },
      ),
      await measure(
        "setRecognition, 10 new recipients",
        await registry.write.setRecognition([recipients(10, 100), points]),
        { fresh: 10, changed: 2 },
      ),
      await measure("setRecognitionEntry, new (stale slot)", await registry.write.setRecognitionEntry([ten[0], 7n]), {
        fresh: 0,
        changed: 3,
      }),
      await measure("setRecognitionEntry, change entry", await registry.write.setRecognitionEntry([ten[0], 8n]), {
        fresh: 0,
        changed: 3,
      }),
      await measure("revokeRecognition, one entry", await registry.write.revokeRecognition([ten[0]]), {
        fresh: 0,
        changed: 3,
      }),
      await measure("revokeAllRecognition", await registry.write.revokeAllRecognition(), { fresh: 0, changed: 2 }),
    ];
    for (const ratio of ratios) expect(ratio).to.be.at.most(TARGET_RATIO);
  });

  it("capacity and need actions stay within 1.25x of the floor", async () => {
    const capacities = await viem.deployContract("CapacityRegistry");
    const needs = await viem.deployContract("NeedRegistry");
    // The first declaration also creates the id counter; measure the steady state.
    await capacities.write.declareCapacity([capacityInput()]);
    await needs.write.declareNeed([needInput()]);
    const full = capacityInput({
      windowStart: 1_000n,
      windowEnd: 2_000n,
      location: encodeCode("MZ-P-01"),
      filterMode: FILTER_ALLOW,
      filterList: ascending(recipients(3)),
      minUnit: 10n,
      recurring: true,
    });
    const ratios = [
      // + 2 slots for the terms checkpoints: the array length and the first checkpoint; + 1 changed slot for
      // the declarations' direct epoch (SignedActions; new at the provider's first declaration, above).
      await measure("declareCapacity", await capacities.write.declareCapacity([capacityInput()]), {
        fresh: 6,
        changed: 2,
      }),
      await measure("declareCapacity, all fields, 3 filtered", await capacities.write.declareCapacity([full]), {
        fresh: 12,
        changed: 2,
      }),
      // A change in a later block adds a checkpoint (1 new slot) and changes the array length; the first
      // direct action on a capacity creates its direct epoch (1 new slot), later ones change it.
      await measure("updateCapacityQuantity", await capacities.write.updateCapacityQuantity([2n, 42n]), {
        fresh: 2,
        changed: 2,
      }),
      await measure("revokeCapacity", await capacities.write.revokeCapacity([2n]), { fresh: 1, changed: 3 }),
      await measure("declareNeed", await needs.write.declareNeed([needInput()]), { fresh: 6, changed: 2 }),
      await measure(
        "declareNeed, window and location",
        await needs.write.declareNeed([needInput({ windowStart: 1n, windowEnd: 9n, location: encodeCode("MZ-P-01") })]),
        { fresh: 7, changed: 2 },
      ),
      await measure("updateNeedQuantity", await needs.write.updateNeedQuantity([2n, 42n]), { fresh: 2, changed: 2 }),
      await measure("revokeNeed", await needs.write.revokeNeed([2n]), { fresh: 1, changed: 3 }),
    ];
    for (const ratio of ratios) expect(ratio).to.be.at.most(TARGET_RATIO);
  });

  it("signed variants stay within 1.25x of the floor plus the signature check", async () => {
    const [signer, relayer] = await viem.getWalletClients();
    const chainId = await publicClient.getChainId();
    const recognition = await viem.deployContract("RecognitionRegistry", [], { client: { wallet: relayer } });
    const capacities = await viem.deployContract("CapacityRegistry", [], { client: { wallet: relayer } });
    await capacities.write.declareCapacity([capacityInput()]);
    const a = signer.account.address;
    const ten = recipients(10);
    const points = ten.map((_, i) => BigInt(10 + i));
    const s1 = await signAction(signer, { chainId, registry: recognition.address }, "SetRecognition", {
      signer: a,
      recipients: ten,
      points,
      nonce: await nonceFor(recognition, a, "SetRecognition", {}),
      deadline: FAR_DEADLINE,
    });
    const input = capacityInput();
    const s2 = await signAction(signer, { chainId, registry: capacities.address }, "DeclareCapacity", {
      signer: a,
      capacity: input,
      nonce: await nonceFor(capacities, a, "DeclareCapacity", {}),
      deadline: FAR_DEADLINE,
    });
    // ecrecover (3,000) is part of any signature check; the nonce is one more new slot.
    const ECRECOVER = 3_000;
    const ratios = [
      await measure(
        "setRecognitionBySig, 10 entries, fresh",
        await recognition.write.setRecognitionBySig([a, ten, points, FAR_DEADLINE, s1]),
        { fresh: 12, changed: 0 },
        ECRECOVER,
      ),
      await measure(
        "declareCapacityBySig",
        await capacities.write.declareCapacityBySig([a, input, FAR_DEADLINE, s2]),
        { fresh: 7, changed: 1 },
        ECRECOVER,
      ),
    ];
    for (const ratio of ratios) expect(ratio).to.be.at.most(TARGET_RATIO);
  });
});
