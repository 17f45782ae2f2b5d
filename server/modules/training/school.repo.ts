// Queries on enrolments, attendance and qualifications (the volunteer side of the school).
import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { courses, courseSessions, enrolments, qualifications } from '../../db/schema/training';
import { volunteers } from '../../db/schema/volunteers';
import { sites, units } from '../../db/schema/network';

export type EnrolmentRow = typeof enrolments.$inferSelect;
export type QualificationRow = typeof qualifications.$inferSelect;

export async function findVolunteer(db: DbOrTx, where: { id: string } | { number: string }) {
  const [row] = await db
    .select({
      id: volunteers.id,
      number: volunteers.number,
      name: volunteers.name,
      phone: volunteers.phone,
      status: volunteers.status,
      homeUnitCode: volunteers.homeUnitCode,
      erasedAt: volunteers.erasedAt,
      mergedInto: volunteers.mergedInto,
    })
    .from(volunteers)
    .where('id' in where ? eq(volunteers.id, where.id) : eq(volunteers.number, where.number));
  return row ?? null;
}

export async function findEnrolment(db: DbOrTx, sessionId: string, volunteerId: string): Promise<EnrolmentRow | null> {
  const [row] = await db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.volunteerId, volunteerId)));
  return row ?? null;
}

/** Enrols, or re-activates an enrolment cancelled earlier (one row per session and volunteer). */
export async function upsertEnrolment(db: DbOrTx, sessionId: string, volunteerId: string, now: Date): Promise<void> {
  await db
    .insert(enrolments)
    .values({ sessionId, volunteerId, status: 'enrolled', createdAt: now })
    .onConflictDoUpdate({
      target: [enrolments.sessionId, enrolments.volunteerId],
      set: { status: 'enrolled', attended: null, passed: null, recordedBy: null, recordedAt: null, createdAt: now },
    });
}

export async function cancelEnrolment(db: DbOrTx, id: string): Promise<void> {
  await db.update(enrolments).set({ status: 'cancelled' }).where(eq(enrolments.id, id));
}

/** Which of these sessions the volunteer holds a place in. */
export async function enrolledSessionIds(db: DbOrTx, volunteerId: string, sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .select({ sessionId: enrolments.sessionId })
    .from(enrolments)
    .where(and(eq(enrolments.volunteerId, volunteerId), eq(enrolments.status, 'enrolled'), inArray(enrolments.sessionId, sessionIds)));
  return new Set(rows.map((r) => r.sessionId));
}

/** Who holds a place in a session, in enrolment order. */
export async function roster(db: DbOrTx, sessionId: string) {
  return db
    .select({
      enrolmentId: enrolments.id,
      volunteerId: volunteers.id,
      number: volunteers.number,
      name: volunteers.name,
      phone: volunteers.phone,
      attended: enrolments.attended,
      passed: enrolments.passed,
      recordedAt: enrolments.recordedAt,
      enrolledAt: enrolments.createdAt,
    })
    .from(enrolments)
    .innerJoin(volunteers, eq(volunteers.id, enrolments.volunteerId))
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, 'enrolled')))
    .orderBy(asc(enrolments.createdAt), asc(enrolments.id));
}

export async function enrolmentsByIds(db: DbOrTx, sessionId: string, ids: string[]): Promise<EnrolmentRow[]> {
  return db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.id, ids)))
    .for('update');
}

export async function recordAttendance(db: DbOrTx, id: string, values: { attended: boolean; passed: boolean; recordedBy: string | null; recordedAt: Date }) {
  await db.update(enrolments).set(values).where(eq(enrolments.id, id));
}

/** Phones of the volunteers holding a place (for notices); erased volunteers have none. */
export async function enrolledPhones(db: DbOrTx, sessionId: string): Promise<{ volunteerId: string; phone: string }[]> {
  return db
    .select({ volunteerId: volunteers.id, phone: volunteers.phone })
    .from(enrolments)
    .innerJoin(volunteers, eq(volunteers.id, enrolments.volunteerId))
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, 'enrolled'), isNull(volunteers.erasedAt), sql`${volunteers.phone} <> ''`));
}

/** The qualification a pass in one session granted: same volunteer, course and grant time (the session's end). */
export async function findGrant(db: DbOrTx, g: { volunteerId: string; courseId: string; grantedAt: Date }): Promise<QualificationRow | null> {
  const [row] = await db
    .select()
    .from(qualifications)
    .where(and(eq(qualifications.volunteerId, g.volunteerId), eq(qualifications.courseId, g.courseId), eq(qualifications.grantedAt, g.grantedAt)));
  return row ?? null;
}

export async function insertQualification(db: DbOrTx, values: typeof qualifications.$inferInsert): Promise<QualificationRow> {
  const [row] = await db.insert(qualifications).values(values).returning();
  return row;
}

export async function setRevoked(db: DbOrTx, id: string, revokedAt: Date | null): Promise<void> {
  await db.update(qualifications).set({ revokedAt }).where(eq(qualifications.id, id));
}

/**
 * Qualifications of volunteers in scope that expire in (now, until], not revoked and not already renewed (no other
 * live grant of the same name lasting longer). Soonest first, keyset on (expires_at, id).
 */
export async function listExpiring(db: DbOrTx, f: { scope: SQL; now: Date; until: Date; after: [string, string] | null; limit: number }) {
  const where = and(
    f.scope,
    isNull(qualifications.revokedAt),
    sql`${qualifications.expiresAt} > ${f.now} and ${qualifications.expiresAt} <= ${f.until}`,
    isNull(volunteers.erasedAt),
    isNull(volunteers.mergedInto),
    sql`${volunteers.status} <> 'left'`,
    sql`not exists (select 1 from ${qualifications} later where later.volunteer_id = ${qualifications.volunteerId} and later.name = ${qualifications.name}
      and later.revoked_at is null and later.id <> ${qualifications.id}
      and (later.expires_at is null or later.expires_at > ${qualifications.expiresAt}
        or (later.expires_at = ${qualifications.expiresAt} and (later.granted_at, later.id) > (${qualifications.grantedAt}, ${qualifications.id}))))`,
  );
  const after = f.after ? sql`(${qualifications.expiresAt}, ${qualifications.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined;
  const base = () =>
    db
      .select({
        id: qualifications.id,
        name: qualifications.name,
        grantedAt: qualifications.grantedAt,
        expiresAt: qualifications.expiresAt,
        volunteerId: volunteers.id,
        number: volunteers.number,
        volunteerName: volunteers.name,
        phone: volunteers.phone,
        homeUnitName: units.name,
      })
      .from(qualifications)
      .innerJoin(volunteers, eq(volunteers.id, qualifications.volunteerId))
      .leftJoin(units, eq(units.id, volunteers.homeUnitId));
  const rows = await base()
    .where(and(where, after))
    .orderBy(asc(qualifications.expiresAt), asc(qualifications.id))
    .limit(f.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(qualifications)
    .innerJoin(volunteers, eq(volunteers.id, qualifications.volunteerId))
    .where(where);
  return { rows, total };
}

/** Every grant a volunteer holds or held, newest first, with the course title. */
export async function qualificationsOf(db: DbOrTx, volunteerId: string) {
  return db
    .select({ ...getTableColumns(qualifications), courseTitle: courses.title })
    .from(qualifications)
    .leftJoin(courses, eq(courses.id, qualifications.courseId))
    .where(eq(qualifications.volunteerId, volunteerId))
    .orderBy(desc(qualifications.grantedAt), desc(qualifications.id));
}

/** A volunteer's enrolments with their sessions and courses, latest session first. */
export async function recordsOf(db: DbOrTx, volunteerId: string) {
  return db
    .select({
      sessionId: courseSessions.id,
      courseId: courses.id,
      courseTitle: courses.title,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      place: courseSessions.place,
      siteName: sites.name,
      sessionStatus: courseSessions.status,
      enrolment: enrolments.status,
      attended: enrolments.attended,
      passed: enrolments.passed,
    })
    .from(enrolments)
    .innerJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .leftJoin(sites, eq(sites.id, courseSessions.siteId))
    .where(eq(enrolments.volunteerId, volunteerId))
    .orderBy(desc(courseSessions.startsAt))
    .limit(500);
}
