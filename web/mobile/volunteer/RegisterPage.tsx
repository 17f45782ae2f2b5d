// Volunteer self-registration (/m/register[?team=<token>]) in four short steps. Each step is a history entry, so
// the phone's back button returns to the previous step instead of leaving the form. The code is checked by the
// server when the registration is sent; a wrong code brings the person back to the first step with the message.
import { useEffect, useState } from 'react';
import { Button, Result, Steps, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { registerVolunteer, uploadMyPhoto, type MyVolunteer, type RegisterInput, type RegistrationOptions } from '../../api/mobile-volunteer';
import { GUARDIAN_CONSENT_AGE } from '../../../common/id-card';
import { MobileHeader } from '../MobileHeader';
import { CODE_RE, errorMessage, fieldErrorsOf, type FieldErrors } from './form-parts';
import { MOBILE_PATTERN } from '../../../common/mobile';
import { setMe } from './my-volunteer';
import { navigate } from './navigation';
import { ConsentStep, emptyDraft, IdentityStep, PhoneStep, ServiceStep, useIdFacts, type Draft } from './register-steps';
import { useRegistrationOptions } from './use-registration-options';
import { LoadFailed, Loading, statusText } from './page-states';

type Step = 1 | 2 | 3 | 4;

function stepFromHistory(): Step {
  const s = (window.history.state as { wmStep?: unknown } | null)?.wmStep;
  return s === 2 || s === 3 || s === 4 ? s : 1;
}

/** Which step shows a field the server complained about. */
function stepOfField(field: string): Step {
  if (field === 'phone' || field === 'code') return 1;
  if (field === 'name' || field === 'idNumber' || field.startsWith('guardian')) return 2;
  if (field.startsWith('consents')) return 4;
  return 3;
}

/** Server field paths ("skills.0", "availability.days") folded onto the fields the form shows. */
function foldField(field: string): string {
  for (const f of ['skills', 'availability', 'homeUnitId']) if (field.startsWith(f)) return f;
  if (field === 'consents') return 'consents.privacy';
  return field;
}

export function RegisterPage({ teamToken }: { teamToken: string | null }) {
  const { t } = useTranslation();
  const { state, reload } = useRegistrationOptions();
  useEffect(() => {
    document.title = `${t('volunteer.register.title')} · ${t('brand')}`;
  }, [t]);
  return (
    <div className="wm-page">
      <MobileHeader back="/m/" />
      <main className="wm-main">
        <h1 className="wm-page-title">{t('volunteer.register.title')}</h1>
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <LoadFailed onRetry={reload} />}
        {state.kind === 'ok' && <RegisterForm options={state.options} teamToken={teamToken} />}
      </main>
    </div>
  );
}

function RegisterForm({ options, teamToken }: { options: RegistrationOptions; teamToken: string | null }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [step, setStep] = useState<Step>(1);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [exists, setExists] = useState<'phone' | 'idNumber' | null>(null);
  const [done, setDone] = useState<MyVolunteer | null>(null);
  const facts = useIdFacts(draft.idNumber);

  useEffect(() => {
    // A reload or a link into the middle has lost what was typed: start again at the first step.
    if (stepFromHistory() !== 1) window.history.replaceState({ wmStep: 1 }, '');
    const onPop = () => setStep(stepFromHistory());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setError = (field: string, message: string | null) =>
    setErrors((e) => {
      const next = { ...e };
      if (message) next[field] = message;
      else delete next[field];
      return next;
    });

  const goTo = (s: Step) => {
    setGeneral(null);
    if (s > step) navigate(window.location.pathname + window.location.search, { state: { wmStep: s } });
    else if (s < step) window.history.go(s - step);
    setStep(s);
    window.scrollTo(0, 0);
  };

  /** The checks that need no server, so a step is not left with an obvious gap. */
  const problemsOf = (s: Step): FieldErrors => {
    const p: FieldErrors = {};
    if (s === 1) {
      if (!MOBILE_PATTERN.test(draft.phone)) p.phone = t('volunteer.form.phoneInvalid');
      if (!CODE_RE.test(draft.code)) p.code = t('volunteer.form.codeInvalid');
    } else if (s === 2) {
      if (!draft.name.trim()) p.name = t('volunteer.form.nameRequired');
      if (!draft.idNumber.trim()) p.idNumber = t('volunteer.form.idRequired');
      else if (facts.problem) p.idNumber = facts.problem;
      if (facts.age !== null && facts.age < GUARDIAN_CONSENT_AGE) {
        const g = draft.guardian;
        if (!g.name.trim()) p['guardian.name'] = t('volunteer.guardian.nameRequired');
        if (!MOBILE_PATTERN.test(g.phone)) p['guardian.phone'] = t('volunteer.form.phoneInvalid');
        if (!g.relation) p['guardian.relation'] = t('volunteer.guardian.relationRequired');
        if (!g.consent) p['guardian.consentVersion'] = t('volunteer.guardian.consentRequired');
      }
    } else if (s === 3) {
      if (!draft.station) p.homeUnitId = t('volunteer.form.stationRequired');
    } else {
      if (!draft.privacy) p['consents.privacy'] = t('volunteer.consent.required');
      if (!draft.idConsent) p['consents.idProcessing'] = t('volunteer.consent.required');
    }
    return p;
  };

  const next = () => {
    const p = problemsOf(step);
    setErrors((e) => ({ ...e, ...p }));
    if (Object.keys(p).length === 0) goTo((step + 1) as Step);
  };

  const submit = async () => {
    const p = problemsOf(4);
    if (Object.keys(p).length) {
      setErrors((e) => ({ ...e, ...p }));
      return;
    }
    const minorNeedsGuardian = facts.age !== null && facts.age < GUARDIAN_CONSENT_AGE;
    const input: RegisterInput = {
      phone: draft.phone,
      code: draft.code,
      name: draft.name.trim(),
      idNumber: draft.idNumber.replace(/\s+/g, '').toUpperCase(),
      skills: draft.skills,
      availability: draft.availability,
      homeUnitId: draft.station!.id,
      consents: { privacy: options.consents.privacy.version, idProcessing: options.consents.id_processing.version },
      ...(minorNeedsGuardian
        ? { guardian: { name: draft.guardian.name.trim(), phone: draft.guardian.phone, relation: draft.guardian.relation, consentVersion: options.consents.guardian.version } }
        : {}),
      ...(teamToken ? { teamToken } : {}),
    };
    setBusy(true);
    setGeneral(null);
    setExists(null);
    try {
      const { volunteer } = await registerVolunteer(input);
      let registered = volunteer;
      if (draft.photo) {
        try {
          registered = await uploadMyPhoto(draft.photo);
        } catch {
          Toast.show({ content: t('volunteer.photo.laterUpload'), duration: 4000 });
        }
      }
      setMe(registered);
      setDone(registered);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already_registered') {
        setExists(err.fields[0]?.field === 'phone' ? 'phone' : 'idNumber');
      } else if (err instanceof ApiError && ['otp_invalid', 'otp_expired', 'otp_locked'].includes(err.code)) {
        setErrors((e) => ({ ...e, code: err.message }));
        goTo(1);
      } else {
        const fields = fieldErrorsOf(err);
        const folded: FieldErrors = {};
        for (const [f, m] of Object.entries(fields)) folded[foldField(f)] ??= m;
        if (Object.keys(folded).length) {
          setErrors((e) => ({ ...e, ...folded }));
          const first = Math.min(...Object.keys(folded).map(stepOfField)) as Step;
          if (first !== step) goTo(first);
        } else {
          setGeneral(errorMessage(err));
        }
      }
    } finally {
      setBusy(false);
    }
  };

  if (done) return <Registered volunteer={done} joinedTeam={!!teamToken} />;

  const titles = [t('volunteer.register.step1'), t('volunteer.register.step2'), t('volunteer.register.step3'), t('volunteer.register.step4')];
  const stepProps = { draft, set, errors, setError };
  return (
    <div className="wm-form">
      <Steps current={step - 1} className="wm-steps">
        {titles.map((title) => (
          <Steps.Step key={title} title={title} />
        ))}
      </Steps>
      <h2 className="wm-step-title" aria-live="polite">
        {t('volunteer.register.stepOf', { n: step, total: 4, title: titles[step - 1] })}
      </h2>
      {teamToken && step === 1 && <div className="wm-notice">{t('volunteer.register.teamNotice')}</div>}
      {step === 1 && <PhoneStep {...stepProps} />}
      {step === 2 && <IdentityStep {...stepProps} consent={options.consents.guardian} />}
      {step === 3 && <ServiceStep {...stepProps} options={options} />}
      {step === 4 && <ConsentStep {...stepProps} options={options} />}

      {exists && (
        <div className="wm-alert" role="alert">
          <p>{exists === 'phone' ? t('volunteer.register.existsPhone') : t('volunteer.register.exists')}</p>
          <Button block color="primary" size="large" onClick={() => navigate(`/m/sign-in?next=${encodeURIComponent('/m/me')}`)}>
            {t('volunteer.register.goSignIn')}
          </Button>
        </div>
      )}
      {general && (
        <div className="wm-alert" role="alert">
          {general}
        </div>
      )}

      <div className="wm-form-actions">
        {step < 4 ? (
          <Button block color="primary" size="large" onClick={next}>
            {t('volunteer.form.next')}
          </Button>
        ) : (
          <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
            {t('volunteer.register.submit')}
          </Button>
        )}
        {step > 1 && (
          <Button block size="large" onClick={() => goTo((step - 1) as Step)}>
            {t('volunteer.form.previous')}
          </Button>
        )}
      </div>
      {step === 1 && (
        <p className="wm-switch-line">
          {t('volunteer.register.haveAccount')}{' '}
          <button type="button" className="wm-link-button" onClick={() => navigate('/m/sign-in')}>
            {t('volunteer.signIn.title')}
          </button>
        </p>
      )}
    </div>
  );
}

function Registered({ volunteer, joinedTeam }: { volunteer: MyVolunteer; joinedTeam: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="wm-form">
      <Result
        status="success"
        title={<span className="wm-result-title">{t('volunteer.register.doneTitle')}</span>}
        description={
          <div className="wm-done">
            <div className="wm-done-label">{t('volunteer.me.number')}</div>
            <div className="wm-done-number" data-testid="volunteer-number">
              {volunteer.number}
            </div>
            <div className="wm-done-status">{statusText(t, volunteer.status)}</div>
            <p className="wm-result-body">{t('volunteer.register.doneBody')}</p>
            {joinedTeam && <p className="wm-result-body">{t('volunteer.register.teamRequested')}</p>}
          </div>
        }
      />
      <div className="wm-form-actions">
        <Button block color="primary" size="large" onClick={() => navigate('/m/me')}>
          {t('volunteer.register.viewProfile')}
        </Button>
        <Button block size="large" onClick={() => navigate('/m/')}>
          {t('volunteer.home.backHome')}
        </Button>
      </div>
    </div>
  );
}
