// A volunteer's messages (/m/notifications): reminders, waiting-list promotions, hour decisions and the like,
// newest first. Unread ones stand out; a tap marks one read and opens its link; "全部标为已读" clears them all.
import '../volunteer/antd-react19';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { listNotifications, markNotificationsRead, type Notification } from '../../api/mobile-participation';
import { navigate, safeNext } from '../volunteer/navigation';
import { LoadFailed, LoadMore, Loading } from '../volunteer/page-states';
import { VolunteerFrame } from '../volunteer/VolunteerFrame';
import { dateTime } from './format';
import './participation.css';

type ListState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ok'; items: Notification[]; unread: number; nextCursor: string | null; more: 'idle' | 'loading' | 'failed' };

export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <VolunteerFrame title={t('participation.notifications.title')} back="/m/me">
      {() => <Notifications />}
    </VolunteerFrame>
  );
}

/** Only pages of this app are followed (a link may be stored as a full URL of this deployment). */
function appPath(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    const path = url.pathname + url.search;
    return safeNext(path, '') || null;
  } catch {
    return null;
  }
}

function Notifications() {
  const { t } = useTranslation();
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [marking, setMarking] = useState(false);
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    const ctrl = new AbortController();
    setList({ kind: 'loading' });
    listNotifications(null, ctrl.signal)
      .then((page) => id === request.current && setList({ kind: 'ok', items: page.items, unread: page.unread, nextCursor: page.nextCursor, more: 'idle' }))
      .catch((err: unknown) => !ctrl.signal.aborted && id === request.current && setList({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => ctrl.abort();
  }, [attempt]);

  const loadMore = useCallback(() => {
    if (list.kind !== 'ok' || !list.nextCursor || list.more === 'loading') return;
    const id = request.current;
    const have = list;
    setList({ ...have, more: 'loading' });
    listNotifications(have.nextCursor)
      .then((page) => {
        if (id !== request.current) return;
        const known = new Set(have.items.map((n) => n.id));
        setList({ ...have, items: [...have.items, ...page.items.filter((n) => !known.has(n.id))], unread: page.unread, nextCursor: page.nextCursor, more: 'idle' });
      })
      .catch(() => id === request.current && setList({ ...have, more: 'failed' }));
  }, [list]);

  const markAll = async () => {
    if (list.kind !== 'ok') return;
    setMarking(true);
    try {
      const r = await markNotificationsRead();
      const now = new Date().toISOString();
      setList((l) => (l.kind === 'ok' ? { ...l, unread: r.unread, items: l.items.map((n) => (n.readAt ? n : { ...n, readAt: now })) } : l));
      Toast.show({ icon: 'success', content: t('participation.notifications.marked') });
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err), duration: 4000 });
    } finally {
      setMarking(false);
    }
  };

  const open = async (n: Notification) => {
    const to = appPath(n.link);
    if (!n.readAt) {
      const now = new Date().toISOString();
      setList((l) => (l.kind === 'ok' ? { ...l, unread: Math.max(0, l.unread - 1), items: l.items.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)) } : l));
      // Marked before leaving, so the list is right when the volunteer comes back; a failure only leaves it unread.
      await markNotificationsRead([n.id])
        .then((r) => setList((l) => (l.kind === 'ok' ? { ...l, unread: r.unread } : l)))
        .catch(() => undefined);
    }
    if (to) navigate(to);
  };

  if (list.kind === 'loading') return <Loading />;
  if (list.kind === 'failed') return <LoadFailed message={list.message} onRetry={() => setAttempt((n) => n + 1)} />;
  return (
    <div>
      <div className="wm-pa-toolbar">
        <span data-testid="unread-count">{list.unread > 0 ? t('participation.notifications.unread', { n: list.unread }) : t('participation.notifications.allRead')}</span>
        {list.unread > 0 && (
          <Button size="middle" color="primary" fill="outline" loading={marking} onClick={() => void markAll()}>
            {t('participation.notifications.markAll')}
          </Button>
        )}
      </div>
      {list.items.length === 0 ? (
        <p className="wm-card wm-intro">{t('participation.notifications.empty')}</p>
      ) : (
        <ul className="wm-pa-list">
          {list.items.map((n) => (
            <NotificationItem key={n.id} n={n} onOpen={() => void open(n)} />
          ))}
        </ul>
      )}
      {list.nextCursor && <LoadMore more={list.more} label={t('participation.loadMore')} onLoad={loadMore} />}
    </div>
  );
}

function NotificationItem({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const unread = !n.readAt;
  const linked = appPath(n.link) !== null;
  return (
    <li data-testid="notification" data-unread={unread ? 'true' : 'false'}>
      <button
        type="button"
        className={`wm-pa-item ${unread ? 'wm-pa-unread' : 'wm-pa-read'}`}
        style={{ width: '100%', textAlign: 'left', font: 'inherit', cursor: 'pointer' }}
        aria-label={unread ? `${t('participation.notifications.unreadMark')} ${n.title}` : n.title}
        onClick={onOpen}
      >
        <span className="wm-pa-item-title" style={{ display: 'block' }}>
          {n.title}
        </span>
        {n.body && (
          <span className="wm-pa-item-line" style={{ display: 'block', whiteSpace: 'pre-line' }}>
            {n.body}
          </span>
        )}
        <span className="wm-pa-item-line wm-muted" style={{ display: 'block', fontSize: 15 }}>
          {dateTime(n.createdAt, i18n.language)}
          {linked && ` · ${t('participation.notifications.open')}`}
        </span>
      </button>
    </li>
  );
}
