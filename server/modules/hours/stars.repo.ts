// Queries on star levels (thresholds) and star awards (a volunteer reached a level; the home unit confirms it).
import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { starAwards, starLevels } from '../../db/schema/hours';
import { volunteers } from '../../db/schema/volunteers';
import { units } from '../../db/schema/network';
import { escapeLike } from '../../platform/policy';

export type StarLevel = { level: number; minHours: number };
export type AwardRow = typeof starAwards.$inferSelect;
export type AwardJoined = AwardRow & { volunteerName: string; volunteerNumber: string; homeUnitName: string | null; homeUnitCode: string };

export async function levels(db: DbOrTx): Promise<StarLevel[]> {
  return db.select({ level: starLevels.level, minHours: starLevels.minHours }).from(starLevels).orderBy(asc(starLevels.level));
}

export async function replaceLevels(db: DbOrTx, list: StarLevel[], now: Date): Promise<void> {
  await db.delete(starLevels);
  await db.insert(starLevels).values(list.map((l) => ({ ...l, updatedAt: now })));
}

/**
 * After the thresholds change: pending awards for levels no longer reached go, and levels now reached get a
 * pending award (no notice here; the volunteer hears when the home unit confirms).
 */
export async function reconcileAwards(db: DbOrTx, now: Date): Promise<void> {
  await db.execute(sql`delete from star_awards a where a.status = 'pending' and not exists (
    select 1 from star_levels l join volunteers v on v.id = a.volunteer_id where l.level = a.level and l.min_hours * 60 <= v.service_minutes)`);
  await db.execute(sql`insert into star_awards (volunteer_id, level, minutes_at, status, reached_at)
    select v.id, l.level, v.service_minutes, 'pending', ${now.toISOString()}::timestamptz from volunteers v join star_levels l on l.min_hours * 60 <= v.service_minutes
    where v.merged_into is null and v.service_minutes > 0
    on conflict do nothing`);
}

function selectJoined(db: DbOrTx) {
  return db
    .select({ ...getTableColumns(starAwards), volunteerName: volunteers.name, volunteerNumber: volunteers.number, homeUnitName: units.name, homeUnitCode: volunteers.homeUnitCode })
    .from(starAwards)
    .innerJoin(volunteers, eq(volunteers.id, starAwards.volunteerId))
    .leftJoin(units, eq(units.id, volunteers.homeUnitId));
}

export async function findAward(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<AwardJoined | null> {
  if (opts.lock) await db.select({ id: starAwards.id }).from(starAwards).where(eq(starAwards.id, id)).for('update');
  const [row] = await selectJoined(db).where(eq(starAwards.id, id));
  return (row as AwardJoined) ?? null;
}

/** Newest first, keyset on (reached_at, id) descending. */
export async function listAwards(
  db: DbOrTx,
  f: { scope: SQL; underCode?: string; status?: 'pending' | 'confirmed'; after: [string, string] | null; limit: number },
): Promise<AwardJoined[]> {
  const rows = await selectJoined(db)
    .where(
      and(
        f.scope,
        f.underCode ? sql`${volunteers.homeUnitCode} like ${escapeLike(f.underCode) + '%'}` : undefined,
        f.status ? eq(starAwards.status, f.status) : undefined,
        f.after ? sql`(${starAwards.reachedAt}, ${starAwards.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(starAwards.reachedAt), desc(starAwards.id))
    .limit(f.limit + 1);
  return rows as AwardJoined[];
}

/** The highest level a volunteer has reached but the home unit has not yet confirmed. */
export async function pendingLevelOf(db: DbOrTx, volunteerId: string): Promise<number | null> {
  const [row] = await db
    .select({ level: sql<number | null>`max(${starAwards.level})::int` })
    .from(starAwards)
    .where(and(eq(starAwards.volunteerId, volunteerId), eq(starAwards.status, 'pending')));
  return row?.level ?? null;
}
