// One activity on the phone (/m/activities/:id), opened from the lists, a reminder text or a shared link: what,
// when, where, who organizes it and how many places are left; then the volunteer's sign-up (报名 / 候补 / 取消)
// and, for classes open to residents, the booking form. Readable without signing in.
import '../volunteer/antd-react19';
import { useCallback, useEffect, useState } from 'react';
import { Button, Result, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { topicLabel } from '../../../common/activity-topics';
import { ApiError } from '../../api/client';
import { fetchActivity, posterUrl, type ParticipationActivity } from '../../api/mobile-participation';
import { MobileHeader } from '../MobileHeader';
import { navigate } from '../volunteer/navigation';
import { LoadFailed, Loading } from '../volunteer/page-states';
import { CitizenBooking } from './CitizenBooking';
import { isOpen, organizerText, placeText, whenText } from './format';
import { VolunteerPanel } from './VolunteerPanel';
import './participation.css';

type State = { kind: 'loading' } | { kind: 'missing' } | { kind: 'failed'; message: string } | { kind: 'ok'; activity: ParticipationActivity };

export function ActivityPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchActivity(id, ctrl.signal)
      .then((activity) => setState({ kind: 'ok', activity }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && (err.status === 404 || err.code === 'validation_error')) setState({ kind: 'missing' });
        else setState((s) => (s.kind === 'ok' ? s : { kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
      });
    return () => ctrl.abort();
  }, [id, attempt]);

  // After a sign-up, cancellation or booking the counts change: load again without blanking the page.
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    document.title = `${state.kind === 'ok' ? state.activity.title : t('participation.activity.title')} · ${t('brand')}`;
  }, [state, t]);

  return (
    <div className="wm-page">
      <MobileHeader back="/m/activities" />
      <main className="wm-main" aria-busy={state.kind === 'loading'}>
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && (
          <LoadFailed
            message={state.message}
            onRetry={() => {
              setState({ kind: 'loading' });
              refresh();
            }}
          />
        )}
        {state.kind === 'missing' && (
          <>
            <Result
              status="warning"
              title={<h1 className="wm-result-title">{t('participation.activity.missingTitle')}</h1>}
              description={<p className="wm-result-body">{t('participation.activity.missingBody')}</p>}
            />
            <div className="wm-form-actions">
              <Button block color="primary" size="large" onClick={() => navigate('/m/activities')}>
                {t('participation.activity.browse')}
              </Button>
            </div>
          </>
        )}
        {state.kind === 'ok' && (
          <div className="wm-stack">
            <ActivitySummary a={state.activity} />
            {state.activity.volunteers.slots > 0 && <VolunteerPanel activity={state.activity} onChanged={refresh} />}
            {state.activity.citizens.places > 0 && <CitizenBooking activity={state.activity} onBooked={refresh} />}
            {state.activity.description.trim() && (
              <section className="wm-card" aria-labelledby="pa-desc">
                <h2 id="pa-desc" className="wm-section-title">
                  {t('participation.activity.description')}
                </h2>
                <p className="wm-intro">{state.activity.description}</p>
              </section>
            )}
          </div>
        )}
      </main>
      <footer className="wm-footer">{t('platform')}</footer>
    </div>
  );
}

const STATUS_TAG: Record<string, 'success' | 'default' | 'danger'> = { in_progress: 'success', finished: 'default', cancelled: 'danger' };

function ActivitySummary({ a }: { a: ParticipationActivity }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const place = placeText(a);
  return (
    <section className="wm-card" aria-labelledby="pa-title">
      {a.hasPoster && <img className="wm-pa-poster" src={posterUrl(a.id)} alt={t('participation.activity.poster', { title: a.title })} />}
      <h1 id="pa-title" className="wm-pa-title">
        {a.title}
      </h1>
      <div className="wm-tags">
        {STATUS_TAG[a.status] && (
          <Tag color={STATUS_TAG[a.status]} fill="solid" className="wm-tag">
            {t(`participation.activity.status.${a.status}`)}
          </Tag>
        )}
        <Tag color="primary" fill="outline" className="wm-tag">
          {topicLabel(a.topic, lang === 'en' ? 'en' : 'zh')}
        </Tag>
        {a.brands.slice(0, 3).map((b) => (
          <Tag key={b} color="warning" fill="outline" className="wm-tag">
            {b}
          </Tag>
        ))}
      </div>
      {a.status === 'cancelled' && (
        <p className="wm-alert" role="status">
          {t('participation.activity.cancelledNotice')}
        </p>
      )}
      <dl className="wm-fields">
        <dt>{t('participation.activity.when')}</dt>
        <dd data-testid="activity-when">{whenText(a, lang)}</dd>
        {place && (
          <>
            <dt>{t('participation.activity.place')}</dt>
            <dd>{place}</dd>
          </>
        )}
        <dt>{t('participation.activity.organizer')}</dt>
        <dd>{organizerText(a)}</dd>
        {/* Places left mean nothing once the activity has ended or was cancelled. */}
        {isOpen(a) && (a.volunteers.slots > 0 || a.citizens.places > 0) && (
          <>
            <dt>{t('participation.activity.places')}</dt>
            <dd>
              <ul className="wm-pa-places" data-testid="places">
                {a.volunteers.slots > 0 && <PlacesLine kind="volunteers" total={a.volunteers.slots} taken={a.volunteers.confirmed} waiting={a.volunteers.waitlisted} />}
                {a.citizens.places > 0 && <PlacesLine kind="citizens" total={a.citizens.places} taken={a.citizens.confirmed} waiting={a.citizens.waitlisted} />}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function PlacesLine({ kind, total, taken, waiting }: { kind: 'volunteers' | 'citizens'; total: number; taken: number; waiting: number }) {
  const { t } = useTranslation();
  const left = Math.max(0, total - taken);
  return (
    <li>
      <span>{t(`participation.activity.${kind}`)}</span>
      {left > 0 ? (
        <span>
          <strong>{t('participation.activity.left', { n: left })}</strong> {t('participation.activity.ofTotal', { n: total })}
        </span>
      ) : (
        <span>
          <strong>{t('participation.activity.full')}</strong> {waiting > 0 && t('participation.activity.waiting', { n: waiting })}
        </span>
      )}
    </li>
  );
}
