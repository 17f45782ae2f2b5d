// The two list sections of a site's civic-code page (本周活动, 服务菜单) load the same way: fetch once per token,
// show loading, a retry on failure, or an empty line. Kept here once; tiny on purpose (the QR page's budget).
import { useCallback, useEffect, useState } from 'react';
import { Button, DotLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

export type SectionState<T> = { kind: 'loading' } | { kind: 'ok'; items: T[] } | { kind: 'failed' };

/** Loads `load(token)` and reloads on demand; an answer for an earlier token is dropped. */
export function useSectionList<T>(token: string, load: (token: string, signal: AbortSignal) => Promise<{ items: T[] }>): { state: SectionState<T>; reload: () => void } {
  const [state, setState] = useState<SectionState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ kind: 'loading' });
    load(token, ctrl.signal)
      .then((r) => setState({ kind: 'ok', items: r.items }))
      .catch(() => !ctrl.signal.aborted && setState({ kind: 'failed' }));
    return () => ctrl.abort();
  }, [token, attempt, load]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

/** Loading, failure (with retry) and empty states; renders nothing once there are items. */
export function SectionStatus<T>({ state, reload, failedText, emptyText }: { state: SectionState<T>; reload: () => void; failedText: string; emptyText: string }) {
  const { t } = useTranslation();
  if (state.kind === 'loading')
    return (
      <p className="wm-muted" role="status" style={{ margin: 0 }}>
        <DotLoading color="primary" /> {t('loading')}
      </p>
    );
  if (state.kind === 'failed')
    return (
      <div role="alert">
        <p className="wm-intro">{failedText}</p>
        <Button size="middle" onClick={reload} style={{ marginTop: 8 }}>
          {t('retry')}
        </Button>
      </div>
    );
  if (state.items.length === 0) return <p className="wm-intro wm-muted">{emptyText}</p>;
  return null;
}
