// Deleting one's account and personal data (/m/me/erase). The page says plainly what goes and what stays (the
// volunteer number and service records the rules require, without name, phone or ID), asks for a fresh code
// sent to the phone, and confirms once more before the irreversible step.
import { useState } from 'react';
import { Button, Dialog, Input, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { eraseMyAccount, type MyVolunteer } from '../../api/mobile-volunteer';
import { MobileHeader } from '../MobileHeader';
import { CODE_RE, Field, OtpButton, errorMessage } from './form-parts';
import { forgetMe } from './my-volunteer';
import { navigate } from './navigation';
import { VolunteerFrame } from './VolunteerFrame';

export function ErasePage() {
  const { t } = useTranslation();
  const [erased, setErased] = useState(false);
  if (erased) {
    return (
      <div className="wm-page">
        <MobileHeader />
        <main className="wm-main">
          <Result
            status="success"
            title={<h1 className="wm-result-title">{t('volunteer.erase.doneTitle')}</h1>}
            description={<p className="wm-result-body">{t('volunteer.erase.doneBody')}</p>}
          />
          <div className="wm-form-actions">
            <Button block size="large" onClick={() => navigate('/m/', { replace: true })}>
              {t('volunteer.home.backHome')}
            </Button>
          </div>
        </main>
      </div>
    );
  }
  return (
    <VolunteerFrame title={t('volunteer.erase.title')} back="/m/me">
      {(v) => (
        <EraseForm
          volunteer={v}
          onErased={() => {
            setErased(true);
            forgetMe();
          }}
        />
      )}
    </VolunteerFrame>
  );
}

function EraseForm({ volunteer: v, onErased }: { volunteer: MyVolunteer; onErased: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const erase = async () => {
    if (!CODE_RE.test(code)) return setError(t('volunteer.form.codeInvalid'));
    setError(null);
    const sure = await Dialog.confirm({
      title: t('volunteer.erase.confirmTitle'),
      content: t('volunteer.erase.confirmBody'),
      confirmText: t('volunteer.erase.confirm'),
      cancelText: t('volunteer.form.cancel'),
    });
    if (!sure) return;
    setBusy(true);
    try {
      await eraseMyAccount(code);
      onErased();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="wm-form">
      <section className="wm-card wm-erase-info">
        <h2 className="wm-section-title">{t('volunteer.erase.removedTitle')}</h2>
        <ul>
          <li>{t('volunteer.erase.removed1')}</li>
          <li>{t('volunteer.erase.removed2')}</li>
          <li>{t('volunteer.erase.removed3')}</li>
        </ul>
        <h2 className="wm-section-title">{t('volunteer.erase.keptTitle')}</h2>
        <ul>
          <li>{t('volunteer.erase.kept1', { number: v.number })}</li>
          <li>{t('volunteer.erase.kept2')}</li>
        </ul>
        <p className="wm-warn">{t('volunteer.erase.irreversible')}</p>
      </section>
      <Field id="erase-code" label={t('volunteer.erase.codeLabel', { phone: v.phone })} error={error ?? undefined}>
        <div className="wm-code-row">
          <Input id="erase-code" className="wm-input" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(c) => setCode(c.replace(/\D/g, ''))} />
          <OtpButton phone={v.phone} purpose="erase" onError={setError} />
        </div>
      </Field>
      <div className="wm-form-actions">
        <Button block color="danger" size="large" loading={busy} onClick={() => void erase()}>
          {t('volunteer.erase.submit')}
        </Button>
        <Button block size="large" onClick={() => navigate('/m/me', { replace: true })}>
          {t('volunteer.form.cancel')}
        </Button>
      </div>
    </div>
  );
}
