// Upcoming activities and classes on the phone (/m/activities): published activities by start time, filtered by
// street, station, topic and date (kept in the URL so a link or the back button brings the same list), one day
// heading per date, and "加载更多" for the next page (keyset cursor). No sign-in. Large type for elderly readers.
// Each card opens the activity's own page (/m/activities/:id).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { listPublicActivities, type PublicActivity } from '../../api/mobile-activities';
import { searchStations, type StationChoice } from '../../api/mobile-volunteer';
import { MobileHeader } from '../MobileHeader';
import { Link } from '../volunteer/navigation';
import { LoadFailed, LoadMore, Loading } from '../volunteer/page-states';
import { apiFilter, filtersFromSearch, searchOf, type Filters } from './activity-filters';
import { dayLabel, localDate, placeOf, timeRange, topicText } from './activity-format';
import { FilterBar } from './FilterBar';
import './activities.css';

type ListState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ok'; items: PublicActivity[]; nextCursor: string | null; more: 'idle' | 'loading' | 'failed' };

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function ActivitiesPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(window.location.search));
  const [stations, setStations] = useState<StationChoice[]>([]);
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Answers to an older filter (or page) are dropped: only the newest request may change the list.
  const request = useRef(0);

  useEffect(() => {
    document.title = `${t('activities.title')} · ${t('brand')}`;
  }, [t]);

  useEffect(() => {
    const ctrl = new AbortController();
    // Names for the street and station choices; the list works without them (the chips then show codes).
    searchStations({ limit: 200 }, ctrl.signal)
      .then((r) => setStations(r.items))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);

  useEffect(() => {
    const id = ++request.current;
    const ctrl = new AbortController();
    setList({ kind: 'loading' });
    listPublicActivities(apiFilter(filters), null, ctrl.signal)
      .then((page) => id === request.current && setList({ kind: 'ok', items: page.items, nextCursor: page.nextCursor, more: 'idle' }))
      .catch((err: unknown) => !ctrl.signal.aborted && id === request.current && setList({ kind: 'failed', message: messageOf(err) }));
    return () => ctrl.abort();
  }, [filters, attempt]);

  const change = (next: Filters) => {
    window.history.replaceState(null, '', `/m/activities${searchOf(next)}`);
    setFilters(next);
  };

  const loadMore = useCallback(() => {
    if (list.kind !== 'ok' || !list.nextCursor || list.more === 'loading') return;
    const id = request.current;
    const have = list;
    setList({ ...have, more: 'loading' });
    listPublicActivities(apiFilter(filters), have.nextCursor)
      .then((page) => {
        if (id !== request.current) return;
        const known = new Set(have.items.map((a) => a.id));
        setList({ kind: 'ok', items: [...have.items, ...page.items.filter((a) => !known.has(a.id))], nextCursor: page.nextCursor, more: 'idle' });
      })
      .catch(() => id === request.current && setList({ ...have, more: 'failed' }));
  }, [list, filters]);

  return (
    <div className="wm-page">
      <MobileHeader back="/m/" />
      <main className="wm-main wm-act" aria-busy={list.kind === 'loading'}>
        <h1 className="wm-page-title">{t('activities.title')}</h1>
        <p className="wm-act-intro">{t('activities.intro')}</p>
        <FilterBar filters={filters} stations={stations} onChange={change} />
        {list.kind === 'loading' && <Loading />}
        {list.kind === 'failed' && <LoadFailed message={list.message} onRetry={() => setAttempt((n) => n + 1)} />}
        {list.kind === 'ok' && list.items.length === 0 && <p className="wm-card wm-act-empty">{t('activities.empty')}</p>}
        {list.kind === 'ok' && list.items.length > 0 && <ActivityDays items={list.items} />}
        {list.kind === 'ok' && list.nextCursor && <LoadMore more={list.more} label={t('activities.loadMore')} onLoad={loadMore} />}
        {list.kind === 'ok' && !list.nextCursor && list.items.length > 0 && <p className="wm-act-end">{t('activities.noMore')}</p>}
      </main>
      <footer className="wm-footer">{t('platform')}</footer>
    </div>
  );
}

/** The activities under one heading per local day, in the order the API gives (by start time). */
function ActivityDays({ items }: { items: PublicActivity[] }) {
  const { i18n } = useTranslation();
  const days: { date: string; items: PublicActivity[] }[] = [];
  for (const a of items) {
    const date = localDate(a.startsAt);
    if (days.at(-1)?.date === date) days.at(-1)!.items.push(a);
    else days.push({ date, items: [a] });
  }
  return (
    <div className="wm-stack">
      {days.map((d) => (
        <section key={d.date} aria-label={dayLabel(d.items[0].startsAt, i18n.language)} className="wm-stack">
          <h2 className="wm-act-day-title">{dayLabel(d.items[0].startsAt, i18n.language)}</h2>
          <ul className="wm-stack wm-act-list">
            {d.items.map((a) => (
              <ActivityCard key={a.id} a={a} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

// The whole card is the link to the activity's page: one big target for unsteady fingers.
const openCard = { display: 'block', color: 'inherit', textDecoration: 'none', margin: -16, padding: 16, borderRadius: 12 } as const;

function ActivityCard({ a }: { a: PublicActivity }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const place = placeOf(a);
  const places = [a.volunteerSlots > 0 && t('activities.volunteerSlots', { n: a.volunteerSlots }), a.citizenPlaces > 0 && t('activities.citizenPlaces', { n: a.citizenPlaces })].filter(Boolean);
  return (
    <li className="wm-card wm-act-card" aria-label={a.title} data-testid="activity">
      <Link to={`/m/activities/${encodeURIComponent(a.id)}`} style={openCard}>
        <div className="wm-act-when">
          {/* The day is the heading above the card. */}
          <strong>{timeRange(a, lang)}</strong>
          {a.status === 'in_progress' && (
            <Tag color="success" fill="solid" className="wm-tag" style={{ marginLeft: 8 }}>
              {t('activities.inProgress')}
            </Tag>
          )}
        </div>
        <h3 className="wm-act-title" style={{ color: '#a8071a' }}>
          {a.title}
        </h3>
        <div className="wm-tags" style={{ marginBottom: 4 }}>
          <Tag color="primary" fill="outline" className="wm-tag">
            {topicText(a, lang)}
          </Tag>
          {a.brands.slice(0, 3).map((b) => (
            <Tag key={b} color="warning" fill="outline" className="wm-tag">
              {b}
            </Tag>
          ))}
        </div>
        {place && <p className="wm-act-line">{t('activities.place', { place })}</p>}
        <p className="wm-act-line wm-muted">{t('activities.organizer', { name: a.teamName ? `${a.unitName} · ${a.teamName}` : a.unitName })}</p>
        {places.length > 0 && <p className="wm-act-line wm-muted">{places.join(' · ')}</p>}
      </Link>
    </li>
  );
}
