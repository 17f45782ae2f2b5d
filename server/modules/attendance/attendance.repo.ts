// Queries of the attendance module: the activity with its site's position, the sign-up row that serialises one
// person's check-ins, check-in/out pairs, and the runner's list. Sign-ups are only read here.
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client';
import { activities, type ActivityStatus } from '../../db/schema/activities';
import { sites } from '../../db/schema/network';
import { attendances, signups, type AttendanceMethod, type SignupStatus } from '../../db/schema/attendance';
import { serviceRecords } from '../../db/schema/hours';
import { volunteers } from '../../db/schema/volunteers';
import type { RecordActivity } from '../hours/hours-record';
import { recordActivityColumns } from '../hours/hours.repo';

export type AttendanceRow = typeof attendances.$inferSelect;

export type AttendanceActivity = RecordActivity & {
  status: ActivityStatus;
  geofenceMeters: number | null;
  siteLat: number | null;
  siteLng: number | null;
};

export async function findActivity(db: DbOrTx, id: string): Promise<AttendanceActivity | null> {
  const [row] = await db
    .select({
      ...recordActivityColumns,
      geofenceMeters: activities.geofenceMeters,
      siteLat: sites.lat,
      siteLng: sites.lng,
    })
    .from(activities)
    .leftJoin(sites, eq(sites.id, activities.siteId))
    .where(eq(activities.id, id));
  return row ?? null;
}

/**
 * The person's live sign-up for the activity, locked until the transaction ends: two scans of the same person
 * (two phones, a retry with a new key) then run one after the other and see each other's pairs.
 */
export async function lockSignup(tx: DbOrTx, activityId: string, volunteerId: string): Promise<{ id: string; status: SignupStatus } | null> {
  const [row] = await tx
    .select({ id: signups.id, status: signups.status })
    .from(signups)
    .where(and(eq(signups.activityId, activityId), eq(signups.volunteerId, volunteerId), eq(signups.kind, 'volunteer'), ne(signups.status, 'cancelled')))
    .for('update');
  return row ?? null;
}

export async function openPair(tx: DbOrTx, activityId: string, volunteerId: string): Promise<AttendanceRow | null> {
  const [row] = await tx
    .select()
    .from(attendances)
    .where(and(eq(attendances.activityId, activityId), eq(attendances.volunteerId, volunteerId), isNull(attendances.checkedOutAt)));
  return row ?? null;
}

/** Pairs begun in [from, to) — a local day. */
export async function pairsBetween(tx: DbOrTx, activityId: string, volunteerId: string, from: Date, to: Date): Promise<number> {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(attendances)
    .where(
      and(
        eq(attendances.activityId, activityId),
        eq(attendances.volunteerId, volunteerId),
        sql`${attendances.checkedInAt} >= ${from}`,
        lt(attendances.checkedInAt, to),
      ),
    );
  return Number(n);
}

/** The latest check-out of the person at the activity, so a check-in typed by hand cannot go back before it. */
export async function lastCheckOut(tx: DbOrTx, activityId: string, volunteerId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: sql<Date | null>`max(${attendances.checkedOutAt})` })
    .from(attendances)
    .where(and(eq(attendances.activityId, activityId), eq(attendances.volunteerId, volunteerId)));
  return row?.at ? new Date(row.at) : null;
}

export async function insertPair(
  tx: DbOrTx,
  values: { activityId: string; volunteerId: string; at: Date; method: AttendanceMethod; by: string | null; lat: number | null; lng: number | null },
): Promise<AttendanceRow> {
  const [row] = await tx
    .insert(attendances)
    .values({
      activityId: values.activityId,
      volunteerId: values.volunteerId,
      checkedInAt: values.at,
      inMethod: values.method,
      inBy: values.by,
      inLat: values.lat,
      inLng: values.lng,
    })
    .returning();
  return row;
}

/** Closes the pair if it is still open; null when someone (the job, a runner) closed it first. */
export async function closePair(
  tx: DbOrTx,
  id: string,
  values: { at: Date; method: AttendanceMethod; by: string | null; autoClosed?: boolean },
): Promise<AttendanceRow | null> {
  const [row] = await tx
    .update(attendances)
    .set({ checkedOutAt: values.at, outMethod: values.method, outBy: values.by, autoClosed: values.autoClosed ?? false })
    .where(and(eq(attendances.id, id), isNull(attendances.checkedOutAt)))
    .returning();
  return row ?? null;
}

export async function pairsOf(db: DbOrTx, activityId: string, volunteerIds: string[]): Promise<AttendanceRow[]> {
  if (volunteerIds.length === 0) return [];
  return db
    .select()
    .from(attendances)
    .where(and(eq(attendances.activityId, activityId), inArray(attendances.volunteerId, volunteerIds)))
    .orderBy(asc(attendances.checkedInAt));
}

export type RosterPerson = { volunteerId: string; volunteerNumber: string; name: string; signupStatus: SignupStatus | null };

/** Everyone with a confirmed sign-up, and anyone else with a pair (a sign-up cancelled after checking in). */
export async function rosterOf(db: DbOrTx, activityId: string): Promise<RosterPerson[]> {
  // The latest sign-up per person tells their status; people with pairs but no sign-up show null.
  const rows = await db.execute(sql`
    with people as (
      select volunteer_id from ${signups} where activity_id = ${activityId} and kind = 'volunteer' and status = 'confirmed'
      union
      select volunteer_id from ${attendances} where activity_id = ${activityId}
    )
    select v.id as "volunteerId", v.number as "volunteerNumber", v.name,
      (select s.status from ${signups} s where s.activity_id = ${activityId} and s.volunteer_id = v.id
        order by (s.status <> 'cancelled') desc, s.created_at desc limit 1) as "signupStatus"
    from people p join ${volunteers} v on v.id = p.volunteer_id
    order by v.name, v.number`);
  return rowsOf<RosterPerson>(rows);
}

/** Pending and approved minutes per person at the activity (what will count, or already counts). */
export async function minutesByVolunteer(db: DbOrTx, activityId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ volunteerId: serviceRecords.volunteerId, minutes: sql<number>`coalesce(sum(${serviceRecords.minutes}), 0)::int` })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.activityId, activityId), inArray(serviceRecords.status, ['pending', 'approved'])))
    .groupBy(serviceRecords.volunteerId);
  return new Map(rows.map((r) => [r.volunteerId, Number(r.minutes)]));
}

/** Open pairs of activities that ended before `endedBefore`, oldest first. */
export async function openPairsEndedBefore(db: DbOrTx, endedBefore: Date, limit: number): Promise<{ id: string; activityId: string }[]> {
  return db
    .select({ id: attendances.id, activityId: attendances.activityId })
    .from(attendances)
    .innerJoin(activities, eq(activities.id, attendances.activityId))
    .where(and(isNull(attendances.checkedOutAt), lt(activities.endsAt, endedBefore)))
    .orderBy(asc(attendances.checkedInAt), desc(attendances.id))
    .limit(limit);
}

export async function pairById(tx: DbOrTx, id: string): Promise<AttendanceRow | null> {
  const [row] = await tx.select().from(attendances).where(eq(attendances.id, id));
  return row ?? null;
}
