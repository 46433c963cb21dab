/**
 * scripts/test/minedOnReturn.ts: on the network the tests run on (EDR, or Anvil under
 * `npm run test:anvil`), a transaction sent through Hardhat's connection is mined when the send
 * returns — what every `await contract.write.x()` followed by a read relies on. Without the hook,
 * Anvil fails this (1 to 10 sends in 100 had no receipt yet when probed).
 */
import { expect } from "chai";
import { network } from "hardhat";

describe("a sent transaction is mined when the send returns", () => {
  it("holds for 100 sends in a row", async () => {
    const { viem } = await network.create();
    const publicClient = await viem.getPublicClient();
    const [from, to] = await viem.getWalletClients();
    let unmined = 0;
    for (let i = 0; i < 100; i++) {
      const hash = await from.sendTransaction({ to: to.account.address, value: 1n });
      const receipt = await publicClient.getTransactionReceipt({ hash }).catch(() => null);
      if (receipt === null) unmined++;
    }
    expect(unmined).to.equal(0);
  });
});
