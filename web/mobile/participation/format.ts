// How the participation pages word times, places and sign-up states. Times are Asia/Shanghai wall-clock time
// whatever the phone's zone (the shared helpers of the activity list do the zone work).
import type { TFunction } from 'i18next';
import { dayLabel, timeRange } from '../activities/activity-format';
import type { ParticipationActivity } from '../../api/mobile-participation';

const hmFormat = (lang: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "14:05". */
export function clock(iso: string, lang: string): string {
  return hmFormat(lang).format(new Date(iso));
}

/** "11月30日 周一 14:05". */
export function dateTime(iso: string, lang: string): string {
  return `${dayLabel(iso, lang)} ${clock(iso, lang)}`;
}

/** "11月30日 周一 19:00–21:00". */
export function whenText(a: Pick<ParticipationActivity, 'startsAt' | 'endsAt'>, lang: string): string {
  return `${dayLabel(a.startsAt, lang)} ${timeRange(a, lang)}`;
}

/** The site's name with the address under it when both are known. */
export function placeText(a: Pick<ParticipationActivity, 'siteName' | 'address'>): string {
  if (a.siteName && a.address && a.address !== a.siteName) return `${a.siteName}（${a.address}）`;
  return a.siteName || a.address || '';
}

export function organizerText(a: Pick<ParticipationActivity, 'unitName' | 'teamName'>): string {
  return a.teamName ? `${a.unitName} · ${a.teamName}` : a.unitName;
}

/** A sign-up's or booking's state in a few words: 已报名 / 候补第 2 位 / 已取消. */
export function signupStatusText(t: TFunction, s: { status: string; position: number | null }): string {
  if (s.status === 'waitlisted') return s.position ? t('participation.status.waitlisted', { position: s.position }) : t('participation.status.waitlistedNoPosition');
  if (s.status === 'confirmed' || s.status === 'cancelled') return t(`participation.status.${s.status}`);
  return s.status;
}

export const STATUS_COLOR: Record<string, 'success' | 'warning' | 'default'> = { confirmed: 'success', waitlisted: 'warning', cancelled: 'default' };

/** Sign-ups and bookings close when the activity has ended or was cancelled. */
export const isOpen = (a: Pick<ParticipationActivity, 'status' | 'endsAt'>, now = Date.now()) =>
  (a.status === 'published' || a.status === 'in_progress') && new Date(a.endsAt).getTime() > now;
