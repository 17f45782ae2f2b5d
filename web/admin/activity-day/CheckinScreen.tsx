// The check-in screen an organizer holds up on a phone or puts on a site's screen: the activity, a big QR of the
// rotating code (签到码 or 签退码) that replaces itself when its minute window turns over, a countdown to the next
// code, and how many people have checked in (polled). A fullscreen button hides the console around it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Segmented, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { getActivity } from '../../api/activities';
import { getAttendance, getCheckinCode, type CheckinMode } from '../../api/activity-day';
import { ApiError } from '../../api/client';
import { PageState } from '../ui/PageState';
import { formatDateTime } from '../ui/format';
import { ACTIVITIES_KEY, timeRange } from '../activities/activity-ui';
import { openPair } from './AttendancePanel';
import { attendanceKey, DAY_KEY } from './day-ui';
import './checkin-screen.css';

const WINDOW_MS = 60_000;
// When scans are accepted (the server's rule): from an hour before the start until the end, check-out 30 min longer.
const OPENS_BEFORE_MS = 60 * 60_000;
const CHECKOUT_GRACE_MS = 30 * 60_000;
// A code that comes back unchanged (the browser's clock runs ahead of the server's) is asked for again soon.
const RETRY_SAME_MS = 3_000;

/** Re-renders every second while mounted (the countdown). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function useFullscreen(ref: React.RefObject<HTMLElement | null>) {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement === ref.current && !!ref.current);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, [ref]);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void ref.current?.requestFullscreen?.();
  }, [ref]);
  return { on, toggle, supported: typeof document !== 'undefined' && !!document.fullscreenEnabled };
}

export function CheckinScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const mode: CheckinMode = params.get('mode') === 'out' ? 'out' : 'in';
  const ref = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(ref);
  const activity = useQuery({ queryKey: [...ACTIVITIES_KEY, 'one', id], queryFn: ({ signal }) => getActivity(id, signal) });
  const attendance = useQuery({ queryKey: attendanceKey(id), queryFn: ({ signal }) => getAttendance(id, signal), refetchInterval: 10_000 });

  if (activity.isPending) return <PageState loading />;
  if (activity.isError) return <PageState error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;
  const rows = attendance.data?.items ?? [];
  const arrived = rows.filter((r) => r.pairs.length > 0).length;
  const present = rows.filter((r) => openPair(r)).length;
  const expected = rows.filter((r) => r.signupStatus === 'confirmed').length;

  return (
    <div ref={ref} className={`wm-checkin${fullscreen.on ? ' wm-checkin-full' : ''}`} data-testid="checkin-screen">
      <div className="wm-checkin-bar">
        <Link to=".." relative="path" aria-label={t('activityDay.screen.back')} className="wm-checkin-back">
          <ArrowLeftOutlined />
        </Link>
        <Segmented<CheckinMode>
          size="large"
          value={mode}
          onChange={(m) => setParams(m === 'out' ? { mode: 'out' } : {}, { replace: true })}
          options={[
            { value: 'in', label: t('activityDay.screen.in') },
            { value: 'out', label: t('activityDay.screen.out') },
          ]}
          aria-label={t('activityDay.screen.mode')}
        />
        {fullscreen.supported && (
          <Button
            size="large"
            icon={fullscreen.on ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={fullscreen.toggle}
            aria-label={fullscreen.on ? t('activityDay.screen.exitFullscreen') : t('activityDay.screen.fullscreen')}
          >
            <span className="wm-checkin-btn-text">{fullscreen.on ? t('activityDay.screen.exitFullscreen') : t('activityDay.screen.fullscreen')}</span>
          </Button>
        )}
      </div>
      <h1 className="wm-checkin-title">{a.title}</h1>
      <div className="wm-checkin-time">
        {timeRange(a.startsAt, a.endsAt)}
        {(a.site?.name || a.address) && ` · ${a.site?.name ?? a.address}`}
      </div>
      <WindowNotice startsAt={a.startsAt} endsAt={a.endsAt} mode={mode} />
      <CodePanel key={mode} activityId={id} mode={mode} />
      <div className="wm-checkin-count" role="status" aria-live="polite" data-testid="checkin-count">
        {attendance.isError ? (
          <Typography.Text type="secondary">{t('activityDay.screen.countFailed')}</Typography.Text>
        ) : (
          <>
            <span className="wm-checkin-count-label">{t('activityDay.screen.arrived')}</span>
            <strong className="wm-checkin-count-num">{attendance.isPending ? '…' : arrived}</strong>
            {expected > 0 && <span className="wm-checkin-count-of">/ {expected}</span>}
            <span className="wm-checkin-count-present">{t('activityDay.screen.present', { count: present })}</span>
          </>
        )}
      </div>
    </div>
  );
}

/** Says when scanning the code would be refused for the time (by the browser's clock, as a hint only). */
function WindowNotice({ startsAt, endsAt, mode }: { startsAt: string; endsAt: string; mode: CheckinMode }) {
  const { t } = useTranslation();
  const now = useNow();
  const opens = Date.parse(startsAt) - OPENS_BEFORE_MS;
  const closes = Date.parse(endsAt) + (mode === 'out' ? CHECKOUT_GRACE_MS : 0);
  if (now < opens) return <Alert type="warning" showIcon title={t('activityDay.screen.opensAt', { time: formatDateTime(new Date(opens).toISOString()) })} />;
  if (now >= closes) return <Alert type="warning" showIcon title={t('activityDay.screen.closed')} />;
  return null;
}

/** The QR of one mode's current code; it asks for the next code when the window turns over. */
function CodePanel({ activityId, mode }: { activityId: string; mode: CheckinMode }) {
  const { t } = useTranslation();
  const now = useNow();
  const [next, setNext] = useState<number | null>(null);
  const last = useRef<{ code: string; at: number } | null>(null);
  const code = useQuery({
    queryKey: [...DAY_KEY, 'checkin-code', activityId, mode],
    queryFn: ({ signal }) => getCheckinCode(activityId, mode, signal),
    // Not open yet (an hour before the start) or a passing failure: keep trying, the screen is left unattended.
    retry: false,
    refetchInterval: (q) => (q.state.status === 'error' ? 30_000 : false),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const { data, refetch, dataUpdatedAt } = code;

  // Schedules the next fetch at refreshAt (by the browser's clock, kept within one window). dataUpdatedAt, not
  // data: an unchanged answer keeps the same data object and must still schedule the next try.
  useEffect(() => {
    if (!data) return;
    const prev = last.current;
    const same = !!prev && prev.code === data.code && prev.at !== dataUpdatedAt;
    last.current = { code: data.code, at: dataUpdatedAt };
    const wait = same ? RETRY_SAME_MS : Math.min(Math.max(Date.parse(data.refreshAt) - Date.now() + 300, 1000), WINDOW_MS);
    setNext(Date.now() + wait);
    const timer = setTimeout(() => void refetch(), wait);
    return () => clearTimeout(timer);
  }, [data, dataUpdatedAt, refetch]);

  if (code.isPending) {
    return (
      <div className="wm-checkin-qr wm-checkin-qr-empty" role="status">
        <Spin size="large" />
      </div>
    );
  }
  if (code.isError && !data) {
    const notOpen = code.error instanceof ApiError && code.error.code === 'checkin_not_open';
    return (
      <div className="wm-checkin-qr wm-checkin-qr-empty">
        <Alert
          type={notOpen ? 'info' : 'error'}
          showIcon
          title={notOpen ? t('activityDay.screen.notOpen') : t('activityDay.screen.codeFailed')}
          description={code.error.message}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  const seconds = next ? Math.max(0, Math.ceil((next - now) / 1000)) : 0;
  // After failed refreshes the last code runs out; a scan of it would be refused, so show it is stale.
  const stale = code.isError && Date.parse(data!.expiresAt) < now;
  return (
    <>
      <div
        className={`wm-checkin-qr wm-checkin-qr-${mode}${stale ? ' wm-checkin-qr-stale' : ''}`}
        role="img"
        aria-label={t(mode === 'in' ? 'activityDay.screen.qrIn' : 'activityDay.screen.qrOut')}
        data-testid="checkin-qr"
        data-code={data!.code}
        // The SVG is drawn by our own server from the code (the qrcode package), not from user input.
        dangerouslySetInnerHTML={{ __html: data!.qrSvg }}
      />
      <div className={`wm-checkin-mode wm-checkin-mode-${mode}`}>{t(mode === 'in' ? 'activityDay.screen.scanIn' : 'activityDay.screen.scanOut')}</div>
      <div className="wm-checkin-countdown" data-testid="checkin-countdown">
        {code.isError ? <Typography.Text type="danger">{t('activityDay.screen.refreshFailed')}</Typography.Text> : t('activityDay.screen.countdown', { seconds })}
      </div>
    </>
  );
}
