// Rules for courses and their sessions (staff side of the volunteer school). A course belongs to its organizing
// unit; training.manage on that unit covers the course, its sessions and their rosters. A session takes place at a
// site in the staff member's scope or at a place given in words; cancelling one tells every enrolled volunteer by SMS.
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, can, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import type { SmsSender } from '../../platform/sms';
import { courses } from '../../db/schema/training';
import { findUnit } from '../network/units.repo';
import * as repo from './courses.repo';
import * as school from './school.repo';
import { shortShanghai } from './training-time';

export type Actor = { principal: Principal; actor: AuditActor; now: Date };
type CourseFields = { title?: string; description?: string; qualification?: string | null; validMonths?: number | null; status?: 'open' | 'closed' };

/** Longest session the school schedules; longer ones are typing mistakes. */
const MAX_SESSION_DAYS = 31;

export async function loadCourse(db: DbOrTx, id: string, now: Date, lock = false): Promise<repo.CourseWithStats> {
  const c = await repo.findCourse(db, id, now, { lock });
  if (!c) throw notFound('该课程');
  return c;
}

export async function loadSession(db: DbOrTx, id: string, lock = false): Promise<repo.SessionWithCourse> {
  const s = await repo.findSession(db, id, { lock });
  if (!s) throw notFound('该培训场次');
  return s;
}

/** An empty qualification means none; months only make sense with a qualification. */
function normalizeQualification(f: CourseFields): CourseFields {
  const out = { ...f };
  if (out.qualification !== undefined) out.qualification = out.qualification?.trim() || null;
  if (out.qualification === null) out.validMonths = null;
  return out;
}

export async function listCoursesIn(db: DbOrTx, opts: { principal: Principal; now: Date; q?: string; status?: 'open' | 'closed'; cursor?: string; limit: number }) {
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const { rows, total } = await repo.listCourses(db, {
    scope: scopeCondition(opts.principal, 'training.manage', courses.unitCode),
    q: opts.q,
    status: opts.status,
    now: opts.now,
    after,
    limit: opts.limit,
  });
  return { ...pageOf(rows, opts.limit, (r) => [r.createdAt.toISOString(), r.id]), total };
}

export async function getCourse(db: DbOrTx, opts: { principal: Principal; id: string; now: Date }) {
  const c = await loadCourse(db, opts.id, opts.now);
  assertCan(opts.principal, 'training.manage', c.unitCode);
  return c;
}

export async function createCourse(db: Db, opts: Actor & CourseFields & { unitId: string; title: string }) {
  const f = normalizeQualification(opts);
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, opts.unitId);
    if (!unit) throw fieldError('unitId', '单位不存在');
    assertCan(opts.principal, 'training.manage', unit.code);
    if (unit.status !== 'active') throw fieldError('unitId', '该单位已关闭，不能开设课程');
    const row = await repo.insertCourse(tx, {
      title: opts.title,
      description: f.description ?? '',
      unitId: unit.id,
      unitCode: unit.code,
      qualification: f.qualification ?? null,
      validMonths: f.qualification ? (f.validMonths ?? null) : null,
      status: f.status ?? 'open',
      createdAt: opts.now,
    });
    await audit(tx, opts.actor, {
      action: 'training.course_created',
      objectType: 'course',
      objectId: row.id,
      unitCode: unit.code,
      details: { title: row.title, qualification: row.qualification, validMonths: row.validMonths },
    });
    return loadCourse(tx, row.id, opts.now);
  });
}

export async function updateCourse(db: Db, opts: Actor & CourseFields & { id: string }) {
  return db.transaction(async (tx) => {
    const before = await loadCourse(tx, opts.id, opts.now, true);
    assertCan(opts.principal, 'training.manage', before.unitCode);
    const { principal: _p, actor: _a, now: _n, id, ...fields } = normalizeQualification(opts) as typeof opts;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(fields)) {
      const old = before[k as keyof typeof before];
      if (v !== undefined && v !== old) changes[k] = { from: old, to: v };
    }
    if (Object.keys(changes).length === 0) return before;
    const patch = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to]));
    if (('qualification' in patch ? patch.qualification : before.qualification) === null) patch.validMonths = null;
    await repo.updateCourse(tx, id, patch);
    // Grants already made keep the name and expiry they were given; only future passes see the change.
    await audit(tx, opts.actor, { action: 'training.course_updated', objectType: 'course', objectId: id, unitCode: before.unitCode, details: { changes } });
    return loadCourse(tx, id, opts.now);
  });
}

export async function listSessionsOf(db: DbOrTx, opts: { principal: Principal; courseId: string; now: Date }) {
  const c = await loadCourse(db, opts.courseId, opts.now);
  assertCan(opts.principal, 'training.manage', c.unitCode);
  return repo.sessionsOfCourse(db, c.id);
}

export async function createSession(
  db: Db,
  opts: Actor & { courseId: string; startsAt: string; endsAt: string; siteId?: string | null; place?: string; teacher?: string; capacity: number },
) {
  const startsAt = new Date(opts.startsAt);
  const endsAt = new Date(opts.endsAt);
  return db.transaction(async (tx) => {
    const course = await loadCourse(tx, opts.courseId, opts.now);
    assertCan(opts.principal, 'training.manage', course.unitCode);
    if (course.status !== 'open') throw new AppError('conflict', '课程已停办，不能新增场次');
    if (endsAt <= startsAt) throw fieldError('endsAt', '结束时间须晚于开始时间');
    if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_DAYS * 86400_000) throw fieldError('endsAt', `一个场次不能超过 ${MAX_SESSION_DAYS} 天`);
    let siteId: string | null = null;
    if (opts.siteId) {
      const site = await repo.findSite(tx, opts.siteId);
      if (!site) throw fieldError('siteId', '阵地不存在或已关闭');
      if (!can(opts.principal, 'training.manage', site.unitCode)) throw fieldError('siteId', '只能选择您管辖范围内的阵地');
      siteId = site.id;
    }
    const place = opts.place?.trim() ?? '';
    if (!siteId && !place) throw fieldError('place', '请选择阵地或填写上课地点');
    const row = await repo.insertSession(tx, { courseId: course.id, startsAt, endsAt, siteId, place, teacher: opts.teacher ?? '', capacity: opts.capacity });
    await audit(tx, opts.actor, {
      action: 'training.session_created',
      objectType: 'course_session',
      objectId: row.id,
      unitCode: course.unitCode,
      details: { courseId: course.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: opts.capacity },
    });
    return loadSession(tx, row.id);
  });
}

export async function getSessionDetail(db: DbOrTx, opts: { principal: Principal; id: string; now: Date }) {
  const session = await loadSession(db, opts.id);
  assertCan(opts.principal, 'training.manage', session.courseUnitCode);
  const course = await loadCourse(db, session.courseId, opts.now);
  return { session, course, roster: await school.roster(db, session.id) };
}

/** Cancels a session that has not ended and texts every volunteer who held a place (in the same transaction). */
export async function cancelSession(db: Db, opts: Actor & { id: string; reason?: string; sms: SmsSender }) {
  return db.transaction(async (tx) => {
    const s = await loadSession(tx, opts.id, true);
    assertCan(opts.principal, 'training.manage', s.courseUnitCode);
    if (s.status === 'cancelled') return s;
    if (opts.now >= s.endsAt) throw new AppError('conflict', '该场次已结束，不能取消');
    await repo.setSessionStatus(tx, s.id, 'cancelled');
    const reason = opts.reason?.trim();
    const text = `【文明实践云】您报名的“${s.courseTitle}”培训（${shortShanghai(s.startsAt)}）已取消${reason ? `，原因：${reason}` : ''}。给您带来不便，敬请谅解。`;
    const phones = await school.enrolledPhones(tx, s.id);
    for (const p of phones) await opts.sms.send(tx, { phone: p.phone, purpose: 'school:session_cancelled', text, unitCode: s.courseUnitCode });
    await audit(tx, opts.actor, {
      action: 'training.session_cancelled',
      objectType: 'course_session',
      objectId: s.id,
      unitCode: s.courseUnitCode,
      details: { courseId: s.courseId, reason: reason ?? '', notified: phones.length },
    });
    return loadSession(tx, s.id);
  });
}
