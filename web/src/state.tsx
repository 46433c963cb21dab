/** Shared data of every page: the deployment, the chain head, rounds and snapshots (react-query). */
import { createContext, useContext, useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useBlockNumber, usePublicClient } from "wagmi";
import type { PublicClient } from "viem";
import type { Deployment } from "./chain/deployment.js";
import { readSnapshot, type ChainSnapshot } from "./chain/snapshot.js";
import { readRoundLedger, readRounds, type RoundInfo, type RoundLedgerView, type RoundsState } from "./chain/ledger.js";
import { computeRound, type RoundComputation } from "./chain/verify.js";

export const DeploymentContext = createContext<Deployment | null>(null);

export function useDeployment(): Deployment {
  const d = useContext(DeploymentContext);
  if (!d) throw new Error("useDeployment outside DeploymentContext");
  return d;
}

export function useClient(): PublicClient {
  const client = usePublicClient();
  if (!client) throw new Error("no public client for the deployment's chain");
  return client as PublicClient;
}

/** The latest block number, watched (polls the node). */
export function useHead() {
  return useBlockNumber({ watch: { pollingInterval: 1_500 } as never, query: { refetchInterval: 1_500 } });
}

export function useRounds() {
  const d = useDeployment();
  const client = useClient();
  const head = useHead().data;
  return useQuery<RoundsState>({
    queryKey: ["rounds", head?.toString()],
    queryFn: () => readRounds(client, d),
    enabled: head !== undefined,
    placeholderData: (prev) => prev,
  });
}

/** The engine's view of the chain at `block` (the head when undefined). */
export function useSnapshot(block: bigint | undefined) {
  const d = useDeployment();
  const client = useClient();
  return useQuery<ChainSnapshot>({
    queryKey: ["snapshot", block?.toString()],
    queryFn: () => readSnapshot(client, d, block!),
    enabled: block !== undefined,
    placeholderData: (prev) => prev,
    staleTime: Infinity,
  });
}

export function useHeadSnapshot() {
  return useSnapshot(useHead().data);
}

/** A round's commitments and their progress (re-read on every new block). */
export function useRoundLedger(round: RoundInfo | undefined) {
  const d = useDeployment();
  const client = useClient();
  const head = useHead().data;
  return useQuery<RoundLedgerView>({
    queryKey: ["ledger", round?.round.toString(), head?.toString()],
    queryFn: () => readRoundLedger(client, d, round!),
    enabled: round !== undefined && head !== undefined,
    placeholderData: (prev) => prev,
  });
}

/** FA-2 (the default protocol) on the round's snapshot, computed in the browser. */
export function useRoundComputation(snapshot: ChainSnapshot | undefined): { computation?: RoundComputation; error?: Error } {
  return useMemo(() => {
    if (!snapshot) return {};
    try {
      return { computation: computeRound(snapshot) };
    } catch (error) {
      return { error: error as Error };
    }
  }, [snapshot]);
}
