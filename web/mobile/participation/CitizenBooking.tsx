// 预约 for residents on an activity page with citizen places: a name and a mobile number, no account. The answer
// is the booking's state and its own link (also texted to the phone), where it can be checked or cancelled.
import '../volunteer/antd-react19';
import { useState } from 'react';
import { Button, Input, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MOBILE_PATTERN } from '../../../common/mobile';
import { bookActivity, type NewBooking, type ParticipationActivity } from '../../api/mobile-participation';
import { errorMessage, Field, fieldErrorsOf, PhoneInput, type FieldErrors } from '../volunteer/form-parts';
import { Link } from '../volunteer/navigation';
import { icsDataUrl } from './calendar';
import { dateTime, isOpen } from './format';

export function CitizenBooking({ activity: a, onBooked }: { activity: ParticipationActivity; onBooked: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ booking: NewBooking; phone: string } | null>(null);
  const full = a.citizens.confirmed >= a.citizens.places;

  const submit = async () => {
    const p: FieldErrors = {};
    const n = name.trim();
    if (!n) p.name = t('participation.booking.nameRequired');
    else if ([...n].length > 20) p.name = t('participation.booking.nameTooLong');
    if (!MOBILE_PATTERN.test(phone)) p.phone = t('participation.booking.phoneInvalid');
    setErrors(p);
    setGeneral(null);
    if (Object.keys(p).length) return;
    setBusy(true);
    try {
      const { booking } = await bookActivity(a.id, { name: n, phone });
      setDone({ booking, phone });
      onBooked();
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="wm-card" aria-labelledby="pa-booking" data-testid="booking-panel">
      <h2 id="pa-booking" className="wm-section-title">
        {t('participation.booking.heading')}
      </h2>
      {done ? (
        <Booked activity={a} booking={done.booking} phone={done.phone} />
      ) : !isOpen(a) ? (
        <p className="wm-pa-hint">{t('participation.booking.closed')}</p>
      ) : (
        <form
          className="wm-form wm-pa-booking"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="wm-pa-hint" style={{ margin: '0 0 8px' }}>
            {full ? t('participation.booking.fullHint') : t('participation.booking.intro')}
          </p>
          <Field id="bk-name" label={t('participation.booking.name')} error={errors.name}>
            <Input id="bk-name" className="wm-input" autoComplete="name" maxLength={20} placeholder={t('participation.booking.namePlaceholder')} value={name} onChange={setName} />
          </Field>
          <Field id="bk-phone" label={t('participation.booking.phone')} error={errors.phone} hint={t('participation.booking.phoneHint')}>
            <PhoneInput id="bk-phone" placeholder={t('participation.booking.phonePlaceholder')} value={phone} onChange={setPhone} />
          </Field>
          {general && (
            <div className="wm-alert" role="alert">
              {general}
            </div>
          )}
          <Button block color="primary" size="large" type="submit" loading={busy}>
            {full ? t('participation.booking.submitWaitlist') : t('participation.booking.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}

function Booked({ activity: a, booking, phone }: { activity: ParticipationActivity; booking: NewBooking; phone: string }) {
  const { t, i18n } = useTranslation();
  const manage = `/m/booking/${encodeURIComponent(booking.manageToken)}`;
  const waitlisted = booking.status === 'waitlisted';
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return (
    <div role="status" data-testid="booking-done">
      <Result
        status={waitlisted ? 'waiting' : 'success'}
        title={<span className="wm-result-title">{waitlisted ? t('participation.booking.doneWaitlisted') : t('participation.booking.doneConfirmed')}</span>}
        description={
          <span className="wm-result-body" style={{ display: 'block' }}>
            {waitlisted && booking.position ? t('participation.status.waitlisted', { position: booking.position }) : null}
          </span>
        }
      />
      <p className="wm-intro">{t('participation.booking.doneBody', { phone: masked })}</p>
      <div className="wm-pa-linkbox">
        <Link to={manage} className="wm-pa-link" data-testid="manage-link">
          {t('participation.booking.manage')}
        </Link>
        <div className="wm-pa-hint" style={{ fontSize: 15, wordBreak: 'break-all' }}>
          {window.location.origin}
          {manage}
        </div>
      </div>
      <p className="wm-pa-hint">{t('participation.booking.cancelUntil', { time: dateTime(booking.cancelUntil, i18n.language) })}</p>
      <div className="wm-form-actions">
        <a
          className="adm-button adm-button-default adm-button-block adm-button-large wm-pa-button-link"
          href={icsDataUrl(a, `${window.location.origin}/m/activities/${a.id}`, t('participation.booking.reminder', { title: a.title }))}
          download={`activity-${a.id.slice(0, 8)}.ics`}
        >
          {t('participation.booking.calendar')}
        </a>
        <p className="wm-pa-hint" style={{ margin: 0 }}>
          {t('participation.booking.calendarHint')}
        </p>
      </div>
    </div>
  );
}
