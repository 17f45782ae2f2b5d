// Editing one's own profile (/m/me/edit): name, skills, availability and home station. The phone number and ID
// number are not changed here: they identify the person (staff correct them in the console).
import { useState } from 'react';
import { Button, Input, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { updateMyVolunteer, type Availability, type MyVolunteer, type ProfileChanges } from '../../api/mobile-volunteer';
import { Field, errorMessage, fieldErrorsOf, type FieldErrors } from './form-parts';
import { setMe } from './my-volunteer';
import { navigate } from './navigation';
import { LoadFailed, Loading } from './page-states';
import { AvailabilityPicker, SkillsPicker, StationPicker, type PickedStation } from './pickers';
import { useRegistrationOptions } from './use-registration-options';
import { VolunteerFrame } from './VolunteerFrame';

export function MeEditPage() {
  const { t } = useTranslation();
  return (
    <VolunteerFrame title={t('volunteer.me.edit')} back="/m/me">
      {(v) => <EditForm volunteer={v} />}
    </VolunteerFrame>
  );
}

function EditForm({ volunteer: v }: { volunteer: MyVolunteer }) {
  const { t } = useTranslation();
  const { state, reload } = useRegistrationOptions();
  const [name, setName] = useState(v.name);
  const [skills, setSkills] = useState(v.skills);
  const [availability, setAvailability] = useState<Availability>(v.availability ?? { days: [], slots: [] });
  const [station, setStation] = useState<PickedStation | null>(v.homeUnit ? { id: v.homeUnit.id, name: v.homeUnit.name, instituteName: '' } : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <LoadFailed onRetry={reload} />;

  const save = async () => {
    if (!name.trim()) return setErrors({ name: t('volunteer.form.nameRequired') });
    // Send only what changed, so a concurrent change by staff to another field is not overwritten.
    const changes: ProfileChanges = {};
    if (name.trim() !== v.name) changes.name = name.trim();
    if (JSON.stringify(skills) !== JSON.stringify(v.skills)) changes.skills = skills;
    if (JSON.stringify(availability) !== JSON.stringify(v.availability)) changes.availability = availability;
    if (station && station.id !== v.homeUnit?.id) changes.homeUnitId = station.id;
    setErrors({});
    setGeneral(null);
    if (Object.keys(changes).length === 0) return navigate('/m/me', { replace: true });
    setBusy(true);
    try {
      setMe(await updateMyVolunteer(changes));
      Toast.show({ icon: 'success', content: t('volunteer.me.saved') });
      navigate('/m/me', { replace: true });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      const folded: FieldErrors = {};
      for (const [f, m] of Object.entries(fields)) folded[['skills', 'availability', 'homeUnitId'].find((k) => f.startsWith(k)) ?? f] ??= m;
      if (Object.keys(folded).length) setErrors(folded);
      else setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wm-form">
      <Field id="ed-name" label={t('volunteer.form.name')} error={errors.name}>
        <Input id="ed-name" className="wm-input" maxLength={50} value={name} onChange={setName} />
      </Field>
      <SkillsPicker tags={state.options.skills} value={skills} onChange={setSkills} error={errors.skills} />
      <AvailabilityPicker slots={state.options.slots} value={availability} onChange={setAvailability} error={errors.availability} />
      <StationPicker value={station} onChange={setStation} error={errors.homeUnitId} />
      {general && (
        <div className="wm-alert" role="alert">
          {general}
        </div>
      )}
      <div className="wm-form-actions wm-sticky-actions">
        <Button block color="primary" size="large" loading={busy} onClick={() => void save()}>
          {t('volunteer.form.save')}
        </Button>
        <Button block size="large" onClick={() => navigate('/m/me', { replace: true })}>
          {t('volunteer.form.cancel')}
        </Button>
      </div>
    </div>
  );
}
