// A volunteer's sign-ups (/m/me/activities): what is coming up and what is over, each with its state (已报名,
// 候补第 N 位, 已取消); a tap opens the activity. The chosen tab lives in the URL so the back button returns to it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Segmented, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { listMySignups, type ActivityLite, type MySignup } from '../../api/mobile-participation';
import { Link, navigate } from '../volunteer/navigation';
import { LoadFailed, LoadMore, Loading } from '../volunteer/page-states';
import { VolunteerFrame } from '../volunteer/VolunteerFrame';
import { placeText, signupStatusText, STATUS_COLOR, whenText } from './format';
import './participation.css';

type When = 'upcoming' | 'past';
type Row = { signup: MySignup; activity: ActivityLite };
type ListState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ok'; items: Row[]; nextCursor: string | null; more: 'idle' | 'loading' | 'failed' };

export function MyActivitiesPage() {
  const { t } = useTranslation();
  return (
    <VolunteerFrame title={t('participation.mine.title')} back="/m/me">
      {() => <MyActivities />}
    </VolunteerFrame>
  );
}

function MyActivities() {
  const { t } = useTranslation();
  const [when, setWhen] = useState<When>(() => (new URLSearchParams(window.location.search).get('when') === 'past' ? 'past' : 'upcoming'));
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    const ctrl = new AbortController();
    setList({ kind: 'loading' });
    listMySignups(when, null, ctrl.signal)
      .then((page) => id === request.current && setList({ kind: 'ok', items: page.items, nextCursor: page.nextCursor, more: 'idle' }))
      .catch((err: unknown) => !ctrl.signal.aborted && id === request.current && setList({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => ctrl.abort();
  }, [when, attempt]);

  const loadMore = useCallback(() => {
    if (list.kind !== 'ok' || !list.nextCursor || list.more === 'loading') return;
    const id = request.current;
    const have = list;
    setList({ ...have, more: 'loading' });
    listMySignups(when, have.nextCursor)
      .then((page) => {
        if (id !== request.current) return;
        const known = new Set(have.items.map((r) => r.signup.id));
        setList({ kind: 'ok', items: [...have.items, ...page.items.filter((r) => !known.has(r.signup.id))], nextCursor: page.nextCursor, more: 'idle' });
      })
      .catch(() => id === request.current && setList({ ...have, more: 'failed' }));
  }, [list, when]);

  return (
    <div aria-busy={list.kind === 'loading'}>
      <Segmented
        block
        className="wm-segmented"
        value={when}
        onChange={(v) => {
          const next = v as When;
          window.history.replaceState(null, '', next === 'past' ? '/m/me/activities?when=past' : '/m/me/activities');
          setWhen(next);
        }}
        options={[
          { label: t('participation.mine.upcoming'), value: 'upcoming' },
          { label: t('participation.mine.past'), value: 'past' },
        ]}
      />
      {list.kind === 'loading' && <Loading />}
      {list.kind === 'failed' && <LoadFailed message={list.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {list.kind === 'ok' && list.items.length === 0 && (
        <div className="wm-card">
          <p className="wm-intro">{when === 'upcoming' ? t('participation.mine.empty') : t('participation.mine.emptyPast')}</p>
          <div className="wm-form-actions">
            <Button block color="primary" size="large" onClick={() => navigate('/m/activities')}>
              {t('participation.mine.browse')}
            </Button>
          </div>
        </div>
      )}
      {list.kind === 'ok' && list.items.length > 0 && (
        <ul className="wm-pa-list">
          {list.items.map((r) => (
            <SignupItem key={r.signup.id} row={r} />
          ))}
        </ul>
      )}
      {list.kind === 'ok' && list.nextCursor && <LoadMore more={list.more} label={t('participation.loadMore')} onLoad={loadMore} />}
      {list.kind === 'ok' && !list.nextCursor && list.items.length > 0 && <p className="wm-pa-end">{t('participation.noMore')}</p>}
    </div>
  );
}

function SignupItem({ row: { signup: s, activity: a } }: { row: Row }) {
  const { t, i18n } = useTranslation();
  const place = placeText(a);
  return (
    <li data-testid="my-signup" aria-label={a.title}>
      <Link to={`/m/activities/${encodeURIComponent(a.id)}`} className="wm-pa-item">
        <div className="wm-pa-item-head">
          <h2 className="wm-pa-item-title">{a.title}</h2>
          <Tag color={STATUS_COLOR[s.status] ?? 'default'} fill="solid" className="wm-tag" style={{ flex: 'none' }}>
            {signupStatusText(t, s)}
          </Tag>
        </div>
        <p className="wm-pa-item-line">{whenText(a, i18n.language)}</p>
        {place && <p className="wm-pa-item-line wm-muted">{place}</p>}
        {a.status === 'cancelled' && <p className="wm-pa-item-line wm-warn">{t('participation.activity.cancelledNotice')}</p>}
      </Link>
    </li>
  );
}
