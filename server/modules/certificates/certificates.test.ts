// Certificates end to end through the API: a volunteer asks, the home unit's institute issues (snapshot of the
// approved records of the period, number, signature, records frozen, volunteer notified), the PDF says what the
// national rule asks, the printed code verifies (and stops verifying when tampered with), revocation shows
// everywhere, and nobody outside the issuing unit's scope can read or decide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { agentWithCookie, signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { matrixContext, type MatrixCtx } from '../../testing/matrix';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { rowsOf } from '../../db/client';
import { publishedActivity, servedPair } from '../../testing/participation-fixtures';
import { localParts } from '../activities/activity-time';
import { pdfPageCount, pdfText } from './pdf-text.testing';

let t: TestContext;
let ctx: MatrixCtx;
let district: Agent;
let yongzhong: Agent; // institute admin of 330303001, above the volunteer's home station
let puzhou: Agent; // institute admin of 330303002, a sibling institute
let me: Agent & { volunteerId: string };
let other: Agent & { volunteerId: string };
const DAY = 86_400_000;
const records: Record<string, string> = {};

type Cert = { id: string; number: string | null; status: string; totalMinutes: number | null; verifyUrl: string | null; requestedByName: string | null; volunteerNumber: string };

async function q<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await t.database.db.execute(query));
}

async function volunteer(name: string, idMasked: string) {
  const v = await ctx.volunteerSession();
  await t.database.db.execute(sql`update volunteers set name = ${name}, id_masked = ${idMasked} where id = ${v.volunteerId}`);
  return Object.assign(agentWithCookie(t.app, v.cookie), { volunteerId: v.volunteerId });
}

/** A check-in/out record of `minutes` starting `daysAgo` days back, then set to `status` directly. */
async function record(volunteerId: string, daysAgo: number, minutes: number, status: string): Promise<string> {
  const inAt = new Date(Date.now() - daysAgo * DAY);
  const a = await publishedActivity(t.database, { unitCode: '330303001001', startsAt: inAt, endsAt: new Date(inAt.getTime() + minutes * 60_000), title: `记录活动${daysAgo}` });
  const r = await servedPair(t.database, a, volunteerId, inAt, new Date(inAt.getTime() + minutes * 60_000));
  await t.database.db.execute(sql`update service_records set status = ${status}, decided_at = now() where id = ${r.id}`);
  return r.id;
}

const today = () => localParts(new Date()).date;
const daysAgoDate = (n: number) => localParts(new Date(Date.now() - n * DAY)).date;
const codeOf = (c: Cert) => c.verifyUrl!.split('/m/verify/')[1];
const verify = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/certificates/verify/${encodeURIComponent(code)}` });

beforeAll(async () => {
  t = await startTestApp();
  ctx = await matrixContext(t.app, t.database);
  [district, yongzhong, puzhou] = await Promise.all(['13800000001', '13800000002', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
  me = await volunteer('张三明', '110***********002X');
  other = await volunteer('李四', '330***********1234');
  records.a = await record(me.volunteerId, 10, 120, 'approved');
  records.b = await record(me.volunteerId, 5, 90, 'approved');
  records.pending = await record(me.volunteerId, 4, 60, 'pending');
  records.superseded = await record(me.volunteerId, 3, 45, 'superseded');
  records.old = await record(me.volunteerId, 60, 30, 'approved');
});
afterAll(() => t.close());

describe('requesting', () => {
  it('a volunteer asks for their own certificate; the period must end by today', async () => {
    const late = await me.post('/api/volunteer/certificates', { from: daysAgoDate(30), to: localParts(new Date(Date.now() + 2 * DAY)).date });
    expect(late.statusCode).toBe(400);
    const reversed = await me.post('/api/volunteer/certificates', { from: today(), to: daysAgoDate(3) });
    expect(reversed.statusCode).toBe(400);
    expect((await me.post('/api/volunteer/certificates', { from: '2026-02-30', to: today() })).statusCode).toBe(400);

    const res = await me.post('/api/volunteer/certificates', { from: daysAgoDate(30), to: today(), purpose: '升学' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Cert;
    expect(c).toMatchObject({ status: 'requested', number: null, verifyUrl: null, totalMinutes: null, requestedByName: '矩阵志愿者' });
    expect((await me.post('/api/volunteer/certificates', { from: daysAgoDate(30), to: today() })).json().error.code).toBe('conflict');
    const mine = (await me.get('/api/volunteer/certificates')).json() as { items: Cert[] };
    expect(mine.items.map((x) => x.id)).toContain(c.id);
  });

  it('a volunteer can ask only for themself and cannot use the staff routes', async () => {
    const forOther = await me.post('/api/volunteer/certificates', { volunteerId: other.volunteerId, from: daysAgoDate(30), to: today() });
    expect(forOther.statusCode).toBe(400);
    const staffRoute = await me.post('/api/certificates', { volunteerId: other.volunteerId, from: daysAgoDate(30), to: today() });
    expect(staffRoute.statusCode).toBe(403);
    // A volunteer holds no unit role: the register has nothing for them.
    expect((await me.get('/api/certificates')).json().items).toEqual([]);
  });

  it('staff ask on a volunteer’s behalf only within their scope', async () => {
    expect((await puzhou.post('/api/certificates', { volunteerId: other.volunteerId, from: daysAgoDate(30), to: today() })).statusCode).toBe(403);
    const res = await yongzhong.post('/api/certificates', { volunteerId: other.volunteerId, from: daysAgoDate(30), to: today() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'requested', requestedByName: '永中街道实践所管理员', volunteerName: '李四' });
  });
});

describe('issuing, the PDF and verification', () => {
  let cert: Cert;

  it('shows staff a preview of what the certificate will say, and another institute nothing', async () => {
    cert = ((await me.get('/api/volunteer/certificates')).json() as { items: Cert[] }).items.find((c) => c.status === 'requested')!;
    const detail = await yongzhong.get(`/api/certificates/${cert.id}`);
    expect(detail.statusCode).toBe(200);
    const snap = detail.json().snapshot;
    // The two approved records of the period; the pending, superseded and older ones are not on it.
    expect(snap.totalMinutes).toBe(210);
    expect(snap.items.map((i: { minutes: number }) => i.minutes)).toEqual([120, 90]);
    const [home] = await q<{ name: string }>(sql`select name from units where code = '330303001001'`);
    expect(snap).toMatchObject({ name: '张三明', idType: '居民身份证', idMasked: '110***********002X', issuer: home.name });
    expect((await puzhou.get(`/api/certificates/${cert.id}`)).statusCode).toBe(403);
    expect((await puzhou.post(`/api/certificates/${cert.id}/issue`, { personInCharge: '王主任' })).statusCode).toBe(403);
  });

  it('issues: a number, the signed snapshot, frozen records, and a notice to the volunteer', async () => {
    const res = await yongzhong.post(`/api/certificates/${cert.id}/issue`, { personInCharge: '王主任', handler: '赵经办', handlerPhone: '13912345678' });
    expect(res.statusCode, res.body).toBe(200);
    cert = res.json();
    expect(cert.status).toBe('issued');
    expect(cert.number).toMatch(new RegExp(`^LW${today().slice(0, 4)}\\d{6}$`));
    expect(cert.totalMinutes).toBe(210);
    expect(cert.verifyUrl).toBe(`http://wenming.test/m/verify/${cert.number}.${codeOf(cert).split('.')[1]}`);

    const frozen = await q<{ id: string; frozen: boolean }>(sql`select id, frozen from service_records where volunteer_id = ${me.volunteerId}`);
    const byId = Object.fromEntries(frozen.map((r) => [r.id, r.frozen]));
    expect([byId[records.a], byId[records.b]]).toEqual([true, true]);
    expect([byId[records.pending], byId[records.superseded], byId[records.old]]).toEqual([false, false, false]);
    const linked = await q<{ n: number }>(sql`select count(*)::int as n from certificate_records where certificate_id = ${cert.id}`);
    expect(linked[0].n).toBe(2);
    const notes = await q<{ title: string }>(sql`select title from notifications where volunteer_id = ${me.volunteerId} and purpose = 'certificate:issued'`);
    expect(notes).toHaveLength(1);

    expect((await yongzhong.post(`/api/certificates/${cert.id}/issue`, { personInCharge: '王主任' })).json().error.code).toBe('conflict');
  });

  it('the PDF carries every field of the national rule', async () => {
    const res = await yongzhong.get(`/api/certificates/${cert.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    for (const s of ['志愿服务记录证明', '张三明', '居民身份证', '110***********002X', cert.volunteerNumber, cert.number!, '王主任', '赵经办', '13912345678', '记录活动10', '3.5']) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('已撤销');
    expect(text).toContain(codeOf(cert).slice(0, 12));
  });

  it('the volunteer downloads their own PDF, nobody else’s', async () => {
    const own = await me.get(`/api/volunteer/certificates/${cert.id}/pdf`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await other.get(`/api/volunteer/certificates/${cert.id}/pdf`)).statusCode).toBe(404);
    expect((await other.get(`/api/certificates/${cert.id}/pdf`)).statusCode).toBe(403);
    expect((await puzhou.get(`/api/certificates/${cert.id}/pdf`)).statusCode).toBe(403);
  });

  it('the printed code verifies, with the totals and masked personal data', async () => {
    const res = await verify(codeOf(cert));
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ valid: true, status: 'issued', number: cert.number, nameMasked: '张*明', idMasked: '110***********002X', totalMinutes: 210 });
    expect(v.items).toHaveLength(2);
    expect(JSON.stringify(v)).not.toContain('张三明');
  });

  it('a wrong signature, an unknown number, junk, or altered stored facts do not verify', async () => {
    const [number, signature] = codeOf(cert).split('.');
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    expect((await verify(`${number}.${flipped}`)).json()).toEqual({ valid: false });
    expect((await verify(`LW2099999999.${signature}`)).json()).toEqual({ valid: false });
    expect((await verify('nonsense')).json()).toEqual({ valid: false });
    await t.database.db.execute(sql`update certificates set snapshot = jsonb_set(snapshot, '{totalMinutes}', '9999') where id = ${cert.id}`);
    expect((await verify(codeOf(cert))).json()).toEqual({ valid: false });
    await t.database.db.execute(sql`update certificates set snapshot = jsonb_set(snapshot, '{totalMinutes}', '210') where id = ${cert.id}`);
    expect((await verify(codeOf(cert))).json().valid).toBe(true);
  });

  it('revoking shows in verification and on the PDF, and thaws the records', async () => {
    expect((await puzhou.post(`/api/certificates/${cert.id}/revoke`, { reason: '越权' })).statusCode).toBe(403);
    expect((await yongzhong.post(`/api/certificates/${cert.id}/revoke`, { reason: '' })).statusCode).toBe(400);
    const res = await yongzhong.post(`/api/certificates/${cert.id}/revoke`, { reason: '记录有误，需更正后重开' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokeReason: '记录有误，需更正后重开' });

    const v = (await verify(codeOf(cert))).json();
    expect(v).toMatchObject({ valid: true, status: 'revoked', totalMinutes: 210 });
    expect(v.revokedAt).toEqual(expect.any(String));

    const text = pdfText((await me.get(`/api/volunteer/certificates/${cert.id}/pdf`)).rawPayload);
    expect(text).toContain('已撤销');
    expect(text).toContain('记录有误');
    const frozen = await q<{ n: number }>(sql`select count(*)::int as n from service_records where volunteer_id = ${me.volunteerId} and frozen`);
    expect(frozen[0].n).toBe(0);
    expect((await yongzhong.post(`/api/certificates/${cert.id}/revoke`, { reason: '再撤' })).json().error.code).toBe('conflict');
  });

  it('refuses to issue a period without approved records, and changes nothing', async () => {
    const req = await me.post('/api/volunteer/certificates', { from: daysAgoDate(2), to: today() });
    expect(req.statusCode).toBe(201);
    const id = req.json().id;
    const before = await q<{ n: number }>(sql`select last_value::int as n from certificate_number_seq`);
    const res = await yongzhong.post(`/api/certificates/${id}/issue`, { personInCharge: '王主任' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect((await yongzhong.get(`/api/certificates/${id}`)).json().certificate.status).toBe('requested');
    expect((await q<{ n: number }>(sql`select last_value::int as n from certificate_number_seq`))[0].n).toBe(before[0].n);
  });

  it('rejects a request with a reason and tells the volunteer', async () => {
    const id = (await me.post('/api/volunteer/certificates', { from: daysAgoDate(20), to: daysAgoDate(1) })).json().id;
    const res = await yongzhong.post(`/api/certificates/${id}/reject`, { reason: '请先补全服务记录' });
    expect(res.json()).toMatchObject({ status: 'rejected', rejectReason: '请先补全服务记录' });
    const notes = await q<{ n: number }>(sql`select count(*)::int as n from notifications where volunteer_id = ${me.volunteerId} and purpose = 'certificate:rejected'`);
    expect(notes[0].n).toBe(1);
    expect((await yongzhong.get(`/api/certificates/${id}`)).json().snapshot).toBeNull();
    expect((await yongzhong.get(`/api/certificates/${id}/pdf`)).json().error.code).toBe('conflict');
  });
});

describe('the register', () => {
  it('lists the scope’s certificates with filters; another institute sees none of them', async () => {
    const all = (await yongzhong.get('/api/certificates?limit=100')).json() as { items: Cert[] };
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    expect((await district.get('/api/certificates?limit=100')).json().items).toHaveLength(all.items.length);
    expect((await puzhou.get('/api/certificates?limit=100')).json().items).toEqual([]);
    const revoked = (await yongzhong.get('/api/certificates?status=revoked')).json() as { items: Cert[] };
    expect(revoked.items.map((c) => c.status)).toEqual(['revoked']);
    const byName = (await yongzhong.get(`/api/certificates?q=${encodeURIComponent('李四')}`)).json() as { items: { volunteerName: string }[] };
    expect(byName.items.map((c) => c.volunteerName)).toEqual(['李四']);
    const page1 = (await yongzhong.get('/api/certificates?limit=2')).json() as { items: Cert[]; nextCursor: string };
    const page2 = (await yongzhong.get(`/api/certificates?limit=100&cursor=${page1.nextCursor}`)).json() as { items: Cert[] };
    expect([...page1.items, ...page2.items].map((c) => c.id)).toEqual(all.items.map((c) => c.id));
    const yongzhongUnit = (await q<{ id: string }>(sql`select id from units where code = '330303001'`))[0].id;
    expect((await puzhou.get(`/api/certificates?unit=${yongzhongUnit}`)).statusCode).toBe(403);
  });

  it('exports the register as .xlsx within scope', async () => {
    const res = await yongzhong.get('/api/certificates.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const statuses = ws.getColumn(2).values.slice(2);
    expect(statuses).toEqual(expect.arrayContaining(['已撤销', '已驳回', '待审核']));
    expect(ws.getColumn(4).values).toContain('张三明');
    const other = new ExcelJS.Workbook();
    await other.xlsx.load((await puzhou.get('/api/certificates.xlsx')).rawPayload as unknown as ArrayBuffer);
    expect(other.worksheets[0].rowCount).toBe(1);
  });
});

describe('issuing over pages', () => {
  it('a long period makes a multi-page PDF with the whole table', async () => {
    const v = await volunteer('欧阳娜娜', '');
    for (let i = 0; i < 45; i++) await record(v.volunteerId, 100 + i, 30, 'approved');
    const id = (await yongzhong.post('/api/certificates', { volunteerId: v.volunteerId, from: daysAgoDate(200), to: today() })).json().id;
    const issued = await yongzhong.post(`/api/certificates/${id}/issue`, { personInCharge: '王主任' });
    expect(issued.json()).toMatchObject({ status: 'issued', totalMinutes: 45 * 30 });
    const pdf = (await v.get(`/api/volunteer/certificates/${id}/pdf`)).rawPayload;
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain('22.5');
    expect(text).toContain('未登记');
    expect(text).toContain('永中街道实践所管理员'); // the handler defaults to the staff member who issued it
    expect((await verify(codeOf(issued.json()))).json()).toMatchObject({ valid: true, nameMasked: '欧**娜' });
  });
});
