// The lists of sign-ups: the runner's list of an activity (with check-in and minutes, one query), and a
// volunteer's own sign-ups with their activities. Both keyset-paged.
import { and, asc, desc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { signups, type SignupKind, type SignupStatus } from '../../db/schema/attendance';
import { activities } from '../../db/schema/activities';
import { sites, units } from '../../db/schema/network';
import { volunteers } from '../../db/schema/volunteers';
import { positionSql } from './signups.repo';

const position = positionSql(signups);

export type RunnerRow = {
  id: string;
  kind: SignupKind;
  status: SignupStatus;
  position: number | null;
  volunteerId: string | null;
  volunteerNumber: string | null;
  name: string;
  phone: string;
  createdAt: Date;
  cancelledAt: Date | null;
  checkedIn: boolean;
  minutes: number;
};

/** Sign-ups and bookings of an activity by (created_at, id); `limit` null = all (the export). */
export async function runnerRows(
  db: DbOrTx,
  f: { activityId: string; kind?: SignupKind; status?: SignupStatus; after?: [string, string] | null; limit: number | null; id?: string },
): Promise<RunnerRow[]> {
  const q = db
    .select({
      id: signups.id,
      kind: signups.kind,
      status: signups.status,
      position,
      volunteerId: signups.volunteerId,
      volunteerNumber: volunteers.number,
      name: sql<string>`coalesce(${volunteers.name}, ${signups.name})`,
      phone: sql<string>`coalesce(${volunteers.phone}, ${signups.phone})`,
      createdAt: signups.createdAt,
      cancelledAt: signups.cancelledAt,
      checkedIn: sql<boolean>`(${signups.volunteerId} is not null and exists (
        select 1 from attendances t where t.activity_id = ${signups.activityId} and t.volunteer_id = ${signups.volunteerId}))`,
      minutes: sql<number>`(case when ${signups.volunteerId} is null then 0 else (
        select coalesce(sum(r.minutes), 0)::int from service_records r
        where r.activity_id = ${signups.activityId} and r.volunteer_id = ${signups.volunteerId} and r.status in ('approved', 'pending')) end)`,
    })
    .from(signups)
    .leftJoin(volunteers, eq(volunteers.id, signups.volunteerId))
    .where(
      and(
        eq(signups.activityId, f.activityId),
        f.id ? eq(signups.id, f.id) : undefined,
        f.kind ? eq(signups.kind, f.kind) : undefined,
        f.status ? eq(signups.status, f.status) : undefined,
        f.after ? sql`(${signups.createdAt}, ${signups.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(signups.createdAt), asc(signups.id));
  const rows = f.limit === null ? await q : await q.limit(f.limit + 1);
  return rows.map((r) => ({ ...r, position: r.position === null ? null : Number(r.position), minutes: Number(r.minutes) }));
}

export type MySignupListRow = {
  id: string;
  status: SignupStatus;
  position: number | null;
  createdAt: Date;
  activity: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    status: (typeof activities.$inferSelect)['status'];
    cancelCutoffMinutes: number;
    siteName: string | null;
    address: string;
    unitName: string;
  };
};

/**
 * A volunteer's live sign-ups: upcoming (the activity has not ended) soonest first, or past (ended) latest first.
 * Keyset on (activity start, sign-up id).
 */
export async function volunteerSignups(
  db: DbOrTx,
  f: { volunteerId: string; when: 'upcoming' | 'past'; now: Date; after: [string, string] | null; limit: number },
): Promise<MySignupListRow[]> {
  const upcoming = f.when === 'upcoming';
  const keyset = f.after
    ? upcoming
      ? sql`(${activities.startsAt}, ${signups.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`
      : sql`(${activities.startsAt}, ${signups.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`
    : undefined;
  const rows = await db
    .select({
      id: signups.id,
      status: signups.status,
      position,
      createdAt: signups.createdAt,
      activityId: activities.id,
      title: activities.title,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      activityStatus: activities.status,
      cancelCutoffMinutes: activities.cancelCutoffMinutes,
      siteName: sites.name,
      address: activities.address,
      unitName: units.name,
    })
    .from(signups)
    .innerJoin(activities, eq(activities.id, signups.activityId))
    .innerJoin(units, eq(units.id, activities.unitId))
    .leftJoin(sites, eq(sites.id, activities.siteId))
    .where(
      and(
        eq(signups.volunteerId, f.volunteerId),
        ne(signups.status, 'cancelled'),
        upcoming ? gt(activities.endsAt, f.now) : lte(activities.endsAt, f.now),
        keyset,
      ),
    )
    .orderBy(...(upcoming ? [asc(activities.startsAt), asc(signups.id)] : [desc(activities.startsAt), desc(signups.id)]))
    .limit(f.limit + 1);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    position: r.position === null ? null : Number(r.position),
    createdAt: r.createdAt,
    activity: {
      id: r.activityId,
      title: r.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.activityStatus,
      cancelCutoffMinutes: r.cancelCutoffMinutes,
      siteName: r.siteName,
      address: r.address,
      unitName: r.unitName,
    },
  }));
}
