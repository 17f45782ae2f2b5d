// Queries for staff accounts and their role grants. Lists are scoped in SQL through the grants' unit codes.
import { and, desc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { accounts, roleGrants } from '../../db/schema/accounts';
import { units } from '../../db/schema/network';
import { escapeLike } from '../../platform/policy';

export type GrantRow = { id: string; accountId: string; role: string; unitId: string; unitCode: string; unitName: string; unitLevel: string };

export async function findAccount(db: DbOrTx, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

export async function findAccountByPhone(db: DbOrTx, phone: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.phone, phone));
  return row ?? null;
}

export async function grantsOf(db: DbOrTx, accountIds: string[]): Promise<GrantRow[]> {
  if (accountIds.length === 0) return [];
  return db
    .select({
      id: roleGrants.id,
      accountId: roleGrants.accountId,
      role: roleGrants.role,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      unitLevel: units.level,
    })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.accountId, accountIds))
    .orderBy(units.code);
}

/** Accounts holding at least one grant inside the scope, newest first, keyset on (created_at, id). */
export async function listAccounts(
  db: DbOrTx,
  opts: { scope: SQL; q?: string; after: [string, string] | null; limit: number },
) {
  const inScope = sql`exists (select 1 from ${roleGrants} join ${units} on ${units.id} = ${roleGrants.unitId}
    where ${roleGrants.accountId} = ${accounts.id} and ${opts.scope})`;
  const search = opts.q ? or(ilike(accounts.name, `%${escapeLike(opts.q)}%`), ilike(accounts.phone, `%${escapeLike(opts.q)}%`)) : undefined;
  const where = and(inScope, search);
  const after = opts.after
    ? sql`(${accounts.createdAt}, ${accounts.id}) < (${opts.after[0]}::timestamptz, ${opts.after[1]}::uuid)`
    : undefined;
  const rows = await db
    // The cursor carries created_at as PostgreSQL's own text: a JS Date would cut microseconds and skip rows.
    .select({ ...getTableColumns(accounts), cursorAt: sql<string>`${accounts.createdAt}::text` })
    .from(accounts)
    .where(and(where, after))
    .orderBy(desc(accounts.createdAt), desc(accounts.id))
    .limit(opts.limit + 1);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(accounts).where(where);
  return { rows, total };
}

export async function findUnit(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: units.id, code: units.code, level: units.level, name: units.name }).from(units).where(eq(units.id, id));
  return row ?? null;
}
