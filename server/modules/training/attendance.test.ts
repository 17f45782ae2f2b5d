// Attendance, the qualifications a pass grants, the expiring-qualifications list, and cancelling a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { auditOf, DAY, HOUR, makeVolunteer, slot, smsTo, staff, unitIdOf, volunteerAgent, type TestVolunteer } from './training.testing';
import { addMonthsShanghai } from './training-time';

let t: TestContext;
let yongzhong: Agent; // institute admin on 330303001
let puzhou: Agent; // institute admin on 330303002

type Roster = { enrolmentId: string; volunteer: { id: string; number: string }; attended: boolean | null; passed: boolean | null }[];
type Qualification = { id: string; name: string; grantedAt: string; expiresAt: string | null; state: string };
type Expiring = { name: string; daysLeft: number; expiresAt: string; volunteer: { id: string; number: string } };

beforeAll(async () => {
  t = await startTestApp();
  await signInStaff();
});
afterAll(() => t.close());

/** Staff sessions idle out when the clock jumps; sign in again after each jump. */
async function signInStaff() {
  [yongzhong, puzhou] = await Promise.all(['13800000002', '13800000004'].map((p) => staff(t, p)));
}

async function jump(ms: number) {
  t.clock.advance(ms);
  await signInStaff();
}

async function course(body: Record<string, unknown>) {
  const res = await yongzhong.post('/api/school/courses', { unitId: await unitIdOf(t, '330303001'), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: string };
}

async function session(courseId: string, fromNow = HOUR, capacity = 10) {
  const res = await yongzhong.post(`/api/school/courses/${courseId}/sessions`, { ...slot(t, fromNow), place: '实践所培训室', capacity });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; startsAt: string; endsAt: string };
}

async function enrol(v: TestVolunteer, sessionId: string) {
  const res = await v.agent.post('/api/me/school/enrolments', { sessionId });
  expect(res.statusCode, res.body).toBe(200);
}

async function roster(sessionId: string): Promise<Roster> {
  return (await yongzhong.get(`/api/school/sessions/${sessionId}`)).json().roster;
}

const entryOf = (r: Roster, v: TestVolunteer) => r.find((e) => e.volunteer.id === v.id)!.enrolmentId;

async function myQualifications(v: TestVolunteer): Promise<Qualification[]> {
  const agent = await volunteerAgent(t, v.accountId);
  return (await agent.get('/api/me/school/qualifications')).json().items;
}

async function expiring(agent: Agent, days = 30): Promise<Expiring[]> {
  const res = await agent.get(`/api/school/qualifications/expiring?days=${days}&limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('attendance and qualifications', () => {
  let firstAid: { id: string };
  let passer: TestVolunteer;
  let firstSessionEnd: Date;

  it('records attendance after the start; a pass grants the qualification with its expiry', async () => {
    firstAid = await course({ title: '急救员培训', qualification: '急救员', validMonths: 24 });
    const s = await session(firstAid.id);
    firstSessionEnd = new Date(s.endsAt);
    const [a, b, c] = [await makeVolunteer(t, { homeCode: '330303001' }), await makeVolunteer(t), await makeVolunteer(t)];
    passer = a;
    for (const v of [a, b, c]) await enrol(v, s.id);
    let r = await roster(s.id);

    const early = await yongzhong.put(`/api/school/sessions/${s.id}/attendance`, { records: [{ enrolmentId: entryOf(r, a), attended: true, passed: true }] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('开始后');

    await jump(90 * 60_000);
    const absentPass = await yongzhong.put(`/api/school/sessions/${s.id}/attendance`, { records: [{ enrolmentId: entryOf(r, c), attended: false, passed: true }] });
    expect(absentPass.statusCode).toBe(400);
    expect(absentPass.json().error.details.fields[0].field).toBe('records.0.passed');
    expect((await puzhou.put(`/api/school/sessions/${s.id}/attendance`, { records: [{ enrolmentId: entryOf(r, a), attended: true, passed: true }] })).statusCode).toBe(403);

    const saved = await yongzhong.put(`/api/school/sessions/${s.id}/attendance`, {
      records: [
        { enrolmentId: entryOf(r, a), attended: true, passed: true },
        { enrolmentId: entryOf(r, b), attended: true, passed: false },
        { enrolmentId: entryOf(r, c), attended: false, passed: false },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    r = saved.json().roster;
    expect(r.find((e) => e.volunteer.id === a.id)).toMatchObject({ attended: true, passed: true });
    expect(r.find((e) => e.volunteer.id === c.id)).toMatchObject({ attended: false, passed: false });

    const [q] = await myQualifications(a);
    expect(q).toMatchObject({ name: '急救员', grantedAt: firstSessionEnd.toISOString(), state: 'valid' });
    const expected = new Date(firstSessionEnd);
    expected.setUTCFullYear(expected.getUTCFullYear() + 2);
    expect(new Date(q.expiresAt!).getTime()).toBe(addMonthsShanghai(firstSessionEnd, 24).getTime());
    // Two calendar years later to the minute (the 29 February case is covered by training-time.test.ts).
    if (!(firstSessionEnd.getUTCMonth() === 1 && firstSessionEnd.getUTCDate() === 29)) expect(q.expiresAt).toBe(expected.toISOString());
    expect(await myQualifications(b)).toEqual([]);
    expect((await auditOf(t, 'training.qualification_granted')).map((e) => e.object_id)).toEqual([q.id]);
    expect((await auditOf(t, 'training.attendance_recorded')).length).toBe(1);

    const records = (await yongzhong.get(`/api/school/volunteers/${a.id}/records`)).json();
    expect(records.records[0]).toMatchObject({ courseTitle: '急救员培训', attended: true, passed: true });
    expect((await puzhou.get(`/api/school/volunteers/${a.id}/records`)).statusCode).toBe(403);
  });

  it('takes a pass back by revoking the grant it made', async () => {
    const s = await session(firstAid.id, -HOUR);
    const v = await makeVolunteer(t);
    await yongzhong.post(`/api/school/sessions/${s.id}/enrolments`, { number: v.number });
    const id = entryOf(await roster(s.id), v);
    await yongzhong.put(`/api/school/sessions/${s.id}/attendance`, { records: [{ enrolmentId: id, attended: true, passed: true }] });
    expect((await myQualifications(v)).map((q) => q.name)).toEqual(['急救员']);
    await yongzhong.put(`/api/school/sessions/${s.id}/attendance`, { records: [{ enrolmentId: id, attended: true, passed: false }] });
    expect(await myQualifications(v)).toEqual([]);
    expect((await auditOf(t, 'training.qualification_revoked')).length).toBe(1);
  });

  it('lists a qualification expiring within 30 days to staff in scope, until it is renewed', async () => {
    // Move to 20 days before the first grant expires.
    const expiresAt = addMonthsShanghai(firstSessionEnd, 24);
    await jump(expiresAt.getTime() - 20 * DAY - t.clock.now().getTime());
    const soon = (await expiring(yongzhong)).find((e) => e.volunteer.id === passer.id);
    expect(soon).toMatchObject({ name: '急救员', daysLeft: 20, expiresAt: expiresAt.toISOString(), volunteer: { number: passer.number } });
    expect((await expiring(yongzhong, 10)).some((e) => e.volunteer.id === passer.id)).toBe(false);
    expect((await expiring(puzhou)).some((e) => e.volunteer.id === passer.id)).toBe(false);
    expect((await myQualifications(passer))[0].state).toBe('expiring');

    // Passing the course again renews it: a new grant, the old one kept as history.
    const s = await session(firstAid.id);
    await enrol({ ...passer, agent: await volunteerAgent(t, passer.accountId) }, s.id);
    await jump(2 * HOUR);
    const id = entryOf(await roster(s.id), passer);
    expect((await yongzhong.put(`/api/school/sessions/${s.id}/attendance`, { records: [{ enrolmentId: id, attended: true, passed: true }] })).statusCode).toBe(200);
    expect((await expiring(yongzhong)).some((e) => e.volunteer.id === passer.id)).toBe(false);
    const mine = await myQualifications(passer);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ name: '急救员', grantedAt: new Date(s.endsAt).toISOString(), state: 'valid' });
    const history = (await yongzhong.get(`/api/school/volunteers/${passer.id}/records`)).json().qualifications;
    expect(history.map((q: Qualification) => q.state)).toEqual(['valid', 'renewed']);
  });
});

describe('cancelling a session', () => {
  it('texts every enrolled volunteer once and takes the session off the list', async () => {
    const c = await course({ title: '应急救援基础', qualification: '应急救援员', validMonths: 24 });
    const s = await session(c.id, 2 * DAY);
    const [a, b, other] = [await makeVolunteer(t), await makeVolunteer(t), await makeVolunteer(t)];
    await enrol(a, s.id);
    await enrol(b, s.id);

    expect((await puzhou.post(`/api/school/sessions/${s.id}/cancel`, {})).statusCode).toBe(403);
    const res = await yongzhong.post(`/api/school/sessions/${s.id}/cancel`, { reason: '台风预警' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', phase: 'cancelled' });
    for (const v of [a, b]) {
      const sms = await smsTo(t, v.phone);
      expect(sms).toHaveLength(1);
      expect(sms[0]).toMatchObject({ purpose: 'school:session_cancelled' });
      expect(sms[0].text).toContain('应急救援基础');
      expect(sms[0].text).toContain('台风预警');
    }
    expect(await smsTo(t, other.phone)).toEqual([]);
    expect((await yongzhong.post(`/api/school/sessions/${s.id}/cancel`, {})).statusCode).toBe(200);
    expect(await smsTo(t, a.phone)).toHaveLength(1);
    const listed = (await other.agent.get('/api/me/school/sessions')).json().items;
    expect(listed.some((x: { id: string }) => x.id === s.id)).toBe(false);
    const late = await other.agent.post('/api/me/school/enrolments', { sessionId: s.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('已取消');
  });
});
