import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../testing/harness';
import { closeFinishedAttendances } from './auto-close.job';
import { attendanceKit, type Person } from './attendance.testing';

let t: TestContext;
let kit: Awaited<ReturnType<typeof attendanceKit>>;
const MIN = 60_000;
const errorOf = (res: { json(): { error: { code: string } } }) => res.json().error.code;

beforeAll(async () => {
  t = await startTestApp();
  kit = await attendanceKit(t);
});
afterAll(() => t.close());

const manual = (accountId: string, activityId: string, body: Record<string, unknown>) =>
  kit.as(accountId, { method: 'POST', url: `/api/activities/${activityId}/attendance/manual`, payload: body });
const ago = (minutes: number) => new Date(t.clock.now().getTime() - minutes * MIN).toISOString();

describe('manual check-in by the runner', () => {
  it('checks a volunteer in and out by hand, recorded as manual with the account, audited, and listed', async () => {
    const a = await kit.activity(-60, 60);
    const v = await kit.volunteer(a.id);
    const absent = await kit.volunteer(a.id);
    const inAt = ago(40);
    const inRes = await manual(kit.runnerId, a.id, { volunteerId: v.volunteerId, action: 'in', at: inAt });
    expect(inRes.statusCode, inRes.body).toBe(200);
    expect(inRes.json()).toMatchObject({ attendance: { inMethod: 'manual', checkedOutAt: null, checkedInAt: inAt }, record: null });
    const outRes = await manual(kit.runnerId, a.id, { volunteerId: v.volunteerId, action: 'out', at: new Date(Date.parse(inAt) + 30 * MIN).toISOString() });
    expect(outRes.statusCode, outRes.body).toBe(200);
    expect(outRes.json()).toMatchObject({ attendance: { outMethod: 'manual' }, record: { minutes: 30, status: 'pending' } });

    const pairId = inRes.json().attendance.id;
    const row = await kit.one<{ in_by: string; out_by: string }>(sql`select in_by, out_by from attendances where id = ${pairId}`);
    expect(row).toEqual({ in_by: kit.runnerId, out_by: kit.runnerId });
    const audits = await kit.one<{ n: number }>(
      sql`select count(*)::int as n from audit_log where object_id = ${pairId} and action in ('attendance.manual_check_in', 'attendance.manual_check_out') and actor_id = ${kit.runnerId}`,
    );
    expect(audits.n).toBe(2);

    const list = await kit.as(kit.runnerId, { method: 'GET', url: `/api/activities/${a.id}/attendance` });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { volunteerId: string; signupStatus: string; pairs: unknown[]; minutes: number }[];
    expect(items.find((i) => i.volunteerId === v.volunteerId)).toMatchObject({ signupStatus: 'confirmed', minutes: 30, pairs: [{ id: pairId }] });
    expect(items.find((i) => i.volunteerId === absent.volunteerId)).toMatchObject({ signupStatus: 'confirmed', minutes: 0, pairs: [] });
  });

  it('refuses a station admin of another station and writes nothing', async () => {
    const a = await kit.activity(-60, 60);
    const v = await kit.volunteer(a.id);
    const other = await kit.ctx.makeAccount([{ role: 'station_admin', code: '330303001002' }]);
    const res = await manual(other.id, a.id, { volunteerId: v.volunteerId, action: 'in' });
    expect(res.statusCode).toBe(403);
    expect(await kit.pairCount(v.volunteerId)).toBe(0);
    expect((await kit.as(other.id, { method: 'GET', url: `/api/activities/${a.id}/attendance` })).statusCode).toBe(403);
    expect((await kit.as(other.id, { method: 'GET', url: `/api/activities/${a.id}/checkin-code` })).statusCode).toBe(403);
  });

  it('lets the leader of the activity’s team run it', async () => {
    const teamId = (await kit.one<{ id: string }>(sql`insert into teams (name, unit_id, unit_code, specialty, join_token)
      select '签到测试队', id, code, 'culture', 'attendance-team-token' from units where code = '330303001001' returning id`)).id;
    const a = await kit.activity(-60, 60, { teamId });
    const leader = await kit.volunteer();
    await t.database.db.execute(sql`insert into team_members (team_id, volunteer_id, role, status) values (${teamId}, ${leader.volunteerId}, 'leader', 'active')`);
    const v = await kit.volunteer(a.id);
    const res = await manual(leader.accountId, a.id, { volunteerId: v.volunteerId, action: 'in' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('applies the sign-up, time and pair rules, and refuses a time in the future', async () => {
    const a = await kit.activity(-60, 60);
    const v = await kit.volunteer(a.id);
    const stranger = await kit.volunteer();
    expect(errorOf(await manual(kit.runnerId, a.id, { volunteerId: stranger.volunteerId, action: 'in' }))).toBe('not_signed_up');
    const future = await manual(kit.runnerId, a.id, { volunteerId: v.volunteerId, action: 'in', at: new Date(t.clock.now().getTime() + 5 * MIN).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0].field).toBe('at');
    // Before the opening hour.
    expect(errorOf(await manual(kit.runnerId, a.id, { volunteerId: v.volunteerId, action: 'in', at: ago(121) }))).toBe('checkin_not_open');
    expect(errorOf(await manual(kit.runnerId, a.id, { volunteerId: v.volunteerId, action: 'out' }))).toBe('not_checked_in');
    expect((await manual(kit.runnerId, a.id, { volunteerId: v.volunteerId, action: 'in', at: ago(30) })).statusCode).toBe(200);
    expect(errorOf(await manual(kit.runnerId, a.id, { volunteerId: v.volunteerId, action: 'in' }))).toBe('already_checked_in');
    const before = await manual(kit.runnerId, a.id, { volunteerId: v.volunteerId, action: 'out', at: ago(31) });
    expect(before.json().error.details.fields[0].field).toBe('at');
    expect(await kit.pairCount(v.volunteerId)).toBe(1);
  });
});

describe('auto-close job', () => {
  const checkIn = async (p: Person, activityId: string) => {
    const res = await kit.scan(p, { code: (await kit.codeOf(activityId, 'in')).code });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('closes open pairs of activities over for 30 minutes at the end, flags them, and does nothing more the second time', async () => {
    const ended = await kit.activity(-30, 30);
    const running = await kit.activity(-30, 120);
    const forgot = await kit.volunteer(ended.id);
    const done = await kit.volunteer(ended.id);
    const stillThere = await kit.volunteer(running.id);
    await checkIn(forgot, ended.id);
    await checkIn(done, ended.id);
    await checkIn(stillThere, running.id);
    t.clock.advance(20 * MIN);
    expect((await kit.scan(done, { code: (await kit.codeOf(ended.id, 'out')).code })).statusCode).toBe(200);
    const inAt = new Date((await kit.myPairs(forgot, ended.id))[0].checkedInAt);

    // 25 minutes after the end the check-out is still open: nothing closes.
    t.clock.advance(35 * MIN);
    expect(await closeFinishedAttendances(kit.jobDeps, t.clock.now())).toBe(0);

    t.clock.advance(10 * MIN);
    expect(await closeFinishedAttendances(kit.jobDeps, t.clock.now())).toBeGreaterThanOrEqual(1);
    const [pair] = await kit.myPairs(forgot, ended.id);
    expect(pair).toMatchObject({ checkedOutAt: ended.endsAt.toISOString(), outMethod: 'auto', autoClosed: true });
    const records = await kit.records(forgot.volunteerId);
    expect(records).toHaveLength(1);
    expect(records[0].flags).toContain('auto_closed');
    expect(records[0].minutes).toBe(Math.floor((ended.endsAt.getTime() - inAt.getTime()) / MIN));
    // The one who checked out and the activity still running are untouched.
    expect((await kit.myPairs(done, ended.id))[0]).toMatchObject({ outMethod: 'qr', autoClosed: false });
    expect((await kit.myPairs(stillThere, running.id))[0].checkedOutAt).toBeNull();

    expect(await closeFinishedAttendances(kit.jobDeps, t.clock.now())).toBe(0);
    expect(await kit.records(forgot.volunteerId)).toHaveLength(1);
    expect(await kit.records(done.volunteerId)).toHaveLength(1);
  });
});
