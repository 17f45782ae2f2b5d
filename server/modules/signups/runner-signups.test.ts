// The runner's sign-up list: who may see it (staff of the scope, the team's leaders), phones in full only for
// staff, adding a volunteer under the same rules, cancelling with a reason at any time (the waiting list moves
// up), audit entries, and the .xlsx export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { rowsOf } from '../../db/client';
import { agentWithCookie, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { matrixContext, type MatrixCtx } from '../../testing/matrix';
import { servedPair } from '../../testing/participation-fixtures';
import { teamIn } from '../activities/activities.testing';
import { activityIn, makeVolunteer, notificationsOf, smsTo, STATION } from './signups.testing';

let t: TestContext;
let ctx: MatrixCtx;
let staff: Agent;

type Row = { id: string; kind: string; status: string; position: number | null; name: string; phone: string; volunteerId: string | null; checkedIn: boolean; minutes: number };

async function auditCount(action: string, objectId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and object_id = ${objectId}`));
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestApp();
  ctx = await matrixContext(t.app, t.database);
  staff = agentWithCookie(t.app, await ctx.sessionFor('station_admin', STATION));
});
afterAll(() => t.close());

describe('the runner’s list', () => {
  it('shows volunteers and citizens with check-in and minutes; phones in full for staff, masked for a team leader', async () => {
    const team = await teamIn(t.database, STATION);
    const a = await activityIn(t.database, -1, { volunteerSlots: 1, citizenPlaces: 2, teamId: team });
    const served = await makeVolunteer(t, ctx, { name: '已签到的人' });
    const waiting = await makeVolunteer(t, ctx, { name: '候补的人' });
    for (const v of [served, waiting]) expect((await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/public/activities/${a.id}/bookings`, payload: { name: '赵大爷', phone: '13811112222' } });
    await servedPair(t.database, a, served.volunteerId, a.startsAt, new Date(a.startsAt.getTime() + 50 * 60_000));

    const res = await staff.get(`/api/activities/${a.id}/signups`);
    expect(res.statusCode, res.body).toBe(200);
    const rows: Row[] = res.json().items;
    expect(rows.map((r) => [r.name, r.kind, r.status, r.position])).toEqual([
      ['已签到的人', 'volunteer', 'confirmed', null],
      ['候补的人', 'volunteer', 'waitlisted', 1],
      ['赵大爷', 'citizen', 'confirmed', null],
    ]);
    expect(rows[0]).toMatchObject({ checkedIn: true, minutes: 50, phone: served.phone });
    expect(rows[1]).toMatchObject({ checkedIn: false, minutes: 0 });
    expect(rows[2].phone).toBe('13811112222');
    const citizens = (await staff.get(`/api/activities/${a.id}/signups?kind=citizen`)).json().items;
    expect(citizens.map((r: Row) => r.name)).toEqual(['赵大爷']);

    const leader = await makeVolunteer(t, ctx);
    await t.database.db.execute(sql`insert into team_members (team_id, volunteer_id, role, status) values (${team}, ${leader.volunteerId}, 'leader', 'active')`);
    const asLeader = await leader.agent.get(`/api/activities/${a.id}/signups`);
    expect(asLeader.statusCode, asLeader.body).toBe(200);
    expect(asLeader.json().items.map((r: Row) => r.phone)).toContain('138****2222');
    expect(asLeader.body).not.toContain('13811112222');

    const stranger = agentWithCookie(t.app, await ctx.sessionFor('station_admin', '330303002001'));
    expect((await stranger.get(`/api/activities/${a.id}/signups`)).statusCode).toBe(403);
  });
});

describe('adding and cancelling', () => {
  it('adds a volunteer under the same rules, even after the cut-off, and audits it', async () => {
    const a = await activityIn(t.database, 1, { volunteerSlots: 1, requiredSkills: ['急救'] });
    const unskilled = await makeVolunteer(t, ctx, { name: '没学急救' });
    const refused = await staff.post(`/api/activities/${a.id}/signups`, { volunteerId: unskilled.volunteerId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'signup_requirements_unmet', details: { missingSkills: ['急救'] } });
    expect(refused.json().error.message).toContain('没学急救');

    const medic = await makeVolunteer(t, ctx, { skills: ['急救'], name: '会急救' });
    const added = await staff.post(`/api/activities/${a.id}/signups`, { volunteerId: medic.volunteerId });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'volunteer', status: 'confirmed', name: '会急救', volunteerId: medic.volunteerId });
    expect(await auditCount('signup.added', added.json().id)).toBe(1);
    expect((await notificationsOf(t.database, medic.volunteerId)).map((n) => n.purpose)).toEqual(['signup:added']);

    const medic2 = await makeVolunteer(t, ctx, { skills: ['急救'] });
    expect((await staff.post(`/api/activities/${a.id}/signups`, { volunteerId: medic2.volunteerId })).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    const twice = await staff.post(`/api/activities/${a.id}/signups`, { volunteerId: medic.volunteerId });
    expect(twice.json().error.code).toBe('already_signed_up');
    const unknown = await staff.post(`/api/activities/${a.id}/signups`, { volunteerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('volunteerId');
  });

  it('cancels any time with a reason; the waiting list moves up; both people are told', async () => {
    // Starts in an hour: past the volunteers' own cut-off, not the runner's.
    const a = await activityIn(t.database, 1, { volunteerSlots: 1 });
    const holder = await makeVolunteer(t, ctx);
    const waiting = await makeVolunteer(t, ctx);
    for (const v of [holder, waiting]) await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    const signupId = (await holder.agent.get(`/api/volunteer/activities/${a.id}/signup`)).json().signup.id;

    const missing = await staff.post(`/api/activities/${a.id}/signups/${signupId}/cancel`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].field).toContain('reason');

    const res = await staff.post(`/api/activities/${a.id}/signups/${signupId}/cancel`, { reason: '临时调整人员' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: signupId, status: 'cancelled' });
    expect(res.json().cancelledAt).not.toBeNull();
    expect((await waiting.agent.get(`/api/volunteer/activities/${a.id}/signup`)).json().signup.status).toBe('confirmed');
    expect((await notificationsOf(t.database, waiting.volunteerId)).map((n) => n.purpose)).toEqual(['signup:promoted']);
    const told = await notificationsOf(t.database, holder.volunteerId);
    expect(told.map((n) => n.purpose)).toEqual(['signup:cancelled']);
    expect(told[0].body).toContain('临时调整人员');
    expect((await smsTo(t.database, waiting.phone)).map((s) => s.purpose)).toEqual(['signup:promoted']);
    const [entry] = rowsOf<{ details: { reason: string } }>(
      await t.database.db.execute(sql`select details from audit_log where action = 'signup.cancelled' and object_id = ${signupId}`),
    );
    expect(entry.details.reason).toBe('临时调整人员');

    const other = await activityIn(t.database, 48);
    expect((await staff.post(`/api/activities/${other.id}/signups/${signupId}/cancel`, { reason: '错' })).statusCode).toBe(404);
  });
});

describe('the export', () => {
  it('is an .xlsx that opens and lists every sign-up and booking', async () => {
    const a = await activityIn(t.database, 24, { volunteerSlots: 2, citizenPlaces: 2 });
    const v = await makeVolunteer(t, ctx, { name: '导出志愿者' });
    await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    await t.app.inject({ method: 'POST', url: `/api/public/activities/${a.id}/bookings`, payload: { name: '导出群众', phone: '13822223333' } });

    const res = await staff.get(`/api/activities/${a.id}/signups.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(a.title);
    expect(cells).toContain('导出志愿者');
    expect(cells).toContain('导出群众');
    expect(cells).toContain('13822223333');
    expect(cells).toContain(v.phone);
    expect(sheet.rowCount).toBe(5);
  });
});

describe('the activity’s sign-up settings', () => {
  it('lets staff set the cancel cut-off and the geofence, with defaults and limits', async () => {
    const unitId = await ctx.unitId(STATION);
    const body = { title: '设置测试', topic: 'culture_life', unitId, startsAt: '2040-03-01T09:00:00+08:00', endsAt: '2040-03-01T11:00:00+08:00' };
    const plain = await staff.post('/api/activities', body);
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json().activities[0]).toMatchObject({ cancelCutoffMinutes: 120, geofenceMeters: null });

    const set = await staff.post('/api/activities', { ...body, cancelCutoffMinutes: 1440, geofenceMeters: 300 });
    const id = set.json().activities[0].id;
    expect(set.json().activities[0]).toMatchObject({ cancelCutoffMinutes: 1440, geofenceMeters: 300 });
    const patched = await staff.patch(`/api/activities/${id}`, { cancelCutoffMinutes: 0, geofenceMeters: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ cancelCutoffMinutes: 0, geofenceMeters: null });
    expect((await staff.get(`/api/activities/${id}`)).json()).toMatchObject({ cancelCutoffMinutes: 0, geofenceMeters: null });

    for (const [field, value] of [['cancelCutoffMinutes', 10081], ['cancelCutoffMinutes', -1], ['geofenceMeters', 49], ['geofenceMeters', 5001], ['geofenceMeters', 100.5]] as const) {
      const res = await staff.patch(`/api/activities/${id}`, { [field]: value });
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(res.json().error.details.fields[0].field).toContain(field);
    }
  });
});
