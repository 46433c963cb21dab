import { useEffect, useState } from "react";
import { useAccount, useChainId, useConnect, useDisconnect, useSwitchChain, type Connector } from "wagmi";
import type { Abi, Address } from "viem";
import { ActionProvider, useActions } from "./actions.js";
import { useDeployment, useHead } from "./state.js";
import { nameOf, shortAddress } from "./chain/deployment.js";
import { capacitiesAbi, ledgerAbi, needsAbi, recognitionAbi, roundsAbi } from "./chain/abi.js";
import { Toasts } from "./components/Toasts.js";
import { SignedActions } from "./components/SignedActions.js";
import { Overview } from "./pages/Overview.js";
import { MyOrganization } from "./pages/MyOrganization.js";
import { Allocations } from "./pages/Allocations.js";
import { Audit } from "./pages/Audit.js";

const PAGES = [
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
  const abiFor = (a: Address): Abi | undefined => {
    const c = d.contracts;
    const map: Record<string, Abi> = {
      [c.recognition.toLowerCase()]: recognitionAbi,
      [c.capacities.toLowerCase()]: capacitiesAbi,
      [c.needs.toLowerCase()]: needsAbi,
      [c.rounds.toLowerCase()]: roundsAbi,
      [c.ledger.toLowerCase()]: ledgerAbi,
    };
    return map[a.toLowerCase()];
  };

  return (
    <ActionProvider account={address} abiFor={abiFor}>
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
            </a>
          ))}
        </nav>
        <Wallet />
      </header>
      <NetworkStatus />
      <main id="main" tabIndex={-1}>
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
    </ActionProvider>
  );
}

function Wallet() {
  const d = useDeployment();
  const { address, connector, isConnected } = useAccount();
  const { connectors, connect, isPending, error } = useConnect();
  const { disconnect } = useDisconnect();
  const { mode, setMode } = useActions();
  const [open, setOpen] = useState(false);

  if (isConnected && address) {
    return (
      <div className="wallet">
        <label className="mode">
          <span className="sr-only">How to act</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as "send" | "sign")} aria-label="How to act">
            <option value="send">Send transactions</option>
            <option value="sign">Sign for relaying (Safe)</option>
          </select>
        </label>
        <span className="account" title={address} data-testid="account">
          {connector?.type === "dev-account" && <span className="badge dev">DEV</span>}
          {nameOf(d, address)}
        </span>
        <button className="ghost" onClick={() => disconnect()}>Disconnect</button>
      </div>
    );
  }
  const injectedConnectors = connectors.filter((c) => c.type !== "dev-account");
  const devConnectors = connectors.filter((c) => c.type === "dev-account");
  return (
    <div className="wallet">
      <button className="primary" aria-expanded={open} aria-controls="connect-menu" onClick={() => setOpen(!open)}>
        {isPending ? "Connecting…" : "Connect wallet"}
      </button>
      {open && (
        <div id="connect-menu" className="menu" role="dialog" aria-label="Connect a wallet" onKeyDown={(e) => { if (e.key === "Escape") setOpen(false); }}>
          <h3>Your wallet</h3>
          {injectedConnectors.map((c) => (
            <button key={c.uid} onClick={() => { connect({ connector: c }); setOpen(false); }}>
              {c.name === "Injected" ? "Browser wallet (MetaMask, Rabby…)" : c.name}
            </button>
          ))}
          {devConnectors.length > 0 && (
            <>
              <h3>Dev accounts — local Hardhat chain only</h3>
              <p className="hint">Public Hardhat test keys held by the local node. Never use them on a real chain.</p>
              <DevAccountPicker connectors={devConnectors} onPick={(c) => { connect({ connector: c }); setOpen(false); }} />
            </>
          )}
          {error && <p className="error" role="alert">{error.message}</p>}
        </div>
      )}
    </div>
  );
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
