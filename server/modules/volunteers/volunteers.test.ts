// Staff work on the registry: register on someone's behalf, search, review, status, reveal, export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { rowsOf } from '../../db/client';
import { birthYearsAgo, ensureSkillTags, makeIdNumber, newPhone, registerViaApi, unitId } from './volunteers.testing';
import { consentTexts } from '../../../common/consents';

let t: TestContext;
let district: Agent;
let institute: Agent; // 永中街道 330303001
let station: Agent; // 330303001001
let otherInstitute: Agent; // 330303002

beforeAll(async () => {
  t = await startTestApp();
  await ensureSkillTags(t.database);
  district = await signIn(t.app, '13800000001', 'Longwan@2026');
  institute = await signIn(t.app, '13800000002', 'Longwan@2026');
  station = await signIn(t.app, '13800000003', 'Longwan@2026');
  otherInstitute = await signIn(t.app, '13800000004', 'Longwan@2026');
});
afterAll(() => t.close());

async function staffEntry(agent: Agent, o: { name?: string; idNumber?: string; homeUnitCode?: string; phone?: string; skills?: string[] } = {}) {
  return agent.post('/api/volunteers', {
    name: o.name ?? '陈阿婆',
    phone: o.phone ?? newPhone(),
    idNumber: o.idNumber ?? makeIdNumber('19500303', { female: true }),
    skills: o.skills ?? ['宣讲'],
    availability: { days: [1, 3], slots: ['afternoon'] },
    homeUnitId: await unitId(t.database, o.homeUnitCode ?? '330303001001'),
  });
}

describe('registering on someone’s behalf', () => {
  it('creates a pending volunteer with a paper consent recorded against the staff member', async () => {
    const res = await staffEntry(station, { name: '陈阿婆' });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ name: '陈阿婆', status: 'pending', source: 'staff', gender: 'female', birthDate: '1950-03-03', registeredBy: expect.any(String) });
    expect(v.consents.map((c: { givenBy: string }) => c.givenBy)).toEqual(['staff', 'staff']);
    expect(v.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(['id_processing', 'privacy']);
  });

  it('refuses a home unit outside the staff member’s scope', async () => {
    const res = await staffEntry(station, { homeUnitCode: '330303002001' });
    expect(res.statusCode).toBe(403);
  });

  it('names the ID problem; a registered ID is 409', async () => {
    const bad = await staffEntry(station, { idNumber: '330303199002301234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'idNumber', message: expect.stringContaining('不是真实日期') });
    const idNumber = makeIdNumber('19620505');
    expect((await staffEntry(station, { idNumber })).statusCode).toBe(201);
    const dup = await staffEntry(institute, { idNumber });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('already_registered');
  });

  it('the person can later sign in with a code sent to that phone, and gets linked', async () => {
    const phone = newPhone();
    const created = await staffEntry(station, { phone, name: '赵大伯' });
    const otp = await t.app.inject({ method: 'POST', url: '/api/otp', payload: { phone, purpose: 'sign-in' }, remoteAddress: '10.9.0.1' });
    expect(otp.statusCode).toBe(200);
    const [sms] = rowsOf<{ text: string }>(await t.database.db.execute(sql`select text from sms_outbox where phone = ${phone} order by id desc limit 1`));
    const code = /(\d{6})/.exec(sms.text)![1];
    const res = await t.app.inject({ method: 'POST', url: '/api/volunteer-auth/sign-in', payload: { phone, code } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().volunteer).toMatchObject({ id: created.json().id, name: '赵大伯' });
  });
});

describe('search', () => {
  let ids: Record<string, string> = {};
  beforeAll(async () => {
    const make = async (name: string, code: string, skills: string[], birth = '19800101', phone = newPhone()) => {
      const res = await staffEntry(district, { name, homeUnitCode: code, skills, idNumber: makeIdNumber(birth), phone });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids = {
      a: await make('欧阳明远', '330303001001', ['急救'], '19800101', '18912345678'),
      b: await make('欧阳红', '330303001002', ['驾驶']),
      c: await make('李明远', '330303002001', ['急救']),
      kid: await make('小明', '330303001001', ['书法'], birthYearsAgo(15)),
    };
  });

  const search = async (agent: Agent, qs: string) => {
    const res = await agent.get(`/api/volunteers?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string; name: string; phoneMasked: string; idMasked: string; minor: boolean }[]; nextCursor: string | null; total?: number };
  };

  it('finds by name fragment, only within scope', async () => {
    const all = await search(district, `q=${encodeURIComponent('明远')}`);
    expect(all.items.map((i) => i.id).sort()).toEqual([ids.a, ids.c].sort());
    const mine = await search(institute, `q=${encodeURIComponent('明远')}`);
    expect(mine.items.map((i) => i.id)).toEqual([ids.a]);
    const other = await search(otherInstitute, `q=${encodeURIComponent('欧阳')}`);
    expect(other.items).toEqual([]);
  });

  it('finds by a phone fragment of 4+ digits and by volunteer number; masks phone and ID', async () => {
    const byPhone = await search(district, 'q=2345678');
    expect(byPhone.items.map((i) => i.id)).toEqual([ids.a]);
    expect(byPhone.items[0].phoneMasked).toBe('189****5678');
    expect(byPhone.items[0].idMasked).toMatch(/^330\*{11}\d{3}[\dX]$/);
    const detail = (await district.get(`/api/volunteers/${ids.a}`)).json();
    const byNumber = await search(district, `q=${detail.number}`);
    expect(byNumber.items.map((i) => i.id)).toEqual([ids.a]);
  });

  it('filters by skill, unit, status and minor', async () => {
    expect((await search(district, `skill=${encodeURIComponent('驾驶')}`)).items.map((i) => i.id)).toEqual([ids.b]);
    const unit = await unitId(t.database, '330303002');
    expect((await search(district, `unit=${unit}`)).items.map((i) => i.id)).toEqual([ids.c]);
    const minors = await search(district, 'minor=true');
    expect(minors.items.map((i) => i.id)).toContain(ids.kid);
    expect(minors.items.every((i) => i.minor)).toBe(true);
    expect((await search(district, 'minor=false')).items.map((i) => i.id)).not.toContain(ids.kid);
    expect((await search(district, 'status=active')).items.map((i) => i.id)).not.toContain(ids.a);
    // A unit outside one's scope is refused rather than silently empty.
    expect((await station.get(`/api/volunteers?unit=${unit}`)).statusCode).toBe(403);
  });

  it('pages by keyset with no overlap, newest first, and a total on the first page', async () => {
    const first = await search(district, 'limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThanOrEqual(4);
    const seen = new Set(first.items.map((i) => i.id));
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await search(district, `limit=2&cursor=${cursor}`);
      for (const i of page.items) {
        expect(seen.has(i.id)).toBe(false);
        seen.add(i.id);
      }
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(first.total);
    expect((await district.get('/api/volunteers?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('large scopes', () => {
  it('counts the first page only up to 1,000 and says when there are more', async () => {
    const unit = await unitId(t.database, '330303003001');
    await t.database.db.execute(sql`insert into volunteers (name, phone, home_unit_id, home_unit_code, status, source)
      select '批量' || i, '1330000' || lpad(i::text, 4, '0'), ${unit}, '330303003001', 'active', 'import' from generate_series(1, 1050) i`);
    const first = (await district.get(`/api/volunteers?unit=${unit}&limit=50`)).json();
    expect(first).toMatchObject({ total: 1000, totalCapped: true });
    expect(first.items).toHaveLength(50);
    const second = (await district.get(`/api/volunteers?unit=${unit}&limit=50&cursor=${first.nextCursor}`)).json();
    expect(second.total).toBeUndefined();
    expect(second.items[0].number < first.items[49].number).toBe(true);
    // A two-character fragment goes through the bigram index and is counted; one character is a surname
    // prefix no index serves: it still finds rows, without a count.
    const two = (await district.get(`/api/volunteers?unit=${unit}&q=${encodeURIComponent('批量')}&limit=10`)).json();
    expect(two).toMatchObject({ total: 1000, totalCapped: true });
    const inside = (await district.get(`/api/volunteers?unit=${unit}&q=${encodeURIComponent('量1')}&limit=10`)).json();
    expect(inside.items.length).toBeGreaterThan(0);
    expect(inside.items.every((v: { name: string }) => v.name.includes('量1'))).toBe(true);
    const one = (await district.get(`/api/volunteers?unit=${unit}&q=${encodeURIComponent('批')}&limit=10`)).json();
    expect(one.items).toHaveLength(10);
    expect(one.total).toBeUndefined();
  });
});

describe('review, status and reveal', () => {
  it('the station approves a registration in its scope: status active, SMS sent with the unit, audited', async () => {
    const { res, phone } = await registerViaApi(t.app, t.database, { name: '周小青' });
    const id = res.json().volunteer.id;
    const out = await otherInstitute.post(`/api/volunteers/${id}/review`, { decision: 'approve' });
    expect(out.statusCode).toBe(403);
    const ok = await station.post(`/api/volunteers/${id}/review`, { decision: 'approve', note: '材料齐全' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'active', review: { note: '材料齐全', reviewedBy: expect.any(String) } });
    const [sms] = rowsOf<{ text: string; unit_code: string; purpose: string }>(
      await t.database.db.execute(sql`select text, unit_code, purpose from sms_outbox where phone = ${phone} order by id desc limit 1`),
    );
    expect(sms).toMatchObject({ purpose: 'volunteer:approved', unit_code: '330303001001' });
    expect(sms.text).toContain(res.json().volunteer.number);
    // Reviewing twice is a conflict, not a second SMS.
    expect((await station.post(`/api/volunteers/${id}/review`, { decision: 'approve' })).statusCode).toBe(409);
    const actions = rowsOf<{ action: string }>(await t.database.db.execute(sql`select action from audit_log where object_id = ${id} order by id`)).map((r) => r.action);
    expect(actions).toEqual(['volunteer.registered', 'volunteer.approved']);
  });

  it('rejecting ends the registration; out-of-scope details are refused', async () => {
    const created = (await staffEntry(institute, { homeUnitCode: '330303001002' })).json();
    expect((await otherInstitute.get(`/api/volunteers/${created.id}`)).statusCode).toBe(403);
    expect((await station.get(`/api/volunteers/${created.id}`)).statusCode).toBe(403);
    const rej = await institute.post(`/api/volunteers/${created.id}/review`, { decision: 'reject', note: '身份信息不符' });
    expect(rej.json().status).toBe('left');
    expect((await institute.get('/api/volunteers/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('status changes: suspend and reactivate an active volunteer; pending ones must be reviewed first', async () => {
    const created = (await staffEntry(station)).json();
    expect((await station.post(`/api/volunteers/${created.id}/status`, { status: 'suspended' })).statusCode).toBe(409);
    await station.post(`/api/volunteers/${created.id}/review`, { decision: 'approve' });
    const s = await station.post(`/api/volunteers/${created.id}/status`, { status: 'suspended', note: '长期未参加活动' });
    expect(s.json().status).toBe('suspended');
    expect((await station.post(`/api/volunteers/${created.id}/status`, { status: 'active' })).json().status).toBe('active');
  });

  it('reveal returns the full number once per request and audits each reveal', async () => {
    const idNumber = makeIdNumber('19770707');
    const created = (await staffEntry(station, { idNumber })).json();
    expect((await otherInstitute.post(`/api/volunteers/${created.id}/reveal-id`)).statusCode).toBe(403);
    const res = await station.post(`/api/volunteers/${created.id}/reveal-id`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber });
    await district.post(`/api/volunteers/${created.id}/reveal-id`);
    const rows = rowsOf<{ actor_id: string }>(await t.database.db.execute(sql`select actor_id from audit_log where object_id = ${created.id} and action = 'volunteer.id_revealed'`));
    expect(rows).toHaveLength(2);
  });

  it('staff correct details; moving a volunteer out of one’s scope is refused', async () => {
    const created = (await staffEntry(station)).json();
    const res = await station.patch(`/api/volunteers/${created.id}`, { name: '陈秀英', skills: ['急救', '书法'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '陈秀英', skills: ['急救', '书法'] });
    const move = await station.patch(`/api/volunteers/${created.id}`, { homeUnitId: await unitId(t.database, '330303002001') });
    expect(move.statusCode).toBe(403);
    expect((await station.get(`/api/volunteers/${created.id}`)).json().homeUnit.code).toBe('330303001001');
  });
});

describe('export', () => {
  it('exports the scope as XLSX, masked, and audits it', async () => {
    const idNumber = makeIdNumber('19660606');
    const phone = newPhone();
    await staffEntry(station, { idNumber, phone, name: '导出测试' });
    const res = await station.get(`/api/volunteers/export.xlsx?q=${encodeURIComponent('导出测试')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    const row = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    expect(row).toContain('导出测试');
    expect(row).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(row.join('|')).not.toContain(idNumber);
    expect(row.join('|')).not.toContain(phone);
    const [a] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'volunteer.exported'`));
    expect(a.n).toBeGreaterThan(0);
  });
});

describe('skill tags and outbox', () => {
  it('the district manages tags; stations may read but not add', async () => {
    const add = await district.post('/api/skill-tags', { name: '沙盘游戏辅导', category: 'specialty' });
    expect(add.statusCode, add.body).toBe(201);
    expect((await district.post('/api/skill-tags', { name: '沙盘游戏辅导', category: 'skill' })).statusCode).toBe(409);
    expect((await station.post('/api/skill-tags', { name: '摄影', category: 'skill' })).statusCode).toBe(403);
    const retired = await district.patch(`/api/skill-tags/${add.json().id}`, { active: false });
    expect(retired.json().active).toBe(false);
    const options = (await t.app.inject({ method: 'GET', url: '/api/public/registration-options' })).json();
    expect(options.skills.map((s: { name: string }) => s.name)).not.toContain('沙盘游戏辅导');
    expect(options.consents.guardian.version).toBe(consentTexts.guardian.version);
    expect((await station.get('/api/skill-tags')).json().items.map((s: { name: string }) => s.name)).toContain('沙盘游戏辅导');
  });

  it('the outbox shows the district every message, a station only those of its units', async () => {
    const phone = newPhone();
    await t.app.inject({ method: 'POST', url: '/api/otp', payload: { phone, purpose: 'register' }, remoteAddress: '10.9.0.2' });
    const d = (await district.get(`/api/sms-outbox?phone=${phone}`)).json();
    expect(d.items).toHaveLength(1);
    expect(d.items[0].text).toMatch(/验证码是 \d{6}/);
    expect((await station.get(`/api/sms-outbox?phone=${phone}`)).json().items).toEqual([]);
    const approvals = (await station.get('/api/sms-outbox')).json().items as { unitCode: string }[];
    expect(approvals.length).toBeGreaterThan(0);
    expect(approvals.every((m) => m.unitCode.startsWith('330303001001'))).toBe(true);
  });

  it('stations for the registration form: nearest first with a location, by name with q', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/public/stations?limit=200' })).json().items as { code: string; distanceKm: number | null }[];
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((s) => s.code.length === 12)).toBe(true);
    const [withCoords] = rowsOf<{ lat: number; lng: number; code: string }>(
      await t.database.db.execute(sql`select lat, lng, code from units where level = 'station' and lat is not null order by code desc limit 1`),
    );
    if (withCoords) {
      const near = (await t.app.inject({ method: 'GET', url: `/api/public/stations?lat=${withCoords.lat}&lng=${withCoords.lng}&limit=3` })).json().items;
      expect(near[0]).toMatchObject({ code: withCoords.code, distanceKm: 0 });
      expect(near[1].distanceKm).toBeGreaterThanOrEqual(0);
    }
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/stations?lat=999&lng=1' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('minor cut-off date', () => {
  it('is the same day 18 years ago in Shanghai, and the 28th when that day does not exist', async () => {
    const { adultCutoff } = await import('./volunteers.service');
    expect(adultCutoff(new Date('2026-05-10T03:00:00Z'))).toBe('2008-05-10');
    // 20:00 UTC on the 9th is already the 10th in Shanghai.
    expect(adultCutoff(new Date('2026-05-09T20:00:00Z'))).toBe('2008-05-10');
    expect(adultCutoff(new Date('2028-02-29T04:00:00Z'))).toBe('2010-02-28');
  });
});
