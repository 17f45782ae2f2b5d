// A resident's booking (/m/booking/:token), opened from the link in the booking text message: the class, the
// booking's state (confirmed, or the place on the waiting list) and cancelling it after a confirmation. The token
// is the only key, so nothing more personal than the name and a masked number is shown.
import '../volunteer/antd-react19';
import { useCallback, useEffect, useState } from 'react';
import { Button, Dialog, Result, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { cancelBooking, fetchBooking, type BookingView, type ParticipationActivity } from '../../api/mobile-participation';
import { MobileHeader } from '../MobileHeader';
import { Link } from '../volunteer/navigation';
import { LoadFailed, Loading } from '../volunteer/page-states';
import { dateTime, isOpen, organizerText, placeText, signupStatusText, whenText } from './format';
import './participation.css';

type State = { kind: 'loading' } | { kind: 'missing' } | { kind: 'failed'; message: string } | { kind: 'ok'; booking: BookingView; activity: ParticipationActivity };

export function BookingPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(
    (signal?: AbortSignal) =>
      fetchBooking(token, signal)
        .then((r) => setState({ kind: 'ok', ...r }))
        .catch((err: unknown) => {
          if (signal?.aborted) return;
          if (err instanceof ApiError && (err.status === 404 || err.code === 'validation_error')) setState({ kind: 'missing' });
          else setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
        }),
    [token],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);
  useEffect(() => {
    document.title = `${t('participation.manage.title')} · ${t('brand')}`;
  }, [t]);

  return (
    <div className="wm-page">
      <MobileHeader back="/m/activities" />
      <main className="wm-main" aria-busy={state.kind === 'loading'}>
        <h1 className="wm-page-title">{t('participation.manage.title')}</h1>
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && (
          <LoadFailed
            message={state.message}
            onRetry={() => {
              setState({ kind: 'loading' });
              void load();
            }}
          />
        )}
        {state.kind === 'missing' && (
          <Result
            status="warning"
            title={<span className="wm-result-title">{t('participation.manage.missingTitle')}</span>}
            description={<p className="wm-result-body">{t('participation.manage.missingBody')}</p>}
          />
        )}
        {state.kind === 'ok' && <BookingCard token={token} booking={state.booking} activity={state.activity} onChanged={(booking) => setState({ ...state, booking })} />}
      </main>
      <footer className="wm-footer">{t('platform')}</footer>
    </div>
  );
}

function BookingCard({ token, booking: b, activity: a, onChanged }: { token: string; booking: BookingView; activity: ParticipationActivity; onChanged: (b: BookingView) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [busy, setBusy] = useState(false);
  const deadlinePassed = Date.now() >= new Date(b.cancelUntil).getTime();
  const live = b.status !== 'cancelled';

  const cancel = async () => {
    const sure = await Dialog.confirm({
      title: t('participation.manage.cancelTitle'),
      content: t('participation.manage.cancelBody', { title: a.title }),
      confirmText: t('participation.manage.cancelConfirm'),
      cancelText: t('participation.manage.keep'),
    });
    if (!sure) return;
    setBusy(true);
    try {
      const r = await cancelBooking(token);
      onChanged(r.booking);
      Toast.show({ icon: 'success', content: t('participation.manage.cancelled') });
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err), duration: 4000 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wm-stack">
      <section className="wm-card" aria-label={t('participation.manage.state')}>
        <p className={`wm-pa-state wm-pa-state-${b.status}`} data-testid="booking-status" style={{ fontSize: 26 }}>
          {b.status === 'confirmed' ? t('participation.manage.confirmed') : signupStatusText(t, b)}
        </p>
        {b.status === 'waitlisted' && <p className="wm-pa-hint">{t('participation.manage.waitlistHint')}</p>}
        <dl className="wm-fields">
          <dt>{t('participation.manage.who')}</dt>
          <dd>
            {b.name} <span className="wm-mono">{b.phoneMasked}</span>
          </dd>
        </dl>
      </section>
      <section className="wm-card" aria-labelledby="bk-activity">
        <h2 id="bk-activity" className="wm-section-title">
          {a.title}
        </h2>
        {a.status === 'cancelled' && <p className="wm-alert">{t('participation.activity.cancelledNotice')}</p>}
        <dl className="wm-fields">
          <dt>{t('participation.activity.when')}</dt>
          <dd>{whenText(a, lang)}</dd>
          {placeText(a) && (
            <>
              <dt>{t('participation.activity.place')}</dt>
              <dd>{placeText(a)}</dd>
            </>
          )}
          <dt>{t('participation.activity.organizer')}</dt>
          <dd>{organizerText(a)}</dd>
        </dl>
        <p className="wm-pa-hint">
          <Link to={`/m/activities/${encodeURIComponent(a.id)}`} className="wm-pa-link">
            {t('participation.manage.viewActivity')}
          </Link>
        </p>
      </section>
      {live && isOpen(a) && (
        <div className="wm-form-actions">
          <Button block size="large" color="danger" fill="outline" disabled={deadlinePassed} loading={busy} onClick={() => void cancel()}>
            {t('participation.manage.cancel')}
          </Button>
          <p className="wm-pa-hint" style={{ margin: 0 }}>
            {deadlinePassed ? t('participation.manage.cancelClosed', { time: dateTime(b.cancelUntil, lang) }) : t('participation.manage.cancelUntil', { time: dateTime(b.cancelUntil, lang) })}
          </p>
        </div>
      )}
    </div>
  );
}
