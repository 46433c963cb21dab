import { expect } from "chai";
import { createPublicClient, custom, HttpRequestError, type PublicClient } from "viem";
import { declareCapacity, readSnapshot, type ProgressEvent } from "../../sdk/chain/index.js";
import { deployFreeAssociation } from "../helpers/chain.js";

/** A public client over the same chain whose eth_getLogs fails (HTTP 503) `failures` times first. */
async function flakyClient(failures: number) {
  const f = await deployFreeAssociation();
  const transport = await f.publicClient.transport;
  let left = failures;
  let getLogsCalls = 0;
  const client = createPublicClient({
    transport: custom(
      {
        async request({ method, params }: { method: string; params?: unknown }) {
          if (method === "eth_getLogs") {
            getLogsCalls++;
            if (left-- > 0) throw new HttpRequestError({ url: "http://flaky.invalid", status: 503 });
          }
          return transport.request({ method, params } as never);
        },
      },
      { retryCount: 0 },
    ),
  }) as PublicClient;
  return { f, client, calls: () => getLogsCalls };
}

describe("readSnapshot over a faulty RPC", () => {
  it("retries failed log chunks with backoff and reports progress to the end", async () => {
    const { f, client, calls } = await flakyClient(2);
    await declareCapacity(f.as(0), { contracts: f.contracts, capacity: { sector: "WASH", unit: "litre", quantity: 5n } });
    const block = await client.getBlockNumber();
    const events: ProgressEvent[] = [];
    const snap = await readSnapshot(client, { contracts: f.contracts, block, fromBlock: f.fromBlock, chunkSize: 2n, onProgress: (e) => events.push(e) });
    expect(snap.capacities).to.have.length(1);
    const chunks = Math.ceil(Number(block - f.fromBlock + 1n) / 2);
    expect(calls()).to.equal(chunks + 2);
    const logs = events.filter((e) => e.phase === "logs");
    expect(logs.at(-1)).to.deep.include({ done: logs[0].total, total: Number(block - f.fromBlock + 1n) });
    for (let i = 1; i < logs.length; i++) expect(logs[i].done).to.be.greaterThan(logs[i - 1].done);
  });

  it("gives up with a typed error when the faults persist", async () => {
    const { f, client } = await flakyClient(100);
    const block = await client.getBlockNumber();
    let caught: any;
    try {
      await readSnapshot(client, { contracts: f.contracts, block, fromBlock: f.fromBlock, retries: 2 });
    } catch (e) {
      caught = e;
    }
    expect(caught?.name).to.equal("ChainError");
    expect(caught.code).to.equal("RPC_UNREACHABLE");
    expect(caught.details.attempts).to.equal(3);
  });
});
