// Reading service records (staff lists in scope, one record with its versions, the volunteer's own list) and the
// organizer's entry of a record by hand. Who reads: hours.read over the organizing unit, or a leader of the
// record's team. Decisions live in hours-approval.service.ts, corrections in hours-corrections.service.ts.
import { eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { serviceRecords, type ServiceRecordStatus } from '../../db/schema/hours';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { can, canRunActivity, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import type { Notifier } from '../../platform/notify';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { findUnit } from '../network/units.repo';
import { addDays, fromLocal } from '../activities/activity-time';
import { recordService } from './hours-record';
import * as repo from './hours.repo';

export type HoursActor = { principal: Principal; actor: AuditActor; now: Date; notify: Notifier };
export type RecordScope = { unitCode: string; teamId: string | null };

/** Reading a record: hours.read over its unit, or leading its team. */
export function canReadRecord(p: Principal, r: RecordScope): boolean {
  return can(p, 'hours.read', r.unitCode) || (r.teamId !== null && (p.teamsLed ?? []).includes(r.teamId));
}

/** Deciding, entering or correcting: hours.manage over its unit, or leading its team (the activity's runners). */
export function assertCanManageRecord(p: Principal, r: RecordScope): void {
  if (!canRunActivity(p, r, 'hours.manage')) throw new AppError('forbidden');
}

export type HoursFilter = {
  unit?: string;
  status?: ServiceRecordStatus;
  flagged?: 'true' | 'false';
  activity?: string;
  team?: string;
  volunteer?: string;
  q?: string;
  from?: string;
  to?: string;
};

/** The list's WHERE parts for a staff member or team leader. */
async function staffFilter(db: DbOrTx, principal: Principal, f: HoursFilter): Promise<repo.RecordFilter> {
  const led = principal.teamsLed ?? [];
  const scope = or(scopeCondition(principal, 'hours.read', serviceRecords.unitCode), led.length ? inArray(serviceRecords.teamId, led) : undefined) as SQL;
  let underCode: string | undefined;
  if (f.unit) {
    const unit = await findUnit(db, f.unit);
    if (!unit) throw fieldError('unit', '单位不存在');
    if (!can(principal, 'hours.read', unit.code)) throw new AppError('forbidden');
    underCode = unit.code;
  }
  if (f.from && f.to && f.from > f.to) throw fieldError('to', '结束日期不能早于开始日期');
  return {
    scope,
    underCode,
    status: f.status,
    flagged: f.flagged === undefined ? undefined : f.flagged === 'true',
    activityId: f.activity,
    teamId: f.team,
    volunteerId: f.volunteer,
    q: f.q || undefined,
    from: f.from ? fromLocal(f.from) : undefined,
    to: f.to ? fromLocal(addDays(f.to, 1)) : undefined,
  };
}

export async function listHours(db: DbOrTx, o: HoursFilter & { principal: Principal; cursor?: string; limit: number }) {
  const filter = await staffFilter(db, o.principal, o);
  const after = decodeCursor(o.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await repo.listRecords(db, { ...filter, after, limit: o.limit });
  return pageOf(rows, o.limit, (r) => [r.startedAt.toISOString(), r.id]);
}

/** Up to `max` records of the list's filters, for the export (one more than max tells the caller it was cut). */
export async function hoursForExport(db: DbOrTx, o: HoursFilter & { principal: Principal; max: number }) {
  const filter = await staffFilter(db, o.principal, o);
  return repo.listRecords(db, { ...filter, after: null, limit: o.max });
}

export async function getHours(db: DbOrTx, o: { principal: Principal; id: string }) {
  const record = await repo.findJoined(db, o.id);
  if (!record) throw notFound('该服务记录');
  if (!canReadRecord(o.principal, record)) throw new AppError('forbidden');
  const history = await repo.joinedByIds(db, await repo.chainIds(db, record.id));
  return { record, history };
}

/** The volunteer's own records, superseded versions left out (their replacements are listed). */
export async function myHours(db: DbOrTx, o: { volunteerId: string; cursor?: string; limit: number }) {
  const after = decodeCursor(o.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await repo.listRecords(db, { scope: eq(serviceRecords.volunteerId, o.volunteerId), currentOnly: true, after, limit: o.limit });
  return pageOf(rows, o.limit, (r) => [r.startedAt.toISOString(), r.id]);
}

const RECORDABLE = new Set(['published', 'in_progress', 'finished']);
const SERVING = new Set(['active', 'suspended', 'left']);

/** The activity a record is for, as recordService needs it (a 400 naming the field when it does not exist). */
export async function activityOf(tx: DbOrTx, id: string, field = 'activityId') {
  const activity = await repo.findActivity(tx, id);
  if (!activity) throw fieldError(field, '活动不存在');
  return activity;
}

export function assertNotFuture(endedAt: Date, now: Date): void {
  if (endedAt.getTime() > now.getTime()) throw fieldError('endedAt', '结束时间不能晚于现在');
}

/** An organizer enters a record by hand: the strict checks of recordService apply (refused, not flagged). */
export async function enterHours(db: Db, o: HoursActor & { activityId: string; volunteerId: string; startedAt: Date; endedAt: Date; content?: string }) {
  const id = await db.transaction(async (tx) => {
    const activity = await activityOf(tx, o.activityId);
    assertCanManageRecord(o.principal, activity);
    if (!RECORDABLE.has(activity.status)) throw fieldError('activityId', '活动未发布或已取消，不能登记时长');
    assertNotFuture(o.endedAt, o.now);
    const volunteer = await repo.lockVolunteer(tx, o.volunteerId);
    if (!volunteer || !SERVING.has(volunteer.status)) throw fieldError('volunteerId', '志愿者不存在或尚未通过审核');
    const row = await recordService(tx, {
      volunteerId: volunteer.id,
      activity,
      startedAt: o.startedAt,
      endedAt: o.endedAt,
      source: 'manual',
      strict: true,
      content: o.content || undefined,
      requestedBy: o.principal.accountId,
    });
    if (!row) throw fieldError('endedAt', '结束时间应晚于开始时间至少 1 分钟');
    await audit(tx, o.actor, {
      action: 'hours.entered',
      objectType: 'service_record',
      objectId: row.id,
      unitCode: row.unitCode,
      details: { volunteerId: row.volunteerId, activityId: row.activityId, minutes: row.minutes },
    });
    return row.id;
  });
  return (await repo.findJoined(db, id))!;
}
