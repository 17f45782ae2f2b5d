// Shared bits of the on-the-day pages: query keys, who may run an activity here (the server decides; this only
// hides what would be refused), status colours and how minutes and times of day are shown.
import type { ActivityDetail } from '../../api/activities';
import type { SignupStatus } from '../../api/activity-day';
import type { Me } from '../../api/types';
import { canManageUnit, inZone } from '../activities/activity-ui';

export const DAY_KEY = ['activity-day'] as const;
export const signupsKey = (id: string) => [...DAY_KEY, 'signups', id] as const;
export const attendanceKey = (id: string) => [...DAY_KEY, 'attendance', id] as const;
export const countsKey = (id: string) => [...DAY_KEY, 'counts', id] as const;

/** Staff over the activity's unit, or a leader of its team (canRunActivity on the server). */
export function canRun(me: Me, a: Pick<ActivityDetail, 'unit' | 'team'>): boolean {
  return canManageUnit(me, a.unit.code) || (!!a.team && (me.teamsLed ?? []).includes(a.team.id));
}

/** Sign-ups exist once an activity is published; drafts and submitted ones have none. */
export function hasDay(a: Pick<ActivityDetail, 'status'>): boolean {
  return a.status === 'published' || a.status === 'in_progress' || a.status === 'finished' || a.status === 'cancelled';
}

/** The check-in screen is useful while people can still check in or out. */
export function checkinOpenish(a: Pick<ActivityDetail, 'status'>): boolean {
  return a.status === 'published' || a.status === 'in_progress';
}

export const signupStatusColor: Record<SignupStatus, string> = { confirmed: 'success', waitlisted: 'warning', cancelled: 'default' };

/** "2 小时 5 分" / "2 h 5 min"; the units come from the caller's language. */
export function formatMinutes(minutes: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('activityDay.minutes', { m });
  if (m === 0) return t('activityDay.hours', { h });
  return t('activityDay.hoursMinutes', { h, m });
}

/** A time of day when the instant is on the given local day, else the date too. */
export function timeOfDay(iso: string, day?: string): string {
  const d = inZone(iso);
  return day && d.format('YYYY-MM-DD') === inZone(day).format('YYYY-MM-DD') ? d.format('HH:mm') : d.format('MM-DD HH:mm');
}
