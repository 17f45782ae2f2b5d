// 记录证明 (/m/me/certificates): ask the home station for a service record certificate over a period (from/to
// dates and what it is for), and see each one asked for — waiting, issued (number, PDF, the verification link
// anyone can check), not granted and why, or revoked.
import '../volunteer/antd-react19';
import { useEffect, useState } from 'react';
import { Button, Input, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { fetchMyCertificates, myCertificatePdfUrl, requestMyCertificate, type MyCertificate } from '../../api/mobile-records';
import { Field, fieldErrorsOf, type FieldErrors } from '../volunteer/form-parts';
import { Link } from '../volunteer/navigation';
import { LoadFailed, Loading } from '../volunteer/page-states';
import { VolunteerFrame } from '../volunteer/VolunteerFrame';
import { copyText } from './copy-text';
import { dateText, durationText, localDate } from './record-format';
import './records.css';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ok'; items: MyCertificate[] };

export const PURPOSE_MAX = 200;

export function MyCertificatesPage() {
  const { t } = useTranslation();
  return (
    <VolunteerFrame title={t('records.certificates.title')} back="/m/me">
      {() => <Certificates />}
    </VolunteerFrame>
  );
}

function Certificates() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchMyCertificates(ctrl.signal)
      .then((r) => setState({ kind: 'ok', items: r.items }))
      .catch((err: unknown) => !ctrl.signal.aborted && setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => ctrl.abort();
  }, [attempt]);

  return (
    <div className="wm-stack">
      <p className="wm-rec-intro">{t('records.certificates.intro')}</p>
      <RequestForm onSent={() => setAttempt((n) => n + 1)} />
      <h2 className="wm-rec-heading">{t('records.certificates.mine')}</h2>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && <LoadFailed message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.kind === 'ok' && state.items.length === 0 && <p className="wm-card wm-rec-empty">{t('records.certificates.empty')}</p>}
      {state.kind === 'ok' && state.items.length > 0 && (
        <ul className="wm-stack wm-rec-list">
          {state.items.map((c) => (
            <CertificateCard key={c.id} c={c} />
          ))}
        </ul>
      )}
    </div>
  );
}

function RequestForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const today = localDate(new Date());
  const [from, setFrom] = useState(() => `${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problems: FieldErrors = {};
    if (!from) problems.from = t('records.certificates.fromRequired');
    if (!to) problems.to = t('records.certificates.toRequired');
    else if (to > today) problems.to = t('records.certificates.future');
    else if (from && to < from) problems.to = t('records.certificates.order');
    setErrors(problems);
    setRefusal(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await requestMyCertificate({ from, to, ...(purpose.trim() ? { purpose: purpose.trim() } : {}) });
      Toast.show({ icon: 'success', content: t('records.certificates.sent'), duration: 3000 });
      setPurpose('');
      onSent();
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setRefusal(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="wm-form" aria-labelledby="cert-request-title">
      <h2 id="cert-request-title" className="wm-rec-form-title">
        {t('records.certificates.request')}
      </h2>
      <p className="wm-field-hint">{t('records.certificates.requestHint')}</p>
      <Field id="cert-from" label={t('records.certificates.from')} error={errors.from}>
        <input id="cert-from" className="wm-rec-date" type="date" max={today} value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field id="cert-to" label={t('records.certificates.to')} error={errors.to}>
        <input id="cert-to" className="wm-rec-date" type="date" max={today} value={to} onChange={(e) => setTo(e.target.value)} />
      </Field>
      <Field id="cert-purpose" label={t('records.certificates.purpose')} error={errors.purpose} optional>
        <Input id="cert-purpose" className="wm-input" placeholder={t('records.certificates.purposePlaceholder')} value={purpose} onChange={setPurpose} maxLength={PURPOSE_MAX} />
      </Field>
      {refusal && (
        <p className="wm-alert" role="alert">
          {refusal}
        </p>
      )}
      <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
        {t('records.certificates.submit')}
      </Button>
    </section>
  );
}

const STATUS_COLOR: Record<string, 'warning' | 'success' | 'danger' | 'default'> = { requested: 'warning', issued: 'success', rejected: 'default', revoked: 'danger' };

function CertificateCard({ c }: { c: MyCertificate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const known = c.status in STATUS_COLOR;
  const period = t('records.certificates.period', { from: dateText(c.periodFrom, lang), to: dateText(c.periodTo, lang) });
  return (
    <li className="wm-card wm-rec-card" data-testid="certificate" aria-label={period}>
      <div className="wm-rec-card-head">
        <h3 className="wm-rec-title">{period}</h3>
        <Tag color={STATUS_COLOR[c.status] ?? 'default'} fill="solid" className="wm-tag wm-rec-status">
          {known ? t(`records.certificates.status.${c.status}`) : c.status}
        </Tag>
      </div>
      <dl className="wm-fields">
        {c.number && (
          <>
            <dt>{t('records.certificates.number')}</dt>
            <dd className="wm-rec-cert-number" data-testid="certificate-number">
              {c.number}
            </dd>
          </>
        )}
        {c.totalMinutes !== null && (
          <>
            <dt>{t('records.certificates.total')}</dt>
            <dd>{durationText(t, c.totalMinutes)}</dd>
          </>
        )}
        <dt>{t('records.certificates.issuer')}</dt>
        <dd>{c.issuingUnitName}</dd>
        {c.purpose && (
          <>
            <dt>{t('records.certificates.purpose')}</dt>
            <dd>{c.purpose}</dd>
          </>
        )}
        <dt>{c.issuedAt ? t('records.certificates.issuedAt') : t('records.certificates.requestedAt')}</dt>
        <dd>{dateText(c.issuedAt ?? c.requestedAt, lang)}</dd>
      </dl>
      {c.status === 'requested' && <p className="wm-rec-note">{t('records.certificates.waiting')}</p>}
      {c.status === 'rejected' && c.rejectReason && <p className="wm-rec-reject">{t('records.certificates.rejectReason', { reason: c.rejectReason })}</p>}
      {c.status === 'revoked' && (
        <p className="wm-rec-reject">
          {c.revokedAt && t('records.certificates.revoked', { date: dateText(c.revokedAt, lang) })}
          {c.revokeReason && ` ${t('records.certificates.revokeReason', { reason: c.revokeReason })}`}
        </p>
      )}
      {(c.status === 'issued' || c.status === 'revoked') && (
        <div className="wm-rec-actions">
          <a className={`wm-rec-link${c.status === 'issued' ? ' wm-rec-link-primary' : ''}`} href={myCertificatePdfUrl(c.id)} target="_blank" rel="noopener noreferrer">
            {t('records.certificates.pdf')}
          </a>
        </div>
      )}
      {c.status === 'issued' && c.verifyUrl && <VerifyLink url={c.verifyUrl} />}
    </li>
  );
}

function VerifyLink({ url }: { url: string }) {
  const { t } = useTranslation();
  let inApp: string | null = null;
  try {
    const u = new URL(url, window.location.href);
    if (u.origin === window.location.origin && u.pathname.startsWith('/m/verify/')) inApp = u.pathname;
  } catch {
    inApp = null;
  }
  const copy = async () => {
    const ok = await copyText(url);
    Toast.show({ icon: ok ? 'success' : undefined, content: ok ? t('records.copied') : t('records.copyFailed'), duration: ok ? 2000 : 4000 });
  };
  return (
    <div className="wm-rec-verify">
      <div className="wm-field-label" style={{ marginTop: 10, marginBottom: 0 }}>
        {t('records.certificates.verifyLink')}
      </div>
      <p className="wm-field-hint" style={{ margin: 0 }}>
        {t('records.certificates.verifyHint')}
      </p>
      <p className="wm-rec-url" data-testid="verify-url">
        {url}
      </p>
      <div className="wm-rec-actions">
        {inApp ? (
          <Link className="wm-rec-link" to={inApp}>
            {t('records.certificates.openVerify')}
          </Link>
        ) : (
          <a className="wm-rec-link" href={url} target="_blank" rel="noopener noreferrer">
            {t('records.certificates.openVerify')}
          </a>
        )}
        <Button block size="large" onClick={() => void copy()}>
          {t('records.copyLink')}
        </Button>
      </div>
    </div>
  );
}
