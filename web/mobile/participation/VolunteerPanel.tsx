// The volunteer's part of an activity page: the requirements, then by who is looking — sign-in / register links,
// or the volunteer's own sign-up with 报名 / 报名候补 / 取消报名 (confirmed first, refused after the deadline), why
// they cannot sign up (missing skills or qualifications), and how to check in on the day.
import '../volunteer/antd-react19';
import { useCallback, useEffect, useState } from 'react';
import { Button, Dialog, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { cancelSignup, fetchMyAttendance, fetchMySignup, signUp, type MySignupState, type ParticipationActivity } from '../../api/mobile-participation';
import type { MyVolunteer } from '../../api/mobile-volunteer';
import { reloadMe, useMe } from '../volunteer/my-volunteer';
import { Link, navigate } from '../volunteer/navigation';
import { LoadFailed, Loading, statusText } from '../volunteer/page-states';
import { clock, dateTime, isOpen, signupStatusText } from './format';

export function VolunteerPanel({ activity: a, onChanged }: { activity: ParticipationActivity; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const here = `/m/activities/${encodeURIComponent(a.id)}`;
  const sep = t('participation.listSeparator');
  return (
    <section className="wm-card" aria-labelledby="pa-volunteer" data-testid="volunteer-panel">
      <h2 id="pa-volunteer" className="wm-section-title">
        {t('participation.volunteer.heading')}
      </h2>
      {(a.requiredSkills.length > 0 || a.requiredQualifications.length > 0) && (
        <div className="wm-notice">
          <strong>{t('participation.volunteer.requirements')}</strong>
          {a.requiredSkills.length > 0 && <div>{t('participation.volunteer.needSkills', { list: a.requiredSkills.join(sep) })}</div>}
          {a.requiredQualifications.length > 0 && <div>{t('participation.volunteer.needQualifications', { list: a.requiredQualifications.join(sep) })}</div>}
        </div>
      )}
      {me.kind === 'loading' && <Loading />}
      {me.kind === 'failed' && <LoadFailed onRetry={() => void reloadMe()} />}
      {me.kind === 'not-volunteer' && <p className="wm-pa-hint">{t('participation.volunteer.notVolunteer')}</p>}
      {me.kind === 'signed-out' && (
        <div className="wm-form-actions">
          <p className="wm-pa-hint" style={{ margin: 0 }}>
            {isOpen(a) ? t('participation.volunteer.signInFirst') : t('participation.volunteer.closed')}
          </p>
          {isOpen(a) && (
            <>
              <Link to={`/m/sign-in?next=${encodeURIComponent(here)}`} className="adm-button adm-button-primary adm-button-block adm-button-large wm-pa-button-link">
                {t('participation.volunteer.signIn')}
              </Link>
              <Link to="/m/register" className="adm-button adm-button-default adm-button-block adm-button-large wm-pa-button-link">
                {t('participation.volunteer.register')}
              </Link>
            </>
          )}
        </div>
      )}
      {me.kind === 'ok' && <MySignupPart activity={a} volunteer={me.volunteer} onChanged={onChanged} />}
    </section>
  );
}

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ok'; mine: MySignupState };

function MySignupPart({ activity: a, volunteer: v, onChanged }: { activity: ParticipationActivity; volunteer: MyVolunteer; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    (signal?: AbortSignal) =>
      fetchMySignup(a.id, signal)
        .then((mine) => setState({ kind: 'ok', mine }))
        .catch((err: unknown) => !signal?.aborted && setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })),
    [a.id],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <LoadFailed message={state.message} onRetry={() => void load()} />;
  const { signup, eligibility, attendance } = state.mine;
  const sep = t('participation.listSeparator');

  const join = async () => {
    setBusy(true);
    try {
      const r = await signUp(a.id);
      Toast.show({
        icon: 'success',
        content: r.signup.status === 'waitlisted' ? t('participation.volunteer.waitlistedToast', { position: r.signup.position ?? '' }) : t('participation.volunteer.signedUpToast'),
      });
      onChanged();
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err), duration: 4000 });
    } finally {
      setBusy(false);
      await load();
    }
  };

  const leave = async () => {
    const sure = await Dialog.confirm({
      title: t('participation.volunteer.cancelTitle'),
      content: t('participation.volunteer.cancelBody', { title: a.title }),
      confirmText: t('participation.volunteer.cancelConfirm'),
      cancelText: t('participation.volunteer.keep'),
    });
    if (!sure) return;
    setBusy(true);
    try {
      await cancelSignup(a.id);
      Toast.show({ icon: 'success', content: t('participation.volunteer.cancelledToast') });
      onChanged();
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err), duration: 4000 });
    } finally {
      setBusy(false);
      await load();
    }
  };

  const active = signup && signup.status !== 'cancelled' ? signup : null;
  if (active) {
    const deadlinePassed = Date.now() >= new Date(active.cancelUntil).getTime();
    return (
      <div aria-live="polite">
        <p className={`wm-pa-state wm-pa-state-${active.status}`} data-testid="my-signup-status">
          {active.status === 'confirmed' ? t('participation.volunteer.confirmed') : signupStatusText(t, active)}
        </p>
        {active.status === 'waitlisted' && <p className="wm-pa-hint">{t('participation.volunteer.waitlistHint')}</p>}
        {active.status === 'confirmed' && attendance.open && <CheckInHint activityId={a.id} pairsToday={attendance.pairsToday} />}
        {isOpen(a) && (
          <div className="wm-form-actions">
            <Button block size="large" disabled={deadlinePassed} loading={busy} onClick={() => void leave()}>
              {t('participation.volunteer.cancel')}
            </Button>
            <p className="wm-pa-hint" style={{ margin: 0 }}>
              {deadlinePassed
                ? t('participation.volunteer.cancelClosed', { time: dateTime(active.cancelUntil, lang) })
                : t('participation.volunteer.cancelUntil', { time: dateTime(active.cancelUntil, lang) })}
            </p>
          </div>
        )}
        <p className="wm-pa-hint">
          <Link to="/m/me/activities" className="wm-pa-link">
            {t('participation.volunteer.myActivities')}
          </Link>
        </p>
      </div>
    );
  }

  const full = a.volunteers.confirmed >= a.volunteers.slots;
  return (
    <div aria-live="polite">
      {signup?.status === 'cancelled' && <p className="wm-pa-state wm-pa-state-cancelled">{t('participation.volunteer.cancelled')}</p>}
      {!isOpen(a) ? (
        <p className="wm-pa-hint">{t('participation.volunteer.closed')}</p>
      ) : v.status !== 'active' ? (
        <p className="wm-alert">{v.status === 'pending' ? t('participation.volunteer.pendingReview') : t('participation.volunteer.notActive', { status: statusText(t, v.status) })}</p>
      ) : !eligibility.ok ? (
        <div className="wm-alert" role="status" data-testid="eligibility">
          <p style={{ margin: 0 }}>{t('participation.volunteer.notEligible')}</p>
          <ul className="wm-pa-missing">
            {eligibility.missingSkills.length > 0 && <li>{t('participation.volunteer.missingSkills', { list: eligibility.missingSkills.join(sep) })}</li>}
            {eligibility.missingQualifications.length > 0 && <li>{t('participation.volunteer.missingQualifications', { list: eligibility.missingQualifications.join(sep) })}</li>}
          </ul>
          <p style={{ margin: '8px 0 0', fontSize: 16 }}>
            {t('participation.volunteer.eligibilityHint')}{' '}
            <button type="button" className="wm-link-button" style={{ minHeight: 0, padding: 0 }} onClick={() => navigate('/m/me/edit')}>
              {t('participation.volunteer.editSkills')}
            </button>
          </p>
        </div>
      ) : (
        <div className="wm-form-actions">
          {full && <p className="wm-pa-hint" style={{ margin: 0 }}>{t('participation.volunteer.fullHint')}</p>}
          <Button block color="primary" size="large" loading={busy} onClick={() => void join()}>
            {full ? t('participation.volunteer.waitlist') : signup ? t('participation.volunteer.signUpAgain') : t('participation.volunteer.signUp')}
          </Button>
          <p className="wm-pa-hint" style={{ margin: 0 }}>
            {t('participation.volunteer.cancelRule', { hours: Math.round((a.cancelCutoffMinutes / 60) * 10) / 10 })}
          </p>
        </div>
      )}
    </div>
  );
}

/** On the day: how to check in (scan the organizer's code), and whether this volunteer is checked in now. */
function CheckInHint({ activityId, pairsToday }: { activityId: string; pairsToday: number }) {
  const { t, i18n } = useTranslation();
  const [openSince, setOpenSince] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    fetchMyAttendance(activityId, ctrl.signal)
      .then((r) => setOpenSince(r.pairs.find((p) => !p.checkedOutAt)?.checkedInAt ?? null))
      // Only a nicety: the explanation works without it.
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [activityId]);
  const explain = () =>
    void Dialog.alert({
      title: t('participation.volunteer.howTitle'),
      content: (
        <ol className="wm-pa-steps">
          <li>{t('participation.volunteer.howStep1')}</li>
          <li>{t('participation.volunteer.howStep2')}</li>
          <li>{t('participation.volunteer.howStep3')}</li>
        </ol>
      ),
      confirmText: t('participation.volunteer.gotIt'),
    });
  return (
    <div className="wm-form-actions" style={{ marginTop: 4 }}>
      {openSince ? (
        <p className="wm-notice" style={{ margin: 0 }} role="status">
          {t('participation.volunteer.checkedInAt', { time: clock(openSince, i18n.language) })}
        </p>
      ) : (
        pairsToday > 0 && <p className="wm-pa-hint" style={{ margin: 0 }}>{t('participation.volunteer.pairsToday', { n: pairsToday })}</p>
      )}
      <Button block color="success" size="large" onClick={explain}>
        {openSince ? t('participation.volunteer.checkOut') : t('participation.volunteer.checkIn')}
      </Button>
    </div>
  );
}
