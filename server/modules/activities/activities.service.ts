// Rules for activities: create one or a weekly series (Asia/Shanghai wall-clock time, at most 60), edit one or
// "this and following" of a series, read and list within scope. Reading needs activity.read on the organizing
// unit, changing needs activity.manage on it (moving to another unit: on both). The workflow (submit, review,
// cancel, posters) lives in activity-workflow.service.ts.
import type { Notices } from '../signups/places';
import { placesChanged } from '../signups/activity-changes';
import { inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { activities } from '../../db/schema/activities';
import type { ActivityStatus } from '../../db/schema/activities';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { findUnit } from '../network/units.repo';
import { addDays, fromLocal, localParts, weeklyOccurrences } from './activity-time';
import * as repo from './activities.repo';
import { checkProgramme, checkSite, checkTeam, checkTimes, organizingUnit, themeContext } from './activity-refs';
import { derivedStatus, type SeriesInfo } from './activities.presenter';
import { MAX_SERIES } from './activities.schemas';

/** `notices` lets a change tell the people signed up (waiting list moved up, activity cancelled). */
export type Actor = { principal: Principal; actor: AuditActor; now: Date; notices?: Notices };
export type ActivityInput = {
  title: string;
  programmeId?: string | null;
  topic: string;
  brands: string[];
  themeId?: string | null;
  unitId: string;
  teamId?: string | null;
  siteId?: string | null;
  address: string;
  startsAt: Date;
  endsAt: Date;
  description: string;
  volunteerSlots: number;
  requiredSkills: string[];
  requiredQualifications: string[];
  citizenPlaces: number;
  cancelCutoffMinutes: number;
  geofenceMeters: number | null;
};
export type Repeat = { weekdays: number[]; until: string };

export async function loadActivity(db: DbOrTx, id: string, lock = false): Promise<repo.ActivityJoined> {
  const a = await repo.findActivity(db, id, { lock });
  if (!a) throw notFound('该活动');
  return a;
}

export async function activitiesByIds(db: DbOrTx, ids: string[]): Promise<repo.ActivityJoined[]> {
  if (ids.length === 0) return [];
  return repo.listActivities(db, { scope: inArray(activities.id, ids), now: new Date(0), after: null, limit: ids.length });
}

function occurrencesOf(input: ActivityInput, repeat: Repeat | undefined) {
  const first = { startsAt: input.startsAt, endsAt: input.endsAt };
  if (!repeat) return [first];
  if (repeat.until < localParts(input.startsAt).date) throw fieldError('repeat.until', '截止日期不能早于第一次活动');
  const list = weeklyOccurrences(first, repeat.weekdays, repeat.until, MAX_SERIES);
  if (list.length === 0) throw fieldError('repeat.weekdays', '截止日期前没有所选星期的日期');
  if (list.length > MAX_SERIES) throw fieldError('repeat.until', `一个系列最多 ${MAX_SERIES} 次活动，请提前截止日期`);
  return list;
}

function seriesRule(list: { startsAt: Date; endsAt: Date }[]) {
  const first = list[0];
  const last = list[list.length - 1];
  return {
    weekdays: [...new Set(list.map((o) => localParts(o.startsAt).isoWeekday))].sort(),
    startTime: localParts(first.startsAt).time,
    endTime: localParts(first.endsAt).time,
    firstDate: localParts(first.startsAt).date,
    lastDate: localParts(last.startsAt).date,
  };
}

export async function createActivities(db: Db, opts: Actor & ActivityInput & { repeat?: Repeat }): Promise<repo.ActivityJoined[]> {
  checkTimes(opts.startsAt, opts.endsAt);
  const list = occurrencesOf(opts, opts.repeat);
  const ids = await db.transaction(async (tx) => {
    const unit = await organizingUnit(tx, opts.principal, opts.unitId);
    await checkTeam(tx, opts.principal, opts.teamId);
    await checkSite(tx, opts.principal, opts.siteId);
    await checkProgramme(tx, opts.programmeId, unit);
    const themes = await themeContext(tx, unit.code);
    if (opts.themeId) await themes.check(opts.themeId, list[0].startsAt);
    const seriesId = opts.repeat ? await repo.insertSeries(tx, { unitId: unit.id, ...seriesRule(list), createdAt: opts.now }) : null;
    const { principal, actor: _a, now, repeat: _r, ...values } = opts;
    const rows = await repo.insertActivities(
      tx,
      list.map((o) => ({
        ...values,
        unitCode: unit.code,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        themeId: themes.forOccurrence(opts.themeId, o.startsAt),
        seriesId,
        status: 'draft' as const,
        createdBy: principal.accountId,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await audit(tx, opts.actor, {
      action: 'activity.created',
      objectType: seriesId ? 'activity_series' : 'activity',
      objectId: seriesId ?? rows[0].id,
      unitCode: unit.code,
      details: { title: opts.title, count: rows.length, firstStartsAt: rows[0].startsAt.toISOString() },
    });
    return rows.map((r) => r.id);
  });
  return activitiesByIds(db, ids);
}

export type ActivityPatch = Partial<ActivityInput> & { scope: 'one' | 'following' };

export function assertEditable(a: { status: ActivityStatus; startsAt: Date; endsAt: Date }, now: Date): void {
  const s = derivedStatus(a, now);
  if (s === 'finished' || s === 'cancelled') throw new AppError('conflict', s === 'finished' ? '活动已结束，不能再修改' : '活动已取消，不能再修改');
}

/** Edits one activity, or this one and the later (still editable) ones of its series, shifting their times alike. */
export async function updateActivity(db: Db, opts: Actor & ActivityPatch & { id: string }): Promise<repo.ActivityJoined> {
  await db.transaction(async (tx) => {
    const before = await loadActivity(tx, opts.id, true);
    assertCan(opts.principal, 'activity.manage', before.unitCode);
    assertEditable(before, opts.now);
    const { principal, actor: _a, now, id: _id, scope, startsAt, endsAt, themeId, ...patch } = opts;
    const newStarts = startsAt ?? before.startsAt;
    const newEnds = endsAt ?? before.endsAt;
    checkTimes(newStarts, newEnds);
    const unit = patch.unitId && patch.unitId !== before.unitId ? await organizingUnit(tx, principal, patch.unitId) : { id: before.unitId, code: before.unitCode };
    if (patch.teamId) await checkTeam(tx, principal, patch.teamId);
    if (patch.siteId) await checkSite(tx, principal, patch.siteId);
    if (patch.programmeId) await checkProgramme(tx, patch.programmeId, unit);
    const themes = await themeContext(tx, unit.code);
    // An explicit theme must be of the activity's month; a kept one follows the activity into its new month.
    if (themeId) await themes.check(themeId, newStarts);
    const wantedTheme = themeId !== undefined ? themeId : themes.forOccurrence(before.themeId, newStarts);

    const following = scope === 'following' && before.seriesId;
    const targets = following
      ? (await repo.seriesFrom(tx, before.seriesId!, before.startsAt)).filter((r) => !['finished', 'cancelled'].includes(derivedStatus(r, now)))
      : [before];
    const shift = newStarts.getTime() - before.startsAt.getTime();
    const length = newEnds.getTime() - newStarts.getTime();
    const moved = targets.map((r) => {
      const s = new Date(r.startsAt.getTime() + shift);
      return { id: r.id, startsAt: s, endsAt: new Date(s.getTime() + length), themeId: r.id === before.id ? (wantedTheme ?? null) : themes.forOccurrence(wantedTheme ?? r.themeId, s) };
    });
    for (const m of moved) {
      await repo.updateActivity(tx, m.id, { ...patch, unitId: unit.id, unitCode: unit.code, startsAt: m.startsAt, endsAt: m.endsAt, themeId: m.themeId, updatedAt: now });
    }
    if (opts.notices && (patch.volunteerSlots !== undefined || patch.citizenPlaces !== undefined)) {
      await placesChanged(tx, moved.map((m) => m.id), now, opts.notices);
    }
    if (following && (shift !== 0 || length !== before.endsAt.getTime() - before.startsAt.getTime())) {
      await splitSeries(tx, { seriesId: before.seriesId!, unitId: unit.id, from: before.startsAt, moved, now });
    }
    await audit(tx, opts.actor, {
      action: 'activity.updated',
      objectType: 'activity',
      objectId: before.id,
      unitCode: unit.code,
      details: { fields: Object.keys({ ...patch, ...(startsAt ? { startsAt } : {}), ...(endsAt ? { endsAt } : {}), ...(themeId !== undefined ? { themeId } : {}) }), scope, count: moved.length },
    });
  });
  return loadActivity(db, opts.id);
}

/** After a "this and following" time change the later activities follow a new rule: they become their own series. */
async function splitSeries(
  tx: DbOrTx,
  { seriesId, unitId, from, moved, now }: { seriesId: string; unitId: string; from: Date; moved: { id: string; startsAt: Date; endsAt: Date }[]; now: Date },
) {
  const all = await repo.seriesDates(tx, seriesId);
  const movedIds = new Set(moved.map((m) => m.id));
  const earlier = all.filter((r) => r.startsAt < from);
  const rule = seriesRule([...moved].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()));
  if (earlier.length === 0 || movedIds.size === 0) {
    await repo.updateSeries(tx, seriesId, rule);
    return;
  }
  const newId = await repo.insertSeries(tx, { unitId, ...rule, createdAt: now });
  await tx.update(activities).set({ seriesId: newId }).where(inArray(activities.id, [...movedIds]));
  await repo.updateSeries(tx, seriesId, { lastDate: localParts(earlier[earlier.length - 1].startsAt).date });
}

export async function getActivity(db: DbOrTx, opts: { principal: Principal; id: string }) {
  const a = await loadActivity(db, opts.id);
  assertCan(opts.principal, 'activity.read', a.unitCode);
  return a;
}

export async function activityExtras(db: DbOrTx, a: repo.ActivityJoined): Promise<{ series: SeriesInfo | null; reviewNeeded: boolean; reviewerName: string | null }> {
  const s = a.seriesId ? await repo.findSeries(db, a.seriesId) : null;
  return {
    series: s ? { id: s.id, weekdays: s.weekdays, startTime: s.startTime, endTime: s.endTime, firstDate: s.firstDate, lastDate: s.lastDate, count: s.count } : null,
    reviewNeeded: await repo.reviewNeeded(db, a.unitId),
    reviewerName: a.reviewedBy ? await repo.reviewerName(db, a.reviewedBy) : null,
  };
}

export async function listActivitiesIn(
  db: DbOrTx,
  opts: { principal: Principal; now: Date; unit?: string; status?: ActivityStatus; topic?: string; from?: string; to?: string; q?: string; series?: string; cursor?: string; limit: number },
) {
  let underCode: string | undefined;
  if (opts.unit) {
    const unit = await findUnit(db, opts.unit);
    if (!unit) throw fieldError('unit', '单位不存在');
    assertCan(opts.principal, 'activity.read', unit.code);
    underCode = unit.code;
  }
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await repo.listActivities(db, {
    scope: scopeCondition(opts.principal, 'activity.read', activities.unitCode),
    underCode,
    status: opts.status,
    topic: opts.topic,
    from: opts.from ? fromLocal(opts.from) : undefined,
    to: opts.to ? fromLocal(addDays(opts.to, 1)) : undefined,
    q: opts.q,
    seriesId: opts.series,
    now: opts.now,
    after,
    limit: opts.limit,
  });
  return pageOf(rows, opts.limit, (r) => [r.startsAt.toISOString(), r.id]);
}
