// The four steps of volunteer registration, each a short screen with large controls: the phone and its code;
// name and ID number (gender and birth date read from it, a guardian for under-14s); skills, time and home
// station (and an optional photo); the two separate consents.
import { useEffect, useMemo, useState } from 'react';
import { Checkbox, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ageOn, GUARDIAN_CONSENT_AGE, idCardInfo, idNumberProblem, MINOR_AGE, normalizeIdNumber } from '../../../common/id-card';
import type { Availability, ConsentText, RegistrationOptions } from '../../api/mobile-volunteer';
import { ChoiceGroup, Field, idProblemText, OtpButton, type FieldErrors } from './form-parts';
import { AvailabilityPicker, SkillsPicker, StationPicker, type PickedStation } from './pickers';

export type Guardian = { name: string; phone: string; relation: string; consent: boolean };
export type Draft = {
  phone: string;
  code: string;
  name: string;
  idNumber: string;
  guardian: Guardian;
  skills: string[];
  availability: Availability;
  station: PickedStation | null;
  photo: File | null;
  privacy: boolean;
  idConsent: boolean;
};

export const emptyDraft: Draft = {
  phone: '',
  code: '',
  name: '',
  idNumber: '',
  guardian: { name: '', phone: '', relation: '', consent: false },
  skills: [],
  availability: { days: [], slots: [] },
  station: null,
  photo: null,
  privacy: false,
  idConsent: false,
};

type StepProps = { draft: Draft; set: (patch: Partial<Draft>) => void; errors: FieldErrors; setError: (field: string, message: string | null) => void };

/** What the ID number says (or why it is not valid yet); the pages use it for the derived fields and guardian rule. */
export function useIdFacts(idNumber: string) {
  return useMemo(() => {
    const id = normalizeIdNumber(idNumber);
    if (!id) return { problem: null, info: null, age: null };
    const problem = idNumberProblem(id);
    if (problem) return { problem, info: null, age: null };
    const info = idCardInfo(id);
    return { problem: null, info, age: ageOn(info.birthDate, new Date()) };
  }, [idNumber]);
}

// The relation is stored in the registry's language (staff read it in the console), whatever the page language.
const RELATIONS = { father: '父亲', mother: '母亲', grandparent: '祖父母/外祖父母', other: '其他监护人' };

export function PhoneStep({ draft, set, errors, setError }: StepProps) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  return (
    <>
      <p className="wm-step-intro">{t('volunteer.register.phoneIntro')}</p>
      <Field id="reg-phone" label={t('volunteer.form.phone')} error={errors.phone}>
        <Input
          id="reg-phone"
          className="wm-input"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          placeholder={t('volunteer.form.phonePlaceholder')}
          value={draft.phone}
          onChange={(v) => {
            set({ phone: v.replace(/\D/g, '') });
            setError('phone', null);
          }}
        />
      </Field>
      <Field id="reg-code" label={t('volunteer.form.code')} error={errors.code} hint={sent ? t('volunteer.form.codeSent') : undefined}>
        <div className="wm-code-row">
          <Input
            id="reg-code"
            className="wm-input"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('volunteer.form.codePlaceholder')}
            value={draft.code}
            onChange={(v) => {
              set({ code: v.replace(/\D/g, '') });
              setError('code', null);
            }}
          />
          <OtpButton phone={draft.phone} purpose="register" onError={(m) => setError('phone', m)} onSent={() => setSent(true)} />
        </div>
      </Field>
    </>
  );
}

export function IdentityStep({ draft, set, errors, setError, consent }: StepProps & { consent: ConsentText }) {
  const { t, i18n } = useTranslation();
  const facts = useIdFacts(draft.idNumber);
  const [touchedId, setTouchedId] = useState(false);
  // Say what is wrong as soon as the number is complete, or when the person leaves the field.
  const showProblem = facts.problem && (touchedId || normalizeIdNumber(draft.idNumber).length >= 18);
  const idError = errors.idNumber ?? (showProblem ? idProblemText(facts.problem!, i18n.language) : undefined);
  const needsGuardian = facts.age !== null && facts.age < GUARDIAN_CONSENT_AGE;
  const g = draft.guardian;
  const setG = (patch: Partial<Guardian>) => set({ guardian: { ...g, ...patch } });
  return (
    <>
      <p className="wm-step-intro">{t('volunteer.register.identityIntro')}</p>
      <Field id="reg-name" label={t('volunteer.form.name')} error={errors.name}>
        <Input
          id="reg-name"
          className="wm-input"
          autoComplete="name"
          maxLength={50}
          placeholder={t('volunteer.form.namePlaceholder')}
          value={draft.name}
          onChange={(v) => {
            set({ name: v });
            setError('name', null);
          }}
        />
      </Field>
      <Field id="reg-id" label={t('volunteer.form.idNumber')} error={idError} hint={t('volunteer.form.idHint')}>
        <Input
          id="reg-id"
          className="wm-input wm-input-mono"
          autoComplete="off"
          maxLength={20}
          placeholder={t('volunteer.form.idPlaceholder')}
          value={draft.idNumber}
          onChange={(v) => {
            set({ idNumber: v.toUpperCase() });
            setError('idNumber', null);
          }}
          onBlur={() => setTouchedId(true)}
        />
      </Field>
      {facts.info && (
        <dl className="wm-derived" aria-label={t('volunteer.form.derived')}>
          <div>
            <dt>{t('volunteer.form.gender')}</dt>
            <dd>{t(`volunteer.gender.${facts.info.gender}`)}</dd>
          </div>
          <div>
            <dt>{t('volunteer.form.birthDate')}</dt>
            <dd>{facts.info.birthDate}</dd>
          </div>
          <div>
            <dt>{t('volunteer.form.age')}</dt>
            <dd>{t('volunteer.form.ageYears', { age: facts.age })}</dd>
          </div>
          <p className="wm-derived-note">{t('volunteer.form.derivedNote')}</p>
        </dl>
      )}
      {facts.age !== null && facts.age >= GUARDIAN_CONSENT_AGE && facts.age < MINOR_AGE && (
        <div className="wm-notice" role="status">
          {t('volunteer.register.minorNotice')}
        </div>
      )}
      {needsGuardian && (
        <section className="wm-subsection" aria-labelledby="guardian-title">
          <h2 id="guardian-title" className="wm-section-title">
            {t('volunteer.guardian.title')}
          </h2>
          <div className="wm-notice" role="status">
            {t('volunteer.guardian.why')}
          </div>
          {errors.guardian && (
            <div className="wm-field-error" role="alert">
              {errors.guardian}
            </div>
          )}
          <Field id="g-name" label={t('volunteer.guardian.name')} error={errors['guardian.name']}>
            <Input id="g-name" className="wm-input" maxLength={50} value={g.name} onChange={(v) => setG({ name: v })} />
          </Field>
          <Field id="g-phone" label={t('volunteer.guardian.phone')} error={errors['guardian.phone']}>
            <Input id="g-phone" className="wm-input" type="tel" inputMode="numeric" maxLength={11} value={g.phone} onChange={(v) => setG({ phone: v.replace(/\D/g, '') })} />
          </Field>
          <div className="wm-field" role="group" aria-labelledby="g-relation-label">
            <div className="wm-field-label" id="g-relation-label">
              {t('volunteer.guardian.relation')}
            </div>
            <Selector
              columns={2}
              options={Object.entries(RELATIONS).map(([key, value]) => ({ label: t(`volunteer.guardian.relations.${key}`), value }))}
              value={g.relation ? [g.relation] : []}
              onChange={(v) => setG({ relation: v[0] ?? '' })}
            />
            {errors['guardian.relation'] && (
              <div className="wm-field-error" role="alert">
                {errors['guardian.relation']}
              </div>
            )}
          </div>
          <ConsentBox consent={consent} checked={g.consent} onChange={(c) => setG({ consent: c })} error={errors['guardian.consentVersion']} agreeKey="volunteer.guardian.agree" />
        </section>
      )}
    </>
  );
}

export function ServiceStep({ draft, set, errors, options }: StepProps & { options: RegistrationOptions }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="wm-step-intro">{t('volunteer.register.serviceIntro')}</p>
      <StationPicker value={draft.station} onChange={(station) => set({ station })} error={errors.homeUnitId} />
      <SkillsPicker tags={options.skills} value={draft.skills} onChange={(skills) => set({ skills })} error={errors.skills} />
      <AvailabilityPicker slots={options.slots} value={draft.availability} onChange={(availability) => set({ availability })} error={errors.availability} />
      <PhotoPicker file={draft.photo} onChange={(photo) => set({ photo })} />
    </>
  );
}

export function ConsentStep({ draft, set, errors, options }: StepProps & { options: RegistrationOptions }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="wm-step-intro">{t('volunteer.register.consentIntro')}</p>
      <ConsentBox consent={options.consents.privacy} checked={draft.privacy} onChange={(privacy) => set({ privacy })} error={errors['consents.privacy']} agreeKey="volunteer.consent.agree" />
      <ConsentBox consent={options.consents.id_processing} checked={draft.idConsent} onChange={(idConsent) => set({ idConsent })} error={errors['consents.idProcessing']} agreeKey="volunteer.consent.agree" />
    </>
  );
}

/** The full text of one consent, its version, and its own checkbox: consents are never bundled. */
export function ConsentBox(props: { consent: ConsentText; checked: boolean; onChange: (c: boolean) => void; error?: string; agreeKey: string }) {
  const { t } = useTranslation();
  const { consent } = props;
  return (
    <section className={`wm-consent${props.error ? ' wm-field-invalid' : ''}`} aria-label={consent.title}>
      <h3 className="wm-consent-title">{consent.title}</h3>
      <div className="wm-consent-version">{t('volunteer.consent.version', { version: consent.version })}</div>
      <div className="wm-consent-body" tabIndex={0}>
        {consent.body}
      </div>
      <Checkbox className="wm-checkbox" checked={props.checked} onChange={props.onChange}>
        {t(props.agreeKey, { title: consent.title, version: consent.version })}
      </Checkbox>
      {props.error && (
        <div className="wm-field-error" role="alert">
          {props.error}
        </div>
      )}
    </section>
  );
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** A photo is chosen here and uploaded once the account exists (the upload needs the volunteer signed in). */
export function PhotoPicker(props: { file: File | null; onChange: (f: File | null) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const url = useMemo(() => (props.file ? URL.createObjectURL(props.file) : null), [props.file]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <ChoiceGroup id="reg-photo" label={t('volunteer.form.photo')} hint={t('volunteer.form.photoHint')} error={problem ?? undefined} optional>
      <div className="wm-photo-row">
        {url && <img className="wm-photo-preview" src={url} alt={t('volunteer.form.photoPreview')} />}
        <input
          id="reg-photo"
          className="wm-file"
          type="file"
          accept={PHOTO_TYPES.join(',')}
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            e.target.value = '';
            if (f && !PHOTO_TYPES.includes(f.type)) return setProblem(t('volunteer.photo.wrongType'));
            if (f && f.size > PHOTO_MAX_BYTES) return setProblem(t('volunteer.photo.tooLarge'));
            setProblem(null);
            props.onChange(f);
          }}
        />
        <label htmlFor="reg-photo" className="wm-file-button">
          {props.file ? t('volunteer.photo.change') : t('volunteer.photo.choose')}
        </label>
        {props.file && (
          <button type="button" className="wm-link-button" onClick={() => props.onChange(null)}>
            {t('volunteer.form.photoRemove')}
          </button>
        )}
      </div>
    </ChoiceGroup>
  );
}
