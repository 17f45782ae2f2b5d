// The page the organizer's rotating QR opens (/m/check-in?c=<code>), scanned with the phone camera or WeChat: it
// checks the volunteer in or out at once, without a button. One Idempotency-Key per page load, reused for every
// retry, so a flaky connection never records twice. When the activity checks location, the phone is asked for it
// and the request is sent again. Signed out → sign in, then back here (the code may have rotated by then, which
// the page then says plainly).
import '../volunteer/antd-react19';
import { useEffect, useRef, useState } from 'react';
import { Button, DotLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { checkIn, newIdempotencyKey, parseCheckinCode, type CheckInResult } from '../../api/mobile-participation';
import { MobileHeader } from '../MobileHeader';
import { navigate } from '../volunteer/navigation';
import { clock } from './format';
import './participation.css';

type Coords = { lat: number; lng: number };
type State =
  | { kind: 'working' }
  | { kind: 'locating' }
  | { kind: 'done'; result: CheckInResult }
  | { kind: 'failed'; code: string; message: string; retry: boolean };

/** Codes with a message of our own: what happened and what to do next, in plain words. */
const EXPLAINED = [
  'checkin_code_expired',
  'checkin_code_invalid',
  'checkin_wrong_activity',
  'not_signed_up',
  'checkin_not_open',
  'already_checked_in',
  'not_checked_in',
  'checkin_limit_reached',
  'outside_geofence',
  'location_required',
  'location_denied',
  'not_volunteer',
  'network_error',
];
/** Worth trying again with the same key: the connection, the phone's location (read afresh), or a busy server. */
const RETRYABLE = new Set(['network_error', 'location_required', 'location_denied', 'outside_geofence', 'conflict', 'rate_limited', 'internal_error', 'service_unavailable']);
const RELOCATE = new Set(['location_required', 'location_denied', 'outside_geofence']);

/** The phone's position; a retry (the volunteer may have walked over) never takes a cached one. */
function position(fresh: boolean): Promise<Coords> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('no geolocation'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      reject,
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: fresh ? 0 : 60_000 },
    );
  });
}

export function CheckInPage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const parsed = parseCheckinCode(code);
  const mode = parsed?.mode ?? 'in';
  const [key] = useState(newIdempotencyKey);
  const [state, setState] = useState<State>(code ? { kind: 'working' } : { kind: 'failed', code: 'no_code', message: '', retry: false });
  const started = useRef(false);
  const coords = useRef<Coords | undefined>(undefined);

  // Plain functions behind a ref: send and locate call each other, and the page starts them exactly once.
  const run = useRef<(locate: boolean) => Promise<void>>(async () => undefined);
  run.current = async (locate) => {
    if (!code) return;
    if (locate) {
      setState({ kind: 'locating' });
      try {
        coords.current = await position(coords.current !== undefined);
      } catch {
        setState({ kind: 'failed', code: 'location_denied', message: '', retry: true });
        return;
      }
    }
    setState({ kind: 'working' });
    try {
      const result = await checkIn({ code, ...coords.current }, key);
      setState({ kind: 'done', result });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err));
      if (e.status === 401) {
        navigate(`/m/sign-in?next=${encodeURIComponent(`/m/check-in?c=${encodeURIComponent(code)}`)}`, { replace: true });
        return;
      }
      if (e.code === 'location_required' && !coords.current) return run.current(true);
      const c = e.status === 403 && e.code === 'forbidden' ? 'not_volunteer' : e.code;
      setState({ kind: 'failed', code: c, message: e.message, retry: RETRYABLE.has(c) || e.status >= 500 });
    }
  };

  useEffect(() => {
    // Once per page load (React's development double effects included): the key guards the server, this the page.
    if (started.current || !code) return;
    started.current = true;
    void run.current(false);
  }, [code]);

  useEffect(() => {
    document.title = `${mode === 'out' ? t('participation.checkIn.titleOut') : t('participation.checkIn.title')} · ${t('brand')}`;
  }, [mode, t]);

  const retry = () => void run.current(state.kind === 'failed' && RELOCATE.has(state.code));

  return (
    <div className="wm-page">
      <MobileHeader back="/m/" />
      <main className="wm-main" aria-live="polite" aria-busy={state.kind === 'working' || state.kind === 'locating'}>
        {(state.kind === 'working' || state.kind === 'locating') && (
          <div className="wm-pa-result" role="status">
            <DotLoading color="primary" style={{ fontSize: 40 }} />
            <h1 className="wm-pa-result-title" style={{ fontSize: 26, marginTop: 12 }}>
              {state.kind === 'locating' ? t('participation.checkIn.locating') : mode === 'out' ? t('participation.checkIn.workingOut') : t('participation.checkIn.workingIn')}
            </h1>
            {state.kind === 'locating' && <p className="wm-pa-result-body">{t('participation.checkIn.locatingHint')}</p>}
          </div>
        )}
        {state.kind === 'done' && <Success result={state.result} />}
        {state.kind === 'failed' && <Failure state={state} mode={mode} activityId={parsed?.activityId ?? null} onRetry={retry} />}
      </main>
    </div>
  );
}

function Success({ result: r }: { result: CheckInResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const out = r.action === 'out';
  return (
    <div className="wm-stack">
      <div className="wm-pa-result" data-testid="checkin-result">
        <div className="wm-pa-result-icon wm-pa-result-ok" aria-hidden="true">
          ✓
        </div>
        <h1 className="wm-pa-result-title">{out ? t('participation.checkIn.outDone') : t('participation.checkIn.inDone')}</h1>
        <p className="wm-pa-result-activity">{r.activity.title}</p>
        <dl className="wm-pa-figures">
          <div>
            <dt>{out ? t('participation.checkIn.outAt') : t('participation.checkIn.inAt')}</dt>
            <dd>{clock(out && r.attendance.checkedOutAt ? r.attendance.checkedOutAt : r.attendance.checkedInAt, lang)}</dd>
          </div>
          {out && r.record && (
            <div>
              <dt>{t('participation.checkIn.minutes')}</dt>
              <dd data-testid="checkin-minutes">{t('participation.checkIn.minutesValue', { n: r.record.minutes })}</dd>
              {r.record.minutes >= 60 && <dd className="wm-pa-hours">{t('participation.checkIn.hoursValue', { h: (r.record.minutes / 60).toFixed(1) })}</dd>}
              <dd className="wm-pa-pending">{r.record.status === 'pending' ? t('participation.checkIn.pending') : r.record.status === 'approved' ? t('participation.checkIn.approved') : r.record.status}</dd>
            </div>
          )}
        </dl>
        {!out && <p className="wm-pa-result-body" style={{ marginTop: 16 }}>{t('participation.checkIn.leaveHint')}</p>}
        {out && !r.record && <p className="wm-pa-result-body" style={{ marginTop: 16 }}>{t('participation.checkIn.tooShort')}</p>}
      </div>
      <Actions activityId={r.activity.id} />
    </div>
  );
}

function Failure({ state, mode, activityId, onRetry }: { state: Extract<State, { kind: 'failed' }>; mode: 'in' | 'out'; activityId: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  const soft = state.code === 'already_checked_in';
  const title = state.code === 'no_code' ? t('participation.checkIn.noCodeTitle') : soft ? t('participation.checkIn.alreadyTitle') : mode === 'out' ? t('participation.checkIn.failedOut') : t('participation.checkIn.failedIn');
  const body = state.code === 'no_code' ? t('participation.checkIn.noCodeBody') : EXPLAINED.includes(state.code) ? t(`participation.checkIn.errors.${state.code}`) : state.message;
  return (
    <div className="wm-stack">
      <div className="wm-pa-result" role="alert" data-testid="checkin-error" data-code={state.code}>
        <div className={`wm-pa-result-icon ${soft || state.code === 'no_code' ? 'wm-pa-result-info' : 'wm-pa-result-bad'}`} aria-hidden="true">
          {soft ? '✓' : '!'}
        </div>
        <h1 className="wm-pa-result-title" style={{ fontSize: 28 }}>
          {title}
        </h1>
        <p className="wm-pa-result-body">{body}</p>
      </div>
      {state.retry && (
        <Button block color="primary" size="large" onClick={onRetry}>
          {t('participation.checkIn.retry')}
        </Button>
      )}
      <Actions activityId={activityId} />
    </div>
  );
}

function Actions({ activityId }: { activityId: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="wm-form-actions">
      {activityId && (
        <Button block size="large" onClick={() => navigate(`/m/activities/${encodeURIComponent(activityId)}`)}>
          {t('participation.checkIn.viewActivity')}
        </Button>
      )}
      <Button block size="large" onClick={() => navigate('/m/me/activities')}>
        {t('participation.checkIn.myActivities')}
      </Button>
    </div>
  );
}
