// Queries on team memberships (team_members): a join request is a row with status 'pending'; the volunteers
// module creates such rows too (registration with a team's QR token). One row per (team, volunteer), reused when
// someone asks to join again after leaving or being turned down.
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { units } from '../../db/schema/network';
import { teamMembers, teams, type TeamMemberRole, type TeamMemberStatus } from '../../db/schema/teams';
import { volunteers } from '../../db/schema/volunteers';
import { escapeLike } from '../../platform/policy';

export type MemberRow = typeof teamMembers.$inferSelect;
export type MemberWithVolunteer = MemberRow & { number: string; name: string; phone: string; requestedAtText: string };

const roleRank = sql<number>`(case ${teamMembers.role} when 'leader' then 0 when 'vice_leader' then 1 else 2 end)`;

function selectMembers(db: DbOrTx) {
  return db
    .select({
      id: teamMembers.id,
      teamId: teamMembers.teamId,
      volunteerId: teamMembers.volunteerId,
      role: teamMembers.role,
      status: teamMembers.status,
      requestedAt: teamMembers.requestedAt,
      joinedAt: teamMembers.joinedAt,
      endedAt: teamMembers.endedAt,
      decidedBy: teamMembers.decidedBy,
      note: teamMembers.note,
      number: volunteers.number,
      name: volunteers.name,
      phone: volunteers.phone,
      // The cursor's copy of requested_at, in PostgreSQL's own text so microseconds survive.
      requestedAtText: sql<string>`${teamMembers.requestedAt}::text`,
    })
    .from(teamMembers)
    .innerJoin(volunteers, eq(volunteers.id, teamMembers.volunteerId));
}

export async function findMember(db: DbOrTx, teamId: string, memberId: string, opts: { lock?: boolean } = {}): Promise<MemberWithVolunteer | null> {
  if (opts.lock) await db.select({ id: teamMembers.id }).from(teamMembers).where(eq(teamMembers.id, memberId)).for('update');
  const [row] = await selectMembers(db).where(and(eq(teamMembers.id, memberId), eq(teamMembers.teamId, teamId)));
  return row ?? null;
}

export async function findMembership(db: DbOrTx, teamId: string, volunteerId: string, opts: { lock?: boolean } = {}): Promise<MemberRow | null> {
  const q = db
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.volunteerId, volunteerId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export type MemberFilter = { teamId: string; statuses: TeamMemberStatus[]; q?: string };

function memberWhere(f: MemberFilter): SQL | undefined {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  // A phone is matched by its last digits only: the list shows it masked, so a fragment search must not reveal more.
  const phoneTail = f.q && /^\d{4}$/.test(f.q) ? sql`right(${volunteers.phone}, 4) = ${f.q}` : undefined;
  return and(
    eq(teamMembers.teamId, f.teamId),
    inArray(teamMembers.status, f.statuses),
    q ? or(ilike(volunteers.name, q), eq(volunteers.number, f.q!.toUpperCase()), phoneTail) : undefined,
  );
}

/** Members by (role rank, requested at, id): leaders first, then in the order they asked to join. */
export async function listMembers(db: DbOrTx, f: MemberFilter & { after: [number, string, string] | null; limit: number }) {
  const where = memberWhere(f);
  const after = f.after
    ? sql`(${roleRank}, ${teamMembers.requestedAt}, ${teamMembers.id}) > (${f.after[0]}::int, ${f.after[1]}::timestamptz, ${f.after[2]}::uuid)`
    : undefined;
  const rows = await selectMembers(db)
    .where(and(where, after))
    .orderBy(asc(roleRank), asc(teamMembers.requestedAt), asc(teamMembers.id))
    .limit(f.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(teamMembers)
    .innerJoin(volunteers, eq(volunteers.id, teamMembers.volunteerId))
    .where(where);
  return { rows, total };
}

export async function insertMember(db: DbOrTx, values: typeof teamMembers.$inferInsert): Promise<MemberRow> {
  const [row] = await db.insert(teamMembers).values(values).returning();
  return row;
}

/** Inserts unless the (team, volunteer) row exists already (two requests at once); then null. */
export async function insertMemberIfAbsent(db: DbOrTx, values: typeof teamMembers.$inferInsert): Promise<MemberRow | null> {
  const [row] = await db.insert(teamMembers).values(values).onConflictDoNothing({ target: [teamMembers.teamId, teamMembers.volunteerId] }).returning();
  return row ?? null;
}

export async function updateMember(db: DbOrTx, id: string, values: Partial<typeof teamMembers.$inferInsert>): Promise<MemberRow> {
  const [row] = await db.update(teamMembers).set(values).where(eq(teamMembers.id, id)).returning();
  return row;
}

/** The active leaders of a team (exactly one when the rules hold; the transfer fixes any drift). */
export async function activeLeaders(db: DbOrTx, teamId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.status, 'active'), eq(teamMembers.role, 'leader')))
    .for('update');
}

/** Ends every open membership of a team (dissolution): active → left, pending → rejected. */
export async function endAllMemberships(db: DbOrTx, teamId: string, now: Date, note: string): Promise<number> {
  const ended = await db
    .update(teamMembers)
    .set({ status: sql`(case ${teamMembers.status} when 'pending' then 'rejected' else 'left' end)`, endedAt: now, note })
    .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.status, ['pending', 'active'])))
    .returning({ id: teamMembers.id });
  return ended.length;
}

export type MyTeamRow = {
  teamId: string;
  name: string;
  specialty: string;
  unitName: string;
  teamStatus: 'active' | 'dissolved';
  role: TeamMemberRole;
  status: TeamMemberStatus;
  requestedAt: Date;
  joinedAt: Date | null;
};

/** A volunteer's memberships, open ones first, newest first. */
export async function myTeams(db: DbOrTx, volunteerId: string): Promise<MyTeamRow[]> {
  return db
    .select({
      teamId: teams.id,
      name: teams.name,
      specialty: teams.specialty,
      unitName: units.name,
      teamStatus: teams.status,
      role: teamMembers.role,
      status: teamMembers.status,
      requestedAt: teamMembers.requestedAt,
      joinedAt: teamMembers.joinedAt,
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(units, eq(units.id, teams.unitId))
    .where(eq(teamMembers.volunteerId, volunteerId))
    .orderBy(sql`(case when ${teamMembers.status} in ('pending', 'active') then 0 else 1 end)`, desc(teamMembers.requestedAt))
    .limit(200);
}

export type VolunteerRef = { id: string; number: string; name: string; phone: string; status: string; erasedAt: Date | null; mergedInto: string | null };

export async function findVolunteer(db: DbOrTx, where: { id?: string; number?: string }): Promise<VolunteerRef | null> {
  const cond = where.id ? eq(volunteers.id, where.id) : eq(volunteers.number, where.number ?? '');
  const [row] = await db
    .select({
      id: volunteers.id,
      number: volunteers.number,
      name: volunteers.name,
      phone: volunteers.phone,
      status: volunteers.status,
      erasedAt: volunteers.erasedAt,
      mergedInto: volunteers.mergedInto,
    })
    .from(volunteers)
    .where(cond);
  return row ?? null;
}
