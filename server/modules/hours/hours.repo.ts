// Queries on service records: the joined list (scope by unit-code prefix or led team, keyset on started_at, id),
// one record, and the chain of versions a correction belongs to.
import { and, desc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '../../db/client';
import { serviceRecords, type ServiceRecordStatus } from '../../db/schema/hours';
import { volunteers } from '../../db/schema/volunteers';
import { activities } from '../../db/schema/activities';
import { units } from '../../db/schema/network';
import { teams } from '../../db/schema/teams';
import { accounts } from '../../db/schema/accounts';
import { escapeLike } from '../../platform/policy';
import type { RecordActivity, ServiceRecordRow } from './hours-record';

export type RecordJoined = ServiceRecordRow & {
  volunteerName: string;
  volunteerNumber: string;
  activityTitle: string;
  unitName: string;
  teamName: string | null;
  requestedByName: string | null;
  decidedByName: string | null;
};

const requester = alias(accounts, 'requester');
const decider = alias(accounts, 'decider');

function selectJoined(db: DbOrTx) {
  return db
    .select({
      ...getTableColumns(serviceRecords),
      volunteerName: volunteers.name,
      volunteerNumber: volunteers.number,
      activityTitle: activities.title,
      unitName: units.name,
      teamName: teams.name,
      requestedByName: requester.name,
      decidedByName: decider.name,
    })
    .from(serviceRecords)
    .innerJoin(volunteers, eq(volunteers.id, serviceRecords.volunteerId))
    .innerJoin(activities, eq(activities.id, serviceRecords.activityId))
    .innerJoin(units, eq(units.id, serviceRecords.unitId))
    .leftJoin(teams, eq(teams.id, serviceRecords.teamId))
    .leftJoin(requester, eq(requester.id, serviceRecords.requestedBy))
    .leftJoin(decider, eq(decider.id, serviceRecords.decidedBy));
}

export type RecordFilter = {
  /** What the caller may see (unit scope or led teams). */
  scope: SQL;
  underCode?: string;
  status?: ServiceRecordStatus;
  /** Leave superseded versions out (the volunteer's own list). */
  currentOnly?: boolean;
  flagged?: boolean;
  activityId?: string;
  teamId?: string;
  volunteerId?: string;
  q?: string;
  from?: Date;
  to?: Date;
};

function whereOf(f: RecordFilter): SQL | undefined {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(
    f.scope,
    f.underCode ? sql`${serviceRecords.unitCode} like ${escapeLike(f.underCode) + '%'}` : undefined,
    f.status ? eq(serviceRecords.status, f.status) : undefined,
    f.currentOnly ? sql`${serviceRecords.status} <> 'superseded'` : undefined,
    f.flagged === true ? sql`cardinality(${serviceRecords.flags}) > 0` : undefined,
    f.flagged === false ? sql`cardinality(${serviceRecords.flags}) = 0` : undefined,
    f.activityId ? eq(serviceRecords.activityId, f.activityId) : undefined,
    f.teamId ? eq(serviceRecords.teamId, f.teamId) : undefined,
    f.volunteerId ? eq(serviceRecords.volunteerId, f.volunteerId) : undefined,
    q ? or(ilike(volunteers.name, q), eq(volunteers.number, f.q!.toUpperCase()), ilike(activities.title, q)) : undefined,
    f.from ? sql`${serviceRecords.startedAt} >= ${f.from}` : undefined,
    f.to ? sql`${serviceRecords.startedAt} < ${f.to}` : undefined,
  );
}

/** Newest service first, keyset on (started_at, id) descending. */
export async function listRecords(db: DbOrTx, f: RecordFilter & { after: [string, string] | null; limit: number }): Promise<RecordJoined[]> {
  const rows = await selectJoined(db)
    .where(and(whereOf(f), f.after ? sql`(${serviceRecords.startedAt}, ${serviceRecords.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined))
    .orderBy(desc(serviceRecords.startedAt), desc(serviceRecords.id))
    .limit(f.limit + 1);
  return rows as RecordJoined[];
}

export async function findJoined(db: DbOrTx, id: string): Promise<RecordJoined | null> {
  const [row] = await selectJoined(db).where(eq(serviceRecords.id, id));
  return (row as RecordJoined) ?? null;
}

export async function joinedByIds(db: DbOrTx, ids: string[]): Promise<RecordJoined[]> {
  if (ids.length === 0) return [];
  const rows = await selectJoined(db).where(inArray(serviceRecords.id, ids)).orderBy(serviceRecords.version, serviceRecords.createdAt);
  return rows as RecordJoined[];
}

/** One record, locked for a decision when asked. */
export async function findRecord(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<ServiceRecordRow | null> {
  const q = db.select().from(serviceRecords).where(eq(serviceRecords.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Every version of the record's chain: up to the first version, then down through all corrections. */
export async function chainIds(db: DbOrTx, id: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive up as (
        select id, previous_id from service_records where id = ${id}
        union all
        select r.id, r.previous_id from service_records r join up on r.id = up.previous_id
      ), down as (
        select id from up where previous_id is null
        union all
        select r.id from service_records r join down on r.previous_id = down.id
      )
      select id from down`),
  );
  return rows.map((r) => r.id);
}

/** The approved earlier version of a record (at most one per chain), locked: a correction replaces it. */
export async function approvedAncestor(db: DbOrTx, id: string): Promise<ServiceRecordRow | null> {
  const [hit] = rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive up as (
        select id, previous_id, status from service_records where id = (select previous_id from service_records where id = ${id})
        union all
        select r.id, r.previous_id, r.status from service_records r join up on r.id = up.previous_id
      )
      select id from up where status = 'approved' limit 1`),
  );
  return hit ? findRecord(db, hit.id, { lock: true }) : null;
}

/** A later version pointing at this record (a correction asked for or decided). */
export async function hasSuccessor(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: serviceRecords.id }).from(serviceRecords).where(eq(serviceRecords.previousId, id)).limit(1);
  return Boolean(row);
}

export async function updateRecord(db: DbOrTx, id: string, values: Partial<typeof serviceRecords.$inferInsert>): Promise<void> {
  await db.update(serviceRecords).set(values).where(eq(serviceRecords.id, id));
}

export type RecordActivityRow = RecordActivity & { status: string };

/** The activity columns a service record is made from (recordService's RecordActivity) and its status. */
export const recordActivityColumns = {
  id: activities.id,
  title: activities.title,
  unitId: activities.unitId,
  unitCode: activities.unitCode,
  teamId: activities.teamId,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  status: activities.status,
};

export async function findActivity(db: DbOrTx, id: string): Promise<RecordActivityRow | null> {
  const [row] = await db
    .select(recordActivityColumns)
    .from(activities)
    .where(eq(activities.id, id));
  return row ?? null;
}

export type VolunteerBrief = { id: string; name: string; phone: string; status: string; homeUnitCode: string; serviceMinutes: number; starLevel: number };

/** The volunteer, locked: records of one person are entered and counted one at a time. */
export async function lockVolunteer(db: DbOrTx, id: string): Promise<VolunteerBrief | null> {
  const [row] = await db
    .select({
      id: volunteers.id,
      name: volunteers.name,
      phone: volunteers.phone,
      status: volunteers.status,
      homeUnitCode: volunteers.homeUnitCode,
      serviceMinutes: volunteers.serviceMinutes,
      starLevel: volunteers.starLevel,
    })
    .from(volunteers)
    .where(eq(volunteers.id, id))
    .for('update');
  return row ?? null;
}
