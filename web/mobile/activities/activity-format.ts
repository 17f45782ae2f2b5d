// How an activity's time and topic read on the phone. Activities are planned in Asia/Shanghai wall-clock time, so
// they are shown in that zone whatever the phone's own zone is. Shared by the civic-code page (keep it small) and
// the activity list.
import { topicLabel } from '../../../common/activity-topics';
import type { PublicActivity } from '../../api/mobile-activities';

const ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000; // China keeps UTC+8 all year

function format(iso: string, lang: string, opts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: ZONE, ...opts }).format(new Date(iso));
}

/** The Shanghai local date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date | string): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** "11月30日 周一" / "Mon 30 Nov". */
export function dayLabel(iso: string, lang: string): string {
  return format(iso, lang, { month: 'short', day: 'numeric', weekday: 'short' });
}

/** "19:00–21:00", with the end's day when it ends on another day. */
export function timeRange(a: Pick<PublicActivity, 'startsAt' | 'endsAt'>, lang: string): string {
  const hm: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const end = localDate(a.endsAt) === localDate(a.startsAt) ? format(a.endsAt, lang, hm) : `${dayLabel(a.endsAt, lang)} ${format(a.endsAt, lang, hm)}`;
  return `${format(a.startsAt, lang, hm)}–${end}`;
}

/** The topic in the page's language (the API answers in the language of the request, which may be stale). */
export function topicText(a: Pick<PublicActivity, 'topic' | 'topicLabel'>, lang: string): string {
  const label = topicLabel(a.topic, lang === 'en' ? 'en' : 'zh');
  return label === a.topic ? a.topicLabel : label;
}

/** Where: the site's name, else the typed address. */
export function placeOf(a: PublicActivity): string {
  return a.site?.name || a.address || a.site?.address || '';
}
