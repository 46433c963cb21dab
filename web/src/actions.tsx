/**
 * Every write goes through `useAction`: it simulates first (so a revert is explained with its
 * decoded custom error before the wallet opens), sends, waits for the receipt, reports the outcome
 * in a toast and refreshes the data. In "sign" mode (Safe / multisig, or any signer who lets
 * someone else pay gas) the same action becomes an EIP-712 signature plus a relay payload anyone
 * can submit.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useConfig } from "wagmi";
import { getPublicClient, signTypedData, simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import type { Abi, Address, Hex, PublicClient, TypedDataDomain } from "viem";
import { humanError, type HumanError } from "./chain/errors.js";
import { gasLimitOf } from "../../sdk/chain/gas.js";
import { TOAST_MS } from "./lib/toastTiming.js";

export interface ContractCall {
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args: readonly unknown[];
}

/** How to express the same action as a signature: typed data, and the relayed call it authorizes. */
export interface SignedVariant {
  readonly domain: TypedDataDomain;
  readonly types: Record<string, readonly { name: string; type: string }[]>;
  readonly primaryType: string;
  /** The message without signer, nonce and deadline (filled in here). */
  readonly message: Record<string, unknown>;
  /** The signer's next nonce for this action (keyed by the input it changes: sdk `actionNonce`). */
  readonly nonceOf: (client: PublicClient, signer: Address) => Promise<bigint>;
  readonly relay: (signer: Address, deadline: bigint, signature: Hex) => ContractCall;
}

export interface SignedPayload {
  readonly label: string;
  readonly signer: Address;
  readonly call: ContractCall;
}

export type Toast = { id: number; kind: "pending" | "success" | "warning" | "error"; title: string; detail?: string };
export type WriteMode = "send" | "sign";

interface ActionState {
  toasts: Toast[];
  dismiss(id: number): void;
  mode: WriteMode;
  setMode(mode: WriteMode): void;
  /** Show a message that is not the outcome of an action (e.g. a warning). */
  notify(t: Omit<Toast, "id">): void;
  signed: SignedPayload[];
  clearSigned(index: number): void;
  /** `guard` runs first and throws (with a sentence for the person) to stop the action. */
  run(label: string, call: ContractCall, signed?: SignedVariant, guard?: () => Promise<void>): Promise<boolean>;
  relay(payload: SignedPayload): Promise<boolean>;
}

const ActionContext = createContext<ActionState | null>(null);

export function useActions(): ActionState {
  const s = useContext(ActionContext);
  if (!s) throw new Error("useActions outside ActionProvider");
  return s;
}

let nextToast = 1;

/** bigint-safe JSON for relay payloads: bigints as "123n". */
export function payloadToJson(p: SignedPayload): string {
  return JSON.stringify({ label: p.label, signer: p.signer, address: p.call.address, functionName: p.call.functionName, args: p.call.args }, (_k, v) =>
    typeof v === "bigint" ? `${v}n` : v,
  2);
}

export function ActionProvider({ children, account }: { children: ReactNode; account?: Address }) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [toasts, setToasts] = useState<Toast[]>([]);
  // The way of acting is part of the session: a reload keeps it.
  const [mode, setModeState] = useState<WriteMode>(() => (sessionStorage.getItem("fa.mode") === "sign" ? "sign" : "send"));
  const setMode = useCallback((m: WriteMode) => { sessionStorage.setItem("fa.mode", m); setModeState(m); }, []);
  const [signed, setSigned] = useState<SignedPayload[]>([]);

  // Every settled toast expires; the newest four are shown.
  const expire = useCallback((id: number, kind: Toast["kind"]) => {
    if (kind !== "pending") setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== id || x.kind === "pending")), TOAST_MS[kind]);
  }, []);
  const push = useCallback((t: Omit<Toast, "id">) => {
    const id = nextToast++;
    setToasts((ts) => [...ts.slice(-3), { ...t, id }]);
    expire(id, t.kind);
    return id;
  }, [expire]);
  const replace = useCallback((id: number, t: Omit<Toast, "id">) => {
    setToasts((ts) => ts.map((x) => (x.id === id ? { ...t, id } : x)));
    expire(id, t.kind);
  }, [expire]);
  const notify = useCallback((t: Omit<Toast, "id">) => { push(t); }, [push]);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((x) => x.id !== id)), []);

  const send = useCallback(
    async (label: string, call: ContractCall, from: Address): Promise<boolean> => {
      const id = push({ kind: "pending", title: `${label}: checking…` });
      try {
        const { request } = await simulateContract(config, { ...call, account: from } as never);
        // The SDK's gas rule (sdk/chain/gas.ts): a node's estimate can miss a new checkpoint slot.
        const estimate = await getPublicClient(config)!.estimateContractGas({ ...call, account: from } as never);
        replace(id, { kind: "pending", title: `${label}: confirm in your wallet…` });
        const hash = await writeContract(config, { ...(request as object), gas: gasLimitOf(estimate) } as never);
        replace(id, { kind: "pending", title: `${label}: waiting for the block…`, detail: hash });
        const receipt = await waitForTransactionReceipt(config, { hash });
        if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
        replace(id, { kind: "success", title: `${label}: done (block ${receipt.blockNumber}).` });
        await queryClient.invalidateQueries();
        return true;
      } catch (error) {
        const h: HumanError = humanError(error);
        replace(id, { kind: "error", title: `${label} failed. ${h.title}`, detail: h.detail });
        return false;
      }
    },
    [config, push, replace, queryClient],
  );

  const run = useCallback(
    async (label: string, call: ContractCall, variant?: SignedVariant, guard?: () => Promise<void>): Promise<boolean> => {
      if (!account) {
        push({ kind: "error", title: "Connect a wallet first." });
        return false;
      }
      try {
        await guard?.();
      } catch (error) {
        const h = humanError(error);
        push({ kind: "error", title: `${label}: not sent. ${h.title}`, detail: h.detail });
        return false;
      }
      if (mode === "send" || !variant) return send(label, call, account);
      const id = push({ kind: "pending", title: `${label}: sign in your wallet…` });
      try {
        const nonce = await variant.nonceOf(getPublicClient(config) as PublicClient, account);
        const deadline = BigInt(Math.floor(Date.now() / 1000) + 86_400);
        const signature = await signTypedData(config, {
          account,
          domain: variant.domain,
          types: variant.types,
          primaryType: variant.primaryType,
          message: { signer: account, ...variant.message, nonce, deadline },
        } as never);
        setSigned((s) => [...s, { label, signer: account, call: variant.relay(account, deadline, signature) }]);
        replace(id, { kind: "success", title: `${label}: signed. Anyone can relay it (see "Signed actions").` });
        return true;
      } catch (error) {
        const h = humanError(error);
        replace(id, { kind: "error", title: `${label}: not signed. ${h.title}`, detail: h.detail });
        return false;
      }
    },
    [account, mode, send, config, push, replace],
  );

  const relay = useCallback(
    async (payload: SignedPayload) => {
      if (!account) {
        push({ kind: "error", title: "Connect any wallet to relay (it pays the gas; the signer acts)." });
        return false;
      }
      return send(`Relay “${payload.label}”`, payload.call, account);
    },
    [account, push, send],
  );

  const clearSigned = useCallback((index: number) => setSigned((s) => s.filter((_, i) => i !== index)), []);

  return (
    <ActionContext.Provider value={{ toasts, dismiss, notify, mode, setMode, signed, clearSigned, run, relay }}>{children}</ActionContext.Provider>
  );
}
