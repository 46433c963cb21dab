/**
 * The chain's state at a block, for the pages: sdk/chain's readSnapshot (logs replayed, cross-checked
 * against the views at that block) plus the per-item fields the lists show.
 */
import type { PublicClient } from "viem";
import { readSnapshot as sdkReadSnapshot, type Snapshot } from "../../../sdk/chain/index.js";
import type { Deployment } from "./deployment.js";
import { toChainSnapshot } from "./adapt.js";
import type { ChainSnapshot } from "./types.js";

export type { ChainCapacity, ChainNeed, ChainSnapshot } from "./types.js";

export async function readSnapshot(client: PublicClient, d: Deployment, block: bigint): Promise<ChainSnapshot> {
  const snapshot: Snapshot = await sdkReadSnapshot(client, { contracts: d.contracts, block, fromBlock: d.fromBlock });
  return toChainSnapshot(snapshot, d.names);
}
