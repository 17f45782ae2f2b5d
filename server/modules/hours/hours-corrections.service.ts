// Corrections (更正): a volunteer or the organizer asks for other times on a record; the answer is a new pending
// version pointing at the one corrected, checked strictly by recordService. Rules:
// - only the latest version of a chain is corrected (one that no later version points at);
// - a chain with a frozen version (on an issued certificate) refuses corrections (record_frozen);
// - correcting a pending version replaces it: it becomes superseded at once (it was never counted), so a chain
//   has at most one pending version; correcting an approved or rejected version leaves it as it is until the
//   correction is decided (approval then supersedes the chain's approved version, see hours-approval.service.ts).
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { serviceRecords } from '../../db/schema/hours';
import { AppError, notFound } from '../../platform/errors';
import { audit } from '../../platform/audit';
import { recordService } from './hours-record';
import * as repo from './hours.repo';
import { activityOf, assertCanManageRecord, assertNotFuture, type HoursActor } from './hours.service';

export type CorrectionInput = HoursActor & { id: string; startedAt: Date; endedAt: Date; reason: string; by: 'staff' | 'volunteer' };

export async function requestCorrection(db: Db, o: CorrectionInput) {
  const id = await db.transaction(async (tx) => {
    const target = await repo.findRecord(tx, o.id, { lock: true });
    // A volunteer's own records only; someone else's is as good as unknown to them.
    if (!target || (o.by === 'volunteer' && target.volunteerId !== o.principal.volunteerId)) throw notFound('该服务记录');
    if (o.by === 'staff') assertCanManageRecord(o.principal, target);
    const chain = await repo.chainIds(tx, target.id);
    const versions = await tx.select({ frozen: serviceRecords.frozen }).from(serviceRecords).where(inArray(serviceRecords.id, chain));
    if (versions.some((v) => v.frozen)) throw new AppError('record_frozen');
    if (target.status === 'superseded' || (await repo.hasSuccessor(tx, target.id))) {
      throw new AppError('conflict', '该记录已有更新的版本，请对最新版本提出更正');
    }
    assertNotFuture(o.endedAt, o.now);
    const activity = await activityOf(tx, target.activityId);
    await repo.lockVolunteer(tx, target.volunteerId);
    const row = await recordService(tx, {
      volunteerId: target.volunteerId,
      activity,
      startedAt: o.startedAt,
      endedAt: o.endedAt,
      source: 'manual',
      strict: true,
      content: target.content,
      requestedBy: o.principal.accountId,
      previous: { id: target.id, version: target.version },
      // The chain's approved version stays counted until this one is approved: it must not count as an overlap.
      replaces: chain.filter((c) => c !== target.id),
      reason: o.reason,
    });
    if (!row) throw new AppError('validation_failed');
    if (target.status === 'pending') await repo.updateRecord(tx, target.id, { status: 'superseded' });
    if (o.by === 'staff') {
      await audit(tx, o.actor, {
        action: 'hours.correction_requested',
        objectType: 'service_record',
        objectId: row.id,
        unitCode: row.unitCode,
        details: { previousId: target.id, volunteerId: row.volunteerId, minutes: row.minutes, previousMinutes: target.minutes, reason: o.reason },
      });
    }
    return row.id;
  });
  return (await repo.findJoined(db, id))!;
}
