// Queries on units (center → institutes → stations). Subtrees are code-prefix ranges served by the
// text_pattern_ops index; the tree with its counts is one query.
import { and, asc, eq, ilike, ne, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { belts, sites, units } from '../../db/schema/network';
import { escapeLike } from '../../platform/policy';
import type { UnitLevel, UnitStatus } from '../../../common/network';

export type UnitRow = typeof units.$inferSelect;

/** `code LIKE 'prefix%'`, escaped, for a subtree. */
export function underCode(column: SQL | Column, code: string): SQL {
  return sql`${column} like ${escapeLike(code) + '%'}`;
}

export async function findUnit(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<UnitRow | null> {
  const q = db.select().from(units).where(eq(units.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findUnitByCode(db: DbOrTx, code: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.code, code));
  return row ?? null;
}

export type TreeRow = {
  id: string;
  code: string;
  parentId: string | null;
  level: UnitLevel;
  name: string;
  status: UnitStatus;
  siteCount: number;
  childCount: number;
};

/** Every unit in scope with its own site count and child count, ordered by code: one query, indexed lookups. */
export async function unitTree(db: DbOrTx, scope: SQL): Promise<TreeRow[]> {
  const result = await db.execute(sql`
    select ${units.id} as id, ${units.code} as code, ${units.parentId} as "parentId", ${units.level} as level,
      ${units.name} as name, ${units.status} as status,
      (select count(*)::int from ${sites} s where s.unit_id = ${units.id}) as "siteCount",
      (select count(*)::int from ${units} c where c.parent_id = ${units.id}) as "childCount"
    from ${units}
    where ${scope}
    order by ${units.code}`);
  return rowsOf<TreeRow>(result);
}

export type UnitFilter = { scope: SQL; q?: string; level?: UnitLevel; status?: UnitStatus; underCode?: string };

function unitWhere(f: UnitFilter): SQL | undefined {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(
    f.scope,
    q ? or(ilike(units.name, q), ilike(units.code, q), ilike(units.address, q)) : undefined,
    f.level ? eq(units.level, f.level) : undefined,
    f.status ? eq(units.status, f.status) : undefined,
    f.underCode !== undefined ? underCode(units.code, f.underCode) : undefined,
  );
}

/** Units ordered by code, keyset on the code (unique). */
export async function listUnits(db: DbOrTx, f: UnitFilter & { afterCode: string | null; limit: number }) {
  const where = unitWhere(f);
  const rows = await db
    .select()
    .from(units)
    .where(and(where, f.afterCode !== null ? sql`${units.code} > ${f.afterCode}` : undefined))
    .orderBy(asc(units.code))
    .limit(f.limit + 1);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(units).where(where);
  return { rows, total };
}

export async function insertUnit(db: DbOrTx, values: typeof units.$inferInsert): Promise<UnitRow> {
  const [row] = await db.insert(units).values(values).returning();
  return row;
}

export async function updateUnit(db: DbOrTx, id: string, values: Partial<typeof units.$inferInsert>): Promise<UnitRow> {
  const [row] = await db.update(units).set(values).where(eq(units.id, id)).returning();
  return row;
}

/** Units whose code starts with `code` other than the unit itself: a move would collide with them. */
export async function codeRangeTaken(db: DbOrTx, code: string, exceptCodePrefix: string): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(underCode(units.code, code), sql`not (${underCode(units.code, exceptCodePrefix)})`))
    .limit(1);
  return Boolean(row);
}

/**
 * Replaces the code prefix `from` by `to` on a unit, its descendants, and the denormalized codes of their
 * sites and belts. Returns how many units changed.
 */
export async function recodeSubtree(db: DbOrTx, from: string, to: string, now: Date): Promise<number> {
  const len = from.length;
  const changed = await db
    .update(units)
    .set({ code: sql`${to} || substr(${units.code}, ${len + 1})`, updatedAt: now })
    .where(underCode(units.code, from))
    .returning({ id: units.id });
  await db
    .update(sites)
    .set({ unitCode: sql`${to} || substr(${sites.unitCode}, ${len + 1})` })
    .where(underCode(sites.unitCode, from));
  await db
    .update(belts)
    .set({ unitCode: sql`${to} || substr(${belts.unitCode}, ${len + 1})` })
    .where(underCode(belts.unitCode, from));
  return changed.length;
}

/** What keeps a unit from closing: its sites that are not closed and its children that are not closed. */
export async function closeBlockers(db: DbOrTx, unitId: string): Promise<{ openSites: number; activeChildren: number }> {
  const [s] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sites)
    .where(and(eq(sites.unitId, unitId), ne(sites.status, 'closed')));
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.parentId, unitId), eq(units.status, 'active')));
  return { openSites: s.n, activeChildren: c.n };
}
