// Volunteer sign-in (/m/sign-in[?next=…]): mobile number and a one-time code by default (nothing to remember),
// or a password the volunteer has set. Afterwards the page the person came from, or their profile.
import { useEffect, useState } from 'react';
import { Button, Input, Segmented } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { signInVolunteer } from '../../api/mobile-volunteer';
import { MobileHeader } from '../MobileHeader';
import { CODE_RE, Field, OtpButton, PhoneInput, errorMessage, fieldErrorsOf, type FieldErrors } from './form-parts';
import { MOBILE_PATTERN } from '../../../common/mobile';
import { setMe } from './my-volunteer';
import { navigate, safeNext } from './navigation';

type Mode = 'code' | 'password';

export function SignInPage({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('code');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    document.title = `${t('volunteer.signIn.title')} · ${t('brand')}`;
  }, [t]);

  const submit = async () => {
    const p: FieldErrors = {};
    if (!MOBILE_PATTERN.test(phone)) p.phone = t('volunteer.form.phoneInvalid');
    if (mode === 'code' && !CODE_RE.test(code)) p.code = t('volunteer.form.codeInvalid');
    if (mode === 'password' && !password) p.password = t('volunteer.signIn.passwordRequired');
    setErrors(p);
    setGeneral(null);
    if (Object.keys(p).length) return;
    setBusy(true);
    try {
      const { volunteer } = await signInVolunteer(mode === 'code' ? { phone, code } : { phone, password });
      setMe(volunteer);
      navigate(safeNext(next), { replace: true });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wm-page">
      <MobileHeader back="/m/" />
      <main className="wm-main">
        <h1 className="wm-page-title">{t('volunteer.signIn.title')}</h1>
        <form
          className="wm-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Segmented
            block
            className="wm-segmented"
            value={mode}
            onChange={(v) => {
              setMode(v as Mode);
              setErrors({});
              setGeneral(null);
            }}
            options={[
              { label: t('volunteer.signIn.withCode'), value: 'code' },
              { label: t('volunteer.signIn.withPassword'), value: 'password' },
            ]}
          />
          <Field id="si-phone" label={t('volunteer.form.phone')} error={errors.phone}>
            <PhoneInput id="si-phone" placeholder={t('volunteer.form.phonePlaceholder')} value={phone} onChange={setPhone} />
          </Field>
          {mode === 'code' ? (
            <Field id="si-code" label={t('volunteer.form.code')} error={errors.code} hint={sent ? t('volunteer.signIn.codeSentIfRegistered') : undefined}>
              <div className="wm-code-row">
                <Input
                  id="si-code"
                  className="wm-input"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder={t('volunteer.form.codePlaceholder')}
                  value={code}
                  onChange={(v) => setCode(v.replace(/\D/g, ''))}
                />
                <OtpButton phone={phone} purpose="sign-in" onError={(m) => setErrors((e) => ({ ...e, phone: m ?? '' }))} onSent={() => setSent(true)} />
              </div>
            </Field>
          ) : (
            <Field id="si-password" label={t('volunteer.signIn.password')} error={errors.password}>
              <Input id="si-password" className="wm-input" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
            </Field>
          )}
          {general && (
            <div className="wm-alert" role="alert">
              {general}
            </div>
          )}
          <div className="wm-form-actions">
            <Button block color="primary" size="large" type="submit" loading={busy}>
              {t('volunteer.signIn.submit')}
            </Button>
          </div>
          {mode === 'password' && <p className="wm-field-hint">{t('volunteer.signIn.passwordHint')}</p>}
          <p className="wm-switch-line">
            {t('volunteer.signIn.noAccount')}{' '}
            <button type="button" className="wm-link-button" onClick={() => navigate('/m/register')}>
              {t('volunteer.home.register')}
            </button>
          </p>
        </form>
      </main>
    </div>
  );
}
