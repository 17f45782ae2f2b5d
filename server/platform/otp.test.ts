// One-time codes against a real (embedded) database: the limits a person at a phone would run into.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, type Database } from '../db/client';
import { smsOutbox } from '../db/schema/volunteers';
import { desc, eq } from 'drizzle-orm';
import { fieldCipher } from './crypto';
import { issueOtp, verifyOtp, OTP_PER_PHONE_PER_HOUR } from './otp';
import { outboxSmsSender, type SmsSender } from './sms';
import type { AppError } from './errors';

let database: Database;
const cipher = fieldCipher('otp-test-key-0123456789abcdefghijklmnop');
const sms = outboxSmsSender();
const deps = { cipher, sms };
const t0 = new Date('2026-11-29T02:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
let phoneN = 0;
const newPhone = () => `1370000${String(++phoneN).padStart(4, '0')}`;

async function lastCode(phone: string): Promise<string> {
  const [m] = await database.db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone)).orderBy(desc(smsOutbox.id)).limit(1);
  return /(\d{6})/.exec(m.text)![1];
}

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as AppError).code;
  }
  return 'none';
}

beforeAll(async () => {
  database = await openEmbedded(null);
  await database.migrate();
});
afterAll(() => database.close());

describe('one-time codes', () => {
  it('sends a 6-digit code through the SMS adapter and accepts it once', async () => {
    const phone = newPhone();
    await issueOtp(database.db, deps, { phone, purpose: 'register', ip: '10.0.0.1', now: at(0) });
    const code = await lastCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    await expect(verifyOtp(database.db, deps, { phone, purpose: 'sign-in', code, now: at(10) })).rejects.toMatchObject({ code: 'otp_invalid' });
    await verifyOtp(database.db, deps, { phone, purpose: 'register', code, now: at(10) });
    expect(await errorCode(verifyOtp(database.db, deps, { phone, purpose: 'register', code, now: at(11) }))).toBe('otp_invalid');
  });

  it('expires after 5 minutes', async () => {
    const phone = newPhone();
    await issueOtp(database.db, deps, { phone, purpose: 'register', ip: '10.0.0.2', now: at(0) });
    const code = await lastCode(phone);
    expect(await errorCode(verifyOtp(database.db, deps, { phone, purpose: 'register', code, now: at(301) }))).toBe('otp_expired');
  });

  it('locks after 5 wrong tries, even for the right code', async () => {
    const phone = newPhone();
    await issueOtp(database.db, deps, { phone, purpose: 'register', ip: '10.0.0.3', now: at(0) });
    const code = await lastCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(await errorCode(verifyOtp(database.db, deps, { phone, purpose: 'register', code: wrong, now: at(10) })));
    expect(codes).toEqual(['otp_invalid', 'otp_invalid', 'otp_invalid', 'otp_invalid', 'otp_locked']);
    expect(await errorCode(verifyOtp(database.db, deps, { phone, purpose: 'register', code, now: at(11) }))).toBe('otp_locked');
  });

  it('resends only after 60 s, and at most a few times an hour per phone', async () => {
    const phone = newPhone();
    await issueOtp(database.db, deps, { phone, purpose: 'register', ip: '10.0.0.4', now: at(0) });
    expect(await errorCode(issueOtp(database.db, deps, { phone, purpose: 'register', ip: '10.0.0.4', now: at(59) }))).toBe('otp_resend_too_soon');
    for (let i = 1; i < OTP_PER_PHONE_PER_HOUR; i++) await issueOtp(database.db, deps, { phone, purpose: 'register', ip: '10.0.0.4', now: at(61 * i) });
    expect(await errorCode(issueOtp(database.db, deps, { phone, purpose: 'register', ip: '10.0.0.4', now: at(61 * OTP_PER_PHONE_PER_HOUR) }))).toBe('rate_limited');
    // An hour later the phone may ask again.
    await issueOtp(database.db, deps, { phone, purpose: 'register', ip: '10.0.0.4', now: at(3700) });
  });

  it('limits one client address across many phones', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 21; i++) codes.push(await errorCode(issueOtp(database.db, deps, { phone: newPhone(), purpose: 'register', ip: '10.9.9.9', now: at(i) })));
    expect(codes.slice(0, 20).every((c) => c === 'none')).toBe(true);
    expect(codes[20]).toBe('rate_limited');
  });

  it('sends nothing when the caller rolls back', async () => {
    const phone = newPhone();
    await database.db
      .transaction(async (tx) => {
        await issueOtp(tx, deps, { phone, purpose: 'register', ip: '10.0.0.5', now: at(0) });
        throw new Error('later step failed');
      })
      .catch(() => {});
    expect(await database.db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone))).toEqual([]);
  });
});

/** The contract every SMS adapter keeps; a gateway adapter gets the same test with its own `delivered` probe. */
describe('SMS adapter contract: the built-in outbox', () => {
  const contract = (name: string, sender: SmsSender, delivered: (phone: string) => Promise<string[]>) =>
    it(`${name}: a sent message can be found by phone with its text`, async () => {
      const phone = newPhone();
      await sender.send(database.db, { phone, purpose: 'test', text: '【文明实践云】测试消息', unitCode: '330303001' });
      expect(await delivered(phone)).toEqual(['【文明实践云】测试消息']);
    });
  const logged: unknown[] = [];
  contract('outbox', outboxSmsSender({ info: (o: unknown) => void logged.push(o) } as never), async (phone) =>
    (await database.db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone))).map((m) => m.text),
  );
  it('logs without the code digits or the full phone', async () => {
    const s = outboxSmsSender({ info: (o: unknown) => void logged.push(o) } as never);
    await s.send(database.db, { phone: '13912345678', purpose: 'otp:register', text: '验证码 123456' });
    const line = JSON.stringify(logged.at(-1));
    expect(line).not.toContain('123456');
    expect(line).not.toContain('13912345678');
  });
});
