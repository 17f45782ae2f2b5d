// Attendance and the qualifications it grants. Once a session has started, staff record for each enrolment whether
// the volunteer attended and passed. A pass of a course that grants a qualification adds a qualification row
// (granted at the session's end, expiring validMonths later); passing again later adds another row, so the history
// stays and the latest grant is the one that counts. Taking a pass back revokes the grant it made. All audited.
import type { Db, Tx } from '../../db/client';
import { AppError, fieldError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { audit } from '../../platform/audit';
import * as school from './school.repo';
import { getSessionDetail, loadSession, type Actor } from './courses.service';
import type { SessionWithCourse } from './courses.repo';
import { addMonthsShanghai } from './training-time';

type AttendanceRecord = { enrolmentId: string; attended: boolean; passed: boolean };

function checkRecords(records: AttendanceRecord[]): void {
  const seen = new Set<string>();
  records.forEach((r, i) => {
    if (seen.has(r.enrolmentId)) throw fieldError(`records.${i}.enrolmentId`, '同一报名记录重复提交');
    seen.add(r.enrolmentId);
    if (r.passed && !r.attended) throw fieldError(`records.${i}.passed`, '未出勤的学员不能记为通过');
  });
}

async function grant(tx: Tx, opts: Actor, s: SessionWithCourse, volunteerId: string): Promise<void> {
  if (!s.qualification) return;
  const key = { volunteerId, courseId: s.courseId, grantedAt: s.endsAt };
  const existing = await school.findGrant(tx, key);
  let id: string;
  let expiresAt: Date | null;
  if (existing) {
    // A pass taken back and given again restores the same grant rather than adding a second one.
    if (!existing.revokedAt) return;
    await school.setRevoked(tx, existing.id, null);
    id = existing.id;
    expiresAt = existing.expiresAt;
  } else {
    expiresAt = s.validMonths ? addMonthsShanghai(s.endsAt, s.validMonths) : null;
    id = (await school.insertQualification(tx, { ...key, name: s.qualification, expiresAt })).id;
  }
  await audit(tx, opts.actor, {
    action: 'training.qualification_granted',
    objectType: 'qualification',
    objectId: id,
    unitCode: s.courseUnitCode,
    details: { volunteerId, name: s.qualification, sessionId: s.id, expiresAt: expiresAt?.toISOString() ?? null },
  });
}

async function revoke(tx: Tx, opts: Actor, s: SessionWithCourse, volunteerId: string): Promise<void> {
  const existing = await school.findGrant(tx, { volunteerId, courseId: s.courseId, grantedAt: s.endsAt });
  if (!existing || existing.revokedAt) return;
  await school.setRevoked(tx, existing.id, opts.now);
  await audit(tx, opts.actor, {
    action: 'training.qualification_revoked',
    objectType: 'qualification',
    objectId: existing.id,
    unitCode: s.courseUnitCode,
    details: { volunteerId, name: existing.name, sessionId: s.id },
  });
}

export async function recordAttendance(db: Db, opts: Actor & { sessionId: string; records: AttendanceRecord[] }) {
  await db.transaction(async (tx) => {
    const s = await loadSession(tx, opts.sessionId, true);
    assertCan(opts.principal, 'training.manage', s.courseUnitCode);
    if (s.status === 'cancelled') throw new AppError('conflict', '该场次已取消，不能记录出勤');
    if (opts.now < s.startsAt) throw new AppError('conflict', '场次开始后才能记录出勤和考核结果');
    checkRecords(opts.records);
    const rows = new Map((await school.enrolmentsByIds(tx, s.id, opts.records.map((r) => r.enrolmentId))).map((e) => [e.id, e]));
    opts.records.forEach((r, i) => {
      if (rows.get(r.enrolmentId)?.status !== 'enrolled') throw fieldError(`records.${i}.enrolmentId`, '不是本场次的有效报名');
    });
    let changed = 0;
    for (const r of opts.records) {
      const before = rows.get(r.enrolmentId)!;
      if (before.attended === r.attended && before.passed === r.passed) continue;
      changed++;
      await school.recordAttendance(tx, before.id, { attended: r.attended, passed: r.passed, recordedBy: opts.actor.id, recordedAt: opts.now });
      if (r.passed && !before.passed) await grant(tx, opts, s, before.volunteerId);
      if (!r.passed && before.passed) await revoke(tx, opts, s, before.volunteerId);
    }
    if (changed > 0) {
      await audit(tx, opts.actor, {
        action: 'training.attendance_recorded',
        objectType: 'course_session',
        objectId: s.id,
        unitCode: s.courseUnitCode,
        details: {
          changed,
          attended: opts.records.filter((r) => r.attended).length,
          passed: opts.records.filter((r) => r.passed).length,
        },
      });
    }
  });
  return getSessionDetail(db, { principal: opts.principal, id: opts.sessionId, now: opts.now });
}
