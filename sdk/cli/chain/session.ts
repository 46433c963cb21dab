/** Clients plus deployment for a chain command, in one call. */
import type { ChainFlags } from "./context.js";
import { clientsOf, loadDeployment, progressBar } from "./context.js";

export async function session(flags: ChainFlags, write: boolean) {
  const clients = await clientsOf(flags, write);
  const deployment = await loadDeployment(flags, clients.publicClient as never, clients.chainId);
  const read = { contracts: deployment.contracts, fromBlock: deployment.fromBlock, onProgress: progressBar(flags) };
  return { clients, deployment, contracts: deployment.contracts, read };
}
