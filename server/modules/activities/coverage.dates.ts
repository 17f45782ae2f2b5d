// Calendar arithmetic for the coverage report, on plain local dates ('YYYY-MM-DD') of Asia/Shanghai. China has
// kept UTC+8 without daylight saving since 1991, so "today" is the UTC date of now + 8 h; everything else is
// date-only arithmetic on UTC midnights (no time zone can shift a day).
const DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export type WeekRef = { key: string; start: string; end: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A real calendar date, or null ('2026-02-30' is null). */
export function parseDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatDate(d) === s ? d : null;
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY);
}

/** Monday of the ISO week holding `d`. */
export function mondayOf(d: Date): Date {
  return addDays(d, -((d.getUTCDay() + 6) % 7));
}

export function todayInShanghai(now: Date): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** '2026-W05' for the ISO week starting on `monday` (the week belongs to the year of its Thursday). */
export function isoWeekKey(monday: Date): string {
  const thursday = addDays(monday, 3);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${pad(week)}`;
}

/** The Monday of an ISO week key, or null for a key that names no week ('2026-W54'). */
export function mondayOfIsoWeek(key: string): Date | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return null;
  const monday = addDays(mondayOf(new Date(Date.UTC(Number(m[1]), 0, 4))), (Number(m[2]) - 1) * 7);
  return isoWeekKey(monday) === key ? monday : null;
}

export function weekRef(monday: Date): WeekRef {
  return { key: isoWeekKey(monday), start: formatDate(monday), end: formatDate(addDays(monday, 6)) };
}

/** Mondays from the week of `from` to the week of `to`, inclusive. */
export function weeksBetween(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let d = mondayOf(from); d.getTime() <= to.getTime(); d = addDays(d, 7)) out.push(d);
  return out;
}

/** 'YYYY-MM' of every month that a day of [from, to] falls in. */
export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  while (Date.UTC(y, m, 1) <= to.getTime()) {
    out.push(`${y}-${pad(m + 1)}`);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

/** First day of the month ('2026-02') and first day of the next one. */
export function monthBounds(month: string): { first: Date; next: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { first: new Date(Date.UTC(y, mo, 1)), next: new Date(Date.UTC(y, mo + 1, 1)) };
}
