import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { agentWithCookie, signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';

let t: TestContext;
let district: Agent;
let yongzhong: Agent;
let puzhou: Agent;
const unitId = async (code: string) =>
  ((await t.database.db.execute(sql`select id from units where code = ${code}`)) as unknown as { rows: { id: string }[] }).rows[0].id;

beforeAll(async () => {
  t = await startTestApp();
  district = await signIn(t.app, '13800000001', DEMO_PASSWORD);
  yongzhong = await signIn(t.app, '13800000002', DEMO_PASSWORD);
  puzhou = await signIn(t.app, '13800000004', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('staff accounts', () => {
  it('an institute admin creates a station admin in their street, who can then sign in', async () => {
    const res = await yongzhong.post('/api/accounts', {
      phone: '13911110001',
      name: '新站长',
      password: 'Station#2026',
      role: 'station_admin',
      unitId: await unitId('330303001002'),
    });
    expect(res.statusCode).toBe(201);
    const me = await (await signIn(t.app, '13911110001', 'Station#2026')).get('/api/auth/me');
    expect(me.json().grants[0].unitCode).toBe('330303001002');
  });

  it('refuses a weak password, naming the field, and creates nothing', async () => {
    const res = await yongzhong.post('/api/accounts', {
      phone: '13911110002',
      name: '弱密码',
      password: 'abcdefgh',
      role: 'station_admin',
      unitId: await unitId('330303001002'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('password');
    const list = await district.get('/api/accounts?q=13911110002');
    expect(list.json().total).toBe(0);
  });

  it('refuses a role on a unit outside the scope, and a role that does not fit the level', async () => {
    const outside = await yongzhong.post('/api/accounts', {
      phone: '13911110003', name: '越权', password: 'Station#2026', role: 'station_admin', unitId: await unitId('330303002001'),
    });
    expect(outside.statusCode).toBe(403);
    const wrongLevel = await district.post('/api/accounts', {
      phone: '13911110003', name: '错层级', password: 'Station#2026', role: 'station_admin', unitId: await unitId('330303001'),
    });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().error.details.fields[0].field).toBe('role');
  });

  it('lists only accounts in scope', async () => {
    const mine = (await yongzhong.get('/api/accounts?limit=100')).json().items.map((a: { phone: string }) => a.phone);
    expect(mine).toContain('13800000003');
    expect(mine).not.toContain('13800000004');
    expect(mine).not.toContain('13800000001');
    const all = (await district.get('/api/accounts?limit=100')).json().items.map((a: { phone: string }) => a.phone);
    expect(all).toEqual(expect.arrayContaining(['13800000001', '13800000002', '13800000003', '13800000004']));
  });

  it('pages through accounts with a cursor', async () => {
    const first = (await district.get('/api/accounts?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await district.get(`/api/accounts?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(first.total).toBeGreaterThanOrEqual(4);
  });

  it('disabling an account ends its sessions at once', async () => {
    const station = await signIn(t.app, '13800000003', DEMO_PASSWORD);
    expect((await station.get('/api/auth/me')).statusCode).toBe(200);
    const id = (await station.get('/api/auth/me')).json().id;
    expect((await yongzhong.patch(`/api/accounts/${id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await station.get('/api/auth/me')).statusCode).toBe(401);
    await yongzhong.patch(`/api/accounts/${id}`, { status: 'active' });
  });

  it('a sibling institute cannot touch an account of another street', async () => {
    const station = await signIn(t.app, '13800000003', DEMO_PASSWORD);
    const id = (await station.get('/api/auth/me')).json().id;
    expect((await puzhou.post(`/api/accounts/${id}/reset-password`, { newPassword: 'Hijack#2026' })).statusCode).toBe(403);
    expect((await station.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('an admin resets a password: old one fails, new one works, old sessions end', async () => {
    const res = await district.post('/api/accounts', {
      phone: '13911110009', name: '重置', password: 'First#2026', role: 'station_admin', unitId: await unitId('330303003001'),
    });
    const id = res.json().id;
    const s = await signIn(t.app, '13911110009', 'First#2026');
    expect((await district.post(`/api/accounts/${id}/reset-password`, { newPassword: 'Second#2026' })).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    await expect(signIn(t.app, '13911110009', 'First#2026')).rejects.toThrow();
    await signIn(t.app, '13911110009', 'Second#2026');
  });

  it('grants and removes a second role, but never the last one', async () => {
    const acc = (await district.get('/api/accounts?q=13911110001')).json().items[0];
    const granted = await district.post(`/api/accounts/${acc.id}/grants`, { role: 'station_admin', unitId: await unitId('330303001003') });
    expect(granted.json().grants).toHaveLength(2);
    const g2 = granted.json().grants.find((g: { unitCode: string }) => g.unitCode === '330303001003');
    expect((await district.del(`/api/accounts/${acc.id}/grants/${g2.id}`)).json().grants).toHaveLength(1);
    const last = granted.json().grants.find((g: { unitCode: string }) => g.unitCode === '330303001002');
    expect((await district.del(`/api/accounts/${acc.id}/grants/${last.id}`)).statusCode).toBe(400);
  });
});

describe('sessions', () => {
  it('locks a phone for 30 minutes after 5 wrong passwords, then lets the right one in', async () => {
    await district.post('/api/accounts', {
      phone: '13911110020', name: '锁定', password: 'Right#2026', role: 'station_admin', unitId: await unitId('330303003002'),
    });
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { phone: '13911110020', password } });
    for (let i = 0; i < 4; i++) expect((await attempt('Wrong#2026')).statusCode).toBe(401);
    expect((await attempt('Wrong#2026')).json().error.code).toBe('account_locked');
    expect((await attempt('Right#2026')).json().error.code).toBe('account_locked');
    t.clock.advance(31 * 60_000);
    expect((await attempt('Right#2026')).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const s = await signIn(t.app, '13800000002', DEMO_PASSWORD);
    t.clock.advance(31 * 60_000);
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });

  it('ends a session after 12 hours even when active', async () => {
    const s = await signIn(t.app, '13800000002', DEMO_PASSWORD);
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      const res = await s.get('/api/auth/me');
      if (res.statusCode !== 200) {
        expect(i).toBeGreaterThanOrEqual(24); // 12 h = 24.8 steps of 29 min
        return;
      }
    }
    throw new Error('session outlived 12 hours');
  });

  it('sign-in issues a new session and ends the one the browser came with', async () => {
    const s = await signIn(t.app, '13800000002', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/sign-in', headers: { cookie: s.cookie }, payload: { phone: '13800000002', password: DEMO_PASSWORD },
    });
    const fresh = res.cookies.find((c) => c.name === 'wm_session')!;
    expect(`wm_session=${fresh.value}`).not.toBe(s.cookie);
    expect(fresh.httpOnly).toBe(true);
    expect(fresh.sameSite).toBe('Lax');
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await agentWithCookie(t.app, `wm_session=${fresh.value}`).get('/api/auth/me')).statusCode).toBe(200);
  });

  it('sign-out everywhere ends every session of the account', async () => {
    const a = await signIn(t.app, '13800000004', DEMO_PASSWORD);
    const b = await signIn(t.app, '13800000004', DEMO_PASSWORD);
    expect((await a.post('/api/auth/sign-out-all')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cross-site write', async () => {
    const s = await signIn(t.app, '13800000004', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/sign-out-all', headers: { cookie: s.cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(403);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('audit log', () => {
  it('records sign-ins and account changes, readable within scope only', async () => {
    // Fresh sessions: the session tests above moved the clock past the earlier ones' lifetime.
    district = await signIn(t.app, '13800000001', DEMO_PASSWORD);
    puzhou = await signIn(t.app, '13800000004', DEMO_PASSWORD);
    const all = (await district.get('/api/audit?limit=100')).json().items;
    const actions = new Set(all.map((e: { action: string }) => e.action));
    for (const a of ['auth.sign_in', 'account.created', 'account.disabled', 'account.password_reset', 'account.role_granted']) expect(actions).toContain(a);
    expect(all.some((e: { result: string }) => e.result === 'failed')).toBe(true);
    const puzhouView = (await puzhou.get('/api/audit?limit=100')).json().items;
    expect(puzhouView.every((e: { unitCode: string }) => e.unitCode.startsWith('330303002'))).toBe(true);
  });

  it('cannot be changed or deleted, even directly in the database', async () => {
    await expect(t.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
