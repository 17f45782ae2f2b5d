// Volunteers sign in on the phone with a one-time code (or a password they set). Asking for a sign-in code
// answers the same whether or not the phone belongs to a volunteer, so the endpoint does not tell strangers who
// volunteers; only a volunteer's phone actually receives a message. A staff-registered or imported volunteer
// gets an account the first time they sign in with a code (the code proves the phone is theirs).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { volunteers } from '../../db/schema/volunteers';
import { AppError } from '../../platform/errors';
import { audit } from '../../platform/audit';
import { createSession } from '../../platform/auth';
import { issueOtp, verifyOtp, type OtpPurpose } from '../../platform/otp';
import type { FieldCipher } from '../../platform/crypto';
import type { SmsSender } from '../../platform/sms';
import { signInWithPassword } from '../accounts/auth.service';
import { sha256 } from '../../platform/crypto';
import * as repo from './volunteers.repo';

type Meta = { ip: string; userAgent: string; now: Date };

// Records the code (so resend and hourly limits behave exactly as for a real phone) but sends nothing.
const silentSms: SmsSender = { send: async () => {} };

async function isVolunteerPhone(db: Db, phone: string): Promise<boolean> {
  const [row] = await db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(and(eq(volunteers.phone, phone), isNull(volunteers.erasedAt), isNull(volunteers.mergedInto), inArray(volunteers.status, ['pending', 'active'])))
    .limit(1);
  return Boolean(row);
}

export async function requestOtp(db: Db, deps: { cipher: FieldCipher; sms: SmsSender }, o: { phone: string; purpose: OtpPurpose } & Meta) {
  const sends = o.purpose === 'register' || (await isVolunteerPhone(db, o.phone));
  return db.transaction((tx) => issueOtp(tx, { cipher: deps.cipher, sms: sends ? deps.sms : silentSms }, { phone: o.phone, purpose: o.purpose, ip: o.ip, now: o.now }));
}

/** The volunteer this account signs in for, linking a lone unclaimed record with the same phone. */
async function volunteerForAccount(db: DbOrTx, accountId: string, phone: string, now: Date) {
  const own = await repo.findByAccount(db, accountId);
  if (own) return own;
  const unclaimed = await repo.unlinkedByPhone(db, phone);
  if (unclaimed.length !== 1) return null;
  return repo.updateVolunteer(db, unclaimed[0].id, { accountId, updatedAt: now });
}

function assertMaySignIn(v: { status: string }): void {
  if (v.status === 'suspended') throw new AppError('forbidden', '您的志愿者账号已暂停，请联系所在实践站');
  if (v.status === 'left') throw new AppError('forbidden', '您的志愿者账号已停用');
}

export async function signInWithCode(db: Db, deps: { cipher: FieldCipher }, o: { phone: string; code: string; oldToken?: string } & Meta) {
  await verifyOtp(db, deps, { phone: o.phone, purpose: 'sign-in', code: o.code, now: o.now });
  return db.transaction(async (tx) => {
    let account = await repo.findAccountByPhone(tx, o.phone);
    if (account && account.status !== 'active') throw new AppError('invalid_credentials');
    if (!account) {
      const unclaimed = await repo.unlinkedByPhone(tx, o.phone);
      if (unclaimed.length !== 1) throw new AppError('invalid_credentials', '该手机号尚未注册志愿者');
      account = await repo.insertAccount(tx, { phone: o.phone, name: unclaimed[0].name, createdAt: o.now, updatedAt: o.now });
    }
    const v = await volunteerForAccount(tx, account.id, o.phone, o.now);
    if (!v) throw new AppError('invalid_credentials', '该手机号尚未注册志愿者');
    assertMaySignIn(v);
    if (o.oldToken) await repo.endSession(tx, sha256(o.oldToken));
    const token = await createSession(tx, account.id, o);
    await audit(tx, { id: account.id, label: `志愿者 ${v.number}`, ip: o.ip }, { action: 'volunteer.signed_in', objectType: 'volunteer', objectId: v.id, unitCode: v.homeUnitCode, details: { method: 'code' } });
    return { token, volunteerId: v.id };
  });
}

/** Password sign-in reuses the staff rules (lock-out after 5 failures); the account must be a volunteer's. */
export async function signInWithVolunteerPassword(db: Db, o: { phone: string; password: string; oldToken?: string } & Meta) {
  const { token, account } = await signInWithPassword(db, { phone: o.phone, password: o.password, ip: o.ip, userAgent: o.userAgent, now: o.now, oldToken: o.oldToken });
  const v = await db.transaction((tx) => volunteerForAccount(tx, account.id, o.phone, o.now));
  if (!v || v.status === 'suspended' || v.status === 'left') {
    // A staff password is no volunteer sign-in: the session just made is ended again.
    await repo.endSession(db, sha256(token));
    if (v) assertMaySignIn(v);
    throw new AppError('invalid_credentials', '该手机号尚未注册志愿者');
  }
  return { token, volunteerId: v.id };
}
