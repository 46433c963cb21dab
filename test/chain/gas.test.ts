/**
 * sdk/chain/gas.ts: every SDK write is sent with the estimate plus one checkpoint slot, because a node
 * estimates at its latest block's timestamp while the transaction lands in a later block. Shown on an
 * Anvil of its own (no test hook) that makes a block every second as a real chain does: a change to a
 * capacity in the block after its declaration is the case that runs out of gas without the margin.
 */
import { expect } from "chai";
import { createPublicClient, createWalletClient, http, type Account, type Address, type HttpTransport, type PublicClient, type WalletClient } from "viem";
import { foundry } from "viem/chains";
import { abis } from "../../sdk/chain/contracts.js";
import { capacityRegistryBytecode } from "../../sdk/chain/bytecode.js";
import { declareCapacity, updateCapacityQuantity, type ChainClients } from "../../sdk/chain/index.js";
import { CHECKPOINT_GAS_MARGIN } from "../../sdk/chain/gas.js";
import { freePort, startNode, type LocalNode } from "../../scripts/web/localChain.js";
import { DEV_ACCOUNTS } from "../../scripts/web/seed.js";

describe("the gas limit of SDK writes (a new checkpoint slot the estimate misses)", function () {
  this.timeout(120_000);

  let node: LocalNode;
  let clients: ChainClients;
  let publicClient: PublicClient;
  let walletClient: WalletClient<HttpTransport, typeof foundry, Account>;
  let capacities: Address;
  const account = DEV_ACCOUNTS[0];

  before(async () => {
    node = await startNode(await freePort(), () => {}, "anvil", "interval");
    publicClient = createPublicClient({ transport: http(node.url), pollingInterval: 200 }) as PublicClient;
    walletClient = createWalletClient({ transport: http(node.url), account, chain: foundry });
    clients = { publicClient, walletClient } as unknown as ChainClients;
    const hash = await walletClient.deployContract({ abi: abis.capacities, bytecode: capacityRegistryBytecode, chain: null });
    capacities = (await publicClient.waitForTransactionReceipt({ hash })).contractAddress!;
  });
  after(() => node?.stop());

  /** Declares a capacity. Blocks come a second apart, so the next change to it lands a second later. */
  async function declare(): Promise<{ capacityId: bigint; blockNumber: bigint }> {
    const { capacityId, receipt } = await declareCapacity(clients, { contracts: { capacities } as any, capacity: { sector: "WASH", unit: "litre", quantity: 500n } });
    return { capacityId, blockNumber: receipt.blockNumber };
  }

  it("a node's bare estimate runs out of gas when the change writes a new checkpoint slot", async () => {
    const { capacityId, blockNumber } = await declare();
    const call = { address: capacities, abi: abis.capacities, functionName: "updateCapacityQuantity", args: [capacityId, 400n], account } as const;
    // The estimate a wallet gets while the declaration's block is the latest, pinned to that block: under
    // load the next (empty) block may already be mined by now, and an estimate there would take the new
    // slot's path (the race that made this test fail in CI once).
    const estimate = await publicClient.estimateContractGas({ ...call, blockNumber });
    const hash = await walletClient.writeContract({ ...call, gas: estimate });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).to.equal("reverted");
    // What it needed beyond the estimate is one new slot, which the margin covers.
    const needed = await publicClient.estimateContractGas(call);
    const shortBy = Number(needed - estimate);
    expect(shortBy).to.be.greaterThan(20_000).and.lessThan(Number(CHECKPOINT_GAS_MARGIN));
  });

  it("the SDK sends the same change with the margin, and it lands", async () => {
    const { capacityId } = await declare();
    const { receipt } = await updateCapacityQuantity(clients, { contracts: { capacities } as any, capacityId, quantity: 400n });
    expect(receipt.status).to.equal("success");
    const terms = (await publicClient.readContract({ address: capacities, abi: abis.capacities, functionName: "capacityTerms", args: [capacityId] })) as readonly unknown[];
    expect(terms[1]).to.equal(400n);
  });
});
