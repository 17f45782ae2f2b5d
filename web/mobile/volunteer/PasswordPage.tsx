// Setting a password (/m/me/password) for those who prefer it to a code each time. Same rule as staff passwords.
import { useState } from 'react';
import { Button, Input, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { setMyPassword, type MyVolunteer } from '../../api/mobile-volunteer';
import { Field, errorMessage, fieldErrorsOf } from './form-parts';
import { setMe } from './my-volunteer';
import { navigate } from './navigation';
import { VolunteerFrame } from './VolunteerFrame';

export function PasswordPage() {
  const { t } = useTranslation();
  return (
    <VolunteerFrame title={t('volunteer.password.title')} back="/m/me">
      {(v) => <PasswordForm volunteer={v} />}
    </VolunteerFrame>
  );
}

/** The staff rule (8+ characters, three kinds of character), said before the server has to. */
function passwordProblem(t: (k: string) => string, p: string): string | null {
  if (p.length < 8) return t('volunteer.password.tooShort');
  if ([/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(p)).length < 3) return t('volunteer.password.tooSimple');
  return null;
}

function PasswordForm({ volunteer: v }: { volunteer: MyVolunteer }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ password?: string; again?: string }>({});
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const problem = passwordProblem(t, password);
    if (problem) return setErrors({ password: problem });
    if (again !== password) return setErrors({ again: t('volunteer.password.mismatch') });
    setErrors({});
    setBusy(true);
    try {
      await setMyPassword(password);
      setMe({ ...v, hasPassword: true });
      Toast.show({ icon: 'success', content: t('volunteer.password.saved') });
      navigate('/m/me', { replace: true });
    } catch (err) {
      setErrors({ password: fieldErrorsOf(err).password ?? errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="wm-form">
      <p className="wm-step-intro">{v.hasPassword ? t('volunteer.password.introChange') : t('volunteer.password.intro')}</p>
      <Field id="pw-new" label={t('volunteer.password.new')} error={errors.password} hint={t('volunteer.password.rule')}>
        <Input id="pw-new" className="wm-input" type="password" autoComplete="new-password" value={password} onChange={setPassword} />
      </Field>
      <Field id="pw-again" label={t('volunteer.password.again')} error={errors.again}>
        <Input id="pw-again" className="wm-input" type="password" autoComplete="new-password" value={again} onChange={setAgain} />
      </Field>
      <div className="wm-form-actions">
        <Button block color="primary" size="large" loading={busy} onClick={() => void save()}>
          {t('volunteer.form.save')}
        </Button>
      </div>
    </div>
  );
}
