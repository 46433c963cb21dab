/**
 * Network hook for Hardhat's `anvil` network (hardhat.config.ts): a sent transaction's hash is
 * returned only once its receipt exists.
 *
 * Why: EDR mines a transaction inside `eth_sendTransaction`, and the Hardhat tests rely on it —
 * `await contract.write.x()` then a read. Anvil's automine returns the hash first and mines right
 * after (when probed, 1 to 10 sends in 100 had no receipt yet), so such a read can see the state before
 * the transaction. Waiting here keeps the tests' meaning without rewriting every write; the SDK and
 * CLI do not go through this hook (they talk to Anvil with their own viem clients and wait for
 * receipts themselves, which the CLI tests on Anvil exercise).
 */
import type { NetworkHooks } from "hardhat/types/hooks";
import type { JsonRpcResponse } from "hardhat/types/providers";

const SEND_METHODS = new Set(["eth_sendTransaction", "eth_sendRawTransaction"]);
const POLL_MS = 5;
const TIMEOUT_MS = 30_000;

export default async (): Promise<Partial<NetworkHooks>> => ({
  async onRequest(context, connection, request, next) {
    const response = await next(context, connection, request);
    if (connection.networkName !== "anvil" || !SEND_METHODS.has(request.method)) return response;
    if (!("result" in response) || typeof response.result !== "string") return response;
    const hash = response.result;
    const until = Date.now() + TIMEOUT_MS;
    while (Date.now() < until) {
      const receipt: JsonRpcResponse = await next(context, connection, {
        jsonrpc: "2.0",
        id: request.id,
        method: "eth_getTransactionReceipt",
        params: [hash],
      });
      if ("result" in receipt && receipt.result !== null) return response;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`anvil: no receipt for ${hash} ${TIMEOUT_MS} ms after it was sent`);
  },
});
