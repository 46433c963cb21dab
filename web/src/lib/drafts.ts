/**
 * Unpublished work (drafts) belongs to one organization: stored in this browser under the chain and
 * the account's address, so a reload keeps it and another account never sees it. Pure storage
 * functions (unit-tested) plus a hook that re-renders when any draft changes.
 */
import { useCallback, useSyncExternalStore } from "react";

/** What a draft remembers: the edited value and the on-chain value it was started from. */
export interface Draft<T> {
  readonly value: T;
  /** A fingerprint of the on-chain value the draft edits, to tell when the chain moved underneath. */
  readonly base: string;
  readonly savedAt: number;
}

/** Human names of the draft kinds, for warnings. */
export const DRAFT_LABELS: Record<string, string> = {
  recognition: "recognition",
  "capacity-form": "capacity form",
  "need-form": "need form",
};

const PREFIX = "fa.draft";
const EVENT = "fa-drafts-changed";

export function draftKey(chainId: number, account: string, kind: string): string {
  return `${PREFIX}:${chainId}:${account.toLowerCase()}:${kind}`;
}

function storage(): Storage | undefined {
  try {
    return typeof window !== "undefined" ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

function changed() {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(EVENT));
}

export function loadDraft<T>(chainId: number, account: string, kind: string, store = storage()): Draft<T> | undefined {
  const raw = store?.getItem(draftKey(chainId, account, kind));
  if (!raw) return undefined;
  try {
    const d = JSON.parse(raw) as Draft<T>;
    return d && typeof d === "object" && "value" in d ? d : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft<T>(chainId: number, account: string, kind: string, value: T, base: string, store = storage()) {
  store?.setItem(draftKey(chainId, account, kind), JSON.stringify({ value, base, savedAt: Date.now() } satisfies Draft<T>));
  changed();
}

export function clearDraft(chainId: number, account: string, kind: string, store = storage()) {
  store?.removeItem(draftKey(chainId, account, kind));
  changed();
}

/** The kinds of draft `account` has on `chainId` (e.g. ["recognition", "need-form"]). */
export function draftKinds(chainId: number, account: string, store = storage()): string[] {
  if (!store) return [];
  const prefix = `${PREFIX}:${chainId}:${account.toLowerCase()}:`;
  const kinds: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(prefix)) kinds.push(k.slice(prefix.length));
  }
  return kinds.sort();
}

export function clearDrafts(chainId: number, account: string, store = storage()) {
  for (const kind of draftKinds(chainId, account, store)) store?.removeItem(draftKey(chainId, account, kind));
  changed();
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The draft kinds the account has, kept current (comma-joined for a stable snapshot). */
export function useDraftKinds(chainId: number, account: string | undefined): string[] {
  const snapshot = useCallback(() => (account ? draftKinds(chainId, account).join(",") : ""), [chainId, account]);
  const joined = useSyncExternalStore(subscribe, snapshot, () => "");
  return joined ? joined.split(",") : [];
}
