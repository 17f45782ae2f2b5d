// Queries on the volunteer registry. The list is built for a million rows: scope and unit filters are prefix
// tests on home_unit_code (text_pattern_ops index), name and phone fragments go through the trigram indexes,
// skills through the GIN index, and pages are keyset on the volunteer number (unique index; newest first).
import { and, desc, eq, getTableColumns, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { consents, volunteerPhotos, volunteers } from '../../db/schema/volunteers';
import { units } from '../../db/schema/network';
import { accounts, sessions } from '../../db/schema/accounts';
import { teamMembers, teams } from '../../db/schema/teams';
import { courseSessions, courses, enrolments, qualifications } from '../../db/schema/training';
import { escapeLike } from '../../platform/policy';
import type { VolunteerStatus } from '../../db/schema/volunteers';

export type VolunteerRow = typeof volunteers.$inferSelect;
export type VolunteerWithUnit = VolunteerRow & { unitName: string | null };

const columns = getTableColumns(volunteers);

export async function findVolunteer(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<VolunteerWithUnit | null> {
  if (opts.lock) await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.id, id)).for('update');
  const [row] = await db
    .select({ ...columns, unitName: units.name })
    .from(volunteers)
    .leftJoin(units, eq(units.id, volunteers.homeUnitId))
    .where(and(eq(volunteers.id, id), isNull(volunteers.mergedInto)));
  return row ?? null;
}

export async function findByIdHash(db: DbOrTx, idHash: string): Promise<{ id: string } | null> {
  const [row] = await db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.idHash, idHash)).limit(1);
  return row ?? null;
}

export async function findByAccount(db: DbOrTx, accountId: string): Promise<VolunteerRow | null> {
  const [row] = await db.select().from(volunteers).where(eq(volunteers.accountId, accountId)).limit(1);
  return row ?? null;
}

/** Volunteer records with this phone that nobody signs in for yet (registered by staff or imported). */
export async function unlinkedByPhone(db: DbOrTx, phone: string): Promise<VolunteerRow[]> {
  return db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.phone, phone), isNull(volunteers.accountId), isNull(volunteers.erasedAt), isNull(volunteers.mergedInto)))
    .limit(2);
}

export async function insertVolunteer(db: DbOrTx, values: typeof volunteers.$inferInsert): Promise<VolunteerRow> {
  const [row] = await db.insert(volunteers).values(values).returning();
  return row;
}

export async function updateVolunteer(db: DbOrTx, id: string, values: Partial<typeof volunteers.$inferInsert>): Promise<VolunteerRow> {
  const [row] = await db.update(volunteers).set(values).where(eq(volunteers.id, id)).returning();
  return row;
}

export type ListFilter = {
  scope: SQL;
  q?: string;
  skill?: string;
  underCode?: string;
  /** The unit filtered on is a station (nothing below it). */
  underIsLeaf?: boolean;
  status?: VolunteerStatus;
  /** Born after this date (YYYY-MM-DD) = a minor today; with minor=false the opposite. */
  minor?: { value: boolean; cutoff: string };
};

const pad = (digits: string) => 'V' + digits.padStart(9, '0');

/**
 * What a search box entry matches: a volunteer number (V123 or plain digits), a phone fragment (≥ 4 digits,
 * trigram), or a name fragment (two characters: the bigram index; three or more: trigram; a single character is
 * taken as a surname and matches the name's start, bounded by the page limit on the number index).
 */
export function searchCondition(raw: string | undefined): SQL | undefined {
  const q = (raw ?? '').replace(/\s+/g, '');
  if (!q) return undefined;
  const number = /^[Vv](\d{1,12})$/.exec(q);
  if (number) return eq(volunteers.number, pad(number[1]));
  if (/^\d+$/.test(q)) {
    const byNumber = q.length <= 12 ? eq(volunteers.number, pad(q)) : undefined;
    return q.length >= 4 ? or(like(volunteers.phone, `%${q}%`), byNumber) : byNumber;
  }
  const text = escapeLike(q);
  // Chinese has no case: plain LIKE is much cheaper than ILIKE's case folding and the trigram index serves both.
  const op = /[a-z]/i.test(q) ? sql.raw('ilike') : sql.raw('like');
  const contains = sql`${volunteers.name} ${op} ${'%' + text + '%'}`;
  // Two characters: the bigram index (migration 0005) finds the candidates, the LIKE keeps it exact.
  if ([...q].length === 2) return sql`wm_bigrams(${volunteers.name}) @> array[lower(${q})]::text[] and ${contains}`;
  if ([...q].length >= 3) return contains;
  return like(volunteers.name, `${text}%`);
}

/** False for a one-character name fragment, which no index serves: its pages are bounded, a count is not. */
export function searchIsIndexed(raw: string | undefined): boolean {
  const q = (raw ?? '').replace(/\s+/g, '');
  return !q || /^[Vv]?\d+$/.test(q) || [...q].length >= 2;
}

function listWhere(f: ListFilter): SQL | undefined {
  return and(
    f.scope,
    isNull(volunteers.mergedInto),
    searchCondition(f.q),
    f.skill ? sql`${volunteers.skills} @> array[${f.skill}]::text[]` : undefined,
    // A station has no units below it: equality lets the planner use the scope index without a sort.
    f.underCode !== undefined
      ? f.underIsLeaf
        ? eq(volunteers.homeUnitCode, f.underCode)
        : like(volunteers.homeUnitCode, `${escapeLike(f.underCode)}%`)
      : undefined,
    f.status ? eq(volunteers.status, f.status) : undefined,
    f.minor
      ? f.minor.value
        ? sql`${volunteers.birthDate} > ${f.minor.cutoff}::date`
        : sql`(${volunteers.birthDate} is null or ${volunteers.birthDate} <= ${f.minor.cutoff}::date)`
      : undefined,
  );
}

const rowColumns = {
  id: volunteers.id,
  number: volunteers.number,
  name: volunteers.name,
  phone: volunteers.phone,
  idMasked: volunteers.idMasked,
  gender: volunteers.gender,
  birthDate: volunteers.birthDate,
  skills: volunteers.skills,
  homeUnitId: volunteers.homeUnitId,
  homeUnitCode: volunteers.homeUnitCode,
  status: volunteers.status,
  source: volunteers.source,
  createdAt: volunteers.createdAt,
  unitName: units.name,
};
export type ListRow = Pick<VolunteerRow, Exclude<keyof typeof rowColumns, 'unitName'>> & { unitName: string | null };

/** One page, newest number first; `afterNumber` is the last number of the previous page. */
export async function listVolunteers(db: DbOrTx, f: ListFilter & { afterNumber: string | null; limit: number }): Promise<ListRow[]> {
  const rows = await db
    .select(rowColumns)
    .from(volunteers)
    .leftJoin(units, eq(units.id, volunteers.homeUnitId))
    .where(and(listWhere(f), f.afterNumber ? lt(volunteers.number, f.afterNumber) : undefined))
    .orderBy(desc(volunteers.number))
    .limit(f.limit);
  return rows;
}

/** How many rows match, counting no further than `cap` (an exact count over a million rows costs too much). */
export async function countVolunteers(db: DbOrTx, f: ListFilter, cap: number): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from (select 1 from ${volunteers} where ${listWhere(f)} limit ${cap}) t`),
  );
  return Number(row.n);
}

export async function teamsOf(db: DbOrTx, volunteerId: string) {
  return db
    .select({ id: teams.id, name: teams.name, role: teamMembers.role, status: teamMembers.status })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.volunteerId, volunteerId))
    .orderBy(teams.name);
}

/** The current grant of each qualification: revoked ones left out, a renewed one shown once (the longest-lasting). */
export async function qualificationsOf(db: DbOrTx, volunteerId: string) {
  return db
    .selectDistinctOn([qualifications.name], { name: qualifications.name, grantedAt: qualifications.grantedAt, expiresAt: qualifications.expiresAt })
    .from(qualifications)
    .where(and(eq(qualifications.volunteerId, volunteerId), isNull(qualifications.revokedAt)))
    .orderBy(qualifications.name, sql`${qualifications.expiresAt} desc nulls first`, desc(qualifications.grantedAt));
}

export async function trainingsOf(db: DbOrTx, volunteerId: string) {
  return db
    .select({ courseTitle: courses.title, startsAt: courseSessions.startsAt, status: enrolments.status, attended: enrolments.attended, passed: enrolments.passed })
    .from(enrolments)
    .innerJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(enrolments.volunteerId, volunteerId))
    .orderBy(desc(courseSessions.startsAt))
    .limit(100);
}

export async function consentsOf(db: DbOrTx, volunteerId: string) {
  return db.select().from(consents).where(eq(consents.volunteerId, volunteerId)).orderBy(consents.acceptedAt, consents.kind);
}

export async function insertConsents(db: DbOrTx, values: (typeof consents.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(consents).values(values);
}

export async function photoOf(db: DbOrTx, volunteerId: string) {
  const [row] = await db.select().from(volunteerPhotos).where(eq(volunteerPhotos.volunteerId, volunteerId));
  return row ?? null;
}

export async function hasPhoto(db: DbOrTx, volunteerId: string): Promise<Date | null> {
  const [row] = await db.select({ at: volunteerPhotos.updatedAt }).from(volunteerPhotos).where(eq(volunteerPhotos.volunteerId, volunteerId));
  return row?.at ?? null;
}

export async function savePhoto(db: DbOrTx, volunteerId: string, mime: string, data: Buffer, now: Date): Promise<void> {
  await db
    .insert(volunteerPhotos)
    .values({ volunteerId, mime, data, updatedAt: now })
    .onConflictDoUpdate({ target: volunteerPhotos.volunteerId, set: { mime, data, updatedAt: now } });
}

export async function deletePhoto(db: DbOrTx, volunteerId: string): Promise<void> {
  await db.delete(volunteerPhotos).where(eq(volunteerPhotos.volunteerId, volunteerId));
}

export async function accountNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((x): x is string => Boolean(x));
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findAccountByPhone(db: DbOrTx, phone: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.phone, phone));
  return row ?? null;
}

export async function findAccount(db: DbOrTx, id: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

export async function insertAccount(db: DbOrTx, values: typeof accounts.$inferInsert) {
  const [row] = await db.insert(accounts).values(values).returning();
  return row;
}

/** Ends the person's memberships (erasure): the rows stay as service history, without the person. */
export async function endMemberships(db: DbOrTx, volunteerId: string, now: Date): Promise<void> {
  await db
    .update(teamMembers)
    .set({ status: 'left', endedAt: now })
    .where(and(eq(teamMembers.volunteerId, volunteerId), inArray(teamMembers.status, ['pending', 'active'])));
}

export async function teamByJoinToken(db: DbOrTx, token: string) {
  const [row] = await db.select({ id: teams.id, status: teams.status }).from(teams).where(eq(teams.joinToken, token));
  return row ?? null;
}

export async function requestTeamJoin(db: DbOrTx, teamId: string, volunteerId: string, now: Date): Promise<void> {
  await db.insert(teamMembers).values({ teamId, volunteerId, role: 'member', status: 'pending', requestedAt: now }).onConflictDoNothing();
}

export async function endSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
