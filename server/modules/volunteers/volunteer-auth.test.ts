// A volunteer's own side: signing in by code or password, editing the profile, a photo, erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { agentWithCookie, signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { rowsOf } from '../../db/client';
import { ensureSkillTags, lastCode, newPhone, nextIp, registerViaApi, requestCode, unitId } from './volunteers.testing';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
  await ensureSkillTags(t.database);
});
afterAll(() => t.close());

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `wm_session=${res.cookies.find((c) => c.name === 'wm_session')!.value}`;
const signInVolunteer = (payload: object) => t.app.inject({ method: 'POST', url: '/api/volunteer-auth/sign-in', payload, remoteAddress: nextIp() });

async function registered(): Promise<{ agent: Agent; phone: string; id: string; number: string }> {
  const { res, phone } = await registerViaApi(t.app, t.database, { name: '吴思远' });
  expect(res.statusCode, res.body).toBe(201);
  return { agent: agentWithCookie(t.app, cookieOf(res)), phone, id: res.json().volunteer.id, number: res.json().volunteer.number };
}

describe('volunteer sign-in', () => {
  it('signs in with a code sent to the phone', async () => {
    const v = await registered();
    await requestCode(t.app, v.phone, 'sign-in');
    const res = await signInVolunteer({ phone: v.phone, code: await lastCode(t.database, v.phone) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().volunteer.id).toBe(v.id);
    expect((await agentWithCookie(t.app, cookieOf(res)).get('/api/me/volunteer')).json().number).toBe(v.number);
  });

  it('a wrong code is 400 otp_invalid; an unregistered phone cannot sign in', async () => {
    const v = await registered();
    await requestCode(t.app, v.phone, 'sign-in');
    const code = await lastCode(t.database, v.phone);
    const wrong = await signInVolunteer({ phone: v.phone, code: code === '123456' ? '654321' : '123456' });
    expect(wrong.json().error.code).toBe('otp_invalid');
    const stranger = await signInVolunteer({ phone: newPhone('151'), code: '123456' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.code).toBe('otp_invalid');
  });

  it('sets a password (the staff rule) and signs in with it', async () => {
    const v = await registered();
    const weak = await v.agent.post('/api/me/volunteer/password', { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields[0].field).toBe('password');
    expect((await v.agent.post('/api/me/volunteer/password', { password: 'Volunteer@2026' })).statusCode).toBe(204);
    expect((await v.agent.get('/api/me/volunteer')).json().hasPassword).toBe(true);
    const ok = await signInVolunteer({ phone: v.phone, password: 'Volunteer@2026' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().volunteer.id).toBe(v.id);
    const bad = await signInVolunteer({ phone: v.phone, password: 'Wrong@20260' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('invalid_credentials');
  });

  it('a staff password is no volunteer sign-in', async () => {
    const res = await signInVolunteer({ phone: '13800000004', password: 'Longwan@2026' });
    expect(res.statusCode).toBe(401);
  });

  it('staff without a volunteer record get 403 on the volunteer pages', async () => {
    const staff = await signIn(t.app, '13800000002', 'Longwan@2026');
    expect((await staff.get('/api/me/volunteer')).statusCode).toBe(403);
  });
});

describe('my profile', () => {
  it('edits name, skills, availability and home station; refuses unknown skills', async () => {
    const v = await registered();
    const home = await unitId(t.database, '330303002001');
    const res = await v.agent.patch('/api/me/volunteer', { name: '吴思源', skills: ['驾驶'], availability: { days: [5, 5, 6], slots: ['evening'] }, homeUnitId: home });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '吴思源', skills: ['驾驶'], availability: { days: [5, 6], slots: ['evening'] }, homeUnit: { code: '330303002001' } });
    const bad = await v.agent.patch('/api/me/volunteer', { skills: ['飞行'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('skills');
    // A volunteer may not change their own phone here (it is their sign-in); unknown fields are refused.
    expect((await v.agent.patch('/api/me/volunteer', { phone: '13912345678' })).statusCode).toBe(400);
  });

  it('uploads a photo (checked by its bytes, not its name) and serves it back', async () => {
    const v = await registered();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const upload = (content: Buffer) => {
      const boundary = '----wm-photo';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({ method: 'PUT', url: '/api/me/volunteer/photo', headers: { cookie: v.agent.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    const fake = await upload(Buffer.from('this is not an image at all'));
    expect(fake.statusCode).toBe(400);
    const ok = await upload(png);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().photoUrl).toMatch(/^\/api\/me\/volunteer\/photo\?v=\d+$/);
    const img = await v.agent.get(ok.json().photoUrl);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(png)).toBe(true);
  });
});

describe('erasure', () => {
  it('removes the account and personal fields, keeps the row and its number, ends memberships, signs out', async () => {
    const v = await registered();
    const [team] = rowsOf<{ id: string }>(
      await t.database.db.execute(sql`insert into teams (name, unit_id, unit_code, specialty, join_token)
        values ('注销测试队', ${await unitId(t.database, '330303001')}, '330303001', 'elderly', 'erase-test-token') returning id`),
    );
    await t.database.db.execute(sql`insert into team_members (team_id, volunteer_id, role, status) values (${team.id}, ${v.id}, 'member', 'active')`);
    const otp = await requestCode(t.app, v.phone, 'erase');
    expect(otp.statusCode).toBe(200);
    const wrong = await v.agent.post('/api/me/volunteer/erase', { code: '000000' === (await lastCode(t.database, v.phone)) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    const res = await v.agent.post('/api/me/volunteer/erase', { code: await lastCode(t.database, v.phone) });
    expect(res.statusCode, res.body).toBe(204);

    const [row] = rowsOf<Record<string, unknown>>(await t.database.db.execute(sql`select * from volunteers where id = ${v.id}`));
    expect(row).toMatchObject({ number: v.number, name: '已注销志愿者', phone: '', id_cipher: null, id_hash: null, id_masked: '', account_id: null, guardian_name: null, status: 'left' });
    expect(row.skills).toEqual([]);
    expect(row.erased_at).not.toBeNull();
    const [acc] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from accounts where phone = ${v.phone}`));
    expect(acc.n).toBe(0);
    const [m] = rowsOf<{ status: string }>(await t.database.db.execute(sql`select status from team_members where volunteer_id = ${v.id}`));
    expect(m.status).toBe('left');
    expect((await v.agent.get('/api/me/volunteer')).statusCode).toBe(401);
    const actions = rowsOf<{ action: string }>(await t.database.db.execute(sql`select action from audit_log where object_id = ${v.id}`)).map((r) => r.action);
    expect(actions).toContain('volunteer.erased');
    // The same person may register again later: the ID hash went with the erasure.
  });
});
