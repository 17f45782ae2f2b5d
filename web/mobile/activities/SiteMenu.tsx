// "服务菜单" on a site's civic-code page: the published services offered there (the site's own, and the whole-unit
// services of its unit and the units above). Part of the page a QR opens, so it stays tiny: plain fetch, the
// antd-mobile pieces the page already uses, inline styles for its few rules. Ordering comes in a later slice.
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { serviceCategoryLabel } from '../../../common/service-categories';
import { siteMenu } from '../../api/menu';
import { SectionStatus, useSectionList } from './section-list';

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
  const { state, reload } = useSectionList(token, siteMenu);

  return (
    <section className="wm-card" aria-labelledby="wm-menu" aria-busy={state.kind === 'loading'} data-testid="site-menu">
      <h2 id="wm-menu" className="wm-section-title">
        {t('serviceMenu.title')}
      </h2>
      <SectionStatus state={state} reload={reload} failedText={t('serviceMenu.failed')} emptyText={t('serviceMenu.empty')} />
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
