// Creating a service record: the one place that turns a stretch of time into minutes and checks it against the
// volunteer's other records and the activity's time. Check-outs, organizer entries and corrections all come here.
// Records made by the system (from check-in/out) are never refused, only flagged for the approver; records a
// person types (entries, corrections) are refused with the reason instead.
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { serviceRecords, type ServiceRecordFlag } from '../../db/schema/hours';
import { AppError, fieldError } from '../../platform/errors';
import { fromLocal, localParts, addDays } from '../activities/activity-time';

/** How far a record may reach outside the activity's time (setting up, clearing away) before it is flagged. */
export const OUTSIDE_TIME_SLACK_MINUTES = 30;
const DAY_MINUTES = 24 * 60;

export type RecordActivity = { id: string; title: string; unitId: string; unitCode: string; teamId: string | null; startsAt: Date; endsAt: Date };

export type RecordServiceInput = {
  volunteerId: string;
  activity: RecordActivity;
  startedAt: Date;
  endedAt: Date;
  source: 'checkin' | 'manual';
  /** true: refuse what does not fit (typed by a person); false: record it and flag it (made by the system). */
  strict: boolean;
  attendanceId?: string | null;
  autoClosed?: boolean;
  content?: string;
  /** The account that entered or asked for it. */
  requestedBy?: string | null;
  /** For a correction: the record it replaces (left out of the overlap checks) and why. */
  previous?: { id: string; version: number } | null;
  /** Other versions of the same record (the approved one a correction of a correction replaces), also left out. */
  replaces?: string[];
  reason?: string;
};

export type ServiceRecordRow = typeof serviceRecords.$inferSelect;

/** Returns the new pending record, or null when a check-in/out pair is under a minute (nothing to record). */
export async function recordService(tx: DbOrTx, input: RecordServiceInput): Promise<ServiceRecordRow | null> {
  const { activity, startedAt, endedAt, strict } = input;
  let minutes = Math.floor((endedAt.getTime() - startedAt.getTime()) / 60_000);
  if (minutes < 1) {
    if (strict) throw fieldError('endedAt', '结束时间应晚于开始时间至少 1 分钟');
    return null;
  }
  const flags = new Set<ServiceRecordFlag>();
  if (input.autoClosed) flags.add('auto_closed');

  const slack = OUTSIDE_TIME_SLACK_MINUTES * 60_000;
  const outside = startedAt.getTime() < activity.startsAt.getTime() - slack || endedAt.getTime() > activity.endsAt.getTime() + slack;
  if (outside) {
    // Name the end that is actually outside (a start within the slack but an end far past is the end's fault).
    const early = startedAt.getTime() < activity.startsAt.getTime() - slack;
    if (strict) throw fieldError(early ? 'startedAt' : 'endedAt', '服务时间超出了活动时间');
    flags.add('outside_activity_time');
  }

  const replaced = [...(input.previous ? [input.previous.id] : []), ...(input.replaces ?? [])];
  const others = and(
    eq(serviceRecords.volunteerId, input.volunteerId),
    inArray(serviceRecords.status, ['pending', 'approved']),
    replaced.length ? notInArray(serviceRecords.id, replaced) : undefined,
  );
  const [overlap] = await tx
    .select({ id: serviceRecords.id })
    .from(serviceRecords)
    .where(and(others, sql`${serviceRecords.startedAt} < ${endedAt}`, sql`${serviceRecords.endedAt} > ${startedAt}`))
    .limit(1);
  if (overlap) {
    if (strict) throw new AppError('record_overlap');
    flags.add('overlap');
  }

  // Minutes already recorded on the local day the record starts (records that start that day).
  const day = localParts(startedAt).date;
  const [{ total }] = await tx
    .select({ total: sql<number>`coalesce(sum(${serviceRecords.minutes}), 0)::int` })
    .from(serviceRecords)
    .where(and(others, sql`${serviceRecords.startedAt} >= ${fromLocal(day)}`, sql`${serviceRecords.startedAt} < ${fromLocal(addDays(day, 1))}`));
  if (Number(total) + minutes > DAY_MINUTES || minutes > DAY_MINUTES) {
    if (strict) throw new AppError('daily_limit_exceeded');
    flags.add('over_daily_limit');
    minutes = Math.min(minutes, DAY_MINUTES);
  }

  const [row] = await tx
    .insert(serviceRecords)
    .values({
      volunteerId: input.volunteerId,
      activityId: activity.id,
      unitId: activity.unitId,
      unitCode: activity.unitCode,
      teamId: activity.teamId,
      attendanceId: input.attendanceId ?? null,
      source: input.source,
      startedAt,
      endedAt,
      minutes,
      content: input.content ?? activity.title,
      flags: [...flags],
      version: input.previous ? input.previous.version + 1 : 1,
      previousId: input.previous?.id ?? null,
      reason: input.reason ?? '',
      requestedBy: input.requestedBy ?? null,
    })
    .returning();
  return row;
}
