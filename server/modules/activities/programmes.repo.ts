// Queries on programmes (项目清单), monthly themes and unit settings.
import { and, asc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { activities, monthlyThemes, programmes, unitSettings } from '../../db/schema/activities';
import { units } from '../../db/schema/network';
import { escapeLike } from '../../platform/policy';

export type ProgrammeJoined = typeof programmes.$inferSelect & { unitName: string; unitLevel: 'center' | 'institute' | 'station'; activityCount: number };

function selectProgrammes(db: DbOrTx) {
  return db
    .select({
      ...getTableColumns(programmes),
      unitName: units.name,
      unitLevel: units.level,
      activityCount: sql<number>`(select count(*)::int from ${activities} a where a.programme_id = "programmes"."id")`,
    })
    .from(programmes)
    .innerJoin(units, eq(units.id, programmes.unitId));
}

export async function findProgramme(db: DbOrTx, id: string, lock = false): Promise<ProgrammeJoined | null> {
  if (lock) await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id)).for('update');
  const [row] = await selectProgrammes(db).where(eq(programmes.id, id));
  return (row as ProgrammeJoined) ?? null;
}

export type ProgrammeFilter = {
  /** Rows of the caller's scope (any status) … */
  scope: SQL;
  /** … and the published rows of these units above the caller (shown as inherited). */
  inheritedCodes: string[];
  underCode?: string;
  topic?: string;
  platform?: string;
  status?: string;
  q?: string;
  after: [string, string, string] | null;
  limit: number;
};

/** Programmes ordered by (unit code, title, id). */
export async function listProgrammes(db: DbOrTx, f: ProgrammeFilter): Promise<ProgrammeJoined[]> {
  const visible = or(f.scope, f.inheritedCodes.length ? and(inArray(programmes.unitCode, f.inheritedCodes), eq(programmes.status, 'published')) : undefined);
  const rows = await selectProgrammes(db)
    .where(
      and(
        visible,
        f.underCode ? sql`${programmes.unitCode} like ${escapeLike(f.underCode) + '%'}` : undefined,
        f.topic ? eq(programmes.topic, f.topic) : undefined,
        f.platform ? eq(programmes.platform, f.platform) : undefined,
        f.status ? eq(programmes.status, f.status as 'draft') : undefined,
        f.q ? ilike(programmes.title, `%${escapeLike(f.q)}%`) : undefined,
        f.after ? sql`(${programmes.unitCode}, ${programmes.title}, ${programmes.id}) > (${f.after[0]}, ${f.after[1]}, ${f.after[2]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(programmes.unitCode), asc(programmes.title), asc(programmes.id))
    .limit(f.limit + 1);
  return rows as ProgrammeJoined[];
}

export async function insertProgramme(db: DbOrTx, values: typeof programmes.$inferInsert): Promise<string> {
  const [row] = await db.insert(programmes).values(values).returning({ id: programmes.id });
  return row.id;
}

export async function updateProgramme(db: DbOrTx, id: string, values: Partial<typeof programmes.$inferInsert>): Promise<void> {
  await db.update(programmes).set(values).where(eq(programmes.id, id));
}

export async function adoptionExists(db: DbOrTx, unitId: string, sourceId: string): Promise<boolean> {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(and(eq(programmes.unitId, unitId), eq(programmes.adoptedFrom, sourceId)));
  return Boolean(row);
}

export type ThemeJoined = typeof monthlyThemes.$inferSelect & { unitCode: string; unitName: string; unitLevel: 'center' | 'institute' | 'station' };

export async function listThemes(db: DbOrTx, f: { centerCodes: string[]; from?: string; to?: string }): Promise<ThemeJoined[]> {
  if (f.centerCodes.length === 0) return [];
  const rows = await db
    .select({ ...getTableColumns(monthlyThemes), unitCode: units.code, unitName: units.name, unitLevel: units.level })
    .from(monthlyThemes)
    .innerJoin(units, eq(units.id, monthlyThemes.unitId))
    .where(
      and(
        inArray(units.code, f.centerCodes),
        f.from ? sql`${monthlyThemes.month} >= ${f.from}` : undefined,
        f.to ? sql`${monthlyThemes.month} <= ${f.to}` : undefined,
      ),
    )
    .orderBy(asc(monthlyThemes.month), asc(units.code));
  return rows as ThemeJoined[];
}

export async function findThemeOf(db: DbOrTx, centerId: string, month: string) {
  const [row] = await db.select().from(monthlyThemes).where(and(eq(monthlyThemes.unitId, centerId), eq(monthlyThemes.month, month))).for('update');
  return row ?? null;
}

export async function upsertTheme(db: DbOrTx, values: { unitId: string; month: string; title: string; description: string; createdAt: Date }) {
  const [row] = await db
    .insert(monthlyThemes)
    .values(values)
    .onConflictDoUpdate({ target: [monthlyThemes.unitId, monthlyThemes.month], set: { title: values.title, description: values.description } })
    .returning();
  return row;
}

export async function themeInUse(db: DbOrTx, themeId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(activities).where(eq(activities.themeId, themeId));
  return Number(row.n);
}

export async function deleteTheme(db: DbOrTx, id: string): Promise<void> {
  await db.delete(monthlyThemes).where(eq(monthlyThemes.id, id));
}

export async function getSettings(db: DbOrTx, unitId: string): Promise<{ activityReview: boolean }> {
  const [row] = await db.select({ activityReview: unitSettings.activityReview }).from(unitSettings).where(eq(unitSettings.unitId, unitId));
  return row ?? { activityReview: false };
}

export async function putSettings(db: DbOrTx, unitId: string, activityReview: boolean, now: Date): Promise<void> {
  await db
    .insert(unitSettings)
    .values({ unitId, activityReview, updatedAt: now })
    .onConflictDoUpdate({ target: unitSettings.unitId, set: { activityReview, updatedAt: now } });
}
