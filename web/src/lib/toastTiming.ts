/** How long a settled toast stays on screen (ms); a pending one stays until it settles. */
export const TOAST_MS = { success: 6_000, warning: 12_000, error: 12_000 } as const;
