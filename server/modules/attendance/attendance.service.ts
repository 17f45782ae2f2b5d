// Attendance on the day: the runner's rotating code, the volunteer's scan (retried safely with an
// Idempotency-Key), the runner's list and manual check-in/out, and the volunteer's own pairs.
import type { Db, DbOrTx } from '../../db/client';
import { audit, type AuditActor } from '../../platform/audit';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { once, type Outcome } from '../../platform/idempotency';
import { assertCanRunActivity, type Principal } from '../../platform/policy';
import { addDays, fromLocal, localParts } from '../activities/activity-time';
import { civicCodeSvg } from '../network/civic-code.service';
import * as repo from './attendance.repo';
import { presentAttendance, presentRecordBrief } from './attendance.presenter';
import { checkFresh, checkinCodeAt, checkinUrl, parseCheckinCode, type CheckinMode } from './checkin-code';
import { assertInsideGeofence, assertOpen, assertSignedUp, beginPair, CHECKOUT_AFTER_END_MS, endPair, isLive } from './pairs.service';

export const SCAN_ROUTE = 'POST /api/volunteer/attendance';

async function runnableActivity(db: DbOrTx, principal: Principal, id: string): Promise<repo.AttendanceActivity> {
  const a = await repo.findActivity(db, id);
  if (!a) throw notFound('活动');
  assertCanRunActivity(principal, a);
  return a;
}

export async function checkinCodeFor(
  db: Db,
  opts: { principal: Principal; secret: string; publicBaseUrl: string; activityId: string; mode: CheckinMode; now: Date },
) {
  const a = await runnableActivity(db, opts.principal, opts.activityId);
  // Before the opening hour the screen may already be set up (scans then answer checkin_not_open); afterwards not.
  if (!isLive(a) || opts.now.getTime() >= a.endsAt.getTime() + CHECKOUT_AFTER_END_MS) throw new AppError('checkin_not_open');
  const c = checkinCodeAt(opts.secret, a.id, opts.mode, opts.now);
  const url = checkinUrl(opts.publicBaseUrl, c.code);
  return { code: c.code, url, qrSvg: await civicCodeSvg(url), mode: opts.mode, expiresAt: c.expiresAt.toISOString(), refreshAt: c.refreshAt.toISOString() };
}

export type ScanAnswer = {
  action: CheckinMode;
  attendance: ReturnType<typeof presentAttendance>;
  activity: { id: string; title: string; startsAt: string; endsAt: string };
  record: ReturnType<typeof presentRecordBrief>;
};

/**
 * A volunteer's scan. Everything, the code's checks included, runs inside once(): a retry of a request that
 * succeeded gets its stored answer even after the code has expired, and the same key with another code is refused.
 */
export async function scan(
  db: Db,
  opts: {
    principal: Principal;
    volunteerId: string;
    secret: string;
    key: string | undefined;
    code: string;
    activityId?: string;
    location: { lat: number; lng: number } | null;
    now: Date;
  },
): Promise<Outcome<ScanAnswer> & { replayed: boolean }> {
  const request = `${SCAN_ROUTE} ${opts.code} ${opts.activityId ?? ''}`;
  return once<ScanAnswer>(db, { key: opts.key, scope: opts.principal.accountId, request }, async (tx) => {
    const parsed = parseCheckinCode(opts.secret, opts.code);
    if (opts.activityId && opts.activityId !== parsed.activityId) throw new AppError('checkin_wrong_activity');
    checkFresh(parsed, opts.now);
    const a = await repo.findActivity(tx, parsed.activityId);
    if (!a) throw notFound('活动');
    await assertSignedUp(tx, a.id, opts.volunteerId);
    assertOpen(a, parsed.mode, opts.now);
    assertInsideGeofence(a, opts.location);
    const how = { method: 'qr' as const, by: null };
    const { attendance, record } =
      parsed.mode === 'in'
        ? { attendance: await beginPair(tx, a, opts.volunteerId, opts.now, { ...how, ...opts.location }), record: null }
        : await endPair(tx, a, opts.volunteerId, opts.now, how);
    return {
      status: 200,
      body: {
        action: parsed.mode,
        attendance: presentAttendance(attendance),
        activity: { id: a.id, title: a.title, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() },
        record: presentRecordBrief(record),
      },
    };
  });
}

/** A runner checks someone in or out by hand (forgotten phone, no signal); recorded as manual, with the account, and audited. */
export async function manualAttendance(
  db: Db,
  opts: { principal: Principal; actor: AuditActor; activityId: string; volunteerId: string; action: CheckinMode; at?: Date; now: Date },
) {
  const at = opts.at ?? opts.now;
  if (at > opts.now) throw fieldError('at', '时间不能晚于现在');
  return db.transaction(async (tx) => {
    const a = await runnableActivity(tx, opts.principal, opts.activityId);
    await assertSignedUp(tx, a.id, opts.volunteerId);
    assertOpen(a, opts.action, at);
    const how = { method: 'manual' as const, by: opts.principal.accountId };
    let result: Awaited<ReturnType<typeof endPair>>;
    if (opts.action === 'in') {
      const last = await repo.lastCheckOut(tx, a.id, opts.volunteerId);
      if (last && at < last) throw fieldError('at', '签到时间不能早于上一次签退时间');
      result = { attendance: await beginPair(tx, a, opts.volunteerId, at, how), record: null };
    } else {
      result = await endPair(tx, a, opts.volunteerId, at, how);
    }
    await audit(tx, opts.actor, {
      action: opts.action === 'in' ? 'attendance.manual_check_in' : 'attendance.manual_check_out',
      objectType: 'attendance',
      objectId: result.attendance.id,
      unitCode: a.unitCode,
      details: { activityId: a.id, volunteerId: opts.volunteerId, at: at.toISOString(), recordId: result.record?.id ?? null },
    });
    return { attendance: presentAttendance(result.attendance), record: presentRecordBrief(result.record) };
  });
}

/** The runner's list: every confirmed sign-up and anyone with pairs, with their pairs and recorded minutes. */
export async function attendanceRoster(db: Db, opts: { principal: Principal; activityId: string }) {
  const a = await runnableActivity(db, opts.principal, opts.activityId);
  const people = await repo.rosterOf(db, a.id);
  const pairs = await repo.pairsOf(db, a.id, people.map((p) => p.volunteerId));
  const minutes = await repo.minutesByVolunteer(db, a.id);
  return {
    items: people.map((p) => ({
      volunteerId: p.volunteerId,
      volunteerNumber: p.volunteerNumber,
      name: p.name,
      signupStatus: p.signupStatus,
      pairs: pairs.filter((x) => x.volunteerId === p.volunteerId).map(presentAttendance),
      minutes: minutes.get(p.volunteerId) ?? 0,
    })),
  };
}

export async function myPairs(db: DbOrTx, volunteerId: string, activityId: string) {
  return { pairs: (await repo.pairsOf(db, activityId, [volunteerId])).map(presentAttendance) };
}

/**
 * For the volunteer's activity page (the sign-ups module's GET /api/volunteer/activities/:id/signup): whether they
 * are checked in now, and how many pairs they began this local day.
 */
export async function attendanceSummary(db: DbOrTx, activityId: string, volunteerId: string, now: Date): Promise<{ open: boolean; pairsToday: number }> {
  const day = localParts(now).date;
  const [open, pairsToday] = [
    await repo.openPair(db, activityId, volunteerId),
    await repo.pairsBetween(db, activityId, volunteerId, fromLocal(day), fromLocal(addDays(day, 1))),
  ];
  return { open: open !== null, pairsToday };
}
