// Local time for activities. Activities are planned in Asia/Shanghai wall-clock time; China has kept UTC+8 without
// daylight saving since 1991, so a fixed offset converts both ways exactly and needs no time-zone database.
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' and 'HH:MM' of an instant in Shanghai. */
export function localParts(at: Date): { date: string; time: string; month: string; isoWeekday: number } {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  const iso = shifted.toISOString();
  const day = shifted.getUTCDay();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), month: iso.slice(0, 7), isoWeekday: day === 0 ? 7 : day };
}

/** The instant of a Shanghai local date (and optional 'HH:MM[:SS.mmm]' time of day). */
export function fromLocal(date: string, time = '00:00'): Date {
  return new Date(Date.parse(`${date}T${time.length === 5 ? time + ':00' : time}Z`) - OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Monday 00:00 of the Shanghai week holding `at`, and the Monday after. */
export function localWeek(at: Date): { from: Date; to: Date } {
  const { date, isoWeekday } = localParts(at);
  const monday = addDays(date, 1 - isoWeekday);
  return { from: fromLocal(monday), to: fromLocal(addDays(monday, 7)) };
}

export type Occurrence = { startsAt: Date; endsAt: Date };

/**
 * A weekly series: the first occurrence's local time of day and length, repeated on each chosen ISO weekday from
 * the first occurrence's local date up to and including `until`. Returns one more than `max` when the rule makes
 * too many, so the caller can say so.
 */
export function weeklyOccurrences(first: Occurrence, weekdays: number[], until: string, max: number): Occurrence[] {
  const start = localParts(first.startsAt);
  const length = first.endsAt.getTime() - first.startsAt.getTime();
  const days = new Set(weekdays);
  const out: Occurrence[] = [];
  for (let date = start.date; date <= until && out.length <= max; date = addDays(date, 1)) {
    const wd = localParts(fromLocal(date, '12:00')).isoWeekday;
    if (!days.has(wd)) continue;
    const startsAt = new Date(fromLocal(date).getTime() + (first.startsAt.getTime() - fromLocal(start.date).getTime()));
    out.push({ startsAt, endsAt: new Date(startsAt.getTime() + length) });
  }
  return out;
}
