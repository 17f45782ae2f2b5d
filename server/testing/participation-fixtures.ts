// Shared fixtures for the sign-up, attendance, hours and certificate tests: a published activity of a unit, a
// volunteer's sign-up, and a finished check-in/out pair with its pending service record, written directly so each
// module's tests stand on their own.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf } from '../db/client';
import { recordService, type ServiceRecordRow } from '../modules/hours/hours-record';

export type FixtureActivity = { id: string; title: string; unitId: string; unitCode: string; teamId: string | null; startsAt: Date; endsAt: Date };

export async function publishedActivity(
  database: Database,
  opts: {
    unitCode: string;
    startsAt: Date;
    endsAt: Date;
    title?: string;
    volunteerSlots?: number;
    citizenPlaces?: number;
    requiredSkills?: string[];
    requiredQualifications?: string[];
    teamId?: string | null;
    siteId?: string | null;
    geofenceMeters?: number | null;
    cancelCutoffMinutes?: number;
    status?: string;
  },
): Promise<FixtureActivity> {
  const title = opts.title ?? '测试活动' + Math.random().toString(36).slice(2, 6);
  const [unit] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from units where code = ${opts.unitCode}`));
  if (!unit) throw new Error(`no unit ${opts.unitCode}`);
  const skills = `{${(opts.requiredSkills ?? []).map((s) => `"${s}"`).join(',')}}`;
  const quals = `{${(opts.requiredQualifications ?? []).map((s) => `"${s}"`).join(',')}}`;
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`insert into activities
      (title, topic, unit_id, unit_code, team_id, site_id, starts_at, ends_at, volunteer_slots, citizen_places,
       required_skills, required_qualifications, geofence_meters, cancel_cutoff_minutes, status)
      values (${title}, 'culture_life', ${unit.id}, ${opts.unitCode}, ${opts.teamId ?? null}, ${opts.siteId ?? null},
        ${opts.startsAt.toISOString()}, ${opts.endsAt.toISOString()}, ${opts.volunteerSlots ?? 10}, ${opts.citizenPlaces ?? 0},
        ${skills}::text[], ${quals}::text[], ${opts.geofenceMeters ?? null}, ${opts.cancelCutoffMinutes ?? 120}, ${opts.status ?? 'published'})
      returning id`),
  );
  return { id: row.id, title, unitId: unit.id, unitCode: opts.unitCode, teamId: opts.teamId ?? null, startsAt: opts.startsAt, endsAt: opts.endsAt };
}

export async function confirmedSignup(database: Database, activityId: string, volunteerId: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`insert into signups (activity_id, kind, volunteer_id, status) values (${activityId}, 'volunteer', ${volunteerId}, 'confirmed') returning id`),
  );
  return row.id;
}

/** A check-in/out pair (by QR) and the pending service record it makes. */
export async function servedPair(database: Database, activity: FixtureActivity, volunteerId: string, inAt: Date, outAt: Date): Promise<ServiceRecordRow> {
  const [att] = rowsOf<{ id: string }>(
    await database.db.execute(sql`insert into attendances (activity_id, volunteer_id, checked_in_at, checked_out_at, in_method, out_method)
      values (${activity.id}, ${volunteerId}, ${inAt.toISOString()}, ${outAt.toISOString()}, 'qr', 'qr') returning id`),
  );
  const record = await recordService(database.db, {
    volunteerId,
    activity,
    startedAt: inAt,
    endedAt: outAt,
    source: 'checkin',
    strict: false,
    attendanceId: att.id,
  });
  if (!record) throw new Error('pair too short to record');
  return record;
}
