// "本周活动" on a site's civic-code page: what is on at this site this week (Monday–Sunday, Shanghai). Part of the
// page a QR opens, so it stays tiny: plain fetch, no new components, inline styles for its few rules.
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { siteWeekActivities, type PublicActivity } from '../../api/mobile-activities';
import { Link } from '../volunteer/navigation';
import { dayLabel, timeRange, topicText } from './activity-format';
import { SectionStatus, useSectionList, type SectionState } from './section-list';

export type SiteWeekState = SectionState<PublicActivity>;

/** Started by the page together with the site itself, so both arrive at once. */
export function useSiteWeek(token: string): { state: SiteWeekState; reload: () => void } {
  return useSectionList(token, siteWeekActivities);
}

const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
const row = { padding: '10px 0', borderTop: '1px solid #f0f0f0' } as const;
const when = { fontSize: 17, color: 'var(--wm-muted)' } as const;
const title = { fontSize: 19, fontWeight: 600, lineHeight: 1.4, margin: '2px 0 4px', color: '#a8071a' } as const;
// Each row opens the activity's page (sign-up, booking); the whole row is the target, for unsteady fingers.
const open = { display: 'block', color: 'inherit', textDecoration: 'none' } as const;

/** `calendarUrl`: the site's iCalendar feed, offered so people can keep its activities in their phone's calendar. */
export function SiteWeekActivities({ state, reload, calendarUrl }: { state: SiteWeekState; reload: () => void; calendarUrl?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="wm-card" aria-labelledby="wm-week" aria-busy={state.kind === 'loading'} data-testid="site-week">
      <h2 id="wm-week" className="wm-section-title">
        {t('activities.thisWeek')}
      </h2>
      <SectionStatus state={state} reload={reload} failedText={t('activities.weekFailed')} emptyText={t('activities.weekEmpty')} />
      {state.kind === 'ok' && state.items.length > 0 && (
        <ul style={list}>
          {state.items.map((a) => (
            <li key={a.id} style={row}>
              <Link to={`/m/activities/${encodeURIComponent(a.id)}`} style={open}>
                <div style={when}>
                  {dayLabel(a.startsAt, lang)} {timeRange(a, lang)}
                  {(a.status === 'finished' || a.status === 'in_progress') && ` · ${t(a.status === 'finished' ? 'activities.finished' : 'activities.inProgress')}`}
                </div>
                <div style={title}>{a.title}</div>
                <Tag color="primary" fill="outline" className="wm-tag">
                  {topicText(a, lang)}
                </Tag>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to="/m/activities" className="wm-link-button" style={{ display: 'inline-block', paddingLeft: 0 }}>
        {t('activities.more')}
      </Link>
      {calendarUrl && (
        <a href={calendarUrl} className="wm-link-button" style={{ display: 'inline-block' }}>
          {t('activities.addCalendar')}
        </a>
      )}
    </section>
  );
}
