// The volunteer school on the phone (/m/school): upcoming sessions with places left, enrol / cancel in one tap, and
// my qualifications with their expiry. Signed out (or signed in as staff), it offers the volunteer sign-in and
// comes back here afterwards. Times are shown in Asia/Shanghai whatever the phone's zone.
import { useCallback, useEffect, useState } from 'react';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { schoolApi, type MySession, type Qualification } from '../../api/school';
import { MobileHeader } from '../MobileHeader';
import { Link } from '../volunteer/navigation';
import { LoadFailed, Loading } from '../volunteer/page-states';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out' | 'not-volunteer' }
  | { kind: 'failed'; message: string }
  | { kind: 'ok'; sessions: MySession[]; qualifications: Qualification[] };

// Inline because mobile.css belongs to the mobile frame; these two rules are the page's own.
const line = { margin: '4px 0', fontSize: 17 } as const;
const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

const SIGN_IN = `/m/sign-in?next=${encodeURIComponent('/m/school')}`;

function shanghai(iso: string, lang: string, opts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', ...opts }).format(new Date(iso));
}

function sessionTime(s: MySession, lang: string): string {
  const day = shanghai(s.startsAt, lang, { month: 'long', day: 'numeric', weekday: 'short' });
  const hm: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return `${day} ${shanghai(s.startsAt, lang, hm)}–${shanghai(s.endsAt, lang, hm)}`;
}

const dateOf = (iso: string, lang: string) => shanghai(iso, lang, { year: 'numeric', month: '2-digit', day: '2-digit' });

export function MobileSchoolPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [sessions, qualifications] = await Promise.all([schoolApi.mySessions(), schoolApi.myQualifications()]);
      setState({ kind: 'ok', sessions: sessions.items, qualifications: qualifications.items });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setState({ kind: 'signed-out' });
      else if (err instanceof ApiError && err.status === 403) setState({ kind: 'not-volunteer' });
      else setState({ kind: 'failed', message: (err as Error).message });
    }
  }, []);
  useEffect(() => {
    document.title = `${t('school.title')} · ${t('brand')}`;
    void load();
  }, [load, t]);

  const act = async (s: MySession, action: 'enrol' | 'withdraw') => {
    if (action === 'withdraw') {
      const ok = await Dialog.confirm({ content: t('school.withdrawConfirm', { title: s.course.title }), confirmText: t('school.withdraw'), cancelText: t('school.keep') });
      if (!ok) return;
    }
    setBusy(s.id);
    try {
      if (action === 'enrol') await schoolApi.enrol(s.id);
      else await schoolApi.withdraw(s.id);
      Toast.show({ icon: 'success', content: action === 'enrol' ? t('school.enrolledToast') : t('school.withdrawnToast') });
    } catch (err) {
      Toast.show({ icon: 'fail', content: (err as Error).message, duration: 4000 });
    } finally {
      setBusy(null);
      await load();
    }
  };

  return (
    <div className="wm-page">
      <MobileHeader back="/m/" />
      <main className="wm-main" aria-busy={state.kind === 'loading'}>
        <h1 className="wm-page-title">{t('school.title')}</h1>
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <LoadFailed message={state.message} onRetry={() => void load()} />}
        {(state.kind === 'signed-out' || state.kind === 'not-volunteer') && (
          <section className="wm-card">
            <h2 className="wm-section-title">{t('school.signInTitle')}</h2>
            <p className="wm-intro">{state.kind === 'signed-out' ? t('school.signInBody') : t('school.notVolunteerBody')}</p>
            <p>
              <Link to={SIGN_IN} className="wm-link-button">
                {t('school.signIn')}
              </Link>
            </p>
          </section>
        )}
        {state.kind === 'ok' && (
          <div className="wm-stack">
            <section aria-labelledby="school-upcoming" className="wm-stack">
              <h2 id="school-upcoming" className="wm-section-title">
                {t('school.upcoming')}
              </h2>
              {state.sessions.length === 0 && <p className="wm-card wm-muted">{t('school.noSessions')}</p>}
              {state.sessions.map((s) => (
                <SessionCard key={s.id} s={s} lang={i18n.language} busy={busy === s.id} onAct={(a) => void act(s, a)} />
              ))}
            </section>
            <section aria-labelledby="school-mine" className="wm-card">
              <h2 id="school-mine" className="wm-section-title">
                {t('school.mine')}
              </h2>
              {state.qualifications.length === 0 && <p className="wm-muted">{t('school.noQualifications')}</p>}
              <ul style={listStyle}>
                {state.qualifications.map((q) => (
                  <li key={q.id} style={{ padding: '8px 0', fontSize: 18 }}>
                    <strong>{q.name}</strong>{' '}
                    <Tag color={q.state === 'valid' ? 'success' : q.state === 'expiring' ? 'warning' : 'danger'} fill="outline">
                      {t(`school.state.${q.state}`)}
                    </Tag>
                    <div className="wm-muted">
                      {q.expiresAt
                        ? t(q.state === 'expired' ? 'school.expiredOn' : 'school.validUntil', { date: dateOf(q.expiresAt, i18n.language) })
                        : t('school.noExpiry')}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        )}
      </main>
    </div>
  );
}

function SessionCard({ s, lang, busy, onAct }: { s: MySession; lang: string; busy: boolean; onAct: (a: 'enrol' | 'withdraw') => void }) {
  const { t } = useTranslation();
  const full = s.placesLeft === 0 && !s.enrolled;
  const validity = s.course.validMonths ? t('school.months', { n: s.course.validMonths }) : t('school.noExpiry');
  return (
    <article className="wm-card" aria-label={s.course.title}>
      <h3 className="wm-section-title">{s.course.title}</h3>
      <p style={line}>{sessionTime(s, lang)}</p>
      <p className="wm-muted" style={line}>{[s.place, s.course.unitName].filter(Boolean).join(' · ')}</p>
      {s.teacher && <p className="wm-muted" style={line}>{t('school.teacher', { name: s.teacher })}</p>}
      {s.course.qualification && <p style={line}>{t('school.grants', { name: s.course.qualification, validity })}</p>}
      <p style={line}>
        {s.enrolled ? (
          <Tag color="success">{t('school.enrolled')}</Tag>
        ) : full ? (
          <Tag color="default">{t('school.full')}</Tag>
        ) : (
          <span>{t('school.placesLeft', { n: s.placesLeft, capacity: s.capacity })}</span>
        )}
      </p>
      {s.enrolled ? (
        <Button block size="large" loading={busy} onClick={() => onAct('withdraw')}>
          {t('school.withdraw')}
        </Button>
      ) : (
        <Button block size="large" color="primary" disabled={full} loading={busy} onClick={() => onAct('enrol')}>
          {t('school.enrol')}
        </Button>
      )}
    </article>
  );
}
