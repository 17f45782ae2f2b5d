// The coverage report (月月有主题 周周有活动): for every institute and station under a unit, the weeks with no
// activity and the months with no activity on the center's theme; its drill-down; and the home-page alert for
// the coming week. Activities count when citizens can attend them (published, in progress, finished).
import type { DbOrTx } from '../../db/client';
import { assertCan, scopeCodes, scopeCondition, type Principal } from '../../platform/policy';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { ROOT_CODE_DIGITS } from '../../../common/network';
import { findUnit, findUnitByCode, type UnitRow } from '../network/units.repo';
import { units } from '../../db/schema/network';
import { activitiesBetween, centerThemes, COUNTED_STATUSES, coverageGrid, unitsWithoutActivities, type ActivityListRow } from './coverage.repo';
import { addDays, formatDate, monthsBetween, mondayOf, mondayOfIsoWeek, parseDate, todayInShanghai, weekRef, weeksBetween, type WeekRef } from './coverage.dates';

export const MAX_WEEKS = 53;
const WEEKS_BEFORE = 8;
const WEEKS_AFTER = 4;
const MAX_WEEK_ITEMS = 500;

type UnitRef = { id: string; code: string; name: string; level: 'center' | 'institute' | 'station' };
const unitRef = (u: UnitRow): UnitRef => ({ id: u.id, code: u.code, name: u.name, level: u.level });

/** The unit asked for (or the caller's top unit), after the activity.read check. */
export async function readableUnit(db: DbOrTx, principal: Principal, unitId: string | undefined): Promise<UnitRow> {
  if (unitId) {
    const unit = await findUnit(db, unitId);
    if (!unit) throw notFound('该单位');
    assertCan(principal, 'activity.read', unit.code);
    return unit;
  }
  const [top] = scopeCodes(principal, 'activity.read');
  if (!top) throw new AppError('forbidden');
  const unit = await findUnitByCode(db, top);
  if (!unit) throw notFound('该单位');
  return unit;
}

/** Whole weeks covering [from, to], defaulting to the last 8 and the next 4 weeks; 400 naming the field otherwise. */
export function resolveRange(now: Date, q: { from?: string; to?: string }): { mondays: Date[]; from: Date; to: Date } {
  const thisMonday = mondayOf(todayInShanghai(now));
  const from = q.from ? parseDate(q.from) : addDays(thisMonday, -7 * WEEKS_BEFORE);
  if (!from) throw fieldError('from', '不是有效的日期');
  const to = q.to ? parseDate(q.to) : addDays(thisMonday, 7 * WEEKS_AFTER + 6);
  if (!to) throw fieldError('to', '不是有效的日期');
  if (to < from) throw fieldError('to', '结束日期不能早于开始日期');
  const mondays = weeksBetween(from, to);
  if (mondays.length > MAX_WEEKS) throw fieldError('to', `一次最多查看 ${MAX_WEEKS} 周`);
  return { mondays, from: mondays[0], to: addDays(mondays[mondays.length - 1], 6) };
}

const rootOf = (code: string) => code.slice(0, ROOT_CODE_DIGITS);

export async function coverageReport(db: DbOrTx, o: { principal: Principal; now: Date; unit?: string; from?: string; to?: string }) {
  const unit = await readableUnit(db, o.principal, o.unit);
  const range = resolveRange(o.now, o);
  const months = monthsBetween(range.from, range.to);
  const rootCode = rootOf(unit.code);
  const [grid, themes] = await Promise.all([
    coverageGrid(db, {
      code: unit.code,
      rootCode,
      firstMonday: formatDate(range.mondays[0]),
      lastMonday: formatDate(range.mondays[range.mondays.length - 1]),
      firstMonth: `${months[0]}-01`,
      lastMonth: `${months[months.length - 1]}-01`,
    }),
    centerThemes(db, { rootCode, months }),
  ]);
  const themeOf = new Map(themes.map((t) => [t.month, t]));
  const hasTheme = months.map((m) => themeOf.has(m));
  const childrenOf = new Map<string, typeof grid>();
  for (const r of grid) if (r.level === 'station' && r.parentId) childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r]);

  const rows = grid.map((r) => {
    const stations = r.level === 'institute' ? (childrenOf.get(r.id) ?? []) : null;
    const monthThemed = r.themed.map((x, i) => (hasTheme[i] ? x : null));
    return {
      unit: { id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parentId },
      weekCounts: r.weeks,
      weekTotals: r.weeks.map((n, i) => n + (stations ?? []).reduce((s, c) => s + c.weeks[i], 0)),
      stationWeekGaps: stations ? r.weeks.map((_, i) => stations.filter((c) => c.weeks[i] === 0).length) : null,
      monthThemed,
      stationMonthGaps: stations ? months.map((_, i) => (hasTheme[i] ? stations.filter((c) => !c.themed[i]).length : 0)) : null,
      weekGaps: r.weeks.filter((n) => n === 0).length,
      monthGaps: monthThemed.filter((x) => x === false).length,
    };
  });
  const sum = (level: 'institute' | 'station', f: (r: (typeof rows)[number]) => number) =>
    rows.filter((r) => r.unit.level === level).reduce((s, r) => s + f(r), 0);
  return {
    unit: unitRef(unit),
    from: formatDate(range.from),
    to: formatDate(range.to),
    currentWeek: weekRef(mondayOf(todayInShanghai(o.now))).key,
    weeks: range.mondays.map(weekRef),
    months: months.map((m) => ({ month: m, theme: themeOf.has(m) ? { id: themeOf.get(m)!.id, title: themeOf.get(m)!.title } : null })),
    rows,
    summary: {
      institutes: rows.filter((r) => r.unit.level === 'institute').length,
      stations: rows.filter((r) => r.unit.level === 'station').length,
      instituteWeekGaps: sum('institute', (r) => r.weekGaps),
      stationWeekGaps: sum('station', (r) => r.weekGaps),
      instituteMonthGaps: sum('institute', (r) => r.monthGaps),
      stationMonthGaps: sum('station', (r) => r.monthGaps),
    },
  };
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** Published activities show as in progress / finished once their time has come (the activities rule). */
export function shownStatus(a: Pick<ActivityListRow, 'status' | 'startsAt' | 'endsAt'>, now: Date): string {
  if (a.status !== 'published') return a.status;
  if (now >= new Date(a.endsAt)) return 'finished';
  if (now >= new Date(a.startsAt)) return 'in_progress';
  return 'published';
}

export function presentCoverageActivity(a: ActivityListRow, now: Date) {
  return {
    id: a.id,
    title: a.title,
    topic: a.topic,
    brands: a.brands,
    status: shownStatus(a, now),
    counted: COUNTED_STATUSES.includes(a.status),
    startsAt: iso(a.startsAt),
    endsAt: iso(a.endsAt),
    unit: { id: a.unitId, code: a.unitCode, name: a.unitName },
    place: a.siteName ?? a.address,
    team: a.teamName,
    theme: a.themeTitle,
  };
}

/** Every activity (any status, flagged whether it counts) of the unit and the units under it in one ISO week. */
export async function weekActivities(db: DbOrTx, o: { principal: Principal; now: Date; id: string; isoWeek: string }) {
  const unit = await readableUnit(db, o.principal, o.id);
  const monday = mondayOfIsoWeek(o.isoWeek);
  if (!monday) throw fieldError('isoWeek', '没有这一周');
  const rows = await activitiesBetween(db, { code: unit.code, from: formatDate(monday), to: formatDate(addDays(monday, 7)), limit: MAX_WEEK_ITEMS });
  return { unit: unitRef(unit), week: weekRef(monday), items: rows.map((a) => presentCoverageActivity(a, o.now)) };
}

/** The units in the caller's scope with nothing on next Monday–Sunday (the console home banner). */
export async function comingWeekAlerts(db: DbOrTx, o: { principal: Principal; now: Date }): Promise<{ week: WeekRef; units: UnitRef[]; stations: number; institutes: number }> {
  const next = addDays(mondayOf(todayInShanghai(o.now)), 7);
  const gaps = await unitsWithoutActivities(db, {
    scope: scopeCondition(o.principal, 'activity.read', units.code),
    from: formatDate(next),
    to: formatDate(addDays(next, 7)),
  });
  return {
    week: weekRef(next),
    units: gaps,
    stations: gaps.filter((u) => u.level === 'station').length,
    institutes: gaps.filter((u) => u.level === 'institute').length,
  };
}
