/**
 * Network hook for Hardhat's `anvil` network (hardhat.config.ts), so that the Hardhat tests mean on
 * Anvil what they mean on EDR:
 *
 * - A sent transaction's hash is returned only once it is mined. EDR mines inside
 *   `eth_sendTransaction`, and the tests rely on it (`await contract.write.x()` then a read); Anvil's
 *   automine returns the hash first (when probed, 1 to 10 sends in 100 had no receipt yet). So
 *   `npm run test:anvil` starts Anvil without automine and this hook mines each sent transaction
 *   with `evm_mine`, which answers once the block is made — no polling.
 * - Every `eth_estimateGas` gets the SDK's gas margin (sdk/chain/gas.ts). Anvil estimates at its
 *   latest block's timestamp, so a change right after another to the same capacity or need is
 *   estimated as an in-place checkpoint update and then runs out of gas writing a new slot in the
 *   next second (CI failed twice that way: a revoke that reverted, so no event; an SDK update that
 *   reverted). The SDK adds the margin itself; the tests that write through Hardhat's clients do
 *   not. test/chain/gas.test.ts shows the SDK's margin on an Anvil this hook does not touch.
 *
 * The CLI tests do not go through this hook: they start their own automining node and the CLI
 * waits for receipts itself.
 */
import type { NetworkHooks } from "hardhat/types/hooks";
import type { JsonRpcResponse } from "hardhat/types/providers";
import { gasLimitOf } from "../../sdk/chain/gas.js";

const SEND_METHODS = new Set(["eth_sendTransaction", "eth_sendRawTransaction"]);

export default async (): Promise<Partial<NetworkHooks>> => ({
  async onRequest(context, connection, request, next) {
    const response = await next(context, connection, request);
    if (connection.networkName !== "anvil") return response;
    if (request.method === "eth_estimateGas" && "result" in response && typeof response.result === "string") {
      return { ...response, result: `0x${gasLimitOf(BigInt(response.result)).toString(16)}` };
    }
    if (!SEND_METHODS.has(request.method)) return response;
    if (!("result" in response) || typeof response.result !== "string") return response;
    const hash = response.result;
    const call = (method: string, params: unknown[]): Promise<JsonRpcResponse> =>
      next(context, connection, { jsonrpc: "2.0", id: request.id, method, params });
    const mined = await call("evm_mine", []);
    if ("error" in mined) throw new Error(`anvil: evm_mine after ${hash} failed: ${JSON.stringify(mined.error)}`);
    const receipt = await call("eth_getTransactionReceipt", [hash]);
    if (!("result" in receipt) || receipt.result === null) {
      throw new Error(`anvil: ${hash} is not in the block evm_mine made (is the node started with --no-mining?)`);
    }
    return response;
  },
});
