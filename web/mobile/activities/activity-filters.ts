// The filters of the activity list as the URL carries them (/m/activities?street=…&station=…&topic=…&date=…), and
// what they mean for the API. Dates are Shanghai local dates; "week" is the rest of this week (to Sunday).
import type { ActivityFilter } from '../../api/mobile-activities';
import { localDate } from './activity-format';

export const DATE_PRESETS = ['today', 'tomorrow', 'week', 'weekend', 'nextWeek'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/** street / station are unit codes (9 / 12 digits); date is a preset or one day (YYYY-MM-DD); '' = any. */
export type Filters = { street: string; station: string; topic: string; date: string };

export const NO_FILTERS: Filters = { street: '', station: '', topic: '', date: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearch(search: string): Filters {
  const q = new URLSearchParams(search);
  const code = (k: string, len: number) => (new RegExp(`^\\d{${len}}$`).test(q.get(k) ?? '') ? q.get(k)! : '');
  const station = code('station', 12);
  const date = q.get('date') ?? '';
  return {
    station,
    street: station ? station.slice(0, 9) : code('street', 9),
    topic: /^[a-z_]{1,40}$/.test(q.get('topic') ?? '') ? q.get('topic')! : '',
    date: (DATE_PRESETS as readonly string[]).includes(date) || DAY.test(date) ? date : '',
  };
}

export function searchOf(f: Filters): string {
  const q = new URLSearchParams();
  if (f.station) q.set('station', f.station);
  else if (f.street) q.set('street', f.street);
  if (f.topic) q.set('topic', f.topic);
  if (f.date) q.set('date', f.date);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday (Monday 1 … Sunday 7) of a local date. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** The inclusive local-date range of a date filter, today being `today`. */
export function dateRange(date: string, today = localDate(new Date())): { from?: string; to?: string } {
  const sunday = addDays(today, 7 - weekday(today));
  switch (date) {
    case '':
      return {};
    case 'today':
      return { from: today, to: today };
    case 'tomorrow':
      return { from: addDays(today, 1), to: addDays(today, 1) };
    case 'week':
      return { from: today, to: sunday };
    case 'weekend': {
      const saturday = addDays(sunday, -1);
      return { from: saturday > today ? saturday : today, to: sunday };
    }
    case 'nextWeek':
      return { from: addDays(sunday, 1), to: addDays(sunday, 7) };
    default:
      return DAY.test(date) ? { from: date, to: date } : {};
  }
}

export function apiFilter(f: Filters): ActivityFilter {
  return {
    station: f.station || undefined,
    street: f.station ? undefined : f.street || undefined,
    topic: f.topic || undefined,
    ...dateRange(f.date),
  };
}
