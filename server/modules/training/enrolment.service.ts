// Enrolment in school sessions: volunteers take a place themselves (active volunteers only, before the session
// starts, while places are left), and staff can enrol someone by volunteer number (walk-ins, people without a
// phone) until the session ends. Places are counted under a lock on the session row, so two requests for the last
// place cannot both win.
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError } from '../../platform/errors';
import { assertCan, requireVolunteer, type Principal } from '../../platform/policy';
import { audit } from '../../platform/audit';
import * as repo from './courses.repo';
import * as school from './school.repo';
import { getSessionDetail, loadSession, type Actor } from './courses.service';

const FULL = '该场次名额已满，请选择其他场次';

function assertOpenForEnrolment(s: repo.SessionWithCourse): void {
  if (s.status === 'cancelled') throw new AppError('conflict', '该场次已取消');
  if (s.courseStatus !== 'open') throw new AppError('conflict', '该课程已停办，不再接受报名');
}

function assertPlaceLeft(s: repo.SessionWithCourse): void {
  if (s.enrolled >= s.capacity) throw new AppError('conflict', FULL, { placesLeft: 0, capacity: s.capacity });
}

const statusRefusal: Record<string, string> = {
  pending: '您的志愿者注册还在审核中，审核通过后才能报名培训',
  suspended: '您的志愿者身份已暂停，暂时不能报名培训',
  left: '您已退出志愿者队伍，不能报名培训',
};

/** Upcoming sessions of open courses with places left and whether the volunteer holds one. */
export async function mySessions(db: DbOrTx, opts: { principal: Principal; now: Date }) {
  const volunteerId = requireVolunteer(opts.principal);
  const rows = await repo.upcomingSessions(db, opts.now, 200);
  const mine = await school.enrolledSessionIds(db, volunteerId, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, isMine: mine.has(r.id) }));
}

async function mySessionView(db: DbOrTx, sessionId: string, volunteerId: string) {
  const s = (await repo.volunteerSession(db, sessionId))!;
  const e = await school.findEnrolment(db, sessionId, volunteerId);
  return { ...s, isMine: e?.status === 'enrolled' };
}

export async function enrolSelf(db: Db, opts: Actor & { sessionId: string }) {
  const volunteerId = requireVolunteer(opts.principal);
  return db.transaction(async (tx) => {
    const s = await loadSession(tx, opts.sessionId, true);
    const v = await school.findVolunteer(tx, { id: volunteerId });
    if (!v || v.status !== 'active') throw new AppError('forbidden', statusRefusal[v?.status ?? 'left'] ?? statusRefusal.left);
    const existing = await school.findEnrolment(tx, s.id, volunteerId);
    // Asking again for a place one already holds is a success, not an error (double taps, retries).
    if (existing?.status === 'enrolled') return mySessionView(tx, s.id, volunteerId);
    assertOpenForEnrolment(s);
    if (opts.now >= s.startsAt) throw new AppError('conflict', '该场次已开始，不能再报名');
    assertPlaceLeft(s);
    await school.upsertEnrolment(tx, s.id, volunteerId, opts.now);
    return mySessionView(tx, s.id, volunteerId);
  });
}

/** Gives the place back (before the session starts). Idempotent: no place held is also a success. */
export async function withdrawSelf(db: Db, opts: Actor & { sessionId: string }): Promise<void> {
  const volunteerId = requireVolunteer(opts.principal);
  await db.transaction(async (tx) => {
    const s = await loadSession(tx, opts.sessionId, true);
    const existing = await school.findEnrolment(tx, s.id, volunteerId);
    if (!existing || existing.status !== 'enrolled') return;
    if (s.status !== 'cancelled' && opts.now >= s.startsAt) throw new AppError('conflict', '该场次已开始，不能取消报名');
    await school.cancelEnrolment(tx, existing.id);
  });
}

export async function enrolByNumber(db: Db, opts: Actor & { sessionId: string; number: string }) {
  await db.transaction(async (tx) => {
    const s = await loadSession(tx, opts.sessionId, true);
    assertCan(opts.principal, 'training.manage', s.courseUnitCode);
    const v = await school.findVolunteer(tx, { number: opts.number.trim().toUpperCase() });
    if (!v || v.erasedAt || v.mergedInto) throw fieldError('number', '找不到该编号的志愿者');
    if (v.status !== 'active') throw fieldError('number', `${v.name}（${v.number}）不是在册志愿者（待审核、已暂停或已退出），不能报名`);
    const existing = await school.findEnrolment(tx, s.id, v.id);
    if (existing?.status === 'enrolled') return;
    assertOpenForEnrolment(s);
    if (opts.now >= s.endsAt) throw new AppError('conflict', '该场次已结束，不能再报名');
    assertPlaceLeft(s);
    await school.upsertEnrolment(tx, s.id, v.id, opts.now);
    await audit(tx, opts.actor, {
      action: 'training.enrolment_added',
      objectType: 'course_session',
      objectId: s.id,
      unitCode: s.courseUnitCode,
      details: { volunteerId: v.id, number: v.number },
    });
  });
  return getSessionDetail(db, { principal: opts.principal, id: opts.sessionId, now: opts.now });
}
