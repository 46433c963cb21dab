import { useEffect, useRef, useState } from "react";
import { useAccount, useChainId, useConnect, useDisconnect, useSwitchChain, type Connector } from "wagmi";
import type { Address } from "viem";
import { ActionProvider, useActions } from "./actions.js";
import { useDeployment, useHead } from "./state.js";
import { nameOf, shortAddress } from "./chain/deployment.js";
import { Toasts } from "./components/Toasts.js";
import { ConfirmProvider } from "./components/Confirm.js";
import { DRAFT_LABELS, draftKinds, useDraftKinds } from "./lib/drafts.js";
import { humanError } from "./chain/errors.js";
import { SignedActions } from "./components/SignedActions.js";
import { Overview } from "./pages/Overview.js";
import { MyOrganization } from "./pages/MyOrganization.js";
import { Allocations } from "./pages/Allocations.js";
import { Audit } from "./pages/Audit.js";
import { Tasks } from "./pages/Tasks.js";

const PAGES = [
  { id: "tasks", label: "Tasks" },
  { id: "overview", label: "Overview" },
  { id: "org", label: "My organization" },
  { id: "allocations", label: "Allocations" },
  { id: "audit", label: "Audit" },
] as const;
type PageId = (typeof PAGES)[number]["id"];

function pageFromHash(): PageId {
  const id = window.location.hash.replace(/^#\/?/, "");
  return (PAGES.find((p) => p.id === id)?.id ?? "overview") as PageId;
}

export function App() {
  const d = useDeployment();
  const { address } = useAccount();
  const [page, setPage] = useState<PageId>(pageFromHash);
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  // Connecting with no page chosen in the URL opens "Your tasks" first.
  useEffect(() => {
    if (address && window.location.hash.replace(/^#\/?/, "") === "") window.location.hash = "#/tasks";
  }, [address]);

  const drafts = useDraftKinds(d.chainId, address);
  // Leaving (closing, reloading, navigating away) with unpublished work asks first; drafts are kept
  // in this browser, but nothing of them is on chain yet.
  useEffect(() => {
    if (drafts.length === 0) return;
    const onLeave = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ""; };
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [drafts.length]);

  return (
    <ActionProvider account={address}>
    <ConfirmProvider>
      <AccountSwitchWarning />
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">◎</span>
          <span>Free Association</span>
        </div>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a key={p.id} href={`#/${p.id}`} aria-current={page === p.id ? "page" : undefined}>
              {p.label}
              {p.id === "org" && drafts.length > 0 && (
                <span className="dot" title={`Unpublished: ${drafts.map((k) => DRAFT_LABELS[k] ?? k).join(", ")}`} data-testid="unsaved-dot">
                  <span aria-hidden="true">•</span><span className="sr-only"> (unpublished changes)</span>
                </span>
              )}
            </a>
          ))}
        </nav>
        <Wallet />
      </header>
      <NetworkStatus />
      <main id="main" tabIndex={-1}>
        {page === "tasks" && <Tasks />}
        {page === "overview" && <Overview />}
        {page === "org" && <MyOrganization />}
        {page === "allocations" && <Allocations />}
        {page === "audit" && <Audit />}
        <SignedActions />
      </main>
      <footer className="footer">
        Chain {d.chainId}{d.local ? " (local Hardhat)" : ""} · ledger {shortAddress(d.contracts.ledger)} · protocol FA-2 computed in your browser
      </footer>
      <Toasts />
    </ConfirmProvider>
    </ActionProvider>
  );
}

/**
 * One organization's unpublished work never follows the wallet to another: the pages are keyed by
 * account, and when another account connects this says what was set aside (it stays with its owner).
 */
function AccountSwitchWarning() {
  const d = useDeployment();
  const { address } = useAccount();
  const { notify } = useActions();
  const last = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!address) return;
    const before = last.current;
    last.current = address;
    if (!before || before.toLowerCase() === address.toLowerCase()) return;
    const kinds = draftKinds(d.chainId, before);
    if (kinds.length === 0) return;
    const who = nameOf(d, before);
    notify({
      kind: "warning",
      title: `${who}'s unpublished ${kinds.map((k) => DRAFT_LABELS[k] ?? k).join(" and ")} changes were not carried over to ${nameOf(d, address)}.`,
      detail: `They stay with ${who} in this browser: connect as ${who} to publish or discard them.`,
    });
  }, [address, d, notify]);
  return null;
}

function Wallet() {
  const d = useDeployment();
  const { address, connector, isConnected } = useAccount();
  const { connectors, connectAsync, isPending } = useConnect();
  const { disconnect, disconnectAsync } = useDisconnect();
  const { mode, setMode } = useActions();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  // The menu closes only once connected; a failure stays visible where it happened.
  async function connectWith(c: Connector) {
    setProblem(undefined);
    try {
      await connectAsync({ connector: c });
      setOpen(false);
    } catch (error) {
      setProblem(connectProblem(error));
    }
  }
  const injectedConnectors = connectors.filter((c) => c.type !== "dev-account");
  const devConnectors = connectors.filter((c) => c.type === "dev-account");
  const devSigns = d.devAccounts.find((a) => a.address.toLowerCase() === address?.toLowerCase())?.signs !== false;
  const canSign = connector?.type !== "dev-account" || devSigns;
  useEffect(() => { if (!canSign && mode === "sign") setMode("send"); }, [canSign, mode, setMode]);

  if (isConnected && address) {
    return (
      <div className="wallet">
        <label className="mode">
          <span className="sr-only">How to act</span>
          <select value={canSign ? mode : "send"} onChange={(e) => setMode(e.target.value as "send" | "sign")} aria-label="How to act"
                  aria-describedby={canSign ? undefined : "cannot-sign"}>
            <option value="send">Send transactions</option>
            <option value="sign" disabled={!canSign}>Sign for relaying (Safe)</option>
          </select>
          {!canSign && (
            <span id="cannot-sign" className="hint small" data-testid="cannot-sign">
              This dev account cannot sign: the local node only impersonates it (it sends its transactions but holds no key).
              To try signing, use a Hardhat account (FA_SEED=small).
            </span>
          )}
        </label>
        <span className="account" title={address} data-testid="account">
          {connector?.type === "dev-account" && <span className="badge dev">DEV</span>}
          {nameOf(d, address)}
        </span>
        {connector?.type === "dev-account" && (
          // Like switching accounts inside a wallet: the address changes without disconnecting.
          <label className="mode"><span className="sr-only">Switch dev account</span>
            <select aria-label="Switch dev account" value={connector.uid} onChange={async (e) => {
              const next = devConnectors.find((c) => c.uid === e.target.value);
              if (!next) return;
              await connectWith(next);
              await disconnectAsync({ connector });
            }}>
              {devConnectors.map((c) => <option key={c.uid} value={c.uid}>{c.name}</option>)}
            </select>
          </label>
        )}
        <button className="ghost" onClick={() => disconnect()}>Disconnect</button>
      </div>
    );
  }
  // The generic "injected" connector needs window.ethereum; EIP-6963 wallets announce themselves.
  const hasInjected = typeof window !== "undefined" && (window as { ethereum?: unknown }).ethereum !== undefined;
  const walletConnectors = injectedConnectors.filter((c) => c.id !== "injected" || hasInjected);
  return (
    <div className="wallet">
      <button className="primary" aria-expanded={open} aria-controls="connect-menu" onClick={() => setOpen(!open)}>
        {isPending ? "Connecting…" : "Connect wallet"}
      </button>
      {open && (
        <div id="connect-menu" className="menu" role="dialog" aria-label="Connect a wallet" onKeyDown={(e) => { if (e.key === "Escape") setOpen(false); }}>
          <h3>Your wallet</h3>
          {walletConnectors.map((c) => (
            <button key={c.uid} onClick={() => void connectWith(c)}>
              {c.name === "Injected" ? "Browser wallet (MetaMask, Rabby…)" : c.name}
            </button>
          ))}
          {walletConnectors.length === 0 && (
            <div className="no-wallet" data-testid="no-wallet">
              <p><strong>No browser wallet found.</strong> This browser has no wallet extension (none answered as <code>window.ethereum</code> or announced itself).</p>
              <p className="hint">Install one such as MetaMask or Rabby, add chain {d.chainId} ({d.rpcUrl}), import your organization’s account, then reload this page.
                {devConnectors.length > 0 ? " On this local chain you can also act as a dev account below." : ""}</p>
            </div>
          )}
          {devConnectors.length > 0 && (
            <>
              <h3>Dev accounts — local Hardhat chain only</h3>
              <p className="hint">Public Hardhat test keys held by the local node. Never use them on a real chain.</p>
              <DevAccountPicker connectors={devConnectors} onPick={(c) => void connectWith(c)} />
            </>
          )}
          {problem && <p className="error" role="alert" data-testid="connect-error">{problem}</p>}
        </div>
      )}
    </div>
  );
}

/** A connection failure in words (wagmi's "Provider not found. Version: …" means no wallet answered). */
function connectProblem(error: unknown): string {
  const name = (error as { name?: string }).name;
  if (name === "ProviderNotFoundError") return "No browser wallet answered. Install or unlock a wallet extension, then reload this page.";
  return humanError(error).title;
}

function DevAccountPicker({ connectors, onPick }: { connectors: readonly Connector[]; onPick: (c: Connector) => void }) {
  const [uid, setUid] = useState(connectors[0]?.uid);
  const chosen = connectors.find((c) => c.uid === uid);
  return (
    <div className="row">
      <label className="field grow"><span>Act as</span>
        <select value={uid} onChange={(e) => setUid(e.target.value)}>
          {connectors.map((c) => <option key={c.uid} value={c.uid}>{c.name}</option>)}
        </select>
      </label>
      <button className="dev-connector" disabled={!chosen} onClick={() => chosen && onPick(chosen)}>Connect dev account</button>
    </div>
  );
}

function NetworkStatus() {
  const d = useDeployment();
  const { isConnected, chainId } = useAccount();
  const configured = useChainId();
  const { switchChain, isPending } = useSwitchChain();
  const head = useHead();
  if (head.isError) {
    return (
      <div className="banner error" role="alert">
        The chain's RPC node at {d.rpcUrl} does not answer. Data shown may be stale, and nothing can be sent until it is back.
      </div>
    );
  }
  if (isConnected && chainId !== undefined && chainId !== configured) {
    return (
      <div className="banner warn" role="alert">
        Your wallet is on chain {chainId}; Free Association runs on chain {configured}.{" "}
        <button className="primary" disabled={isPending} onClick={() => switchChain({ chainId: configured })}>
          Switch network
        </button>
      </div>
    );
  }
  return null;
}
