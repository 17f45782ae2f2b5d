// 服务时长 (/m/me/hours): the volunteer's approved total, star level and how far the next level is, and every
// service record (newest first) with its state — waiting, approved, not approved and why, used on a certificate —
// and "申请更正" to ask the organizer to fix the times of one.
import '../volunteer/antd-react19';
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { Button, ProgressBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { fetchMyHours, type MyHourRecord, type MyHoursPage as HoursPage } from '../../api/mobile-records';
import { LoadFailed, Loading } from '../volunteer/page-states';
import { VolunteerFrame } from '../volunteer/VolunteerFrame';
import { CorrectionSheet } from './CorrectionSheet';
import { durationText, spanText, type Translate } from './record-format';
import { StarLevel } from './StarLevel';
import './records.css';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ok'; summary: Omit<HoursPage, 'items' | 'nextCursor'>; items: MyHourRecord[]; nextCursor: string | null; more: 'idle' | 'loading' | 'failed' };

export function MyHoursPage() {
  const { t } = useTranslation();
  return (
    <VolunteerFrame title={t('records.hours.title')} back="/m/me">
      {() => <Hours />}
    </VolunteerFrame>
  );
}

function Hours() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [correcting, setCorrecting] = useState<MyHourRecord | null>(null);
  // Only the newest load may change the list (a reload after a correction overtakes an older "more").
  const request = useRef(0);

  useEffect(() => {
    const id = ++request.current;
    const ctrl = new AbortController();
    fetchMyHours(null, ctrl.signal)
      .then(({ items, nextCursor, ...summary }) => id === request.current && setState({ kind: 'ok', summary, items, nextCursor, more: 'idle' }))
      .catch((err: unknown) => !ctrl.signal.aborted && id === request.current && setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => ctrl.abort();
  }, [attempt]);

  const loadMore = useCallback(() => {
    if (state.kind !== 'ok' || !state.nextCursor || state.more === 'loading') return;
    const id = request.current;
    const have = state;
    setState({ ...have, more: 'loading' });
    fetchMyHours(have.nextCursor)
      .then((page) => {
        if (id !== request.current) return;
        const known = new Set(have.items.map((r) => r.id));
        setState({ ...have, items: [...have.items, ...page.items.filter((r) => !known.has(r.id))], nextCursor: page.nextCursor, more: 'idle' });
      })
      .catch(() => id === request.current && setState({ ...have, more: 'failed' }));
  }, [state]);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <LoadFailed message={state.message} onRetry={() => setAttempt((n) => n + 1)} />;

  // Only the latest version of a record is corrected; one with a correction waiting for a decision says so.
  const successors = new Map(state.items.filter((r) => r.previousId).map((r) => [r.previousId!, r.status]));
  return (
    <div className="wm-stack">
      <Summary summary={state.summary} />
      <h2 className="wm-rec-heading">{t('records.hours.records')}</h2>
      {state.items.length === 0 ? (
        <p className="wm-card wm-rec-empty">{t('records.hours.empty')}</p>
      ) : (
        <ul className="wm-stack wm-rec-list">
          {state.items.map((r) => (
            <RecordCard key={r.id} r={r} successor={successors.get(r.id) ?? null} onCorrect={() => setCorrecting(r)} />
          ))}
        </ul>
      )}
      {state.nextCursor && (
        <div className="wm-form-actions">
          {state.more === 'failed' && (
            <p className="wm-alert" role="alert">
              {t('failed.body')}
            </p>
          )}
          <Button block size="large" loading={state.more === 'loading'} onClick={loadMore}>
            {state.more === 'failed' ? t('retry') : t('records.loadMore')}
          </Button>
        </div>
      )}
      {!state.nextCursor && state.items.length > 0 && <p className="wm-rec-end">{t('records.noMore')}</p>}
      <CorrectionSheet
        record={correcting}
        onClose={() => setCorrecting(null)}
        onDone={(refused) => {
          if (!refused) setCorrecting(null);
          setAttempt((n) => n + 1);
        }}
      />
    </div>
  );
}

function Summary({ summary: s }: { summary: Omit<HoursPage, 'items' | 'nextCursor'> }) {
  const { t } = useTranslation();
  const pending = s.pendingStarLevel !== null && s.pendingStarLevel > s.starLevel ? s.pendingStarLevel : null;
  const next = s.nextLevel;
  const needed = next ? next.minHours * 60 : 0;
  return (
    <section className="wm-card wm-rec-summary" aria-labelledby="hours-total-label">
      <div id="hours-total-label" className="wm-rec-total-label">
        {t('records.hours.total')}
      </div>
      <div className="wm-rec-total" data-testid="total-hours">
        {durationText(t, s.totalMinutes)}
      </div>
      <p className="wm-rec-hint">{t('records.hours.totalHint')}</p>
      <div className="wm-rec-star-row">
        <span className="wm-rec-star-label">{t('records.stars.label')}</span>
        <StarLevel level={s.starLevel} pending={s.pendingStarLevel} className="wm-rec-stars-big" />
      </div>
      {pending !== null && <p className="wm-notice">{t('records.hours.pendingStar', { n: pending })}</p>}
      {next ? (
        <div className="wm-rec-progress">
          <ProgressBar
            percent={Math.min(100, Math.floor((s.totalMinutes / needed) * 100))}
            aria-label={t('records.hours.progressLabel', { n: next.level })}
            style={{ '--track-width': '12px', '--fill-color': '#c8161d' } as CSSProperties}
          />
          <p className="wm-rec-next">{t('records.hours.next', { duration: durationText(t, Math.max(0, needed - s.totalMinutes)), n: next.level, min: next.minHours })}</p>
        </div>
      ) : (
        s.starLevel + (pending ?? 0) > 0 && <p className="wm-rec-next">{t('records.hours.top')}</p>
      )}
    </section>
  );
}

const STATUS_COLOR: Record<string, 'warning' | 'success' | 'danger' | 'default'> = { pending: 'warning', approved: 'success', rejected: 'danger', superseded: 'default' };

export function hourStatusText(t: Translate, status: string): string {
  return status in STATUS_COLOR ? t(`records.hours.status.${status}`) : status;
}

function RecordCard({ r, successor, onCorrect }: { r: MyHourRecord; successor: string | null; onCorrect: () => void }) {
  const { t, i18n } = useTranslation();
  const waiting = successor === 'pending';
  // The server has the last word (a version of the record may be on a certificate); this only hides the obvious.
  const correctable = !r.frozen && successor === null && r.status !== 'superseded';
  return (
    <li className={`wm-card wm-rec-card${r.status === 'superseded' ? ' wm-rec-card-old' : ''}`} data-testid="hour-record" aria-label={r.activityTitle}>
      <div className="wm-rec-card-head">
        <h3 className="wm-rec-title">{r.activityTitle}</h3>
        <Tag color={STATUS_COLOR[r.status] ?? 'default'} fill="solid" className="wm-tag wm-rec-status">
          {hourStatusText(t, r.status)}
        </Tag>
      </div>
      <p className="wm-rec-when">{spanText(r.startedAt, r.endedAt, i18n.language)}</p>
      <p className="wm-rec-minutes">
        <strong>{durationText(t, r.minutes)}</strong>
        <span className="wm-muted"> · {[r.unitName, r.teamName].filter(Boolean).join(' · ')}</span>
      </p>
      {r.frozen && (
        <div className="wm-tags">
          <Tag color="primary" fill="outline" className="wm-tag">
            {t('records.hours.frozen')}
          </Tag>
        </div>
      )}
      {r.status === 'rejected' && r.decisionNote && <p className="wm-rec-reject">{t('records.hours.rejectReason', { reason: r.decisionNote })}</p>}
      {r.version > 1 && r.reason && <p className="wm-rec-note">{t('records.hours.correctionOf', { reason: r.reason })}</p>}
      {r.flags.includes('auto_closed') && <p className="wm-rec-note">{t('records.hours.autoClosed')}</p>}
      {waiting && <p className="wm-rec-note">{t('records.hours.correctionWaiting')}</p>}
      {r.frozen && r.status === 'approved' && <p className="wm-rec-note">{t('records.hours.frozenNote')}</p>}
      {correctable && (
        <Button className="wm-rec-correct" fill="outline" color="primary" onClick={onCorrect}>
          {t('records.hours.correct')}
        </Button>
      )}
    </li>
  );
}
