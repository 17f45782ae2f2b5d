// The runner's side of sign-ups (staff of the organizing unit's scope, or leaders of the activity's team): the
// list of sign-ups and bookings, adding a volunteer (same rules as signing up oneself), and cancelling anyone's
// place at any time with a reason. Staff changes are audited; the person concerned is told.
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCanRunActivity, can, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import type { SignupKind, SignupStatus } from '../../db/schema/attendance';
import { findActivity, type ActivityJoined } from '../activities/activities.repo';
import * as repo from './signups.repo';
import { runnerRows, type RunnerRow } from './signup-lists.repo';
import { alreadySignedUpOnConflict, assertEligible, assertOpen, bookingUrl, eligibilityOf, givePlaceBack, takePlace, whenText, type Notices } from './places';

export type RunnerCtx = { principal: Principal; now: Date };
export type StaffCtx = RunnerCtx & { actor: AuditActor; notices: Notices };

async function runnable(db: DbOrTx, principal: Principal, id: string, lock = false): Promise<ActivityJoined> {
  const a = await findActivity(db, id, { lock });
  if (!a) throw notFound('该活动');
  assertCanRunActivity(principal, a);
  return a;
}

/** Phones in full for staff of the organizing unit's scope; a team leader running it sees them masked. */
export function seesFullPhones(principal: Principal, a: ActivityJoined): boolean {
  return can(principal, 'activity.manage', a.unitCode);
}

async function rowOf(db: DbOrTx, activityId: string, id: string): Promise<RunnerRow> {
  const [row] = await runnerRows(db, { activityId, id, limit: null });
  return row;
}

export async function listForRunner(
  db: DbOrTx,
  o: RunnerCtx & { activityId: string; kind?: SignupKind; status?: SignupStatus; cursor?: string; limit: number },
) {
  const a = await runnable(db, o.principal, o.activityId);
  const after = decodeCursor(o.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await runnerRows(db, { activityId: a.id, kind: o.kind, status: o.status, after, limit: o.limit });
  return { page: pageOf(rows, o.limit, (r) => [r.createdAt.toISOString(), r.id]), fullPhones: seesFullPhones(o.principal, a) };
}

export async function exportForRunner(db: DbOrTx, o: RunnerCtx & { activityId: string }) {
  const a = await runnable(db, o.principal, o.activityId);
  return { activity: a, rows: await runnerRows(db, { activityId: a.id, limit: null }), fullPhones: seesFullPhones(o.principal, a) };
}

export async function addByRunner(db: Db, o: StaffCtx & { activityId: string; volunteerId: string }) {
  const work = db.transaction(async (tx) => {
    const a = await runnable(tx, o.principal, o.activityId, true);
    assertOpen(a, o.now, 'volunteer');
    const v = await repo.volunteerFacts(tx, o.volunteerId);
    if (!v || v.gone) throw fieldError('volunteerId', '找不到该志愿者');
    const live = await repo.latestVolunteerSignup(tx, a.id, v.id);
    if (live && live.status !== 'cancelled') throw new AppError('already_signed_up', `${v.name}（${v.number}）已报名该活动`);
    assertEligible(await eligibilityOf(tx, v, a, o.now), `${v.name}（${v.number}）`);
    const s = await takePlace(tx, { activity: a, kind: 'volunteer', volunteerId: v.id, now: o.now, notices: o.notices });
    const confirmed = s.status === 'confirmed';
    await o.notices.notify.notify(tx, {
      volunteerId: v.id,
      purpose: 'signup:added',
      title: confirmed ? '组织方为您报名了活动' : '组织方为您候补报名了活动',
      text: `组织方为您${confirmed ? '报名' : '候补报名'}了「${a.title}」（${whenText(a.startsAt)}）。如不能参加，请及时取消。`,
      link: `/m/activities/${a.id}`,
      unitCode: a.unitCode,
    });
    await audit(tx, o.actor, {
      action: 'signup.added',
      objectType: 'signup',
      objectId: s.id,
      unitCode: a.unitCode,
      details: { activityId: a.id, volunteerId: v.id, status: s.status },
    });
    return { activity: a, row: await rowOf(tx, a.id, s.id) };
  });
  return alreadySignedUpOnConflict(work);
}

/** Cancels any sign-up or booking of the activity, at any time; a freed place goes to the waiting list. */
export async function cancelByRunner(db: Db, o: StaffCtx & { activityId: string; signupId: string; reason: string }) {
  return db.transaction(async (tx) => {
    const a = await runnable(tx, o.principal, o.activityId, true);
    const s = await repo.findSignup(tx, o.signupId, true);
    if (!s || s.activityId !== a.id) throw notFound('该报名');
    if (s.status === 'cancelled') return { activity: a, row: await rowOf(tx, a.id, s.id) };
    const { promoted } = await givePlaceBack(tx, { activity: a, signup: s, by: o.principal.accountId, now: o.now, notices: o.notices });
    const what = `「${a.title}」（${whenText(a.startsAt)}）`;
    if (s.kind === 'volunteer') {
      const phones = await repo.volunteerPhones(tx, [s.volunteerId!]);
      await o.notices.notify.notify(tx, {
        volunteerId: s.volunteerId,
        phone: phones.get(s.volunteerId!) ?? null,
        purpose: 'signup:cancelled',
        title: '您的活动报名已被取消',
        text: `组织方取消了您在${what}的报名，原因：${o.reason}`,
        link: `/m/activities/${a.id}`,
        unitCode: a.unitCode,
      });
    } else {
      await o.notices.notify.notify(tx, {
        phone: s.phone,
        purpose: 'booking:cancelled',
        title: '您的预约已被取消',
        text: `组织方取消了您对${what}的预约，原因：${o.reason}。详情：${bookingUrl(o.notices, s.manageToken ?? '')}`,
        unitCode: a.unitCode,
      });
    }
    await audit(tx, o.actor, {
      action: 'signup.cancelled',
      objectType: 'signup',
      objectId: s.id,
      unitCode: a.unitCode,
      details: { activityId: a.id, kind: s.kind, volunteerId: s.volunteerId, was: s.status, reason: o.reason, promoted: promoted.map((p) => p.id) },
    });
    return { activity: a, row: await rowOf(tx, a.id, s.id) };
  });
}
