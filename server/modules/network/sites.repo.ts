// Queries on sites (实践点/阵地) and their civic-code tokens. Scope filters use the denormalized unit code.
import { and, asc, eq, getTableColumns, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { retiredCivicTokens, sites, units } from '../../db/schema/network';
import { escapeLike } from '../../platform/policy';
import type { SiteKind, SiteStatus } from '../../../common/network';
import type { PublicSiteRow, SiteWithUnit } from './network.presenter';
import { underCode } from './units.repo';

export type SiteRow = typeof sites.$inferSelect;
const siteColumns = getTableColumns(sites);

function selectSites(db: DbOrTx) {
  return db
    .select({ ...siteColumns, unitName: units.name })
    .from(sites)
    .innerJoin(units, eq(units.id, sites.unitId));
}

export async function findSite(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<SiteWithUnit | null> {
  if (opts.lock) await db.select({ id: sites.id }).from(sites).where(eq(sites.id, id)).for('update');
  const [row] = await selectSites(db).where(eq(sites.id, id));
  return row ?? null;
}

export type SiteFilter = { scope?: SQL; q?: string; kind?: SiteKind; status?: SiteStatus; underCode?: string; notClosed?: boolean };

function siteWhere(f: SiteFilter): SQL | undefined {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(
    f.scope,
    q ? or(ilike(sites.name, q), ilike(sites.unitCode, q), ilike(sites.address, q)) : undefined,
    f.kind ? eq(sites.kind, f.kind) : undefined,
    f.status ? eq(sites.status, f.status) : undefined,
    f.notClosed ? ne(sites.status, 'closed') : undefined,
    f.underCode !== undefined ? underCode(sites.unitCode, f.underCode) : undefined,
  );
}

/** Sites ordered by (unit code, name, id), keyset on that triple. */
export async function listSites(db: DbOrTx, f: SiteFilter & { after: [string, string, string] | null; limit: number }) {
  const where = siteWhere(f);
  const after = f.after ? sql`(${sites.unitCode}, ${sites.name}, ${sites.id}) > (${f.after[0]}, ${f.after[1]}, ${f.after[2]}::uuid)` : undefined;
  const rows = await selectSites(db)
    .where(and(where, after))
    .orderBy(asc(sites.unitCode), asc(sites.name), asc(sites.id))
    .limit(f.limit + 1);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(sites).where(where);
  return { rows, total };
}

/** All sites of a subtree (posters, exports), in list order. */
export async function sitesUnder(db: DbOrTx, f: SiteFilter): Promise<SiteWithUnit[]> {
  return selectSites(db).where(siteWhere(f)).orderBy(asc(sites.unitCode), asc(sites.name), asc(sites.id));
}

export async function siteNameTaken(db: DbOrTx, unitId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.unitId, unitId), eq(sites.name, name), exceptId ? ne(sites.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

export async function insertSite(db: DbOrTx, values: typeof sites.$inferInsert): Promise<SiteRow> {
  const [row] = await db.insert(sites).values(values).returning();
  return row;
}

export async function updateSite(db: DbOrTx, id: string, values: Partial<typeof sites.$inferInsert>): Promise<SiteRow> {
  const [row] = await db.update(sites).set(values).where(eq(sites.id, id)).returning();
  return row;
}

export async function retireToken(db: DbOrTx, token: string, siteId: string, now: Date): Promise<void> {
  await db.insert(retiredCivicTokens).values({ token, siteId, retiredAt: now });
}

const parent = alias(units, 'parent_unit');

/** The public page of a site by its current token: one indexed lookup joined to its unit and that unit's parent. */
export async function findPublicSite(db: DbOrTx, token: string): Promise<PublicSiteRow | null> {
  const [row] = await db
    .select({ ...siteColumns, unitName: units.name, unitLevel: units.level, parentName: parent.name })
    .from(sites)
    .innerJoin(units, eq(units.id, sites.unitId))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(eq(sites.civicToken, token));
  return row ?? null;
}

/** The site a retired token used to open, for the "this code has been replaced" answer. */
export async function findRetiredToken(db: DbOrTx, token: string): Promise<{ siteName: string } | null> {
  const [row] = await db
    .select({ siteName: sites.name })
    .from(retiredCivicTokens)
    .innerJoin(sites, eq(sites.id, retiredCivicTokens.siteId))
    .where(eq(retiredCivicTokens.token, token));
  return row ?? null;
}
