import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { servedPair } from '../../testing/participation-fixtures';
import { makeVolunteer } from '../teams/teams.testing';
import { auditCount, teamIn, unitId } from '../activities/activities.testing';
import { at, firstStationOf, pastActivity, serviceMinutesOf } from './hours.testing';

const INSTITUTE = '330303001';
let t: TestContext;
let district: Agent;
let yongzhong: Agent; // institute admin 330303001
let puzhou: Agent; // institute admin 330303002
let instituteId: string;

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, puzhou] = await Promise.all(['13800000001', '13800000002', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
  instituteId = await unitId(t.database, INSTITUTE);
});
afterAll(() => t.close());

const iso = (d: Date) => d.toISOString();
const times = (date: string, from: string, to: string) => ({ startedAt: iso(at(date, from)), endedAt: iso(at(date, to)) });
const monthTotal = async (agent: Agent, unit: string, month: string) => (await agent.get(`/api/hours/totals?unit=${unit}&from=${month}&to=${month}`)).json().total;

describe('corrections', () => {
  it('are new versions that someone other than the requester approves; totals then count only the new minutes', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, INSTITUTE, '2025-05-12 09:00', '2025-05-12 12:00');
    const v1 = await servedPair(t.database, a, v.id, at('2025-05-12', '09:00'), at('2025-05-12', '11:00'));
    expect((await yongzhong.post(`/api/hours/${v1.id}/approve`, {})).statusCode).toBe(200);
    expect(await monthTotal(yongzhong, instituteId, '2025-05')).toEqual({ minutes: 120, records: 1 });

    const asked = await yongzhong.post(`/api/hours/${v1.id}/corrections`, { ...times('2025-05-12', '09:00', '10:30'), reason: '志愿者提前离场' });
    expect(asked.statusCode, asked.body).toBe(201);
    const v2 = asked.json();
    expect(v2).toMatchObject({ status: 'pending', version: 2, previousId: v1.id, minutes: 90, reason: '志愿者提前离场', requestedByName: '永中街道实践所管理员' });
    expect(await auditCount(t.database, 'hours.correction_requested', v2.id)).toBe(1);
    // Until decided, the approved version still counts.
    expect(await serviceMinutesOf(t.database, v.id)).toBe(120);

    const own = await yongzhong.post(`/api/hours/${v2.id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('own_request_refused');
    const other = await district.post(`/api/hours/${v2.id}/approve`, {});
    expect(other.statusCode, other.body).toBe(200);

    const detail = (await yongzhong.get(`/api/hours/${v2.id}`)).json();
    expect(detail.history.map((r: { id: string; status: string; version: number }) => [r.id, r.status, r.version])).toEqual([
      [v1.id, 'superseded', 1],
      [v2.id, 'approved', 2],
    ]);
    expect((await yongzhong.get(`/api/hours/${v1.id}`)).json().history).toHaveLength(2);
    expect(await monthTotal(yongzhong, instituteId, '2025-05')).toEqual({ minutes: 90, records: 1 });
    expect(await serviceMinutesOf(t.database, v.id)).toBe(90);

    // The superseded version cannot be corrected again; the latest can.
    expect((await yongzhong.post(`/api/hours/${v1.id}/corrections`, { ...times('2025-05-12', '09:00', '10:00'), reason: '再改' })).statusCode).toBe(409);
  });

  it('from the volunteer: own records only, approvable by staff, and a second correction of a pending one replaces it', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const stranger = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, INSTITUTE, '2025-05-13 09:00', '2025-05-13 12:00');
    const v1 = await servedPair(t.database, a, v.id, at('2025-05-13', '09:00'), at('2025-05-13', '10:00'));
    expect((await yongzhong.post(`/api/hours/${v1.id}/approve`, {})).statusCode).toBe(200);

    const body = { ...times('2025-05-13', '09:00', '11:30'), reason: '签退忘记扫码' };
    expect((await stranger.agent.post(`/api/volunteer/hours/${v1.id}/corrections`, body)).statusCode).toBe(404);
    const first = await v.agent.post(`/api/volunteer/hours/${v1.id}/corrections`, body);
    expect(first.statusCode, first.body).toBe(201);
    // Correcting the pending correction replaces it instead of stacking a second pending one.
    const second = await v.agent.post(`/api/volunteer/hours/${first.json().id}/corrections`, { ...times('2025-05-13', '09:00', '12:00'), reason: '实际到 12 点' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ version: 3, previousId: first.json().id, minutes: 180 });
    // The volunteer's list shows the approved version and the open correction, not the replaced one.
    const mine = (await v.agent.get('/api/volunteer/hours')).json();
    expect(mine.items.map((r: { id: string }) => r.id).sort()).toEqual([v1.id, second.json().id].sort());

    expect((await yongzhong.post(`/api/hours/${second.json().id}/approve`, {})).statusCode).toBe(200);
    const history = (await yongzhong.get(`/api/hours/${v1.id}`)).json().history.map((r: { status: string }) => r.status);
    expect(history).toEqual(['superseded', 'superseded', 'approved']);
    expect(await serviceMinutesOf(t.database, v.id)).toBe(180);
    expect(await monthTotal(yongzhong, instituteId, '2025-05')).toMatchObject({ minutes: 90 + 180 });
  });

  it('refuses an overlap with the volunteer’s other records but not with the version it corrects', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, INSTITUTE, '2025-05-14 09:00', '2025-05-14 18:00');
    const morning = await servedPair(t.database, a, v.id, at('2025-05-14', '09:00'), at('2025-05-14', '11:00'));
    await servedPair(t.database, a, v.id, at('2025-05-14', '14:00'), at('2025-05-14', '16:00'));
    const clash = await yongzhong.post(`/api/hours/${morning.id}/corrections`, { ...times('2025-05-14', '09:00', '15:00'), reason: '下午也在' });
    expect(clash.json().error.code).toBe('record_overlap');
    const fine = await yongzhong.post(`/api/hours/${morning.id}/corrections`, { ...times('2025-05-14', '09:30', '12:00'), reason: '到得晚' });
    expect(fine.statusCode, fine.body).toBe(201);
  });

  it('are refused for frozen records (on an issued certificate)', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, INSTITUTE, '2025-05-15 09:00', '2025-05-15 12:00');
    const rec = await servedPair(t.database, a, v.id, at('2025-05-15', '09:00'), at('2025-05-15', '11:00'));
    expect((await yongzhong.post(`/api/hours/${rec.id}/approve`, {})).statusCode).toBe(200);
    await t.database.db.execute(sql`update service_records set frozen = true where id = ${rec.id}`);
    const body = { ...times('2025-05-15', '09:00', '10:00'), reason: '更正' };
    const staff = await yongzhong.post(`/api/hours/${rec.id}/corrections`, body);
    expect(staff.statusCode).toBe(409);
    expect(staff.json().error.code).toBe('record_frozen');
    expect((await v.agent.post(`/api/volunteer/hours/${rec.id}/corrections`, body)).json().error.code).toBe('record_frozen');
    expect((await yongzhong.get(`/api/hours/${rec.id}`)).json().history).toHaveLength(1);
  });

  it('by staff need hours.manage over the record', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const a = await pastActivity(t.database, INSTITUTE, '2025-05-16 09:00', '2025-05-16 12:00');
    const rec = await servedPair(t.database, a, v.id, at('2025-05-16', '09:00'), at('2025-05-16', '11:00'));
    expect((await puzhou.post(`/api/hours/${rec.id}/corrections`, { ...times('2025-05-16', '09:00', '10:00'), reason: '更正' })).statusCode).toBe(403);
  });
});

describe('totals', () => {
  it('sum approved minutes by child unit and by team across months', async () => {
    const v = await makeVolunteer(t.app, t.database);
    const station = await firstStationOf(t.database, '330303002');
    const team = await teamIn(t.database, '330303002');
    const puzhouId = await unitId(t.database, '330303002');
    const jan = await pastActivity(t.database, '330303002', '2024-01-10 09:00', '2024-01-10 12:00', team);
    const febInst = await pastActivity(t.database, '330303002', '2024-02-10 09:00', '2024-02-10 12:00');
    const febStation = await pastActivity(t.database, station.code, '2024-02-11 09:00', '2024-02-11 12:00');
    const records = [
      await servedPair(t.database, jan, v.id, at('2024-01-10', '09:00'), at('2024-01-10', '10:00')),
      await servedPair(t.database, febInst, v.id, at('2024-02-10', '09:00'), at('2024-02-10', '09:30')),
      await servedPair(t.database, febStation, v.id, at('2024-02-11', '09:00'), at('2024-02-11', '10:30')),
    ];
    // A pending record is not counted.
    await servedPair(t.database, febStation, v.id, at('2024-02-11', '11:00'), at('2024-02-11', '12:00'));
    expect((await puzhou.post('/api/hours/approve', { ids: records.map((r) => r.id) })).json()).toMatchObject({ approved: 3 });

    const both = (await puzhou.get(`/api/hours/totals?unit=${puzhouId}&from=2024-01&to=2024-02&by=unit`)).json();
    expect(both.total).toEqual({ minutes: 180, records: 3 });
    const row = (code: string) => both.rows.find((r: { code: string }) => r.code === code);
    expect(row('330303002')).toMatchObject({ id: puzhouId, minutes: 90, records: 2 });
    expect(row(station.code)).toMatchObject({ id: station.id, minutes: 90, records: 1 });
    expect(both.rows.reduce((s: number, r: { minutes: number }) => s + r.minutes, 0)).toBe(180);

    const feb = (await puzhou.get(`/api/hours/totals?unit=${puzhouId}&from=2024-02&to=2024-02`)).json();
    expect(feb.total).toEqual({ minutes: 120, records: 2 });

    const byTeam = (await puzhou.get(`/api/hours/totals?unit=${puzhouId}&from=2024-01&to=2024-02&by=team`)).json();
    expect(byTeam.rows).toEqual([
      { id: '', name: '', minutes: 120, records: 2 },
      { id: team, name: expect.any(String), minutes: 60, records: 1 },
    ]);

    // From the district: the street is one row with all of it; another institute sees none of it.
    const district2024 = (await district.get('/api/hours/totals?from=2024-01&to=2024-02')).json();
    expect(district2024.rows.find((r: { code: string }) => r.code === '330303002')).toMatchObject({ minutes: 180, records: 3 });
    expect((await yongzhong.get(`/api/hours/totals?unit=${puzhouId}`)).statusCode).toBe(403);
    expect((await puzhou.get(`/api/hours/totals?unit=${puzhouId}&from=2024-03&to=2024-01`)).statusCode).toBe(400);
  });
});
