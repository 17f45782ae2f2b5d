// One-time codes sent by SMS: 6 digits, valid 5 minutes, 5 tries, a new one at most every 60 s, and hourly
// limits per phone and per client IP. Codes are stored only as keyed hashes.
import { randomInt } from 'node:crypto';
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { otpCodes } from '../db/schema/volunteers';
import { AppError } from './errors';
import type { FieldCipher } from './crypto';
import type { SmsSender } from './sms';

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_AFTER_MS = 60_000;
export const OTP_PER_PHONE_PER_HOUR = 5;
export const OTP_PER_IP_PER_HOUR = 20;

export type OtpPurpose = 'register' | 'sign-in' | 'erase' | 'order';

const purposeText: Record<OtpPurpose, string> = {
  register: '志愿者注册',
  'sign-in': '登录',
  erase: '注销账号',
  order: '服务点单',
};

type Deps = { cipher: FieldCipher; sms: SmsSender };

const codeHash = (cipher: FieldCipher, phone: string, purpose: string, code: string) => cipher.hash(`otp:${purpose}:${phone}:${code}`);

/** Sends a new code; refuses (429, with retryAfterSeconds) when asked too soon or too often. */
export async function issueOtp(db: DbOrTx, deps: Deps, o: { phone: string; purpose: OtpPurpose; ip: string; now: Date }): Promise<{ expiresAt: Date; resendAfterSeconds: number }> {
  const hourAgo = new Date(o.now.getTime() - 3600_000);
  const [last] = await db
    .select({ createdAt: otpCodes.createdAt })
    .from(otpCodes)
    .where(and(eq(otpCodes.phone, o.phone), eq(otpCodes.purpose, o.purpose)))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  if (last) {
    const wait = new Date(last.createdAt).getTime() + OTP_RESEND_AFTER_MS - o.now.getTime();
    if (wait > 0) throw new AppError('otp_resend_too_soon', `请 ${Math.ceil(wait / 1000)} 秒后再获取验证码`, { retryAfterSeconds: Math.ceil(wait / 1000) });
  }
  const [{ perPhone }] = await db.select({ perPhone: sql<number>`count(*)::int` }).from(otpCodes).where(and(eq(otpCodes.phone, o.phone), gte(otpCodes.createdAt, hourAgo)));
  const [{ perIp }] = await db.select({ perIp: sql<number>`count(*)::int` }).from(otpCodes).where(and(eq(otpCodes.ip, o.ip), gte(otpCodes.createdAt, hourAgo)));
  if (perPhone >= OTP_PER_PHONE_PER_HOUR || perIp >= OTP_PER_IP_PER_HOUR) throw new AppError('rate_limited', '获取验证码过于频繁，请一小时后再试');

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(o.now.getTime() + OTP_TTL_MS);
  await db.insert(otpCodes).values({ phone: o.phone, purpose: o.purpose, codeHash: codeHash(deps.cipher, o.phone, o.purpose, code), ip: o.ip, createdAt: o.now, expiresAt });
  await deps.sms.send(db, {
    phone: o.phone,
    purpose: `otp:${o.purpose}`,
    text: `【文明实践云】您的${purposeText[o.purpose]}验证码是 ${code}，5 分钟内有效。如非本人操作，请忽略本短信。`,
  });
  return { expiresAt, resendAfterSeconds: OTP_RESEND_AFTER_MS / 1000 };
}

/**
 * Checks a code and uses it up. Call it outside the transaction of the change it guards: a wrong try must
 * count even when the caller's later work fails.
 */
export async function verifyOtp(db: DbOrTx, deps: Pick<Deps, 'cipher'>, o: { phone: string; purpose: OtpPurpose; code: string; now: Date }): Promise<void> {
  const [row] = await db
    .select()
    .from(otpCodes)
    .where(and(eq(otpCodes.phone, o.phone), eq(otpCodes.purpose, o.purpose), isNull(otpCodes.consumedAt)))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  if (!row) throw new AppError('otp_invalid', '验证码不正确，请重新获取', { fields: [{ field: 'code', message: '验证码不正确' }] });
  if (o.now >= new Date(row.expiresAt)) throw new AppError('otp_expired');
  if (row.attempts >= OTP_MAX_ATTEMPTS) throw new AppError('otp_locked');
  if (row.codeHash !== codeHash(deps.cipher, o.phone, o.purpose, o.code)) {
    await db.update(otpCodes).set({ attempts: sql`${otpCodes.attempts} + 1` }).where(eq(otpCodes.id, row.id));
    const left = OTP_MAX_ATTEMPTS - row.attempts - 1;
    if (left <= 0) throw new AppError('otp_locked');
    throw new AppError('otp_invalid', `验证码不正确，还可以再试 ${left} 次`, { fields: [{ field: 'code', message: '验证码不正确' }], attemptsLeft: left });
  }
  // Used up atomically: of two requests racing with the same code, only one finds it unconsumed.
  const used = await db
    .update(otpCodes)
    .set({ consumedAt: o.now })
    .where(and(eq(otpCodes.id, row.id), isNull(otpCodes.consumedAt)))
    .returning({ id: otpCodes.id });
  if (used.length === 0) throw new AppError('otp_invalid', '验证码已使用，请重新获取');
}
