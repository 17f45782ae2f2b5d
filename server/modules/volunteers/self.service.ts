// A volunteer's own profile: read and edit it, a photo, a password for signing in without a code, and erasure
// (the account and the personal fields go; the row, its number and the service records stay, as the national
// record rules require).
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { accounts, roleGrants } from '../../db/schema/accounts';
import { AppError, fieldError } from '../../platform/errors';
import { audit, type AuditActor } from '../../platform/audit';
import { endSessionsOf } from '../../platform/auth';
import { hashPassword, passwordProblem } from '../../platform/passwords';
import { verifyOtp } from '../../platform/otp';
import type { FieldCipher } from '../../platform/crypto';
import * as repo from './volunteers.repo';
import { presentMine } from './volunteers.presenter';
import { activeHomeUnit, checkSkills } from './registration.service';

export const ERASED_NAME = '已注销志愿者';
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

async function loadOwn(db: DbOrTx, volunteerId: string, lock = false) {
  const v = await repo.findVolunteer(db, volunteerId, { lock });
  if (!v) throw new AppError('forbidden', '当前账号不是志愿者');
  return v;
}

export async function myVolunteer(db: DbOrTx, volunteerId: string, now: Date) {
  const v = await loadOwn(db, volunteerId);
  const account = v.accountId ? await repo.findAccount(db, v.accountId) : null;
  const parts = {
    teams: await repo.teamsOf(db, v.id),
    qualifications: await repo.qualificationsOf(db, v.id),
    consents: await repo.consentsOf(db, v.id),
    photoAt: await repo.hasPhoto(db, v.id),
    hasPassword: Boolean(account?.passwordHash),
  };
  return presentMine(v, parts, now);
}

export async function updateMyVolunteer(
  db: Db,
  o: { volunteerId: string; actor: AuditActor; now: Date; name?: string; skills?: string[]; availability?: { days: number[]; slots: ('morning' | 'afternoon' | 'evening')[] }; homeUnitId?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadOwn(tx, o.volunteerId, true);
    const patch: Record<string, unknown> = {};
    if (o.name !== undefined && o.name !== before.name) patch.name = o.name;
    if (o.skills !== undefined) patch.skills = await checkSkills(tx, o.skills);
    if (o.availability !== undefined) patch.availability = { days: [...new Set(o.availability.days)].sort(), slots: [...new Set(o.availability.slots)] };
    if (o.homeUnitId !== undefined && o.homeUnitId !== before.homeUnitId) {
      const unit = await activeHomeUnit(tx, o.homeUnitId, { stationOnly: true });
      patch.homeUnitId = unit.id;
      patch.homeUnitCode = unit.code;
    }
    if (Object.keys(patch).length === 0) return;
    await repo.updateVolunteer(tx, before.id, { ...patch, updatedAt: o.now });
    await audit(tx, o.actor, {
      action: 'volunteer.self_updated',
      objectType: 'volunteer',
      objectId: before.id,
      unitCode: (patch.homeUnitCode as string | undefined) ?? before.homeUnitCode,
      details: { number: before.number, fields: Object.keys(patch) },
    });
  });
}

const MAGIC: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** The photo's type from its first bytes (what the browser claims is not trusted). */
export function photoMime(data: Buffer): string {
  const kind = MAGIC.find((m) => data.length > 12 && m.test(data));
  if (!kind) throw fieldError('file', '照片须为 JPEG、PNG 或 WebP 图片');
  return kind.mime;
}

export async function saveMyPhoto(db: Db, o: { volunteerId: string; data: Buffer; now: Date }): Promise<void> {
  const mime = photoMime(o.data);
  await loadOwn(db, o.volunteerId);
  await repo.savePhoto(db, o.volunteerId, mime, o.data, o.now);
}

export async function setMyPassword(db: Db, o: { accountId: string; password: string; keepTokenHash: string; actor: AuditActor; now: Date }): Promise<void> {
  const problem = passwordProblem(o.password);
  if (problem) throw fieldError('password', problem);
  const passwordHash = await hashPassword(o.password);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, updatedAt: o.now }).where(eq(accounts.id, o.accountId));
    await endSessionsOf(tx, o.accountId, o.keepTokenHash);
    await audit(tx, o.actor, { action: 'volunteer.password_set', objectType: 'account', objectId: o.accountId });
  });
}

/**
 * Erasure on the volunteer's request, confirmed by a code sent to their phone. The code is checked outside the
 * transaction (a wrong try counts even if the erasure fails).
 */
export async function eraseMyVolunteer(db: Db, deps: { cipher: FieldCipher }, o: { volunteerId: string; accountId: string; code: string; actor: AuditActor; now: Date }): Promise<void> {
  const v = await loadOwn(db, o.volunteerId);
  await verifyOtp(db, deps, { phone: v.phone, purpose: 'erase', code: o.code, now: o.now });
  await db.transaction(async (tx) => {
    await repo.updateVolunteer(tx, v.id, {
      accountId: null,
      name: ERASED_NAME,
      phone: '',
      idCipher: null,
      idHash: null,
      idMasked: '',
      gender: null,
      birthDate: null,
      skills: [],
      availability: { days: [], slots: [] },
      guardianName: null,
      guardianPhone: null,
      guardianRelation: null,
      status: 'left',
      erasedAt: o.now,
      updatedAt: o.now,
    });
    await repo.deletePhoto(tx, v.id);
    await repo.endMemberships(tx, v.id, o.now);
    // The account goes too, unless the person is also staff: their roles are not theirs alone to delete.
    const grants = await tx.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.accountId, o.accountId)).limit(1);
    await endSessionsOf(tx, o.accountId);
    if (grants.length === 0) await tx.delete(accounts).where(eq(accounts.id, o.accountId));
    await audit(tx, { ...o.actor, label: `志愿者 ${v.number}` }, { action: 'volunteer.erased', objectType: 'volunteer', objectId: v.id, unitCode: v.homeUnitCode, details: { number: v.number } });
  });
}
