// Helpers for the hours API tests: local times, past activities of a unit, team leaders, and reading back what
// the app wrote (notifications, totals) straight from the database.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/client';
import { fromLocal } from '../activities/activity-time';
import { publishedActivity, type FixtureActivity } from '../../testing/participation-fixtures';

/** A Shanghai wall-clock time ('2025-03-10', '09:00') as an instant. */
export const at = (date: string, time: string) => fromLocal(date, time);

/** A published activity of the unit from `from` to `to` (local 'YYYY-MM-DD HH:MM'), already over. */
export async function pastActivity(database: Database, unitCode: string, from: string, to: string, teamId: string | null = null): Promise<FixtureActivity> {
  const [d1, t1] = from.split(' ');
  const [d2, t2] = to.split(' ');
  return publishedActivity(database, { unitCode, startsAt: at(d1, t1), endsAt: at(d2, t2), teamId });
}

export async function makeLeader(database: Database, teamId: string, volunteerId: string): Promise<void> {
  await database.db.execute(sql`insert into team_members (team_id, volunteer_id, role, status, joined_at) values (${teamId}, ${volunteerId}, 'leader', 'active', now())`);
}

export async function notificationsOf(database: Database, volunteerId: string): Promise<{ purpose: string; title: string; body: string }[]> {
  return rowsOf(await database.db.execute(sql`select purpose, title, body from notifications where volunteer_id = ${volunteerId} order by created_at, id`));
}

export async function serviceMinutesOf(database: Database, volunteerId: string): Promise<number> {
  const [row] = rowsOf<{ m: number }>(await database.db.execute(sql`select service_minutes as m from volunteers where id = ${volunteerId}`));
  return Number(row.m);
}

/** The first station under an institute (seeded demo network). */
export async function firstStationOf(database: Database, instituteCode: string): Promise<{ id: string; code: string }> {
  const [row] = rowsOf<{ id: string; code: string }>(
    await database.db.execute(sql`select id, code from units where code like ${instituteCode + '%'} and level = 'station' order by code limit 1`),
  );
  return row;
}
