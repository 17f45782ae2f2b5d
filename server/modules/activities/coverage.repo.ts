// Queries of the coverage report. Each answer is one statement over the whole subtree: weeks and months come
// from generate_series and are joined to the per-(unit, week) and per-(unit, month, theme) counts a trigger keeps,
// so a district of 122 stations × 53 weeks reads a few thousand counts, whatever the number of activities.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { escapeLike } from '../../platform/policy';
import type { ActivityStatus } from '../../db/schema/activities';

/** Activities that make a week (or a month's theme) covered: what citizens can actually attend. */
export const COUNTED_STATUSES: readonly ActivityStatus[] = ['published', 'in_progress', 'finished'];
const counted = sql.raw(`(${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/** Local midnight of a date in Asia/Shanghai as a timestamptz. */
const localMidnight = (date: string): SQL => sql`((${date}::date)::timestamp at time zone 'Asia/Shanghai')`;
const subtree = (column: SQL, code: string): SQL => sql`${column} like ${escapeLike(code) + '%'}`;

export type GridRow = {
  id: string;
  code: string;
  name: string;
  level: 'institute' | 'station';
  parentId: string | null;
  /** Counted activities the unit itself organizes, one per week of the range. */
  weeks: number[];
  /** Per month of the range: the unit held a counted activity carrying that month's theme. */
  themed: boolean[];
};

/**
 * The grid for the active institutes and stations under `code` (the unit itself included when it is one):
 * Mondays `firstMonday`…`lastMonday` and the months `firstMonth`…`lastMonth` ('YYYY-MM-01' dates). A month's
 * theme is the one the district center (`rootCode`) set.
 */
export async function coverageGrid(
  db: DbOrTx,
  o: { code: string; rootCode: string; firstMonday: string; lastMonday: string; firstMonth: string; lastMonth: string },
): Promise<GridRow[]> {
  const result = await db.execute(sql`
    with u as (
      select id, code, name, level, parent_id from units
      where ${subtree(sql`code`, o.code)} and level in ('institute', 'station') and status = 'active'
    ),
    wk as (select d::date as ws from generate_series(${o.firstMonday}::date, ${o.lastMonday}::date, interval '7 days') d),
    mo as (select to_char(m, 'YYYY-MM') as month from generate_series(${o.firstMonth}::date, ${o.lastMonth}::date, interval '1 month') m),
    th as (
      select mo.month, t.id as theme_id from mo
      join monthly_themes t on t.month = mo.month
      join units c on c.id = t.unit_id and c.code = ${o.rootCode}
    ),
    -- Counts kept by the activities_counts trigger (migration 0009): weeks with activities, themed months.
    aw as (
      select unit_code, week as ws, activities as n from activity_week_counts
      where ${subtree(sql`unit_code`, o.code)} and week between ${o.firstMonday}::date and ${o.lastMonday}::date and activities > 0
    ),
    am as (
      select distinct m.unit_code, th.month from activity_theme_months m join th on th.theme_id = m.theme_id and th.month = m.month
      where ${subtree(sql`m.unit_code`, o.code)} and m.activities > 0
    ),
    gw as (
      select u.code, array_agg(coalesce(aw.n, 0) order by wk.ws) as weeks
      from u cross join wk left join aw on aw.unit_code = u.code and aw.ws = wk.ws group by u.code
    ),
    gm as (
      select u.code, array_agg(am.unit_code is not null order by mo.month) as themed
      from u cross join mo left join am on am.unit_code = u.code and am.month = mo.month group by u.code
    )
    select u.id, u.code, u.name, u.level, u.parent_id as "parentId", gw.weeks, gm.themed
    from u join gw on gw.code = u.code join gm on gm.code = u.code
    order by u.code`);
  return rowsOf<GridRow>(result).map((r) => ({ ...r, weeks: r.weeks.map(Number), themed: r.themed.map((x) => x === true || (x as unknown) === 't') }));
}

export type ThemeRow = { id: string; month: string; title: string };

export async function centerThemes(db: DbOrTx, o: { rootCode: string; months: string[] }): Promise<ThemeRow[]> {
  if (o.months.length === 0) return [];
  const result = await db.execute(sql`
    select t.id, t.month, t.title from monthly_themes t join units c on c.id = t.unit_id
    where c.code = ${o.rootCode} and t.month in (${sql.join(o.months.map((m) => sql`${m}`), sql`, `)})`);
  return rowsOf<ThemeRow>(result);
}

export type ActivityListRow = {
  id: string;
  title: string;
  topic: string;
  brands: string[];
  status: ActivityStatus;
  startsAt: Date | string;
  endsAt: Date | string;
  address: string;
  volunteerSlots: number;
  citizenPlaces: number;
  unitId: string;
  unitCode: string;
  unitName: string;
  siteName: string | null;
  teamName: string | null;
  themeTitle: string | null;
};

/**
 * Activities of the subtree under `code` starting in [from, to) local dates, with their unit, site, team and
 * theme names, ordered by start. `statuses` limits them (all when absent); `limit` caps exports.
 */
export async function activitiesBetween(
  db: DbOrTx,
  o: { code: string; from: string; to: string; statuses?: readonly ActivityStatus[]; excludeDrafts?: boolean; limit: number },
): Promise<ActivityListRow[]> {
  const statusFilter = o.statuses
    ? sql`and a.status in (${sql.join(o.statuses.map((s) => sql`${s}`), sql`, `)})`
    : o.excludeDrafts
      ? sql`and a.status <> 'draft'`
      : sql``;
  const result = await db.execute(sql`
    select a.id, a.title, a.topic, a.brands, a.status, a.starts_at as "startsAt", a.ends_at as "endsAt", a.address,
           a.volunteer_slots as "volunteerSlots", a.citizen_places as "citizenPlaces",
           a.unit_id as "unitId", a.unit_code as "unitCode", u.name as "unitName",
           s.name as "siteName", tm.name as "teamName", th.title as "themeTitle"
    from activities a
    join units u on u.id = a.unit_id
    left join sites s on s.id = a.site_id
    left join teams tm on tm.id = a.team_id
    left join monthly_themes th on th.id = a.theme_id
    where ${subtree(sql`a.unit_code`, o.code)}
      and a.starts_at >= ${localMidnight(o.from)} and a.starts_at < ${localMidnight(o.to)}
      ${statusFilter}
    order by a.starts_at, a.id
    limit ${o.limit}`);
  return rowsOf<ActivityListRow>(result);
}

export type AlertUnitRow = { id: string; code: string; name: string; level: 'institute' | 'station' };

/** Active institutes and stations within `scope` with no counted activity of their own in [from, to). */
export async function unitsWithoutActivities(db: DbOrTx, o: { scope: SQL; from: string; to: string }): Promise<AlertUnitRow[]> {
  const result = await db.execute(sql`
    select units.id, units.code, units.name, units.level from units
    where ${o.scope} and units.level in ('institute', 'station') and units.status = 'active'
      and not exists (
        select 1 from activities a
        where a.unit_code = units.code and a.status in ${counted}
          and a.starts_at >= ${localMidnight(o.from)} and a.starts_at < ${localMidnight(o.to)})
    order by units.code`);
  return rowsOf<AlertUnitRow>(result);
}
