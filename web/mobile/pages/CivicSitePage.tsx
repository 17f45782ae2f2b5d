// The page a 龙湾文明码 opens (/c/<token>): who runs the site, where it is, when it is open, whom to call, and
// what is on there this week.
// Large type and plain layout: many visitors are elderly.
import { Button, DotLoading, Image, Result, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { PublicSite } from '../../api/types';
import { SiteWeekActivities, useSiteWeek, type SiteWeekState } from '../activities/SiteWeekActivities';
import { SiteMenu } from '../activities/SiteMenu';
import { MobileHeader } from '../MobileHeader';
import { usePublicSite } from '../use-public-site';

export function CivicSitePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const { state, reload } = usePublicSite(token);
  // Fetched alongside the site, shown once the site is.
  const week = useSiteWeek(token);
  if (state.kind === 'ok') document.title = `${state.site.name} · ${t('brand')}`;
  return (
    <div className="wm-page">
      <MobileHeader />
      <main aria-busy={state.kind === 'loading'}>
        {state.kind === 'loading' && (
          <div className="wm-loading" role="status">
            <DotLoading color="primary" />
            <span>{t('loading')}</span>
          </div>
        )}
        {state.kind === 'ok' && <SiteDetails site={state.site} week={week} token={token} />}
        {state.kind === 'replaced' && (
          <Result
            status="warning"
            title={<h1 className="wm-result-title">{t('replaced.title')}</h1>}
            description={
              <>
                <p className="wm-result-body">{t('replaced.body')}</p>
                {state.siteName && <p className="wm-result-body">{t('replaced.site', { name: state.siteName })}</p>}
              </>
            }
          />
        )}
        {state.kind === 'unknown' && (
          <Result
            status="error"
            title={<h1 className="wm-result-title">{t('unknown.title')}</h1>}
            description={<p className="wm-result-body">{t('unknown.body')}</p>}
          />
        )}
        {state.kind === 'failed' && (
          <div>
            <Result
              status="waiting"
              title={<h1 className="wm-result-title">{t('failed.title')}</h1>}
              description={<p className="wm-result-body">{t('failed.body')}</p>}
            />
            <div className="wm-actions">
              <Button block color="primary" size="large" onClick={reload}>
                {t('retry')}
              </Button>
            </div>
          </div>
        )}
      </main>
      <footer className="wm-footer">{t('platform')}</footer>
    </div>
  );
}

function SiteDetails({ site, week, token }: { site: PublicSite; week: { state: SiteWeekState; reload: () => void }; token: string }) {
  const { t } = useTranslation();
  const dash = t('site.notProvided');
  // "永中街道 · 永昌社区新时代文明实践站": the street once, then the unit without repeating it.
  const unit = site.streetName && site.unitName.startsWith(site.streetName) && site.unitName !== site.streetName ? site.unitName.slice(site.streetName.length) : site.unitName;
  const belongsTo = [site.streetName, unit].filter((s, i, all) => s && all.indexOf(s) === i).join(' · ');
  return (
    <article className="wm-site">
      <section className="wm-card wm-hero">
        <h1 className="wm-site-name">{site.name}</h1>
        <div className="wm-tags">
          <Tag color="primary" fill="outline" className="wm-tag">
            {site.kindLabel || site.kind}
          </Tag>
          <Tag color={site.status === 'open' ? 'success' : 'warning'} fill="outline" className="wm-tag">
            {t(`site.status.${site.status}`)}
          </Tag>
        </div>
        <p className="wm-belongs">
          <span className="wm-label-inline">{t('site.belongsTo')}</span>
          {belongsTo || dash}
        </p>
      </section>

      <section className="wm-card">
        <dl className="wm-fields">
          <dt>{t('site.address')}</dt>
          <dd>{site.address || dash}</dd>
          <dt>{t('site.openingHours')}</dt>
          <dd>{site.openingHours || dash}</dd>
          <dt>{t('site.contact')}</dt>
          <dd>
            {site.contactName || (!site.contactPhone && dash)}
            {site.contactPhone && site.contactPhone.includes('*') && <span className="wm-phone">{site.contactPhone}</span>}
            {site.contactPhone && !site.contactPhone.includes('*') && (
              <a className="wm-call" href={`tel:${site.contactPhone}`} aria-label={t('site.callLabel', { phone: site.contactPhone })}>
                <span aria-hidden="true">☎</span> {site.contactPhone}
              </a>
            )}
          </dd>
          {site.lat != null && site.lng != null && (
            <>
              <dt>{t('site.location')}</dt>
              <dd>{t('site.coordinates', { lat: site.lat.toFixed(4), lng: site.lng.toFixed(4) })}</dd>
            </>
          )}
        </dl>
      </section>

      <SiteWeekActivities state={week.state} reload={week.reload} calendarUrl={`/api/calendars/sites/${encodeURIComponent(token)}.ics`} />
      <SiteMenu token={token} />

      {site.intro && (
        <section className="wm-card" aria-labelledby="wm-intro">
          <h2 id="wm-intro" className="wm-section-title">
            {t('site.intro')}
          </h2>
          <p className="wm-intro">{site.intro}</p>
        </section>
      )}

      {site.photos.length > 0 && (
        <section className="wm-card" aria-labelledby="wm-photos">
          <h2 id="wm-photos" className="wm-section-title">
            {t('site.photos')}
          </h2>
          <div className="wm-photos">
            {site.photos.map((src, i) => (
              <Image key={src} src={src} alt={t('site.photoAlt', { name: site.name, n: i + 1 })} fit="cover" lazy />
            ))}
          </div>
        </section>
      )}
    </article>
  );
}
