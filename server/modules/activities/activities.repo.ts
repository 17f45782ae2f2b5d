// Queries on activities, their series and posters. Lists filter on the denormalized unit code (prefix index with
// starts_at) and join the unit, team and site names in the same query.
import { and, asc, eq, getTableColumns, gt, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { activities, activityPosters, activitySeries, monthlyThemes, unitSettings } from '../../db/schema/activities';
import { sites, units } from '../../db/schema/network';
import { teams } from '../../db/schema/teams';
import { accounts } from '../../db/schema/accounts';
import { escapeLike } from '../../platform/policy';
import type { ActivityStatus } from '../../db/schema/activities';

export type ActivityRecord = typeof activities.$inferSelect;
export type ActivityJoined = ActivityRecord & {
  unitName: string;
  unitLevel: 'center' | 'institute' | 'station';
  teamName: string | null;
  siteName: string | null;
  siteAddress: string | null;
  hasPoster: boolean;
  posterAt: Date | null;
};

const columns = getTableColumns(activities);

function selectJoined(db: DbOrTx) {
  return db
    .select({
      ...columns,
      unitName: units.name,
      unitLevel: units.level,
      teamName: teams.name,
      siteName: sites.name,
      siteAddress: sites.address,
      hasPoster: sql<boolean>`${activityPosters.activityId} is not null`,
      posterAt: activityPosters.updatedAt,
    })
    .from(activities)
    .innerJoin(units, eq(units.id, activities.unitId))
    .leftJoin(teams, eq(teams.id, activities.teamId))
    .leftJoin(sites, eq(sites.id, activities.siteId))
    .leftJoin(activityPosters, eq(activityPosters.activityId, activities.id));
}

export async function findActivity(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<ActivityJoined | null> {
  if (opts.lock) await db.select({ id: activities.id }).from(activities).where(eq(activities.id, id)).for('update');
  const [row] = await selectJoined(db).where(eq(activities.id, id));
  return (row as ActivityJoined) ?? null;
}

/** The stored status a derived status stands for, as SQL over the row's times. */
export function statusCondition(status: ActivityStatus, now: Date): SQL {
  const live = inArray(activities.status, ['published', 'in_progress']);
  switch (status) {
    case 'published':
      return and(eq(activities.status, 'published'), gt(activities.startsAt, now))!;
    case 'in_progress':
      return and(live, lte(activities.startsAt, now), gt(activities.endsAt, now))!;
    case 'finished':
      return or(eq(activities.status, 'finished'), and(live, lte(activities.endsAt, now)))!;
    default:
      return eq(activities.status, status);
  }
}

export type ActivityFilter = {
  scope: SQL;
  underCode?: string;
  status?: ActivityStatus;
  topic?: string;
  from?: Date;
  to?: Date;
  q?: string;
  seriesId?: string;
  now: Date;
};

/** Activities ordered by (starts_at, id), keyset on that pair. */
export async function listActivities(db: DbOrTx, f: ActivityFilter & { after: [string, string] | null; limit: number }): Promise<ActivityJoined[]> {
  const where = and(
    f.scope,
    f.underCode ? sql`${activities.unitCode} like ${escapeLike(f.underCode) + '%'}` : undefined,
    f.status ? statusCondition(f.status, f.now) : undefined,
    f.topic ? eq(activities.topic, f.topic) : undefined,
    f.from ? gte(activities.startsAt, f.from) : undefined,
    f.to ? lt(activities.startsAt, f.to) : undefined,
    f.q ? ilike(activities.title, `%${escapeLike(f.q)}%`) : undefined,
    f.seriesId ? eq(activities.seriesId, f.seriesId) : undefined,
    f.after ? sql`(${activities.startsAt}, ${activities.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
  );
  const rows = await selectJoined(db)
    .where(where)
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(f.limit + 1);
  return rows as ActivityJoined[];
}

export async function insertActivities(db: DbOrTx, values: (typeof activities.$inferInsert)[]): Promise<ActivityRecord[]> {
  return db.insert(activities).values(values).returning();
}

export async function updateActivity(db: DbOrTx, id: string, values: Partial<typeof activities.$inferInsert>): Promise<void> {
  await db.update(activities).set(values).where(eq(activities.id, id));
}

/** This activity and the later ones of its series (by start), locked for the change. */
export async function seriesFrom(db: DbOrTx, seriesId: string, from: Date): Promise<ActivityRecord[]> {
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.seriesId, seriesId), gte(activities.startsAt, from)))
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .for('update');
}

export async function seriesDates(db: DbOrTx, seriesId: string): Promise<{ startsAt: Date }[]> {
  return db.select({ startsAt: activities.startsAt }).from(activities).where(eq(activities.seriesId, seriesId)).orderBy(asc(activities.startsAt));
}

export async function insertSeries(db: DbOrTx, values: typeof activitySeries.$inferInsert): Promise<string> {
  const [row] = await db.insert(activitySeries).values(values).returning({ id: activitySeries.id });
  return row.id;
}

export async function updateSeries(db: DbOrTx, id: string, values: Partial<typeof activitySeries.$inferInsert>): Promise<void> {
  await db.update(activitySeries).set(values).where(eq(activitySeries.id, id));
}

export async function findSeries(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ ...getTableColumns(activitySeries), count: sql<number>`(select count(*)::int from ${activities} a where a.series_id = "activity_series"."id")` })
    .from(activitySeries)
    .where(eq(activitySeries.id, id));
  return row ?? null;
}

export async function reviewerName(db: DbOrTx, accountId: string): Promise<string | null> {
  const [row] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return row?.name ?? null;
}

export async function reviewNeeded(db: DbOrTx, unitId: string): Promise<boolean> {
  const [row] = await db.select({ r: unitSettings.activityReview }).from(unitSettings).where(eq(unitSettings.unitId, unitId));
  return row?.r ?? false;
}

/** Submitted activities of units strictly below the given codes. */
export async function reviewQueue(db: DbOrTx, codes: string[], limit: number, after: [string, string] | null): Promise<ActivityJoined[]> {
  if (codes.length === 0) return [];
  const below = or(...codes.map((c) => and(sql`${activities.unitCode} like ${escapeLike(c) + '%'}`, sql`${activities.unitCode} <> ${c}`)));
  const rows = await selectJoined(db)
    .where(
      and(
        eq(activities.status, 'submitted'),
        below,
        after ? sql`(${activities.startsAt}, ${activities.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(limit + 1);
  return rows as ActivityJoined[];
}

export async function putPoster(db: DbOrTx, activityId: string, mime: string, data: Buffer, now: Date): Promise<void> {
  await db
    .insert(activityPosters)
    .values({ activityId, mime, data, updatedAt: now })
    .onConflictDoUpdate({ target: activityPosters.activityId, set: { mime, data, updatedAt: now } });
}

export async function findPoster(db: DbOrTx, activityId: string) {
  const [row] = await db.select().from(activityPosters).where(eq(activityPosters.activityId, activityId));
  return row ?? null;
}

/** The themes of one center by month, for checking and filling activities' theme ids. */
export async function themesOf(db: DbOrTx, centerId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: monthlyThemes.id, month: monthlyThemes.month }).from(monthlyThemes).where(eq(monthlyThemes.unitId, centerId));
  return new Map(rows.map((r) => [r.month, r.id]));
}

export async function findTheme(db: DbOrTx, id: string) {
  const [row] = await db.select().from(monthlyThemes).where(eq(monthlyThemes.id, id));
  return row ?? null;
}
