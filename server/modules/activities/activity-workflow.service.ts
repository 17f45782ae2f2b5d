// The activity workflow: draft → submitted (when the unit's settings ask the level above to review) → published,
// or straight to published; the reviewer approves or sends back with a note; anything not finished can be
// cancelled with a reason. in_progress / finished are derived from the clock (see the presenter). Series
// actions may cover "this and the following" activities. Posters are images up to 2 MB.
import { activitiesCancelled } from '../signups/activity-changes';
import type { Db, DbOrTx } from '../../db/client';
import type { ActivityStatus } from '../../db/schema/activities';
import { AppError, fieldError } from '../../platform/errors';
import { assertCan, scopeCodes, type Principal } from '../../platform/policy';
import { audit } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { findUnit } from '../network/units.repo';
import { sniffImage } from '../teams/teams.service';
import * as repo from './activities.repo';
import { derivedStatus } from './activities.presenter';
import { loadActivity, type Actor } from './activities.service';

type Scope = 'one' | 'following';

/** The activity, and with scope 'following' the later ones of its series that are in the same state. */
async function targetsOf(tx: DbOrTx, a: repo.ActivityJoined, scope: Scope, keep: (r: repo.ActivityRecord) => boolean): Promise<repo.ActivityRecord[]> {
  if (scope !== 'following' || !a.seriesId) return [a];
  return (await repo.seriesFrom(tx, a.seriesId, a.startsAt)).filter((r) => r.id === a.id || keep(r));
}

export async function submitActivity(db: Db, opts: Actor & { id: string; scope: Scope }): Promise<repo.ActivityJoined> {
  await db.transaction(async (tx) => {
    const a = await loadActivity(tx, opts.id, true);
    assertCan(opts.principal, 'activity.manage', a.unitCode);
    if (a.status !== 'draft') throw new AppError('conflict', '只有草稿可以提交');
    if (a.endsAt <= opts.now) throw new AppError('conflict', '活动时间已过，不能提交');
    const unit = await findUnit(tx, a.unitId);
    // A unit with nobody above it (the center) publishes directly whatever its settings say.
    const review = Boolean(unit?.parentId) && (await repo.reviewNeeded(tx, a.unitId));
    const to: ActivityStatus = review ? 'submitted' : 'published';
    const targets = await targetsOf(tx, a, opts.scope, (r) => r.status === 'draft' && r.endsAt > opts.now);
    for (const r of targets) await repo.updateActivity(tx, r.id, { status: to, updatedAt: opts.now });
    await audit(tx, opts.actor, {
      action: review ? 'activity.submitted' : 'activity.published',
      objectType: 'activity',
      objectId: a.id,
      unitCode: a.unitCode,
      details: { scope: opts.scope, count: targets.length },
    });
  });
  return loadActivity(db, opts.id);
}

/** The level above reviews: activity.review on the parent of the organizing unit (a station's institute, …). */
export async function reviewActivity(db: Db, opts: Actor & { id: string; decision: 'approve' | 'reject'; note?: string; scope: Scope }): Promise<repo.ActivityJoined> {
  await db.transaction(async (tx) => {
    const a = await loadActivity(tx, opts.id, true);
    const unit = await findUnit(tx, a.unitId);
    const parent = unit?.parentId ? await findUnit(tx, unit.parentId) : null;
    if (!parent) throw new AppError('forbidden', '该单位没有上级，无需审核');
    assertCan(opts.principal, 'activity.review', parent.code);
    if (a.status !== 'submitted') throw new AppError('conflict', '该活动不在待审核状态');
    const note = opts.note?.trim() || null;
    if (opts.decision === 'reject' && !note) throw fieldError('note', '退回时请写明原因');
    const to: ActivityStatus = opts.decision === 'approve' ? 'published' : 'draft';
    const targets = await targetsOf(tx, a, opts.scope, (r) => r.status === 'submitted');
    for (const r of targets) {
      await repo.updateActivity(tx, r.id, { status: to, reviewNote: note, reviewedBy: opts.principal.accountId, reviewedAt: opts.now, updatedAt: opts.now });
    }
    await audit(tx, opts.actor, {
      action: opts.decision === 'approve' ? 'activity.approved' : 'activity.rejected',
      objectType: 'activity',
      objectId: a.id,
      unitCode: a.unitCode,
      details: { note, scope: opts.scope, count: targets.length },
    });
  });
  return loadActivity(db, opts.id);
}

export async function cancelActivity(db: Db, opts: Actor & { id: string; reason: string; scope: Scope }): Promise<repo.ActivityJoined> {
  await db.transaction(async (tx) => {
    const a = await loadActivity(tx, opts.id, true);
    assertCan(opts.principal, 'activity.manage', a.unitCode);
    const status = derivedStatus(a, opts.now);
    if (status === 'cancelled') throw new AppError('conflict', '活动已取消');
    if (status === 'finished') throw new AppError('conflict', '活动已结束，不能取消');
    const targets = await targetsOf(tx, a, opts.scope, (r) => !['finished', 'cancelled'].includes(derivedStatus(r, opts.now)));
    for (const r of targets) await repo.updateActivity(tx, r.id, { status: 'cancelled', cancelReason: opts.reason, updatedAt: opts.now });
    if (opts.notices) await activitiesCancelled(tx, targets.map((r) => r.id), opts.reason, opts.notices);
    await audit(tx, opts.actor, {
      action: 'activity.cancelled',
      objectType: 'activity',
      objectId: a.id,
      unitCode: a.unitCode,
      details: { reason: opts.reason, from: status, scope: opts.scope, count: targets.length },
    });
  });
  return loadActivity(db, opts.id);
}

/** Submitted activities of units strictly below the caller's review grants (a station admin has none: empty). */
export async function reviewQueueOf(db: DbOrTx, opts: { principal: Principal; cursor?: string; limit: number }) {
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await repo.reviewQueue(db, scopeCodes(opts.principal, 'activity.review'), opts.limit, after);
  return pageOf(rows, opts.limit, (r) => [r.startsAt.toISOString(), r.id]);
}

export async function setPoster(db: Db, opts: Actor & { id: string; data: Buffer }): Promise<repo.ActivityJoined> {
  const mime = sniffImage(opts.data);
  if (!mime) throw fieldError('file', '请上传 PNG、JPEG 或 WebP 图片');
  await db.transaction(async (tx) => {
    const a = await loadActivity(tx, opts.id, true);
    assertCan(opts.principal, 'activity.manage', a.unitCode);
    assertNotClosed(a, opts.now);
    await repo.putPoster(tx, a.id, mime, opts.data, opts.now);
    await repo.updateActivity(tx, a.id, { updatedAt: opts.now });
    await audit(tx, opts.actor, { action: 'activity.poster_changed', objectType: 'activity', objectId: a.id, unitCode: a.unitCode, details: { bytes: opts.data.length, mime } });
  });
  return loadActivity(db, opts.id);
}

function assertNotClosed(a: repo.ActivityRecord, now: Date) {
  if (derivedStatus(a, now) === 'cancelled') throw new AppError('conflict', '活动已取消');
}

/** Manage permission is settled before an upload is read. */
export async function assertCanManageActivity(db: DbOrTx, principal: Principal, id: string): Promise<void> {
  const a = await loadActivity(db, id);
  assertCan(principal, 'activity.manage', a.unitCode);
}
