// Staff work on the registry: search the volunteers of their scope, open one, correct details, review new
// registrations (approval sends an SMS), change status, and reveal one ID number at a time (audited).
// Scope: a volunteer belongs to the staff of their home unit and of every unit above it (code prefix).
import type { Db, DbOrTx } from '../../db/client';
import { volunteers, type VolunteerStatus } from '../../db/schema/volunteers';
import { units } from '../../db/schema/network';
import { eq } from 'drizzle-orm';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { decodeCursor, encodeCursor } from '../../platform/pagination';
import type { FieldCipher } from '../../platform/crypto';
import type { SmsSender } from '../../platform/sms';
import { MINOR_AGE } from '../../../common/id-card';
import * as repo from './volunteers.repo';
import { activeHomeUnit, checkSkills } from './registration.service';
import type { VolunteerListQuery } from './volunteers.schemas';

type Actor = { principal: Principal; actor: AuditActor; now: Date };
// Enough to say "1000+"; counting further reads thousands of rows on every first page.
export const TOTAL_CAP = 1_000;

/** The date before which (inclusive) someone is an adult today, in China's calendar. */
export function adultCutoff(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear() - MINOR_AGE;
  const month = local.getUTCMonth();
  // On 29 February the same day 18 years ago may not exist; the 28th is then the last adult birthday.
  const day = Math.min(local.getUTCDate(), new Date(Date.UTC(y, month + 1, 0)).getUTCDate());
  return `${y}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export async function listFilter(db: DbOrTx, principal: Principal, q: Omit<VolunteerListQuery, 'cursor' | 'limit'>, now: Date): Promise<repo.ListFilter> {
  let underCode: string | undefined;
  let underIsLeaf = false;
  if (q.unit) {
    const [unit] = await db.select({ code: units.code, level: units.level }).from(units).where(eq(units.id, q.unit));
    if (!unit) throw fieldError('unit', '单位不存在');
    assertCan(principal, 'volunteer.read', unit.code);
    underCode = unit.code;
    underIsLeaf = unit.level === 'station';
  }
  return {
    scope: scopeCondition(principal, 'volunteer.read', volunteers.homeUnitCode),
    q: q.q,
    skill: q.skill || undefined,
    underCode,
    underIsLeaf,
    status: q.status,
    minor: q.minor === undefined ? undefined : { value: q.minor, cutoff: adultCutoff(now) },
  };
}

export async function listVolunteersIn(db: DbOrTx, o: { principal: Principal; query: VolunteerListQuery; now: Date }) {
  const { cursor, limit, ...rest } = o.query;
  const filter = await listFilter(db, o.principal, rest, o.now);
  const after = decodeCursor(cursor, ['string']);
  const rows = await repo.listVolunteers(db, { ...filter, afterNumber: after ? String(after[0]) : null, limit: limit + 1 });
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor([items[items.length - 1].number]) : null;
  if (cursor) return { items, nextCursor };
  if (rows.length <= limit) return { items, nextCursor, total: rows.length, totalCapped: false };
  // The first page says how many there are, up to a cap: an exact count of a million rows is not worth its
  // cost, and a fragment no index serves is not counted at all.
  if (!repo.searchIsIndexed(rest.q)) return { items, nextCursor };
  const total = await repo.countVolunteers(db, filter, TOTAL_CAP + 1);
  return { items, nextCursor, total: Math.min(total, TOTAL_CAP), totalCapped: total > TOTAL_CAP };
}

async function loadInScope(db: DbOrTx, principal: Principal, id: string, action: 'volunteer.read' | 'volunteer.manage' | 'volunteer.reveal', lock = false) {
  const v = await repo.findVolunteer(db, id, { lock });
  if (!v) throw notFound('该志愿者');
  assertCan(principal, action, v.homeUnitCode);
  return v;
}

export async function volunteerDetailParts(db: DbOrTx, v: repo.VolunteerWithUnit) {
  const [teams, qualifications, trainings, consents, photoAt, names] = [
    await repo.teamsOf(db, v.id),
    await repo.qualificationsOf(db, v.id),
    await repo.trainingsOf(db, v.id),
    await repo.consentsOf(db, v.id),
    await repo.hasPhoto(db, v.id),
    await repo.accountNames(db, [v.reviewedBy, v.registeredBy]),
  ];
  return { teams, qualifications, trainings, consents, hasPhoto: photoAt !== null, names };
}

export async function getVolunteer(db: DbOrTx, o: { principal: Principal; id: string }) {
  const v = await loadInScope(db, o.principal, o.id, 'volunteer.read');
  return { v, parts: await volunteerDetailParts(db, v) };
}

export async function updateVolunteerByStaff(
  db: Db,
  o: Actor & { id: string; name?: string; phone?: string; skills?: string[]; availability?: { days: number[]; slots: ('morning' | 'afternoon' | 'evening')[] }; homeUnitId?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadInScope(tx, o.principal, o.id, 'volunteer.manage', true);
    if (before.erasedAt) throw new AppError('conflict', '该志愿者已注销，不能修改');
    const patch: Partial<typeof volunteers.$inferInsert> = {};
    if (o.name !== undefined && o.name !== before.name) patch.name = o.name;
    if (o.phone !== undefined && o.phone !== before.phone) patch.phone = o.phone;
    if (o.skills !== undefined) patch.skills = await checkSkills(tx, o.skills);
    if (o.availability !== undefined) patch.availability = { days: [...new Set(o.availability.days)].sort(), slots: [...new Set(o.availability.slots)] };
    if (o.homeUnitId !== undefined && o.homeUnitId !== before.homeUnitId) {
      const unit = await activeHomeUnit(tx, o.homeUnitId);
      assertCan(o.principal, 'volunteer.manage', unit.code);
      patch.homeUnitId = unit.id;
      patch.homeUnitCode = unit.code;
    }
    if (Object.keys(patch).length === 0) return;
    await repo.updateVolunteer(tx, before.id, { ...patch, updatedAt: o.now });
    // Field names only: the log outlives an erasure, so it must not hold the person's data.
    await audit(tx, o.actor, {
      action: 'volunteer.updated',
      objectType: 'volunteer',
      objectId: before.id,
      unitCode: patch.homeUnitCode ?? before.homeUnitCode,
      details: { number: before.number, fields: Object.keys(patch), ...(patch.homeUnitCode ? { movedFrom: before.homeUnitCode } : {}) },
    });
  });
}

export async function reviewRegistration(
  db: Db,
  sms: SmsSender,
  o: Actor & { id: string; decision: 'approve' | 'reject'; note?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const v = await loadInScope(tx, o.principal, o.id, 'volunteer.manage', true);
    if (v.status !== 'pending') throw new AppError('conflict', '该志愿者不在待审核状态', { status: v.status });
    const status: VolunteerStatus = o.decision === 'approve' ? 'active' : 'left';
    await repo.updateVolunteer(tx, v.id, { status, reviewedBy: o.principal.accountId, reviewedAt: o.now, reviewNote: o.note ?? null, updatedAt: o.now });
    await audit(tx, o.actor, {
      action: o.decision === 'approve' ? 'volunteer.approved' : 'volunteer.rejected',
      objectType: 'volunteer',
      objectId: v.id,
      unitCode: v.homeUnitCode,
      details: { number: v.number, note: o.note ?? '' },
    });
    if (!v.phone) return;
    const text =
      o.decision === 'approve'
        ? `【文明实践云】${v.name}，您的志愿者注册已通过审核，志愿者编号 ${v.number}。欢迎加入${v.unitName ?? ''}志愿服务！`
        : `【文明实践云】${v.name}，您的志愿者注册未通过审核${o.note ? `：${o.note}` : ''}。如有疑问请联系${v.unitName ?? '所在实践站'}。`;
    await sms.send(tx, { phone: v.phone, purpose: o.decision === 'approve' ? 'volunteer:approved' : 'volunteer:rejected', text, unitCode: v.homeUnitCode });
  });
}

export async function setVolunteerStatus(db: Db, o: Actor & { id: string; status: 'active' | 'suspended' | 'left'; note?: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const v = await loadInScope(tx, o.principal, o.id, 'volunteer.manage', true);
    if (v.status === 'pending') throw new AppError('conflict', '待审核的志愿者请先审核', { status: v.status });
    if (v.erasedAt) throw new AppError('conflict', '该志愿者已注销');
    if (v.status === o.status) return;
    await repo.updateVolunteer(tx, v.id, { status: o.status, updatedAt: o.now });
    await audit(tx, o.actor, {
      action: 'volunteer.status_changed',
      objectType: 'volunteer',
      objectId: v.id,
      unitCode: v.homeUnitCode,
      details: { number: v.number, from: v.status, to: o.status, note: o.note ?? '' },
    });
  });
}

/** The full ID number of one volunteer; the reveal is logged before the number is handed out. */
export async function revealIdNumber(db: Db, cipher: FieldCipher, o: Actor & { id: string }): Promise<string> {
  return db.transaction(async (tx) => {
    const v = await loadInScope(tx, o.principal, o.id, 'volunteer.reveal');
    if (!v.idCipher) throw new AppError('not_found', '该志愿者没有登记身份证号（或已注销）');
    await audit(tx, o.actor, { action: 'volunteer.id_revealed', objectType: 'volunteer', objectId: v.id, unitCode: v.homeUnitCode, details: { number: v.number } });
    return cipher.decrypt(v.idCipher);
  });
}
