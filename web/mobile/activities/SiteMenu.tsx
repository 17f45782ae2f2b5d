// "服务菜单" on a site's civic-code page: the published services offered there (the site's own, and the whole-unit
// services of its unit and the units above). Part of the page a QR opens, so it stays tiny: plain fetch, the
// antd-mobile pieces the page already uses, inline styles for its few rules. Ordering comes in a later slice.
import { useCallback, useEffect, useState } from 'react';
import { Button, DotLoading, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { serviceCategoryLabel } from '../../../common/service-categories';
import { siteMenu, type PublicMenuItem } from '../../api/menu';

type State = { kind: 'loading' } | { kind: 'ok'; items: PublicMenuItem[] } | { kind: 'failed' };

const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
const row = { padding: '12px 0', borderTop: '1px solid #f0f0f0' } as const;
const title = { fontSize: 20, fontWeight: 600, lineHeight: 1.4, margin: '0 0 6px', color: 'var(--wm-ink)' } as const;
const tags = { display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 6 } as const;
const line = { margin: '2px 0 0', fontSize: 17, lineHeight: 1.5 } as const;
const label = { color: 'var(--wm-muted)', marginRight: 4 } as const;
const body = { margin: '6px 0 0', fontSize: 17, lineHeight: 1.5, color: 'var(--wm-muted)', whiteSpace: 'pre-line' } as const;

export function SiteMenu({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ kind: 'loading' });
    siteMenu(token, ctrl.signal)
      .then((r) => setState({ kind: 'ok', items: r.items }))
      .catch(() => !ctrl.signal.aborted && setState({ kind: 'failed' }));
    return () => ctrl.abort();
  }, [token, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return (
    <section className="wm-card" aria-labelledby="wm-menu" aria-busy={state.kind === 'loading'} data-testid="site-menu">
      <h2 id="wm-menu" className="wm-section-title">
        {t('serviceMenu.title')}
      </h2>
      {state.kind === 'loading' && (
        <p className="wm-muted" role="status" style={{ margin: 0 }}>
          <DotLoading color="primary" /> {t('loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <div role="alert">
          <p className="wm-intro">{t('serviceMenu.failed')}</p>
          <Button size="middle" onClick={reload} style={{ marginTop: 8 }}>
            {t('retry')}
          </Button>
        </div>
      )}
      {state.kind === 'ok' && state.items.length === 0 && <p className="wm-intro wm-muted">{t('serviceMenu.empty')}</p>}
      {state.kind === 'ok' && state.items.length > 0 && (
        <ul style={list}>
          {state.items.map((m) => (
            <li key={m.id} style={row}>
              <h3 style={title}>{m.title}</h3>
              <div style={tags}>
                <Tag color="primary" fill="outline" className="wm-tag">
                  {serviceCategoryLabel(m.category, lang)}
                </Tag>
                {m.homeVisit && (
                  <Tag color="success" fill="outline" className="wm-tag">
                    {t('serviceMenu.homeVisit')}
                  </Tag>
                )}
              </div>
              <p style={line}>
                <span style={label}>{t('serviceMenu.provider')}</span>
                {m.provider || m.teamName || m.unitName}
              </p>
              {m.availability && (
                <p style={line}>
                  <span style={label}>{t('serviceMenu.availability')}</span>
                  {m.availability}
                </p>
              )}
              {m.description && <p style={body}>{m.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
