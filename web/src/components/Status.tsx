import { humanError } from "../chain/errors.js";

export function Loading({ what }: { what: string }) {
  return <p className="loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" /> Loading {what}…</p>;
}

export function Problem({ error }: { error: unknown }) {
  const h = humanError(error);
  return (
    <div className="banner error" role="alert">
      {h.title}
      {h.detail && <code className="detail">{h.detail}</code>}
    </div>
  );
}

export function NeedWallet({ what }: { what: string }) {
  return <div className="card empty-state"><h2>Connect a wallet</h2><p>Connect your organization’s wallet to {what}.</p></div>;
}
