// How hours, dates and star levels read on the phone. Service is recorded in Asia/Shanghai wall-clock time, so it
// is shown (and typed, in the correction form) in that zone whatever the phone's own zone is.

const ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000; // China keeps UTC+8 all year

const format = (iso: string, lang: string, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: ZONE, ...opts }).format(new Date(iso));

const HM: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "2小时30分" / "45分钟" / "3小时" (en: "2 h 30 min"). */
/** The page's t(); a narrow type so any i18next t() fits. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function durationText(t: Translate, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('records.duration.m', { m });
  if (m === 0) return t('records.duration.h', { h });
  return t('records.duration.hm', { h, m });
}

/** Hours with at most one decimal ("12.5", "3"). */
export function hoursNumber(minutes: number): string {
  return (Math.floor(minutes / 6) / 10).toFixed(1).replace(/\.0$/, '');
}

/** The Shanghai local date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date | string): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD, or an instant) as "2026年3月5日" / "5 Mar 2026". */
export function dateText(value: string, lang: string): string {
  const ymd = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDate(value);
  const [y, m, d] = ymd.split('-').map(Number);
  if (lang !== 'en') return `${y}年${m}月${d}日`;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "2026年3月5日 周四 09:00–11:30", with the end's date when it ends on another day. */
export function spanText(startedAt: string, endedAt: string, lang: string): string {
  const day = (iso: string) => `${dateText(iso, lang)} ${format(iso, lang, { weekday: 'short' })}`;
  const end = localDate(endedAt) === localDate(startedAt) ? format(endedAt, lang, HM) : `${day(endedAt)} ${format(endedAt, lang, HM)}`;
  return `${day(startedAt)} ${format(startedAt, lang, HM)}–${end}`;
}

/** An instant as the value of a datetime-local input in Shanghai time ("2026-03-05T09:00"). */
export function toLocalInput(iso: string): string {
  return new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as Shanghai time, as an ISO instant; null when it is not a full date and time. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - OFFSET_MS).toISOString();
}

/** "★★★" for a level; empty for none. */
export function stars(level: number): string {
  return '★'.repeat(Math.max(0, Math.min(level, 5)));
}
