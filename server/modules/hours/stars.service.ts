// Star levels (星级志愿者): a volunteer reaches a level when approved hours pass its threshold; the award waits
// for the home unit (star.manage over the volunteer's home unit) to confirm it, which sets volunteers.star_level.
// Thresholds are one setting for the whole deployment (star.configure, district admins only).
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { starAwards } from '../../db/schema/hours';
import { volunteers } from '../../db/schema/volunteers';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { can, scopeCondition, scopeCodes, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import type { Notifier } from '../../platform/notify';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { findUnit } from '../network/units.repo';
import * as repo from './stars.repo';

export type StarActor = { principal: Principal; actor: AuditActor; now: Date; notify: Notifier };

/**
 * Brings a volunteer's awards in line with their minutes: a pending award for every level now reached (noticed
 * once, for the highest new one), and pending awards of levels no longer reached (a correction lowered the hours)
 * withdrawn. Confirmed awards stay.
 */
export async function syncStarAwards(
  tx: DbOrTx,
  o: { volunteer: { id: string; homeUnitCode: string; serviceMinutes: number }; notify: Notifier; now: Date },
): Promise<void> {
  const { volunteer: v } = o;
  const reached = (await repo.levels(tx)).filter((l) => l.minHours * 60 <= v.serviceMinutes);
  await tx
    .delete(starAwards)
    .where(
      and(
        eq(starAwards.volunteerId, v.id),
        eq(starAwards.status, 'pending'),
        reached.length ? notInArray(starAwards.level, reached.map((l) => l.level)) : undefined,
      ),
    );
  if (reached.length === 0) return;
  const added = await tx
    .insert(starAwards)
    .values(reached.map((l) => ({ volunteerId: v.id, level: l.level, minutesAt: v.serviceMinutes, status: 'pending' as const, reachedAt: o.now })))
    .onConflictDoNothing()
    .returning({ level: starAwards.level });
  if (added.length === 0) return;
  const top = Math.max(...added.map((a) => a.level));
  await o.notify.notify(tx, {
    volunteerId: v.id,
    purpose: 'star:reached',
    title: `服务时长已达${top}星级标准`,
    text: `您的志愿服务时长已达到${top}星级志愿者标准，待所属单位确认后生效。`,
    link: '/m/me/hours',
    unitCode: v.homeUnitCode,
  });
}

function assertAnyStaff(p: Principal): void {
  if (p.grants.length === 0) throw new AppError('forbidden');
}

export async function starLevels(db: DbOrTx, principal: Principal) {
  assertAnyStaff(principal);
  return { levels: await repo.levels(db) };
}

/** Levels 1..n (n ≤ 5) with strictly increasing hours; replaces the table and reconciles pending awards. */
export async function setStarLevels(db: Db, o: StarActor & { levels: repo.StarLevel[] }) {
  // A single deployment-wide setting: any grant carrying star.configure (district admins) may change it.
  const [grantCode] = scopeCodes(o.principal, 'star.configure');
  if (!grantCode) throw new AppError('forbidden');
  const list = [...o.levels].sort((a, b) => a.level - b.level);
  list.forEach((l, i) => {
    if (l.level !== i + 1) throw fieldError('levels', '星级须从 1 星起连续设置，不能重复');
    if (i > 0 && l.minHours <= list[i - 1].minHours) throw fieldError('levels', '每一星级的时长须高于上一星级');
  });
  await db.transaction(async (tx) => {
    const before = await repo.levels(tx);
    await repo.replaceLevels(tx, list, o.now);
    await repo.reconcileAwards(tx, o.now);
    await audit(tx, o.actor, { action: 'star.levels_updated', objectType: 'star_levels', unitCode: grantCode, details: { before, after: list } });
  });
  return { levels: await repo.levels(db) };
}

export async function listStarAwards(db: DbOrTx, o: { principal: Principal; status?: 'pending' | 'confirmed'; unit?: string; cursor?: string; limit: number }) {
  let underCode: string | undefined;
  if (o.unit) {
    const unit = await findUnit(db, o.unit);
    if (!unit) throw fieldError('unit', '单位不存在');
    if (!can(o.principal, 'star.manage', unit.code)) throw new AppError('forbidden');
    underCode = unit.code;
  }
  const after = decodeCursor(o.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await repo.listAwards(db, {
    scope: scopeCondition(o.principal, 'star.manage', volunteers.homeUnitCode),
    underCode,
    status: o.status,
    after,
    limit: o.limit,
  });
  return pageOf(rows, o.limit, (r) => [r.reachedAt.toISOString(), r.id]);
}

/** Confirms one award (idempotent for an already confirmed one); true when it changed something. */
async function confirmOne(tx: DbOrTx, o: StarActor & { id: string }): Promise<boolean> {
  const award = await repo.findAward(tx, o.id, { lock: true });
  if (!award) throw notFound('该星级记录');
  if (!can(o.principal, 'star.manage', award.homeUnitCode)) throw new AppError('forbidden');
  if (award.status === 'confirmed') return false;
  await tx.update(starAwards).set({ status: 'confirmed', confirmedBy: o.principal.accountId, confirmedAt: o.now }).where(eq(starAwards.id, award.id));
  const [v] = await tx
    .update(volunteers)
    .set({ starLevel: sql`greatest(${volunteers.starLevel}, ${award.level})`, updatedAt: o.now })
    .where(eq(volunteers.id, award.volunteerId))
    .returning({ phone: volunteers.phone });
  await o.notify.notify(tx, {
    volunteerId: award.volunteerId,
    phone: v.phone,
    purpose: 'star:confirmed',
    title: `您已成为${award.level}星级志愿者`,
    text: `恭喜您被确认为${award.level}星级志愿者，感谢您的付出！`,
    link: '/m/me/hours',
    unitCode: award.homeUnitCode,
  });
  await audit(tx, o.actor, {
    action: 'star.confirmed',
    objectType: 'star_award',
    objectId: award.id,
    unitCode: award.homeUnitCode,
    details: { volunteerId: award.volunteerId, level: award.level },
  });
  return true;
}

export async function confirmStarAward(db: Db, o: StarActor & { id: string }) {
  await db.transaction((tx) => confirmOne(tx, o));
  return (await repo.findAward(db, o.id))!;
}

/** Confirms what the caller may confirm; awards out of scope, unknown or already confirmed are left as they are. */
export async function confirmStarAwards(db: Db, o: StarActor & { ids: string[] }) {
  let confirmed = 0;
  await db.transaction(async (tx) => {
    for (const id of new Set(o.ids)) {
      try {
        if (await tx.transaction((sp) => confirmOne(sp, { ...o, id }))) confirmed += 1;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
      }
    }
  });
  return { confirmed };
}

/** The volunteer's own standing: minutes, confirmed level, a level waiting for confirmation, and the next one. */
export async function myStanding(db: DbOrTx, volunteerId: string) {
  const [v] = await db.select({ minutes: volunteers.serviceMinutes, starLevel: volunteers.starLevel }).from(volunteers).where(eq(volunteers.id, volunteerId));
  const all = await repo.levels(db);
  const next = all.find((l) => l.minHours * 60 > (v?.minutes ?? 0)) ?? null;
  return { totalMinutes: v?.minutes ?? 0, starLevel: v?.starLevel ?? 0, pendingStarLevel: await repo.pendingLevelOf(db, volunteerId), nextLevel: next };
}
