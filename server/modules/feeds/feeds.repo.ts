// Queries of the feeds module: whose calendar a secret token opens, the activities each feed shows (through the
// activities module's own list query), and the volunteer's calendar token.
import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { activities } from '../../db/schema/activities';
import { signups } from '../../db/schema/attendance';
import { volunteers } from '../../db/schema/volunteers';
import { teams } from '../../db/schema/teams';
import { listActivities, type ActivityJoined } from '../activities/activities.repo';

/** Enough for 120 days of any team, site or person; a feed is no archive. */
export const MAX_EVENTS = 1_000;
const PUBLISHED = ['published', 'in_progress', 'finished'] as const;

export type Window = { from: Date; to: Date; now: Date };

async function inWindow(db: DbOrTx, scope: ReturnType<typeof and>, w: Window): Promise<ActivityJoined[]> {
  const rows = await listActivities(db, { scope: and(scope, gte(activities.startsAt, w.from), lt(activities.startsAt, w.to))!, now: w.now, after: null, limit: MAX_EVENTS });
  return rows.slice(0, MAX_EVENTS);
}

export async function volunteerByCalendarToken(db: DbOrTx, token: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: volunteers.id, name: volunteers.name })
    .from(volunteers)
    .where(and(eq(volunteers.calendarToken, token), isNull(volunteers.mergedInto), isNull(volunteers.erasedAt)));
  return row ?? null;
}

/** Activities the volunteer holds a confirmed place in; cancelled activities stay (marked) so calendars drop them. */
export async function confirmedActivities(db: DbOrTx, volunteerId: string, w: Window): Promise<ActivityJoined[]> {
  const mine = db
    .select({ id: signups.activityId })
    .from(signups)
    .where(and(eq(signups.volunteerId, volunteerId), eq(signups.kind, 'volunteer'), eq(signups.status, 'confirmed')));
  return inWindow(db, and(inArray(activities.id, mine), inArray(activities.status, [...PUBLISHED, 'cancelled'])), w);
}

export async function activeTeam(db: DbOrTx, id: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.id, id), eq(teams.status, 'active')));
  return row ?? null;
}

export async function teamActivities(db: DbOrTx, teamId: string, w: Window): Promise<ActivityJoined[]> {
  return inWindow(db, and(eq(activities.teamId, teamId), inArray(activities.status, [...PUBLISHED])), w);
}

export async function siteActivities(db: DbOrTx, siteId: string, w: Window): Promise<ActivityJoined[]> {
  return inWindow(db, and(eq(activities.siteId, siteId), inArray(activities.status, [...PUBLISHED])), w);
}

export async function calendarTokenOf(db: DbOrTx, volunteerId: string): Promise<string | null> {
  const [row] = await db.select({ token: volunteers.calendarToken }).from(volunteers).where(eq(volunteers.id, volunteerId));
  return row?.token ?? null;
}

/** Sets the token when none is set yet (two first calls at once both end with the same one). */
export async function setTokenIfNone(db: DbOrTx, volunteerId: string, token: string): Promise<void> {
  await db.update(volunteers).set({ calendarToken: token }).where(and(eq(volunteers.id, volunteerId), isNull(volunteers.calendarToken)));
}

export async function replaceToken(db: DbOrTx, volunteerId: string, token: string): Promise<void> {
  await db.update(volunteers).set({ calendarToken: token }).where(eq(volunteers.id, volunteerId));
}
