// Queries on teams, their logos and the counts shown beside them. Scope filters use the denormalized unit code
// (kept in step with unit moves by a trigger); member counts are correlated sub-queries on the (team, volunteer)
// index, so a page of teams is one query.
import { and, asc, desc, eq, getTableColumns, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { units } from '../../db/schema/network';
import { teamLogos, teamMembers, teams } from '../../db/schema/teams';
import { volunteers } from '../../db/schema/volunteers';
import { escapeLike } from '../../platform/policy';
import { underCode } from '../network/units.repo';
import type { FederationStatus } from '../../db/schema/teams';

export type TeamRow = typeof teams.$inferSelect;
export type TeamWithCounts = TeamRow & {
  unitName: string;
  memberCount: number;
  pendingCount: number;
  leaderId: string | null;
  leaderName: string | null;
  hasLogo: boolean;
  /** The federation list's sort key as PostgreSQL's text (a JS Date would cut microseconds and repeat rows). */
  federationSortAt: string;
};

const teamColumns = getTableColumns(teams);

function selectTeams(db: DbOrTx) {
  return db
    .select({
      ...teamColumns,
      unitName: units.name,
      memberCount: sql<number>`(select count(*)::int from ${teamMembers} m where m.team_id = ${teams.id} and m.status = 'active')`,
      pendingCount: sql<number>`(select count(*)::int from ${teamMembers} m where m.team_id = ${teams.id} and m.status = 'pending')`,
      leaderId: sql<string | null>`(select v.id from ${teamMembers} m join ${volunteers} v on v.id = m.volunteer_id
        where m.team_id = ${teams.id} and m.status = 'active' and m.role = 'leader' limit 1)`,
      leaderName: sql<string | null>`(select v.name from ${teamMembers} m join ${volunteers} v on v.id = m.volunteer_id
        where m.team_id = ${teams.id} and m.status = 'active' and m.role = 'leader' limit 1)`,
      hasLogo: sql<boolean>`exists (select 1 from ${teamLogos} l where l.team_id = ${teams.id})`,
      federationSortAt: sql<string>`coalesce(${teams.federationAppliedAt}, ${teams.createdAt})::text`,
    })
    .from(teams)
    .innerJoin(units, eq(units.id, teams.unitId));
}

export async function findTeam(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<TeamWithCounts | null> {
  if (opts.lock) await db.select({ id: teams.id }).from(teams).where(eq(teams.id, id)).for('update');
  const [row] = await selectTeams(db).where(eq(teams.id, id));
  return row ?? null;
}

export async function findTeamByToken(db: DbOrTx, token: string): Promise<TeamWithCounts | null> {
  const [row] = await selectTeams(db).where(eq(teams.joinToken, token));
  return row ?? null;
}

export type TeamFilter = {
  scope?: SQL;
  q?: string;
  underCode?: string;
  kind?: 'unit' | 'organization';
  specialty?: string;
  status?: 'active' | 'dissolved';
  federationStatus?: FederationStatus;
};

function teamWhere(f: TeamFilter): SQL | undefined {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(
    f.scope,
    q ? or(ilike(teams.name, q), ilike(teams.orgName, q), ilike(teams.intro, q)) : undefined,
    f.underCode !== undefined ? underCode(teams.unitCode, f.underCode) : undefined,
    f.kind ? eq(teams.kind, f.kind) : undefined,
    f.specialty ? eq(teams.specialty, f.specialty) : undefined,
    f.status ? eq(teams.status, f.status) : undefined,
    f.federationStatus ? eq(teams.federationStatus, f.federationStatus) : undefined,
  );
}

/** Teams ordered by (unit code, name, id), keyset on that triple. */
export async function listTeams(db: DbOrTx, f: TeamFilter & { after: [string, string, string] | null; limit: number }) {
  const where = teamWhere(f);
  const after = f.after ? sql`(${teams.unitCode}, ${teams.name}, ${teams.id}) > (${f.after[0]}, ${f.after[1]}, ${f.after[2]}::uuid)` : undefined;
  const rows = await selectTeams(db)
    .where(and(where, after))
    .orderBy(asc(teams.unitCode), asc(teams.name), asc(teams.id))
    .limit(f.limit + 1);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(teams).where(where);
  return { rows, total };
}

/** Every team matching the filter, in list order (exports). */
export async function allTeams(db: DbOrTx, f: TeamFilter): Promise<TeamWithCounts[]> {
  return selectTeams(db).where(teamWhere(f)).orderBy(asc(teams.unitCode), asc(teams.name), asc(teams.id));
}

/** Teams by federation status, newest application first, keyset on (applied at, id). */
export async function listFederation(
  db: DbOrTx,
  f: TeamFilter & { federationStatus: FederationStatus; after: [string, string] | null; limit: number },
) {
  const where = teamWhere(f);
  const at = sql`coalesce(${teams.federationAppliedAt}, ${teams.createdAt})`;
  const after = f.after ? sql`(${at}, ${teams.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined;
  const rows = await selectTeams(db)
    .where(and(where, after))
    .orderBy(desc(at), desc(teams.id))
    .limit(f.limit + 1);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(teams).where(where);
  return { rows, total };
}

/** Member teams of the federation for the public list, by name. */
export async function listPublicFederation(db: DbOrTx, f: { q?: string; specialty?: string; after: [string, string] | null; limit: number }) {
  const where = teamWhere({ q: f.q, specialty: f.specialty, status: 'active', federationStatus: 'member' });
  const after = f.after ? sql`(${teams.name}, ${teams.id}) > (${f.after[0]}, ${f.after[1]}::uuid)` : undefined;
  const rows = await selectTeams(db)
    .where(and(where, after))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(f.limit + 1);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(teams).where(where);
  return { rows, total };
}

export async function teamNameTaken(db: DbOrTx, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.name, name), exceptId ? ne(teams.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

export async function insertTeam(db: DbOrTx, values: typeof teams.$inferInsert): Promise<TeamRow> {
  const [row] = await db.insert(teams).values(values).returning();
  return row;
}

export async function updateTeam(db: DbOrTx, id: string, values: Partial<typeof teams.$inferInsert>): Promise<TeamRow> {
  const [row] = await db.update(teams).set(values).where(eq(teams.id, id)).returning();
  return row;
}

export async function findLogo(db: DbOrTx, teamId: string): Promise<{ mime: string; data: Buffer; updatedAt: Date } | null> {
  const [row] = await db.select({ mime: teamLogos.mime, data: teamLogos.data, updatedAt: teamLogos.updatedAt }).from(teamLogos).where(eq(teamLogos.teamId, teamId));
  return row ?? null;
}

export async function putLogo(db: DbOrTx, teamId: string, mime: string, data: Buffer, now: Date): Promise<void> {
  await db
    .insert(teamLogos)
    .values({ teamId, mime, data, updatedAt: now })
    .onConflictDoUpdate({ target: teamLogos.teamId, set: { mime, data, updatedAt: now } });
}
