/**
 * Rounds on a fixed schedule (issue 8, item 5): round r opens at start + (r − 1)·L by the clock alone,
 * its snapshot is the second before, and nothing anybody sends can move either. The SDK's
 * `blockAtTime` finds the block whose end state the contracts' terms lookup at a time returns.
 */
import { expect } from "chai";
import { network } from "hardhat";
import type { PublicClient } from "viem";
import { blockAtTime, encodeCode, roundOpensAt } from "../sdk/chain/index.js";

const LENGTH = 3600n;
const MAX_UINT64 = 2n ** 64n - 1n;

/** Undoes each test's clock moves: on Anvil every connection shares one node (and its clock). */
const restorers: { restore(): Promise<void> }[] = [];

async function deployRounds(length = LENGTH) {
  const connection = await network.create();
  const { viem, networkHelpers } = connection;
  restorers.push(await networkHelpers.takeSnapshot());
  const start = BigInt(await networkHelpers.time.latest()) + 100n;
  const rounds = await viem.deployContract("Rounds", [start, length]);
  const publicClient = await viem.getPublicClient();
  return { connection, viem, networkHelpers, rounds, publicClient, start };
}

describe("Rounds", () => {
  afterEach(async () => {
    for (const r of restorers.splice(0).reverse()) await r.restore();
  });

  describe("constructor", () => {
    it("rejects a zero round length and a zero start", async () => {
      const { viem } = await network.create();
      const probe = await viem.deployContract("Rounds", [1n, 1n]);
      await viem.assertions.revertWithCustomError(viem.deployContract("Rounds", [1_000n, 0n]), probe, "ZeroRoundLength");
      await viem.assertions.revertWithCustomError(viem.deployContract("Rounds", [0n, 1_000n]), probe, "ZeroStart");
    });

    it("exposes the schedule, and no round before its start", async () => {
      const { rounds, start } = await deployRounds();
      expect(await rounds.read.start()).to.equal(start);
      expect(await rounds.read.roundLength()).to.equal(LENGTH);
      expect(await rounds.read.currentRound()).to.equal(0n);
      expect(await rounds.read.nextOpenTime()).to.equal(start);
      expect(await rounds.read.CLOCK_MODE()).to.equal("mode=timestamp");
    });

    it("has no function a transaction could call: nobody opens a round", async () => {
      const { rounds } = await deployRounds();
      const writable = rounds.abi.filter((f) => f.type === "function" && f.stateMutability !== "view" && f.stateMutability !== "pure");
      expect(writable.map((f) => (f as { name: string }).name)).to.deep.equal([]);
    });
  });

  describe("the schedule", () => {
    it("opens round 1 at the start and round 2 one length later, by the clock alone", async () => {
      const { networkHelpers, rounds, start } = await deployRounds();
      await networkHelpers.time.increaseTo(start - 1n);
      expect(await rounds.read.currentRound()).to.equal(0n);
      await networkHelpers.time.increaseTo(start);
      expect(await rounds.read.currentRound()).to.equal(1n);
      expect(await rounds.read.roundInfo([1n])).to.deep.equal([start, start - 1n]);
      expect(await rounds.read.nextOpenTime()).to.equal(start + LENGTH);
      await networkHelpers.time.increaseTo(start + LENGTH);
      expect(await rounds.read.currentRound()).to.equal(2n);
      expect(await rounds.read.roundInfo([2n])).to.deep.equal([start + LENGTH, start + LENGTH - 1n]);
    });

    it("does not drift: after a thousand rounds in which nobody sent anything, round r opened at start + (r − 1)·L", async () => {
      const L = 60n; // minute rounds: a thousand of them move the clock by less than a day
      const { networkHelpers, rounds, start } = await deployRounds(L);
      await networkHelpers.time.increaseTo(start + 1000n * L + 17n);
      expect(await rounds.read.currentRound()).to.equal(1001n);
      for (const r of [1n, 2n, 500n, 1001n]) {
        expect(await rounds.read.roundInfo([r])).to.deep.equal([start + (r - 1n) * L, start + (r - 1n) * L - 1n]);
        expect(roundOpensAt({ start, roundLength: L }, r)).to.equal(start + (r - 1n) * L);
      }
      expect(await rounds.read.nextOpenTime()).to.equal(start + 1001n * L);
    });

    it("gives every round the same snapshot whoever sends whatever, whenever, in any block", async () => {
      const { viem, networkHelpers, rounds, publicClient, start } = await deployRounds();
      const [a, b] = await viem.getWalletClients();
      await networkHelpers.time.increaseTo(start + LENGTH + 5n); // round 2
      const seen: unknown[] = [];
      for (const sender of [a, b, a]) {
        await sender.sendTransaction({ to: b.account.address, value: 1n }); // any transaction, any sender
        const block = await publicClient.getBlockNumber();
        seen.push(await rounds.read.roundInfo([2n], { blockNumber: block, account: sender.account }));
      }
      await networkHelpers.time.increase(LENGTH * 5n); // and much later
      seen.push(await rounds.read.roundInfo([2n]));
      expect(seen).to.deep.equal(Array(4).fill([start + LENGTH, start + LENGTH - 1n]));
    });

    it("reverts roundInfo for round 0 and for a round not opened yet", async () => {
      const { viem, networkHelpers, rounds, start } = await deployRounds();
      await viem.assertions.revertWithCustomErrorWithArgs(rounds.read.roundInfo([1n]), rounds, "RoundNotOpened", [1n, 0n]);
      await networkHelpers.time.increaseTo(start);
      await viem.assertions.revertWithCustomErrorWithArgs(rounds.read.roundInfo([0n]), rounds, "RoundNotOpened", [0n, 1n]);
      await viem.assertions.revertWithCustomErrorWithArgs(rounds.read.roundInfo([2n]), rounds, "RoundNotOpened", [2n, 1n]);
    });

    it("does not overflow with a huge round length: round 1 runs for ever", async () => {
      const { networkHelpers, rounds, start } = await deployRounds(MAX_UINT64);
      await networkHelpers.time.increaseTo(start + 86_400n);
      expect(await rounds.read.currentRound()).to.equal(1n);
      expect(await rounds.read.nextOpenTime()).to.equal(MAX_UINT64);
      expect(await rounds.read.roundInfo([1n])).to.deep.equal([start, start - 1n]);
      expect(roundOpensAt({ start, roundLength: MAX_UINT64 }, 2n)).to.equal(MAX_UINT64);
    });
  });

  describe("the SDK's blockAtTime agrees with the contracts' terms lookup", () => {
    /**
     * A capacity's quantity changes in blocks at times T−2, T−1 and T+1 (and, where the node allows
     * it, in a second block at T−1); for every time around T the terms the registry returns for that
     * time equal its terms at the end of the block blockAtTime names.
     */
    async function check(sharedTimestamp: boolean) {
      const connection = await network.create(sharedTimestamp ? { override: { allowBlocksWithSameTimestamp: true } } : undefined);
      const { viem, networkHelpers } = connection;
      restorers.push(await networkHelpers.takeSnapshot());
      const publicClient = (await viem.getPublicClient()) as unknown as PublicClient;
      const capacities = await viem.deployContract("CapacityRegistry");
      const input = {
        sector: encodeCode("WASH"), unit: encodeCode("litre"), quantity: 100n, windowStart: 0n, windowEnd: 0n,
        location: `0x${"0".repeat(64)}` as const, filterMode: 0, filterList: [], minUnit: 0n, recurring: false,
      };
      const T = BigInt(await networkHelpers.time.latest()) + 100n;
      await networkHelpers.time.setNextBlockTimestamp(T - 2n);
      await capacities.write.declareCapacity([input]);
      await networkHelpers.time.setNextBlockTimestamp(T - 1n);
      await capacities.write.updateCapacityQuantity([1n, 200n]);
      if (sharedTimestamp) {
        await networkHelpers.time.setNextBlockTimestamp(T - 1n);
        await capacities.write.updateCapacityQuantity([1n, 250n]);
      }
      await networkHelpers.time.setNextBlockTimestamp(T + 1n);
      await capacities.write.updateCapacityQuantity([1n, 300n]);
      await networkHelpers.time.increaseTo(T + 3n);
      const quantities: bigint[] = [];
      for (let t = T - 3n; t <= T + 2n; t++) {
        const [, viaContract] = await capacities.read.capacityTermsAt([1n, t]);
        const { block } = await blockAtTime(publicClient, t);
        const [, atBlock] = await capacities.read.capacityTerms([1n], { blockNumber: block });
        expect(atBlock, `time T${t - T >= 0n ? "+" : ""}${t - T}, block ${block}`).to.equal(viaContract);
        quantities.push(viaContract);
      }
      // T−3: not declared; T−2: 100; T−1 and T: the last block at T−1; T+1, T+2: 300.
      const atSnapshot = sharedTimestamp ? 250n : 200n;
      expect(quantities).to.deep.equal([0n, 100n, atSnapshot, atSnapshot, 300n, 300n]);
    }

    it("for a capacity changed in blocks around the boundary", async () => {
      await check(false);
    });

    it("when several blocks share the snapshot second (the last of them counts)", async function () {
      const { networkConfig } = await network.create();
      if (networkConfig.type !== "edr-simulated") this.skip(); // only EDR can be told to allow it
      await check(true);
    });
  });
});
