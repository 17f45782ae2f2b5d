// Helpers for the volunteers module's tests (and its policy matrix): valid ID numbers, the code an SMS carried,
// registration through the API as a phone would do it.
import { sql } from 'drizzle-orm';
import type { App } from '../../app';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/client';
import { checkCharacter } from '../../../common/id-card';
import { consentTexts } from '../../../common/consents';

let serial = 100;

/** A valid resident ID number born on `birth` (YYYYMMDD); odd `seq` = male. Each call gives a new one. */
export function makeIdNumber(birth = '19900101', opts: { area?: string; female?: boolean } = {}): string {
  serial = (serial + 1) % 1000;
  let seq = String(serial).padStart(3, '0');
  const odd = Number(seq[2]) % 2 === 1;
  if (opts.female === odd) seq = seq.slice(0, 2) + String((Number(seq[2]) + 1) % 10);
  const first17 = `${opts.area ?? '330303'}${birth}${seq}`;
  return first17 + checkCharacter(first17);
}

/** A birth date (YYYYMMDD) `years` years and `days` days before now. */
export function birthYearsAgo(years: number, days = 0, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() - days));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

let phoneSerial = 0;
export function newPhone(prefix = '177'): string {
  return `${prefix}${String(Date.now() % 100000).padStart(5, '0')}${String(++phoneSerial).padStart(3, '0')}`;
}

export async function unitId(database: Database, code: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from units where code = ${code}`));
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

/** The code in the newest SMS to `phone`. */
export async function lastCode(database: Database, phone: string): Promise<string> {
  const [row] = rowsOf<{ text: string }>(await database.db.execute(sql`select text from sms_outbox where phone = ${phone} order by id desc limit 1`));
  const m = row ? /验证码是 (\d{6})/.exec(row.text) : null;
  if (!m) throw new Error(`no code sent to ${phone}`);
  return m[1];
}

export async function ensureSkillTags(database: Database, names: string[] = ['急救', '驾驶', '书法', '宣讲']): Promise<void> {
  for (const [i, name] of names.entries()) {
    await database.db.execute(sql`insert into skill_tags (name, category, sort) values (${name}, ${i % 2 ? 'specialty' : 'skill'}, ${i}) on conflict do nothing`);
  }
}

export const currentConsents = { privacy: consentTexts.privacy.version, idProcessing: consentTexts.id_processing.version };

export type RegisterOverrides = Partial<{
  phone: string;
  name: string;
  idNumber: string;
  skills: string[];
  homeUnitCode: string;
  guardian: { name: string; phone: string; relation: string; consentVersion: string };
  consents: { privacy: string; idProcessing: string };
  code: string;
}>;

/** The registration form as the phone sends it (without asking for a code). */
export async function registerPayload(database: Database, o: RegisterOverrides & { phone: string; code: string }) {
  return {
    phone: o.phone,
    code: o.code,
    name: o.name ?? '测试志愿者',
    idNumber: o.idNumber ?? makeIdNumber(),
    skills: o.skills ?? ['急救'],
    availability: { days: [6, 7], slots: ['morning'] },
    homeUnitId: await unitId(database, o.homeUnitCode ?? '330303001001'),
    consents: o.consents ?? currentConsents,
    ...(o.guardian ? { guardian: o.guardian } : {}),
  };
}

let ipSerial = 0;
/** A fresh client address per request, so the per-IP limits of one test do not spill into the next. */
export function nextIp(): string {
  ipSerial++;
  return `10.${(ipSerial >> 16) & 255}.${(ipSerial >> 8) & 255}.${ipSerial & 255}`;
}

export function requestCode(app: App, phone: string, purpose: 'register' | 'sign-in' | 'erase' = 'register') {
  return app.inject({ method: 'POST', url: '/api/otp', payload: { phone, purpose }, remoteAddress: nextIp() });
}

/** Asks for a register code and registers with it (the way the phone pages do). */
export async function registerViaApi(app: App, database: Database, o: RegisterOverrides = {}) {
  const phone = o.phone ?? newPhone();
  const otp = await requestCode(app, phone);
  if (otp.statusCode !== 200) throw new Error(`otp: ${otp.statusCode} ${otp.body}`);
  const code = o.code ?? (await lastCode(database, phone));
  const payload = await registerPayload(database, { ...o, phone, code });
  const res = await app.inject({ method: 'POST', url: '/api/volunteers/register', payload, remoteAddress: nextIp() });
  return { res, phone, payload };
}
