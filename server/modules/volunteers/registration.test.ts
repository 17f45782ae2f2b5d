// Self-registration on the phone and one-time codes: what a person signing up sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext, agentWithCookie } from '../../testing/harness';
import { rowsOf } from '../../db/client';
import { OTP_RESEND_AFTER_MS, OTP_TTL_MS } from '../../platform/otp';
import { birthYearsAgo, ensureSkillTags, lastCode, makeIdNumber, newPhone, registerPayload, registerViaApi, requestCode } from './volunteers.testing';
import { consentTexts } from '../../../common/consents';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
  await ensureSkillTags(t.database);
});
afterAll(() => t.close());

const fields = (body: string) => (JSON.parse(body).error.details?.fields ?? []) as { field: string; message: string }[];

describe('registration', () => {
  it('registers, signs in at once, derives gender and birth date from the ID, assigns a number, starts pending', async () => {
    const idNumber = makeIdNumber('19850615', { female: true });
    const { res } = await registerViaApi(t.app, t.database, { name: '林晓', idNumber, skills: ['急救', '书法'] });
    expect(res.statusCode, res.body).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'wm_session');
    expect(cookie?.httpOnly).toBe(true);
    const v = res.json().volunteer;
    expect(v).toMatchObject({ name: '林晓', gender: 'female', birthDate: '1985-06-15', status: 'pending', minor: false, skills: ['急救', '书法'] });
    expect(v.number).toMatch(/^V\d{9}$/);
    expect(v.idMasked).toBe(idNumber.slice(0, 3) + '*'.repeat(11) + idNumber.slice(-4));
    expect(v.homeUnit.code).toBe('330303001001');
    expect(v.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(['id_processing', 'privacy']);

    // The cookie is a working session: the profile page loads with it.
    const me = await agentWithCookie(t.app, `wm_session=${cookie!.value}`).get('/api/me/volunteer');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().number).toBe(v.number);
  });

  it('names the ID field and what is wrong with a bad check character', async () => {
    const good = makeIdNumber();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const { res } = await registerViaApi(t.app, t.database, { idNumber: wrong });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(fields(res.body)).toEqual([{ field: 'idNumber', message: '身份证号校验位不正确，请核对是否输错' }]);
  });

  it('a bad ID does not use up the code: fixing it and sending again works', async () => {
    const phone = newPhone();
    const first = await registerViaApi(t.app, t.database, { phone, idNumber: '123' });
    expect(first.res.statusCode).toBe(400);
    expect(fields(first.res.body)[0].message).toContain('18 位');
    const again = await t.app.inject({ method: 'POST', url: '/api/volunteers/register', payload: { ...first.payload, idNumber: makeIdNumber() } });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('the same ID number cannot register twice: 409 already_registered, offered sign-in', async () => {
    const idNumber = makeIdNumber('19700101');
    expect((await registerViaApi(t.app, t.database, { idNumber })).res.statusCode).toBe(201);
    // Lower-case x or spaces make no difference to who the person is.
    const { res } = await registerViaApi(t.app, t.database, { idNumber: ` ${idNumber.toLowerCase()} ` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'already_registered', details: { signIn: true } });
    expect(res.cookies.find((c) => c.name === 'wm_session')).toBeUndefined();
  });

  it('under 14 needs a guardian: 400 naming guardian; with one, the guardian consent is recorded and the minor marked', async () => {
    const idNumber = makeIdNumber(birthYearsAgo(12));
    const without = await registerViaApi(t.app, t.database, { idNumber });
    expect(without.res.statusCode).toBe(400);
    expect(fields(without.res.body)[0].field).toBe('guardian');

    const guardian = { name: '王芳', phone: newPhone('139'), relation: '母亲', consentVersion: consentTexts.guardian.version };
    const { res } = await registerViaApi(t.app, t.database, { idNumber, guardian });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json().volunteer;
    expect(v.minor).toBe(true);
    expect(v.age).toBe(12);
    expect(v.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(['guardian', 'id_processing', 'privacy']);
  });

  it('16-year-olds are minors without needing a guardian; 18 today is an adult', async () => {
    const teen = await registerViaApi(t.app, t.database, { idNumber: makeIdNumber(birthYearsAgo(16)) });
    expect(teen.res.statusCode, teen.res.body).toBe(201);
    expect(teen.res.json().volunteer.minor).toBe(true);
    const adult = await registerViaApi(t.app, t.database, { idNumber: makeIdNumber(birthYearsAgo(18, 1)) });
    expect(adult.res.json().volunteer).toMatchObject({ minor: false, age: 18 });
  });

  it('a stale consent version is refused naming the consent', async () => {
    const { res } = await registerViaApi(t.app, t.database, { consents: { privacy: '2020-01', idProcessing: consentTexts.id_processing.version } });
    expect(res.statusCode).toBe(400);
    expect(fields(res.body)[0].field).toBe('consents.privacy');
  });

  it('unknown skill tags and non-station homes are refused naming the field', async () => {
    const skills = await registerViaApi(t.app, t.database, { skills: ['不存在的技能'] });
    expect(fields(skills.res.body)[0]).toMatchObject({ field: 'skills' });
    const home = await registerViaApi(t.app, t.database, { homeUnitCode: '330303001' });
    expect(fields(home.res.body)[0]).toMatchObject({ field: 'homeUnitId' });
  });

  it('a phone that already has a staff account is linked, not duplicated', async () => {
    const { res } = await registerViaApi(t.app, t.database, { phone: '13800000003' });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from accounts where phone = '13800000003'`));
    expect(row.n).toBe(1);
    const [linked] = rowsOf<{ account_id: string; aid: string }>(
      await t.database.db.execute(sql`select v.account_id, a.id as aid from volunteers v join accounts a on a.phone = v.phone where v.phone = '13800000003'`),
    );
    expect(linked.account_id).toBe(linked.aid);
    // The same phone cannot register a second person.
    t.clock.advance(61_000);
    const again = await registerViaApi(t.app, t.database, { phone: '13800000003' });
    expect(again.res.statusCode).toBe(409);
  });

  it('registration is audited without the ID number', async () => {
    const idNumber = makeIdNumber('19911111');
    const { res } = await registerViaApi(t.app, t.database, { idNumber });
    const id = res.json().volunteer.id;
    const rows = rowsOf<{ action: string; details: unknown }>(await t.database.db.execute(sql`select action, details from audit_log where object_id = ${id}`));
    expect(rows.map((r) => r.action)).toContain('volunteer.registered');
    expect(JSON.stringify(rows)).not.toContain(idNumber);
  });
});

describe('one-time codes', () => {
  it('a wrong code is refused and counts; after 5 wrong tries the code is locked', async () => {
    const phone = newPhone();
    await requestCode(t.app, phone, 'register');
    const code = await lastCode(t.database, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const base = { ...(await registerViaApi(t.app, t.database, { code: wrong })).payload, phone, code: wrong };
    for (let i = 1; i <= 4; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/volunteers/register', payload: base });
      expect(res.json().error.code).toBe('otp_invalid');
      expect(res.json().error.message).toContain(`还可以再试 ${5 - i} 次`);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/volunteers/register', payload: base });
    expect(fifth.json().error.code).toBe('otp_locked');
    // Even the right code no longer works.
    const right = await t.app.inject({ method: 'POST', url: '/api/volunteers/register', payload: { ...base, code } });
    expect(right.json().error.code).toBe('otp_locked');
  });

  it('a code expires after 5 minutes', async () => {
    const phone = newPhone();
    await requestCode(t.app, phone, 'register');
    const code = await lastCode(t.database, phone);
    t.clock.advance(OTP_TTL_MS + 1000);
    const res = await t.app.inject({ method: 'POST', url: '/api/volunteers/register', payload: await registerPayload(t.database, { phone, code }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('otp_expired');
  });

  it('a new code can be asked for only after 60 s', async () => {
    const phone = newPhone();
    const first = await requestCode(t.app, phone, 'register');
    expect(first.statusCode).toBe(200);
    expect(first.json().resendAfterSeconds).toBe(60);
    const soon = await requestCode(t.app, phone, 'register');
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.code).toBe('otp_resend_too_soon');
    expect(soon.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    t.clock.advance(OTP_RESEND_AFTER_MS + 1000);
    const later = await requestCode(t.app, phone, 'register');
    expect(later.statusCode).toBe(200);
  });

  it('asking for a sign-in code answers the same for strangers, but only volunteers get a message', async () => {
    const { phone } = await registerViaApi(t.app, t.database);
    const stranger = newPhone('150');
    const a = await requestCode(t.app, phone, 'sign-in');
    const b = await requestCode(t.app, stranger, 'sign-in');
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(Object.keys(a.json())).toEqual(Object.keys(b.json()));
    const sent = rowsOf<{ phone: string }>(await t.database.db.execute(sql`select phone from sms_outbox where purpose = 'otp:sign-in'`)).map((r) => r.phone);
    expect(sent).toContain(phone);
    expect(sent).not.toContain(stranger);
  });
});
