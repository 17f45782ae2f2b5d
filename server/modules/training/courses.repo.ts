// Queries on courses and their sessions. Scope filters use the denormalized courses.unit_code (kept in step with
// unit moves by a trigger); session counts are correlated subqueries so a list is one query.
import { and, asc, desc, eq, getTableColumns, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { courses, courseSessions, enrolments } from '../../db/schema/training';
import { sites, units } from '../../db/schema/network';
import { escapeLike } from '../../platform/policy';

export type CourseRow = typeof courses.$inferSelect;
export type CourseWithStats = CourseRow & { unitName: string; sessionCount: number; upcomingCount: number; nextSessionAt: Date | null };
export type SessionRow = typeof courseSessions.$inferSelect;
export type SessionWithCourse = SessionRow & {
  courseTitle: string;
  courseUnitCode: string;
  courseStatus: 'open' | 'closed';
  qualification: string | null;
  validMonths: number | null;
  siteName: string | null;
  enrolled: number;
};

const courseColumns = getTableColumns(courses);
const sessionColumns = getTableColumns(courseSessions);

function courseStats(now: Date) {
  return {
    unitName: units.name,
    sessionCount: sql<number>`(select count(*)::int from ${courseSessions} s where s.course_id = ${courses.id} and s.status <> 'cancelled')`,
    upcomingCount: sql<number>`(select count(*)::int from ${courseSessions} s where s.course_id = ${courses.id} and s.status = 'scheduled' and s.starts_at > ${now})`,
    nextSessionAt: sql<Date | null>`(select min(s.starts_at) from ${courseSessions} s where s.course_id = ${courses.id} and s.status = 'scheduled' and s.starts_at > ${now})`.mapWith(
      courseSessions.startsAt,
    ),
  };
}

function selectCourses(db: DbOrTx, now: Date) {
  return db
    .select({ ...courseColumns, ...courseStats(now) })
    .from(courses)
    .innerJoin(units, eq(units.id, courses.unitId));
}

export async function findCourse(db: DbOrTx, id: string, now: Date, opts: { lock?: boolean } = {}): Promise<CourseWithStats | null> {
  if (opts.lock) await db.select({ id: courses.id }).from(courses).where(eq(courses.id, id)).for('update');
  const [row] = await selectCourses(db, now).where(eq(courses.id, id));
  return row ?? null;
}

export type CourseFilter = { scope: SQL; q?: string; status?: 'open' | 'closed' };

function courseWhere(f: CourseFilter): SQL | undefined {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(f.scope, q ? or(ilike(courses.title, q), ilike(courses.qualification, q)) : undefined, f.status ? eq(courses.status, f.status) : undefined);
}

/** Newest first, keyset on (created_at, id) descending. */
export async function listCourses(db: DbOrTx, f: CourseFilter & { now: Date; after: [string, string] | null; limit: number }) {
  const where = courseWhere(f);
  const after = f.after ? sql`(${courses.createdAt}, ${courses.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined;
  const rows = await selectCourses(db, f.now)
    .where(and(where, after))
    .orderBy(desc(courses.createdAt), desc(courses.id))
    .limit(f.limit + 1);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(courses).where(where);
  return { rows, total };
}

export async function insertCourse(db: DbOrTx, values: typeof courses.$inferInsert): Promise<CourseRow> {
  const [row] = await db.insert(courses).values(values).returning();
  return row;
}

export async function updateCourse(db: DbOrTx, id: string, values: Partial<typeof courses.$inferInsert>): Promise<void> {
  await db.update(courses).set(values).where(eq(courses.id, id));
}

const enrolledCount = sql<number>`(select count(*)::int from ${enrolments} e where e.session_id = ${courseSessions.id} and e.status = 'enrolled')`;

function selectSessions(db: DbOrTx) {
  return db
    .select({
      ...sessionColumns,
      courseTitle: courses.title,
      courseUnitCode: courses.unitCode,
      courseStatus: courses.status,
      qualification: courses.qualification,
      validMonths: courses.validMonths,
      siteName: sites.name,
      enrolled: enrolledCount,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .leftJoin(sites, eq(sites.id, courseSessions.siteId));
}

/**
 * One session with its course. `lock` takes the session row FOR UPDATE first: enrolments count places under
 * this lock, so two requests for the last place are served one after the other.
 */
export async function findSession(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<SessionWithCourse | null> {
  if (opts.lock) await db.select({ id: courseSessions.id }).from(courseSessions).where(eq(courseSessions.id, id)).for('update');
  const [row] = await selectSessions(db).where(eq(courseSessions.id, id));
  return row ?? null;
}

/** A course's sessions, latest first (a course has a handful; capped for safety). */
export async function sessionsOfCourse(db: DbOrTx, courseId: string): Promise<SessionWithCourse[]> {
  return selectSessions(db).where(eq(courseSessions.courseId, courseId)).orderBy(desc(courseSessions.startsAt)).limit(500);
}

function selectVolunteerSessions(db: DbOrTx) {
  return db
    .select({
      ...sessionColumns,
      courseTitle: courses.title,
      courseDescription: courses.description,
      courseUnitName: units.name,
      qualification: courses.qualification,
      validMonths: courses.validMonths,
      siteName: sites.name,
      enrolled: enrolledCount,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .innerJoin(units, eq(units.id, courses.unitId))
    .leftJoin(sites, eq(sites.id, courseSessions.siteId));
}
export type VolunteerSessionRow = Awaited<ReturnType<typeof upcomingSessions>>[number];

/** Scheduled sessions of open courses that have not started, soonest first. */
export async function upcomingSessions(db: DbOrTx, now: Date, limit: number) {
  return selectVolunteerSessions(db)
    .where(and(eq(courseSessions.status, 'scheduled'), eq(courses.status, 'open'), sql`${courseSessions.startsAt} > ${now}`))
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id))
    .limit(limit);
}

/** One session as a volunteer sees it. */
export async function volunteerSession(db: DbOrTx, id: string): Promise<VolunteerSessionRow | null> {
  const [row] = await selectVolunteerSessions(db).where(eq(courseSessions.id, id));
  return row ?? null;
}

export async function insertSession(db: DbOrTx, values: typeof courseSessions.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(courseSessions).values(values).returning();
  return row;
}

export async function setSessionStatus(db: DbOrTx, id: string, status: 'scheduled' | 'cancelled'): Promise<void> {
  await db.update(courseSessions).set({ status }).where(eq(courseSessions.id, id));
}

export async function findSite(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: sites.id, name: sites.name, unitCode: sites.unitCode, status: sites.status })
    .from(sites)
    .where(and(eq(sites.id, id), ne(sites.status, 'closed')));
  return row ?? null;
}
