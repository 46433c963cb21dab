import { useActions } from "../actions.js";

/** Outcome of every action, announced to screen readers (polite for progress, assertive for errors). */
export function Toasts() {
  const { toasts, dismiss } = useActions();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === "error" ? "alert" : "status"} data-testid={`toast-${t.kind}`}>
          <div>
            <strong>{t.title}</strong>
            {t.detail && <code className="detail">{t.detail}</code>}
          </div>
          {t.kind !== "pending" && (
            <button className="ghost small" aria-label="Dismiss" onClick={() => dismiss(t.id)}>×</button>
          )}
        </div>
      ))}
    </div>
  );
}
