// Helpers for the activities API tests: unit ids, sites and teams by unit, and a valid activity body.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/client';

export async function unitId(database: Database, code: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from units where code = ${code}`));
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

export async function siteIn(database: Database, code: string): Promise<{ id: string; civic_token: string }> {
  const [row] = rowsOf<{ id: string; civic_token: string }>(
    await database.db.execute(sql`select id, civic_token from sites where unit_code = ${code} and status <> 'closed' order by name limit 1`),
  );
  if (!row) throw new Error(`no site in ${code}`);
  return row;
}

export async function teamIn(database: Database, code: string): Promise<string> {
  const unit = await unitId(database, code);
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`insert into teams (name, unit_id, unit_code, specialty, join_token)
      values (${'测试队' + Math.random().toString(36).slice(2, 8)}, ${unit}, ${code}, 'culture', ${Math.random().toString(36).slice(2, 14)}) returning id`),
  );
  return row.id;
}

/** An ISO instant `hours` from `from` (default now), whole minutes. */
export function inHours(hours: number, from = new Date()): string {
  return new Date(Math.floor(from.getTime() / 60_000) * 60_000 + hours * 3600_000).toISOString();
}

export function activityBody(unit: string, over: Record<string, unknown> = {}) {
  return {
    title: '周末读书会',
    topic: 'culture_life',
    brands: ['一周一课'],
    unitId: unit,
    startsAt: inHours(48),
    endsAt: inHours(50),
    description: '一起读书',
    volunteerSlots: 5,
    citizenPlaces: 20,
    ...over,
  };
}

export async function auditCount(database: Database, action: string, objectId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and object_id = ${objectId}`));
  return Number(row.n);
}
