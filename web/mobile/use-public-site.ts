// Loads the public page of a civic code and sorts the outcome into what the page shows.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { PublicSite } from '../api/types';

export type PublicSiteState =
  | { kind: 'loading' }
  | { kind: 'ok'; site: PublicSite }
  | { kind: 'replaced'; siteName: string | null }
  | { kind: 'unknown' }
  | { kind: 'failed'; message: string };

export function usePublicSite(token: string): { state: PublicSiteState; reload: () => void } {
  const [state, setState] = useState<PublicSiteState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ kind: 'loading' });
    api<PublicSite>(`/api/public/sites/${encodeURIComponent(token)}`, { signal: ctrl.signal })
      .then((site) => setState({ kind: 'ok', site }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.code === 'code_replaced') {
          const d = err.details as { siteName?: unknown } | undefined;
          setState({ kind: 'replaced', siteName: typeof d?.siteName === 'string' ? d.siteName : null });
        } else if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
          setState({ kind: 'unknown' });
        } else {
          setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
        }
      });
    return () => ctrl.abort();
  }, [token, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
