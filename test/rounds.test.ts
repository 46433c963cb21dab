import { expect } from "chai";
import { network } from "hardhat";

const LENGTH = 3600n;

async function deployRounds() {
  const { viem, networkHelpers } = await network.create();
  const rounds = await viem.deployContract("Rounds", [LENGTH]);
  const publicClient = await viem.getPublicClient();
  return { viem, networkHelpers, rounds, publicClient };
}

describe("Rounds", () => {
  describe("constructor", () => {
    it("rejects a zero round length", async () => {
      const { viem } = await network.create();
      const probe = await viem.deployContract("Rounds", [1n]);
      await viem.assertions.revertWithCustomError(viem.deployContract("Rounds", [0n]), probe, "ZeroRoundLength");
    });

    it("exposes the configured length and no round yet", async () => {
      const { rounds } = await deployRounds();
      expect(await rounds.read.roundLength()).to.equal(LENGTH);
      expect(await rounds.read.currentRound()).to.equal(0n);
      expect(await rounds.read.nextOpenTime()).to.equal(0n);
    });
  });

  describe("openRound", () => {
    it("opens the first round at once, snapshotting the previous block", async () => {
      const { viem, rounds, publicClient } = await deployRounds();
      const hash = await rounds.write.openRound();
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber });
      await viem.assertions.emitWithArgs(hash, rounds, "RoundOpened", [
        1n,
        block.timestamp,
        receipt.blockNumber - 1n,
      ]);
      expect(await rounds.read.currentRound()).to.equal(1n);
      expect(await rounds.read.roundInfo([1n])).to.deep.equal([block.timestamp, receipt.blockNumber - 1n]);
      expect(await rounds.read.nextOpenTime()).to.equal(block.timestamp + LENGTH);
    });

    it("refuses the next round until the current one has run its length", async () => {
      const { viem, networkHelpers, rounds, publicClient } = await deployRounds();
      const hash = await rounds.write.openRound();
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      const openedAt = (await publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
      const opensAt = openedAt + LENGTH;
      await networkHelpers.time.setNextBlockTimestamp(opensAt - 1n);
      await viem.assertions.revertWithCustomErrorWithArgs(rounds.write.openRound(), rounds, "RoundStillRunning", [
        1n,
        opensAt,
        opensAt - 1n,
      ]);
      await networkHelpers.time.setNextBlockTimestamp(opensAt);
      const second = await rounds.write.openRound();
      const secondBlock = (await publicClient.waitForTransactionReceipt({ hash: second })).blockNumber;
      await viem.assertions.emitWithArgs(second, rounds, "RoundOpened", [2n, opensAt, secondBlock - 1n]);
      expect(await rounds.read.roundInfo([2n])).to.deep.equal([opensAt, secondBlock - 1n]);
      expect(await rounds.read.currentRound()).to.equal(2n);
    });

    it("can be called by anyone", async () => {
      const { viem, rounds } = await deployRounds();
      const [, stranger] = await viem.getWalletClients();
      await rounds.write.openRound({ account: stranger.account });
      expect(await rounds.read.currentRound()).to.equal(1n);
    });
  });

  describe("roundInfo", () => {
    it("reverts for a round not yet opened, and for round 0", async () => {
      const { viem, rounds } = await deployRounds();
      await viem.assertions.revertWithCustomErrorWithArgs(rounds.read.roundInfo([1n]), rounds, "RoundNotOpened", [
        1n,
        0n,
      ]);
      await rounds.write.openRound();
      await viem.assertions.revertWithCustomErrorWithArgs(rounds.read.roundInfo([0n]), rounds, "RoundNotOpened", [
        0n,
        1n,
      ]);
    });
  });
});
