// Queries on belts (实践带) and their ordered stops.
import { and, asc, eq, ilike, inArray, or, sql, type SQL, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { beltStops, belts, sites, units } from '../../db/schema/network';
import { escapeLike } from '../../platform/policy';
import type { BeltStopRow } from './network.presenter';

export type BeltRow = typeof belts.$inferSelect;

export async function findBelt(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<BeltRow | null> {
  const q = db.select().from(belts).where(eq(belts.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

/**
 * Belts the reader may see: those curated by a unit in scope, and those passing through a site in scope
 * (a station admin sees the routes that cross the station). `siteScope` is the same scope on sites.unit_code.
 */
function beltWhere(f: { beltScope: SQL; siteScope: SQL; q?: string }): SQL | undefined {
  const passes = sql`exists (select 1 from ${beltStops} bs join ${sites} on ${sites.id} = bs.site_id
    where bs.belt_id = ${belts.id} and ${f.siteScope})`;
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(or(f.beltScope, passes), q ? or(ilike(belts.name, q), ilike(belts.theme, q)) : undefined);
}

/** Belts in creation order, keyset on (created_at, id). */
export async function listBelts(
  db: DbOrTx,
  f: { beltScope: SQL; siteScope: SQL; q?: string; after: [string, string] | null; limit: number },
) {
  const where = beltWhere(f);
  const after = f.after ? sql`(${belts.createdAt}, ${belts.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined;
  const rows = await db
    // created_at as PostgreSQL's own text for the cursor: a JS Date would cut microseconds and repeat rows.
    .select({ ...getTableColumns(belts), cursorAt: sql<string>`${belts.createdAt}::text` })
    .from(belts)
    .where(and(where, after))
    .orderBy(asc(belts.createdAt), asc(belts.id))
    .limit(f.limit + 1);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(belts).where(where);
  return { rows, total };
}

export async function canSeeBelt(db: DbOrTx, id: string, f: { beltScope: SQL; siteScope: SQL }): Promise<boolean> {
  const [row] = await db
    .select({ id: belts.id })
    .from(belts)
    .where(and(eq(belts.id, id), beltWhere(f)));
  return Boolean(row);
}

export async function stopsOf(db: DbOrTx, beltIds: string[]): Promise<BeltStopRow[]> {
  if (beltIds.length === 0) return [];
  return db
    .select({ beltId: beltStops.beltId, position: beltStops.position, siteId: sites.id, siteName: sites.name, unitName: units.name })
    .from(beltStops)
    .innerJoin(sites, eq(sites.id, beltStops.siteId))
    .innerJoin(units, eq(units.id, sites.unitId))
    .where(inArray(beltStops.beltId, beltIds))
    .orderBy(asc(beltStops.beltId), asc(beltStops.position));
}

export async function sitesByIds(db: DbOrTx, ids: string[]): Promise<{ id: string; unitCode: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: sites.id, unitCode: sites.unitCode }).from(sites).where(inArray(sites.id, ids));
}

export async function insertBelt(db: DbOrTx, values: typeof belts.$inferInsert): Promise<BeltRow> {
  const [row] = await db.insert(belts).values(values).returning();
  return row;
}

export async function updateBelt(db: DbOrTx, id: string, values: Partial<typeof belts.$inferInsert>): Promise<BeltRow> {
  const [row] = await db.update(belts).set(values).where(eq(belts.id, id)).returning();
  return row;
}

export async function replaceStops(db: DbOrTx, beltId: string, siteIds: string[]): Promise<void> {
  await db.delete(beltStops).where(eq(beltStops.beltId, beltId));
  if (siteIds.length) await db.insert(beltStops).values(siteIds.map((siteId, i) => ({ beltId, siteId, position: i + 1 })));
}
