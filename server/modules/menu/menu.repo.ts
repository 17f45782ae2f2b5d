// Queries on service menu items: one item with its unit and team names, the staff list (keyset on updatedAt, id),
// site names for presenting, and the published menu of a site.
import { and, desc, eq, getTableColumns, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { menuItems } from '../../db/schema/orders';
import { sites, units } from '../../db/schema/network';
import { teams } from '../../db/schema/teams';
import { escapeLike } from '../../platform/policy';
import { serviceCategoryKeys } from '../../../common/service-categories';

export type MenuItemRow = typeof menuItems.$inferSelect;
export type MenuItemJoined = MenuItemRow & { unitName: string; teamName: string | null };

// Cursors carry milliseconds (ISO strings); rows written by SQL defaults carry microseconds. Sorting and comparing
// on the truncated value keeps the keyset exact either way.
const updatedMs = sql`date_trunc('milliseconds', ${menuItems.updatedAt})`;

function selectItems(db: DbOrTx) {
  return db
    .select({ ...getTableColumns(menuItems), unitName: units.name, teamName: teams.name })
    .from(menuItems)
    .innerJoin(units, eq(units.id, menuItems.unitId))
    .leftJoin(teams, eq(teams.id, menuItems.teamId));
}

export async function findMenuItem(db: DbOrTx, id: string, lock = false): Promise<MenuItemJoined | null> {
  if (lock) await db.select({ id: menuItems.id }).from(menuItems).where(eq(menuItems.id, id)).for('update');
  const [row] = await selectItems(db).where(eq(menuItems.id, id));
  return row ?? null;
}

export type MenuFilter = {
  scope: SQL;
  underCode?: string;
  status?: string;
  category?: string;
  q?: string;
  after: [string, string] | null;
  limit: number;
};

/** Items in scope, most recently changed first (updatedAt desc, id desc). */
export async function listMenuItems(db: DbOrTx, f: MenuFilter): Promise<MenuItemJoined[]> {
  return selectItems(db)
    .where(
      and(
        f.scope,
        f.underCode ? sql`${menuItems.unitCode} like ${escapeLike(f.underCode) + '%'}` : undefined,
        f.status ? eq(menuItems.status, f.status as 'draft') : undefined,
        f.category ? eq(menuItems.category, f.category) : undefined,
        f.q ? ilike(menuItems.title, `%${escapeLike(f.q)}%`) : undefined,
        f.after ? sql`(${updatedMs}, ${menuItems.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(updatedMs), desc(menuItems.id))
    .limit(f.limit + 1);
}

export async function insertMenuItem(db: DbOrTx, values: typeof menuItems.$inferInsert): Promise<string> {
  const [row] = await db.insert(menuItems).values(values).returning({ id: menuItems.id });
  return row.id;
}

export async function updateMenuItem(db: DbOrTx, id: string, values: Partial<typeof menuItems.$inferInsert>): Promise<void> {
  await db.update(menuItems).set(values).where(eq(menuItems.id, id));
}

/** Names of the given sites, by id (for presenting items; one query per page). */
export async function siteNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The sites with their unit codes and status, to check an item's siteIds. */
export async function sitesByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: sites.id, unitCode: sites.unitCode, status: sites.status }).from(sites).where(inArray(sites.id, ids));
}

const categoryOrder = sql.raw(`array[${serviceCategoryKeys.map((k) => `'${k}'`).join(',')}]::text[]`);

/**
 * The published menu at a site: items offered at it by id, plus whole-unit items (no sites) of its unit and of the
 * units above it. Ordered by category (in the list's order) then title.
 */
export async function publishedMenuAt(db: DbOrTx, site: { id: string; unitCodes: string[] }, max: number): Promise<MenuItemJoined[]> {
  return selectItems(db)
    .where(
      and(
        eq(menuItems.status, 'published'),
        sql`(${site.id}::uuid = any(${menuItems.siteIds}) or (cardinality(${menuItems.siteIds}) = 0 and ${inArray(menuItems.unitCode, site.unitCodes)}))`,
      ),
    )
    .orderBy(sql`array_position(${categoryOrder}, ${menuItems.category})`, menuItems.title, menuItems.id)
    .limit(max);
}
