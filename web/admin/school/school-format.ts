// Small display helpers shared by the school pages.
import type { TFunction } from 'i18next';
import type { Course, Session, SessionPhase } from '../../api/school';
import { formatDateTime } from '../ui/format';

export const phaseColor: Record<SessionPhase, string> = { upcoming: 'blue', ongoing: 'green', ended: 'default', cancelled: 'red' };

/** "2026-03-05 14:00–16:30" (same day) or both full times. */
export function sessionTime(s: Pick<Session, 'startsAt' | 'endsAt'>): string {
  const a = formatDateTime(s.startsAt);
  const b = formatDateTime(s.endsAt);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}–${b.slice(11)}` : `${a} – ${b}`;
}

export function sessionPlace(s: Pick<Session, 'site' | 'place'>): string {
  return [s.site?.name, s.place].filter(Boolean).join(' · ');
}

export function validity(c: Pick<Course, 'validMonths'>, t: TFunction): string {
  return c.validMonths ? t('school.course.months', { n: c.validMonths }) : t('school.course.noExpiry');
}
