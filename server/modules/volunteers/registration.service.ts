// Registration: a person signing up on the phone (confirmed by a one-time code, signed in at once) and staff
// registering someone on their behalf (a paper consent). Both share the checks: the ID number (stored only
// encrypted + keyed hash, one registration per person), the consent versions, a guardian for under-14s, skill
// tags from the configured list and an active home unit. Every check that can fail runs before the one-time
// code is used up, so fixing a typo does not cost the person their code.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { skillTags } from '../../db/schema/volunteers';
import { units } from '../../db/schema/network';
import { consentTexts, type ConsentKind } from '../../../common/consents';
import { ageOn, GUARDIAN_CONSENT_AGE, MINOR_AGE } from '../../../common/id-card';
import { AppError, fieldError } from '../../platform/errors';
import { assertCan, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { createSession } from '../../platform/auth';
import { verifyOtp } from '../../platform/otp';
import type { FieldCipher } from '../../platform/crypto';
import { isUniqueViolation } from '../network/network.errors';
import { identityOrFieldError, type StoredIdentity } from './volunteer-identity';
import * as repo from './volunteers.repo';
import type { RegisterBody, StaffEntryBody } from './volunteers.schemas';

type Guardian = StaffEntryBody['guardian'];
type Checked = { identity: StoredIdentity; unit: { id: string; code: string; name: string }; skills: string[]; guardian: Guardian | null };

const STALE_CONSENT = '同意书内容已更新，请重新阅读并同意';

export function checkConsentVersions(c: { privacy: string; idProcessing: string }): void {
  if (c.privacy !== consentTexts.privacy.version) throw fieldError('consents.privacy', STALE_CONSENT);
  if (c.idProcessing !== consentTexts.id_processing.version) throw fieldError('consents.idProcessing', STALE_CONSENT);
}

/** Under 14 a guardian's consent is required; 14–17 may give one; adults' guardian data is not collected. */
function checkGuardian(birthDate: string, guardian: Guardian, now: Date): Guardian | null {
  const age = ageOn(birthDate, now);
  if (age < GUARDIAN_CONSENT_AGE && !guardian) throw fieldError('guardian', `未满 ${GUARDIAN_CONSENT_AGE} 周岁须由监护人同意并填写监护人姓名、手机号和关系`);
  if (!guardian || age >= MINOR_AGE) return null;
  if (guardian.consentVersion !== consentTexts.guardian.version) throw fieldError('guardian.consentVersion', STALE_CONSENT);
  return guardian;
}

/** The tags as named in the configured list (active ones); an unknown tag is a field error naming it. */
export async function checkSkills(db: DbOrTx, names: string[]): Promise<string[]> {
  const wanted = [...new Set(names)];
  if (!wanted.length) return [];
  const found = await db.select({ name: skillTags.name }).from(skillTags).where(and(inArray(skillTags.name, wanted), eq(skillTags.active, true)));
  const known = new Set(found.map((r) => r.name));
  const unknown = wanted.filter((n) => !known.has(n));
  if (unknown.length) throw fieldError('skills', `没有这个技能标签：${unknown.join('、')}`);
  return wanted;
}

export async function activeHomeUnit(db: DbOrTx, unitId: string, opts: { stationOnly?: boolean; field?: string } = {}) {
  const field = opts.field ?? 'homeUnitId';
  const [unit] = await db.select({ id: units.id, code: units.code, name: units.name, level: units.level, status: units.status }).from(units).where(eq(units.id, unitId));
  if (!unit) throw fieldError(field, '所选实践站不存在');
  if (unit.status !== 'active') throw fieldError(field, '所选实践站已关闭');
  if (opts.stationOnly && unit.level !== 'station') throw fieldError(field, '请选择一个实践站');
  return unit;
}

async function checkProfile(db: DbOrTx, cipher: FieldCipher, b: StaffEntryBody, now: Date, stationOnly: boolean): Promise<Checked> {
  const identity = identityOrFieldError(cipher, b.idNumber, now);
  const guardian = checkGuardian(identity.birthDate, b.guardian, now);
  const skills = await checkSkills(db, b.skills);
  const unit = await activeHomeUnit(db, b.homeUnitId, { stationOnly });
  return { identity, unit, skills, guardian };
}

function alreadyRegistered(field = 'idNumber'): AppError {
  const message = field === 'phone' ? '该手机号已注册为志愿者，请直接登录' : '该身份证号已注册为志愿者，请直接登录';
  return new AppError('already_registered', message, { signIn: true, fields: [{ field, message }] });
}

async function insertChecked(tx: Tx, c: Checked, b: StaffEntryBody, extra: { accountId: string | null; source: 'self' | 'staff'; registeredBy: string | null; now: Date }) {
  if (await repo.findByIdHash(tx, c.identity.idHash)) throw alreadyRegistered();
  try {
    return await repo.insertVolunteer(tx, {
      accountId: extra.accountId,
      name: b.name,
      phone: b.phone,
      ...c.identity,
      skills: c.skills,
      availability: { days: [...new Set(b.availability.days)].sort(), slots: [...new Set(b.availability.slots)] },
      homeUnitId: c.unit.id,
      homeUnitCode: c.unit.code,
      status: 'pending',
      source: extra.source,
      registeredBy: extra.registeredBy,
      guardianName: c.guardian?.name ?? null,
      guardianPhone: c.guardian?.phone ?? null,
      guardianRelation: c.guardian?.relation ?? null,
      createdAt: extra.now,
      updatedAt: extra.now,
    });
  } catch (e) {
    // Two registrations of the same person racing: the unique hash lets only one through.
    if (isUniqueViolation(e, 'volunteers_id_hash_uq')) throw alreadyRegistered();
    if (isUniqueViolation(e, 'volunteers_account_uq')) throw alreadyRegistered('phone');
    throw e;
  }
}

function consentRows(volunteerId: string, givenBy: string, guardianGivenBy: string, ip: string, now: Date, withGuardian: boolean) {
  const rows: { volunteerId: string; kind: ConsentKind; version: string; givenBy: string; ip: string; acceptedAt: Date }[] = [
    { volunteerId, kind: 'privacy' as const, version: consentTexts.privacy.version, givenBy, ip, acceptedAt: now },
    { volunteerId, kind: 'id_processing' as const, version: consentTexts.id_processing.version, givenBy, ip, acceptedAt: now },
  ];
  if (withGuardian) rows.push({ volunteerId, kind: 'guardian' as const, version: consentTexts.guardian.version, givenBy: guardianGivenBy, ip, acceptedAt: now });
  return rows;
}

type Deps = { cipher: FieldCipher };
type Meta = { ip: string; userAgent: string; now: Date };

/** Self-registration on the phone: returns the new volunteer and a session token (the person is signed in). */
export async function registerSelf(db: Db, deps: Deps, b: RegisterBody, meta: Meta): Promise<{ volunteerId: string; token: string }> {
  checkConsentVersions(b.consents);
  const checked = await checkProfile(db, deps.cipher, b, meta.now, true);
  const team = b.teamToken ? await repo.teamByJoinToken(db, b.teamToken) : null;
  if (b.teamToken && team?.status !== 'active') throw fieldError('teamToken', '该队伍二维码已失效');
  await verifyOtp(db, deps, { phone: b.phone, purpose: 'register', code: b.code, now: meta.now });

  return db.transaction(async (tx) => {
    // A phone that already signs in (a staff member, say) keeps its account; the volunteer is linked to it.
    let account = await repo.findAccountByPhone(tx, b.phone);
    if (account && (await repo.findByAccount(tx, account.id))) throw alreadyRegistered('phone');
    if (account && account.status !== 'active') throw new AppError('forbidden', '该手机号的账号已停用');
    account ??= await repo.insertAccount(tx, { phone: b.phone, name: b.name, createdAt: meta.now, updatedAt: meta.now }).catch((e) => {
      if (isUniqueViolation(e, 'accounts_phone_uq')) throw alreadyRegistered('phone');
      throw e;
    });
    const v = await insertChecked(tx, checked, b, { accountId: account.id, source: 'self', registeredBy: null, now: meta.now });
    await repo.insertConsents(tx, consentRows(v.id, 'self', 'guardian', meta.ip, meta.now, checked.guardian !== null));
    if (team) await repo.requestTeamJoin(tx, team.id, v.id, meta.now);
    const actor: AuditActor = { id: account.id, label: `志愿者 ${v.number}`, ip: meta.ip };
    await audit(tx, actor, {
      action: 'volunteer.registered',
      objectType: 'volunteer',
      objectId: v.id,
      unitCode: checked.unit.code,
      details: { number: v.number, source: 'self', minor: ageOn(checked.identity.birthDate, meta.now) < MINOR_AGE, teamRequested: Boolean(team) },
    });
    const token = await createSession(tx, account.id, meta);
    return { volunteerId: v.id, token };
  });
}

/** Staff register someone who has no smartphone; the person's paper consent is recorded against the staff member. */
export async function registerByStaff(db: Db, deps: Deps, b: StaffEntryBody, o: { principal: Principal; actor: AuditActor; now: Date }): Promise<string> {
  const checked = await checkProfile(db, deps.cipher, b, o.now, false);
  assertCan(o.principal, 'volunteer.manage', checked.unit.code);
  return db.transaction(async (tx) => {
    const v = await insertChecked(tx, checked, b, { accountId: null, source: 'staff', registeredBy: o.principal.accountId, now: o.now });
    const staff = `staff:${o.principal.accountId}`;
    await repo.insertConsents(tx, consentRows(v.id, staff, staff, o.actor.ip, o.now, checked.guardian !== null));
    await audit(tx, o.actor, {
      action: 'volunteer.registered_by_staff',
      objectType: 'volunteer',
      objectId: v.id,
      unitCode: checked.unit.code,
      details: { number: v.number, source: 'staff' },
    });
    return v.id;
  });
}
