// The public check of a service record certificate (/m/verify/<code>), opened by scanning the QR code printed on
// it; no sign-in. One big answer that cannot be misread, in colour and in words: 真实有效 (green) with what the
// certificate says (name and ID masked), 已撤销 (red) with the date, or 无法验证 when the code is wrong or was
// altered. A network failure says so with a retry — never an empty page.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { verifyCertificate, type Verification } from '../../api/mobile-records';
import { MobileHeader } from '../MobileHeader';
import { LoadFailed, Loading } from '../volunteer/page-states';
import { dateText, durationText } from './record-format';
import './records.css';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; result: Verification };

type Outcome = 'valid' | 'revoked' | 'unknown';

export function outcomeOf(r: Verification): Outcome {
  if (r.status === 'revoked') return 'revoked';
  return r.valid ? 'valid' : 'unknown';
}

export function VerifyPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    document.title = `${t('records.verify.title')} · ${t('brand')}`;
  }, [t]);

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ kind: 'loading' });
    verifyCertificate(code, ctrl.signal)
      .then((result) => setState({ kind: 'done', result }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        // A code the server cannot even read (bad shape, unknown) is an answer too: it cannot be verified.
        if (err instanceof ApiError && (err.status === 400 || err.status === 404)) setState({ kind: 'done', result: { valid: false } });
        else setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
    return () => ctrl.abort();
  }, [code, attempt]);

  return (
    <div className="wm-page">
      <MobileHeader />
      <main className="wm-main" aria-busy={state.kind === 'loading'}>
        <h1 className="wm-page-title">{t('records.verify.title')}</h1>
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <LoadFailed message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
        {state.kind === 'done' && <Result result={state.result} />}
      </main>
      <footer className="wm-footer">{t('platform')}</footer>
    </div>
  );
}

function Result({ result: r }: { result: Verification }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const outcome = outcomeOf(r);
  const mark = { valid: '✓', revoked: '✕', unknown: '?' }[outcome];
  const body =
    outcome === 'valid'
      ? t('records.verify.validBody')
      : outcome === 'revoked'
        ? r.revokedAt
          ? t('records.verify.revokedBody', { date: dateText(r.revokedAt, lang) })
          : t('records.verify.revokedBodyNoDate')
        : t('records.verify.unknownBody');
  return (
    <div className="wm-stack">
      <section className={`wm-verify-banner wm-verify-${outcome}`} role="status" data-testid="verify-result" data-outcome={outcome}>
        <span className="wm-verify-mark" aria-hidden="true">
          {mark}
        </span>
        <h2>{t(`records.verify.${outcome}`)}</h2>
        <p>{body}</p>
      </section>
      {outcome !== 'unknown' && <Details r={r} />}
      {outcome !== 'unknown' && r.items && r.items.length > 0 && (
        <section className="wm-card" aria-labelledby="verify-items">
          <h2 id="verify-items" className="wm-section-title">
            {t('records.verify.items', { count: r.items.length })}
          </h2>
          <ul className="wm-verify-items">
            {r.items.map((it, i) => (
              <li key={`${it.date}-${i}`}>
                <span className="wm-verify-date">{it.date}</span>
                <span>{it.title}</span>
                <span className="wm-verify-minutes">{durationText(t, it.minutes)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="wm-verify-note">{outcome === 'unknown' ? t('records.verify.unknownHelp') : t('records.verify.note')}</p>
    </div>
  );
}

function Details({ r }: { r: Verification }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows: [string, string | undefined, string?][] = [
    [t('records.verify.number'), r.number, 'wm-rec-cert-number'],
    [t('records.verify.name'), r.nameMasked],
    [t('records.verify.idNumber'), r.idMasked, 'wm-mono'],
    [t('records.verify.volunteerNumber'), r.volunteerNumber, 'wm-mono'],
    [t('records.verify.period'), r.periodFrom && r.periodTo ? t('records.certificates.period', { from: dateText(r.periodFrom, lang), to: dateText(r.periodTo, lang) }) : undefined],
    [t('records.verify.total'), r.totalMinutes !== undefined ? durationText(t, r.totalMinutes) : undefined],
    [t('records.verify.issuer'), r.issuer],
    [t('records.verify.issuedAt'), r.issuedAt ? dateText(r.issuedAt, lang) : undefined],
    [t('records.verify.revokedAt'), r.revokedAt ? dateText(r.revokedAt, lang) : undefined, 'wm-warn'],
  ];
  return (
    <section className="wm-card" aria-label={t('records.verify.details')}>
      <dl className="wm-fields wm-verify-fields">
        {rows
          .filter(([, value]) => value)
          .map(([label, value, cls]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className={cls}>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
