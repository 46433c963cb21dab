/**
 * A modal question before an action that takes effect on chain and cannot be undone by the app
 * (revoke, withdraw): says what it does and what stops counting when. `useConfirm()` resolves to
 * true only when the person presses the action's own button.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

export interface ConfirmRequest {
  readonly title: string;
  /** What happens, in sentences (one paragraph each). */
  readonly body: readonly string[];
  /** The confirming button's label, e.g. "Revoke on chain". */
  readonly action: string;
}

type Ask = (request: ConfirmRequest) => Promise<boolean>;
const ConfirmContext = createContext<Ask | null>(null);

export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error("useConfirm outside ConfirmProvider");
  return ask;
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<ConfirmRequest & { resolve: (ok: boolean) => void }>();
  const dialog = useRef<HTMLDialogElement>(null);
  const ask = useCallback<Ask>((r) => new Promise<boolean>((resolve) => setRequest({ ...r, resolve })), []);
  useEffect(() => {
    const el = dialog.current;
    if (request && el && !el.open) el.showModal();
  }, [request]);
  const close = (ok: boolean) => {
    request?.resolve(ok);
    setRequest(undefined);
    dialog.current?.close();
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      <dialog ref={dialog} className="confirm" aria-labelledby="confirm-title" onCancel={(e) => { e.preventDefault(); close(false); }}>
        {request && (
          <>
            <h2 id="confirm-title">{request.title}</h2>
            {request.body.map((p, i) => <p key={i}>{p}</p>)}
            <div className="row end">
              <button autoFocus onClick={() => close(false)}>Cancel</button>
              <button className="danger" onClick={() => close(true)}>{request.action}</button>
            </div>
          </>
        )}
      </dialog>
    </ConfirmContext.Provider>
  );
}
