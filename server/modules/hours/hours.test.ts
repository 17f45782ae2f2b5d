import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { publishedActivity, servedPair } from '../../testing/participation-fixtures';
import { makeVolunteer, smsTo } from '../teams/teams.testing';
import { auditCount, teamIn, unitId } from '../activities/activities.testing';
import { at, makeLeader, notificationsOf, pastActivity, serviceMinutesOf } from './hours.testing';

const STATION = '330303001001';
let t: TestContext;
let district: Agent;
let station: Agent; // station admin 330303001001
let puzhou: Agent; // institute admin 330303002
let stationId: string;

beforeAll(async () => {
  t = await startTestApp();
  [district, station, puzhou] = await Promise.all(['13800000001', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
  stationId = await unitId(t.database, STATION);
});
afterAll(() => t.close());

const iso = (d: Date) => d.toISOString();

describe('approve and reject', () => {
  it('approving a record counts it in the monthly totals and the volunteer’s minutes, once', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-03-10 09:00', '2025-03-10 12:00');
    const rec = await servedPair(t.database, a, v.id, at('2025-03-10', '09:00'), at('2025-03-10', '11:30'));
    const before = (await station.get(`/api/hours/totals?unit=${stationId}&from=2025-03&to=2025-03`)).json();
    expect(before.total).toEqual({ minutes: 0, records: 0 });

    const res = await station.post(`/api/hours/${rec.id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: rec.id, status: 'approved', minutes: 150, decidedByName: '实践站管理员', volunteerNumber: v.number });
    expect(await auditCount(t.database, 'hours.approved', rec.id)).toBe(1);

    const totals = (await station.get(`/api/hours/totals?unit=${stationId}&from=2025-03&to=2025-03`)).json();
    expect(totals.total).toEqual({ minutes: 150, records: 1 });
    expect(await serviceMinutesOf(t.database, v.id)).toBe(150);
    expect((await v.agent.get('/api/volunteer/hours')).json()).toMatchObject({ totalMinutes: 150, starLevel: 0, items: [{ id: rec.id, status: 'approved' }] });

    // A second approval is refused and counts nothing.
    expect((await station.post(`/api/hours/${rec.id}/approve`, {})).statusCode).toBe(409);
    expect(await serviceMinutesOf(t.database, v.id)).toBe(150);
  });

  it('rejecting needs a reason, tells the volunteer why, and counts nothing', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-03-11 09:00', '2025-03-11 12:00');
    const rec = await servedPair(t.database, a, v.id, at('2025-03-11', '09:00'), at('2025-03-11', '10:00'));
    const noReason = await station.post(`/api/hours/${rec.id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toContain('reason');

    const res = await station.post(`/api/hours/${rec.id}/reject`, { reason: '签退时间与现场记录不符' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: '签退时间与现场记录不符' });
    const notes = await notificationsOf(t.database, v.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ purpose: 'hours:rejected' });
    expect(notes[0].body).toContain('签退时间与现场记录不符');
    expect((await smsTo(t.database, v.phone)).map((s) => s.purpose)).toContain('hours:rejected');
    expect(await serviceMinutesOf(t.database, v.id)).toBe(0);
    expect(await auditCount(t.database, 'hours.rejected', rec.id)).toBe(1);
  });

  it('keeps other units out: another institute can neither read nor decide', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-03-12 09:00', '2025-03-12 12:00');
    const rec = await servedPair(t.database, a, v.id, at('2025-03-12', '09:00'), at('2025-03-12', '10:00'));
    expect((await puzhou.get(`/api/hours/${rec.id}`)).statusCode).toBe(403);
    expect((await puzhou.post(`/api/hours/${rec.id}/approve`, {})).statusCode).toBe(403);
    expect((await puzhou.get('/api/hours?limit=100')).json().items.map((r: { id: string }) => r.id)).not.toContain(rec.id);
    expect((await district.get(`/api/hours?unit=${stationId}&limit=100`)).json().items.map((r: { id: string }) => r.id)).toContain(rec.id);
    expect((await puzhou.get(`/api/hours?unit=${stationId}`)).statusCode).toBe(403);
  });

  it('bulk approval approves what it can and lists the rest with the reason', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-03-13 09:00', '2025-03-13 18:00');
    const r1 = await servedPair(t.database, a, v.id, at('2025-03-13', '09:00'), at('2025-03-13', '10:00'));
    const r2 = await servedPair(t.database, a, v.id, at('2025-03-13', '13:00'), at('2025-03-13', '14:30'));
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await station.post('/api/hours/approve', { ids: [r1.id, r2.id, missing] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ approved: 2, skipped: [{ id: missing, code: 'not_found' }] });
    expect(await serviceMinutesOf(t.database, v.id)).toBe(150);
    const again = await station.post('/api/hours/approve', { ids: [r1.id] });
    expect(again.json()).toEqual({ approved: 0, skipped: [{ id: r1.id, code: 'conflict' }] });
  });
});

describe('organizer entry', () => {
  it('enters a pending manual record within the activity’s time', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-04-07 09:00', '2025-04-07 12:00');
    const res = await station.post('/api/hours', { activityId: a.id, volunteerId: v.id, startedAt: iso(at('2025-04-07', '09:00')), endedAt: iso(at('2025-04-07', '11:00')), content: '布置会场' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'manual', status: 'pending', minutes: 120, content: '布置会场', requestedByName: '实践站管理员', flags: [] });
    expect(await auditCount(t.database, 'hours.entered', res.json().id)).toBe(1);
  });

  it('refuses an entry that overlaps another record of the volunteer', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-04-08 09:00', '2025-04-08 12:00');
    await servedPair(t.database, a, v.id, at('2025-04-08', '09:00'), at('2025-04-08', '11:00'));
    const res = await station.post('/api/hours', { activityId: a.id, volunteerId: v.id, startedAt: iso(at('2025-04-08', '10:00')), endedAt: iso(at('2025-04-08', '12:00')) });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('record_overlap');
  });

  it('refuses more than 24 hours in a day', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-04-14 00:00', '2025-04-16 00:00');
    const res = await station.post('/api/hours', { activityId: a.id, volunteerId: v.id, startedAt: iso(at('2025-04-14', '08:00')), endedAt: iso(at('2025-04-15', '09:00')) });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('daily_limit_exceeded');
  });

  it('refuses times outside the activity, naming the field that is outside', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-04-21 09:00', '2025-04-21 12:00');
    const late = await station.post('/api/hours', { activityId: a.id, volunteerId: v.id, startedAt: iso(at('2025-04-21', '09:00')), endedAt: iso(at('2025-04-21', '14:00')) });
    expect(late.statusCode, late.body).toBe(400);
    expect(late.json().error.details.fields[0].field).toBe('endedAt');
    const early = await station.post('/api/hours', { activityId: a.id, volunteerId: v.id, startedAt: iso(at('2025-04-21', '07:00')), endedAt: iso(at('2025-04-21', '10:00')) });
    expect(early.json().error.details.fields[0].field).toBe('startedAt');
    // An activity going on now: an end still ahead is within its time, but has not happened yet.
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const b = await publishedActivity(t.database, { unitCode: STATION, startsAt: new Date(now - 2 * 3600_000), endsAt: new Date(now + 2 * 3600_000) });
    const ahead = await station.post('/api/hours', { activityId: b.id, volunteerId: v.id, startedAt: iso(new Date(now - 3600_000)), endedAt: iso(new Date(now + 3600_000)) });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().error.details.fields[0].field).toBe('endedAt');
  });

  it('is for the activity’s runners only', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, STATION, '2025-04-23 09:00', '2025-04-23 12:00');
    const body = { activityId: a.id, volunteerId: v.id, startedAt: iso(at('2025-04-23', '09:00')), endedAt: iso(at('2025-04-23', '10:00')) };
    expect((await puzhou.post('/api/hours', body)).statusCode).toBe(403);
    expect((await v.agent.post('/api/hours', body)).statusCode).toBe(403);
  });
});

describe('team leaders', () => {
  it('approve the records of the team they lead, not another team’s, and never their own', async () => {
    const leader = await makeVolunteer(t.app, t.database, { name: '队长' });
    const member = await makeVolunteer(t.app, t.database);
    const team = await teamIn(t.database, '330303001');
    const other = await teamIn(t.database, '330303001');
    await makeLeader(t.database, team, leader.id);
    const mine = await pastActivity(t.database, STATION, '2025-05-05 09:00', '2025-05-05 12:00', team);
    const theirs = await pastActivity(t.database, STATION, '2025-05-06 09:00', '2025-05-06 12:00', other);
    const r1 = await servedPair(t.database, mine, member.id, at('2025-05-05', '09:00'), at('2025-05-05', '11:00'));
    const r2 = await servedPair(t.database, theirs, member.id, at('2025-05-06', '09:00'), at('2025-05-06', '11:00'));
    const own = await servedPair(t.database, mine, leader.id, at('2025-05-05', '09:00'), at('2025-05-05', '12:00'));

    const listed = (await leader.agent.get('/api/hours?limit=100')).json().items.map((r: { id: string }) => r.id);
    expect(listed).toContain(r1.id);
    expect(listed).not.toContain(r2.id);
    expect((await leader.agent.get(`/api/hours/${r2.id}`)).statusCode).toBe(403);

    const ok = await leader.agent.post(`/api/hours/${r1.id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('approved');
    expect((await leader.agent.post(`/api/hours/${r2.id}/approve`, {})).statusCode).toBe(403);
    const self = await leader.agent.post(`/api/hours/${own.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('own_request_refused');
    // A plain member cannot decide anything.
    expect((await member.agent.post(`/api/hours/${own.id}/approve`, {})).statusCode).toBe(403);
  });
});

describe('export', () => {
  it('exports the records in scope as an .xlsx that opens', async () => {
    const v = await makeVolunteer(t.app, t.database, { name: '导出志愿者' });
    const a = await pastActivity(t.database, STATION, '2025-06-02 09:00', '2025-06-02 12:00');
    await servedPair(t.database, a, v.id, at('2025-06-02', '09:00'), at('2025-06-02', '10:30'));
    const res = await station.get(`/api/hours.xlsx?unit=${stationId}&volunteer=${v.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('服务时长')!;
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2).values as unknown[];
    expect(row).toContain(v.number);
    expect(row).toContain('导出志愿者');
    expect(row).toContain(a.title);
    expect(row).toContain(90);
    expect(row).toContain('2025-06-02 09:00');
    expect((await puzhou.get(`/api/hours.xlsx?unit=${stationId}`)).statusCode).toBe(403);
  });
});
