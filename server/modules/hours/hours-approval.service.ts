// Deciding service records: approve (one or many) and reject with a reason. Approving a correction supersedes the
// approved version it replaces; every approval moves the totals, the volunteer's minutes and star awards in the
// same transaction (hours-totals.ts). Nobody decides their own service or a correction they asked for.
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { volunteers } from '../../db/schema/volunteers';
import { AppError, notFound } from '../../platform/errors';
import { audit } from '../../platform/audit';
import * as repo from './hours.repo';
import { assertCanManageRecord, type HoursActor } from './hours.service';
import { countApproval } from './hours-totals';
import type { ServiceRecordRow } from './hours-record';

/** The record, locked, after the checks every decision shares. */
async function pendingForDecision(tx: DbOrTx, o: HoursActor & { id: string }): Promise<ServiceRecordRow> {
  const record = await repo.findRecord(tx, o.id, { lock: true });
  if (!record) throw notFound('该服务记录');
  assertCanManageRecord(o.principal, record);
  if (record.status !== 'pending') throw new AppError('conflict', '只能审核待审核的记录');
  return record;
}

async function approveOne(tx: DbOrTx, o: HoursActor & { id: string }): Promise<ServiceRecordRow> {
  const record = await pendingForDecision(tx, o);
  // A team leader may also serve in the team's activities: their own hours go to someone else.
  if (o.principal.volunteerId && record.volunteerId === o.principal.volunteerId) throw new AppError('own_request_refused', '不能审核自己的服务记录');
  if (record.version > 1 && record.requestedBy === o.principal.accountId) throw new AppError('own_request_refused');
  const superseded = record.previousId ? await repo.approvedAncestor(tx, record.id) : null;
  if (superseded?.frozen) throw new AppError('record_frozen');
  if (superseded) await repo.updateRecord(tx, superseded.id, { status: 'superseded' });
  const approved = { ...record, status: 'approved' as const, decidedBy: o.principal.accountId, decidedAt: o.now, decisionNote: null };
  await repo.updateRecord(tx, record.id, { status: 'approved', decidedBy: o.principal.accountId, decidedAt: o.now, decisionNote: null });
  await countApproval(tx, { approved, superseded, notify: o.notify, now: o.now });
  await audit(tx, o.actor, {
    action: 'hours.approved',
    objectType: 'service_record',
    objectId: record.id,
    unitCode: record.unitCode,
    details: { volunteerId: record.volunteerId, minutes: record.minutes, version: record.version, supersededId: superseded?.id ?? null },
  });
  return approved;
}

export async function approveHours(db: Db, o: HoursActor & { id: string }) {
  await db.transaction((tx) => approveOne(tx, o));
  return (await repo.findJoined(db, o.id))!;
}

/**
 * Approves each record the caller may approve, each in its own savepoint inside one transaction: a refused record
 * is listed with its error code and leaves no trace, the others are approved together.
 */
export async function approveManyHours(db: Db, o: HoursActor & { ids: string[] }) {
  const skipped: { id: string; code: string }[] = [];
  let approved = 0;
  await db.transaction(async (tx) => {
    for (const id of new Set(o.ids)) {
      try {
        await tx.transaction((sp) => approveOne(sp, { ...o, id }));
        approved += 1;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        skipped.push({ id, code: e.code });
      }
    }
  });
  return { approved, skipped };
}

export async function rejectHours(db: Db, o: HoursActor & { id: string; reason: string }) {
  await db.transaction(async (tx) => {
    const record = await pendingForDecision(tx, o);
    await repo.updateRecord(tx, record.id, { status: 'rejected', decidedBy: o.principal.accountId, decidedAt: o.now, decisionNote: o.reason });
    const joined = (await repo.findJoined(tx, record.id))!;
    const [v] = await tx.select({ phone: volunteers.phone }).from(volunteers).where(eq(volunteers.id, record.volunteerId));
    await o.notify.notify(tx, {
      volunteerId: record.volunteerId,
      phone: v?.phone ?? null,
      purpose: 'hours:rejected',
      title: '服务时长未通过审核',
      text: `您在“${joined.activityTitle}”的服务记录（${record.minutes} 分钟）未通过审核，原因：${o.reason}`,
      link: '/m/me/hours',
      unitCode: record.unitCode,
    });
    await audit(tx, o.actor, {
      action: 'hours.rejected',
      objectType: 'service_record',
      objectId: record.id,
      unitCode: record.unitCode,
      details: { volunteerId: record.volunteerId, minutes: record.minutes, version: record.version, reason: o.reason },
    });
  });
  return (await repo.findJoined(db, o.id))!;
}
