// The volunteer's own profile (/m/me), their home on the phone: who they are in the registry, their status, total
// hours and star level (a level reached but not yet confirmed shows "待确认"), the ways to their activities, hours,
// certificates, messages (with the unread count) and calendar link, and the ways to change things (edit, password,
// photo), go to their teams and the school, sign out, or delete the account.
import { useEffect, useRef, useState } from 'react';
import { Button, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { fetchMyHours, fetchUnreadCount } from '../../api/mobile-records';
import { signOut, uploadMyPhoto, type MyVolunteer } from '../../api/mobile-volunteer';
import { CalendarSheet } from '../records/CalendarSheet';
import { hoursNumber } from '../records/record-format';
import { StarLevel } from '../records/StarLevel';
import { errorMessage } from './form-parts';
import { forgetMe, setMe } from './my-volunteer';
import { navigate } from './navigation';
import { statusText } from './page-states';
import { availabilityText } from './pickers';
import { PHOTO_MAX_BYTES } from './register-steps';
import { VolunteerFrame } from './VolunteerFrame';

export function MePage() {
  const { t } = useTranslation();
  return <VolunteerFrame title={t('volunteer.me.title')}>{(v) => <Profile volunteer={v} />}</VolunteerFrame>;
}

const STATUS_COLOR: Record<string, 'warning' | 'success' | 'danger' | 'default'> = { pending: 'warning', active: 'success', suspended: 'danger', left: 'default' };

type Standing = { totalMinutes: number; starLevel: number; pendingStarLevel: number | null };

/** The hours summary (with a star level waiting for confirmation) and the unread count; the profile's own numbers until they come. */
function useStanding(v: MyVolunteer): { standing: Standing; unread: number } {
  const [standing, setStanding] = useState<Standing | null>(null);
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    fetchMyHours(null, ctrl.signal, 1)
      .then((h) => setStanding({ totalMinutes: h.totalMinutes, starLevel: h.starLevel, pendingStarLevel: h.pendingStarLevel }))
      .catch(() => undefined);
    fetchUnreadCount(ctrl.signal)
      .then(setUnread)
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);
  return { standing: standing ?? { totalMinutes: v.serviceMinutes, starLevel: v.starLevel, pendingStarLevel: null }, unread };
}

function Profile({ volunteer: v }: { volunteer: MyVolunteer }) {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState(false);
  const [calendar, setCalendar] = useState(false);
  const { standing, unread } = useStanding(v);
  const dash = t('volunteer.me.notSet');
  const sep = t('volunteer.listSeparator');
  const hours = hoursNumber(standing.totalMinutes);

  const leave = async () => {
    setLeaving(true);
    try {
      await signOut();
    } catch {
      // The session may already be gone; the phone forgets it either way.
    }
    forgetMe();
    setLeaving(false);
    navigate('/m/', { replace: true });
  };

  return (
    <div className="wm-stack">
      <section className="wm-card wm-profile" aria-label={t('volunteer.me.card')}>
        <div className="wm-profile-head">
          <PhotoSlot volunteer={v} />
          <div className="wm-profile-who">
            <div className="wm-profile-name">{v.name}</div>
            <div className="wm-profile-number">
              {t('volunteer.me.number')} <span data-testid="volunteer-number">{v.number}</span>
            </div>
            <div className="wm-tags">
              <Tag color={STATUS_COLOR[v.status] ?? 'default'} fill="outline" className="wm-tag">
                {statusText(t, v.status)}
              </Tag>
              {v.minor && (
                <Tag color="primary" fill="outline" className="wm-tag">
                  {t('volunteer.me.minor')}
                </Tag>
              )}
            </div>
          </div>
        </div>
        {v.status === 'pending' && <p className="wm-field-hint">{t('volunteer.me.pendingHint')}</p>}
        <div className="wm-stats" aria-label={t('volunteer.me.records')}>
          <div>
            <strong data-testid="me-hours">{hours}</strong>
            <span>{t('volunteer.me.hours')}</span>
          </div>
          <div>
            <strong className="wm-me-stars">
              <StarLevel level={standing.starLevel} pending={standing.pendingStarLevel} />
            </strong>
            <span>{t('volunteer.me.stars')}</span>
          </div>
          <div>
            <strong>{v.points}</strong>
            <span>{t('volunteer.me.points')}</span>
          </div>
        </div>
        <dl className="wm-fields">
          <dt>{t('volunteer.form.phone')}</dt>
          <dd>{v.phone}</dd>
          <dt>{t('volunteer.form.idNumber')}</dt>
          <dd className="wm-mono">{v.idMasked}</dd>
          <dt>{t('volunteer.me.genderAge')}</dt>
          <dd>
            {[v.gender && t(`volunteer.gender.${v.gender}`), v.age !== null && t('volunteer.form.ageYears', { age: v.age }), v.birthDate].filter(Boolean).join(' · ') || dash}
          </dd>
          <dt>{t('volunteer.form.station')}</dt>
          <dd>{v.homeUnit?.name ?? dash}</dd>
          <dt>{t('volunteer.form.skills')}</dt>
          <dd data-testid="my-skills">{v.skills.length ? v.skills.join(sep) : dash}</dd>
          <dt>{t('volunteer.form.availability')}</dt>
          <dd>{availabilityText(t, v.availability)}</dd>
          {v.qualifications.length > 0 && (
            <>
              <dt>{t('volunteer.me.qualifications')}</dt>
              {v.qualifications.map((q) => (
                <dd key={q.name + q.grantedAt}>
                  {q.name}
                  <span className="wm-muted"> · {q.expiresAt ? t('volunteer.me.validUntil', { date: q.expiresAt.slice(0, 10) }) : t('volunteer.me.noExpiry')}</span>
                </dd>
              ))}
            </>
          )}
        </dl>
      </section>

      <List className="wm-list" header={t('records.me.service')}>
        <List.Item onClick={() => navigate('/m/me/activities')}>{t('records.me.activities')}</List.Item>
        <List.Item onClick={() => navigate('/m/me/hours')} extra={t('records.me.hoursExtra', { hours })}>
          {t('records.me.hours')}
        </List.Item>
        <List.Item onClick={() => navigate('/m/me/certificates')}>{t('records.me.certificates')}</List.Item>
        <List.Item
          onClick={() => navigate('/m/notifications')}
          extra={
            unread > 0 ? (
              <span className="wm-rec-unread" aria-hidden="true" data-testid="unread-count">
                {unread > 99 ? '99+' : unread}
              </span>
            ) : undefined
          }
        >
          {t('records.me.messages')}
          {unread > 0 && <span className="wm-sr">{t('records.me.messagesUnread', { count: unread })}</span>}
        </List.Item>
        <List.Item onClick={() => setCalendar(true)}>{t('records.me.calendar')}</List.Item>
      </List>
      <CalendarSheet open={calendar} onClose={() => setCalendar(false)} />

      <List className="wm-list" header={t('volunteer.me.manage')}>
        <List.Item onClick={() => navigate('/m/me/edit')}>{t('volunteer.me.edit')}</List.Item>
        <List.Item onClick={() => navigate('/m/teams')} extra={v.teams.length ? t('volunteer.me.teamCount', { count: v.teams.length }) : undefined}>
          {t('volunteer.me.teams')}
        </List.Item>
        <List.Item onClick={() => navigate('/m/school')}>{t('volunteer.me.school')}</List.Item>
        <List.Item onClick={() => navigate('/m/me/password')} extra={v.hasPassword ? t('volunteer.me.passwordSet') : t('volunteer.me.passwordNotSet')}>
          {t('volunteer.password.title')}
        </List.Item>
      </List>

      <div className="wm-form-actions">
        <Button block size="large" loading={leaving} onClick={() => void leave()}>
          {t('volunteer.me.signOut')}
        </Button>
        <Button block size="large" fill="none" className="wm-danger-link" onClick={() => navigate('/m/me/erase')}>
          {t('volunteer.erase.title')}
        </Button>
      </div>
    </div>
  );
}

function PhotoSlot({ volunteer: v }: { volunteer: MyVolunteer }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type)) return void Toast.show({ content: t('volunteer.photo.wrongType') });
    if (file.size > PHOTO_MAX_BYTES) return void Toast.show({ content: t('volunteer.photo.tooLarge') });
    setBusy(true);
    try {
      setMe(await uploadMyPhoto(file));
      Toast.show({ icon: 'success', content: t('volunteer.photo.saved') });
    } catch (err) {
      Toast.show({ content: errorMessage(err), duration: 4000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="wm-avatar-slot">
      {v.photoUrl ? (
        <img className="wm-avatar" src={v.photoUrl} alt={t('volunteer.photo.alt', { name: v.name })} />
      ) : (
        <div className="wm-avatar wm-avatar-empty" aria-hidden="true">
          {v.name.slice(0, 1)}
        </div>
      )}
      <button type="button" className="wm-link-button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('volunteer.photo.uploading') : v.photoUrl ? t('volunteer.photo.change') : t('volunteer.photo.add')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept="image/jpeg,image/png,image/webp"
        aria-label={t('volunteer.form.photo')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          void pick(f);
        }}
      />
    </div>
  );
}
