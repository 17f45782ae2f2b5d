// The rules of one check-in/check-out pair, shared by the QR scan, the runner's manual entry and the auto-close
// job: who may (a confirmed sign-up, locked for the transaction so one person's requests run one at a time),
// when (from an hour before the start until the end, check-out until 30 minutes after), where (the geofence),
// how often (one open pair, three pairs a local day), and the service record a closed pair makes.
import type { DbOrTx } from '../../db/client';
import type { AttendanceMethod } from '../../db/schema/attendance';
import { AppError, fieldError } from '../../platform/errors';
import { addDays, fromLocal, localParts } from '../activities/activity-time';
import { recordService, type ServiceRecordRow } from '../hours/hours-record';
import * as repo from './attendance.repo';
import type { CheckinMode } from './checkin-code';

export const OPENS_BEFORE_START_MS = 60 * 60_000;
export const CHECKOUT_AFTER_END_MS = 30 * 60_000;
export const MAX_PAIRS_PER_DAY = 3;
const LIVE = new Set(['published', 'in_progress']);

/** Check-in runs from an hour before the start to the end; check-out half an hour longer (people stay to clear up). */
export function assertOpen(a: repo.AttendanceActivity, mode: CheckinMode, at: Date): void {
  if (!LIVE.has(a.status)) throw new AppError('checkin_not_open', a.status === 'cancelled' ? '活动已取消，不能签到签退' : undefined);
  const opens = a.startsAt.getTime() - OPENS_BEFORE_START_MS;
  const closes = a.endsAt.getTime() + (mode === 'out' ? CHECKOUT_AFTER_END_MS : 0);
  if (at.getTime() < opens || at.getTime() >= closes) throw new AppError('checkin_not_open');
}

export function isLive(a: repo.AttendanceActivity): boolean {
  return LIVE.has(a.status);
}

/** Only a confirmed volunteer sign-up may check in; the row stays locked until the transaction ends. */
export async function assertSignedUp(tx: DbOrTx, activityId: string, volunteerId: string): Promise<void> {
  const s = await repo.lockSignup(tx, activityId, volunteerId);
  if (!s || s.status !== 'confirmed') {
    throw new AppError('not_signed_up', s?.status === 'waitlisted' ? '您还在候补名单中，确认报名后才能签到' : undefined);
  }
}

const EARTH_RADIUS_M = 6_371_008.8;
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Only when the activity sets a distance and its site has a position; otherwise the location is not asked for. */
export function assertInsideGeofence(a: repo.AttendanceActivity, at: { lat: number; lng: number } | null): void {
  if (a.geofenceMeters === null || a.siteLat === null || a.siteLng === null) return;
  if (!at) throw new AppError('location_required');
  const d = distanceMeters({ lat: a.siteLat, lng: a.siteLng }, at);
  if (d > a.geofenceMeters) throw new AppError('outside_geofence', undefined, { distanceMeters: Math.round(d), geofenceMeters: a.geofenceMeters });
}

function isOpenPairConflict(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  return code === '23505';
}

export type PairHow = { method: AttendanceMethod; by: string | null };

export async function beginPair(
  tx: DbOrTx,
  a: repo.AttendanceActivity,
  volunteerId: string,
  at: Date,
  how: PairHow & { lat?: number | null; lng?: number | null },
): Promise<repo.AttendanceRow> {
  if (await repo.openPair(tx, a.id, volunteerId)) throw new AppError('already_checked_in');
  const day = localParts(at).date;
  const today = await repo.pairsBetween(tx, a.id, volunteerId, fromLocal(day), fromLocal(addDays(day, 1)));
  if (today >= MAX_PAIRS_PER_DAY) throw new AppError('checkin_limit_reached');
  try {
    return await repo.insertPair(tx, { activityId: a.id, volunteerId, at, method: how.method, by: how.by, lat: how.lat ?? null, lng: how.lng ?? null });
  } catch (err) {
    // The open-pair unique index is the last guard if two check-ins ever got past the lock.
    if (isOpenPairConflict(err)) throw new AppError('already_checked_in');
    throw err;
  }
}

export async function endPair(
  tx: DbOrTx,
  a: repo.AttendanceActivity,
  volunteerId: string,
  at: Date,
  how: PairHow & { autoClosed?: boolean },
): Promise<{ attendance: repo.AttendanceRow; record: ServiceRecordRow | null }> {
  const open = await repo.openPair(tx, a.id, volunteerId);
  if (!open) throw new AppError('not_checked_in');
  if (at < open.checkedInAt) throw fieldError('at', '签退时间不能早于签到时间');
  const closed = await repo.closePair(tx, open.id, { at, method: how.method, by: how.by, autoClosed: how.autoClosed });
  if (!closed) throw new AppError('not_checked_in');
  return { attendance: closed, record: await recordOf(tx, a, closed, how.by) };
}

/** A closed pair's pending service record; the system made it, so doubts become flags, never refusals. */
export async function recordOf(tx: DbOrTx, a: repo.AttendanceActivity, pair: repo.AttendanceRow, requestedBy: string | null): Promise<ServiceRecordRow | null> {
  return recordService(tx, {
    volunteerId: pair.volunteerId,
    activity: a,
    startedAt: pair.checkedInAt,
    endedAt: pair.checkedOutAt!,
    source: 'checkin',
    strict: false,
    attendanceId: pair.id,
    autoClosed: pair.autoClosed,
    requestedBy,
  });
}
