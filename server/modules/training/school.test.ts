// Courses, sessions and enrolment: staff work in their scope; volunteers take places while places are left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DAY, HOUR, makeVolunteer, siteIn, slot, staff, unitIdOf } from './training.testing';

let t: TestContext;
let yongzhong: Agent; // institute admin on 330303001
let station: Agent; // station admin on 330303001001
let puzhou: Agent; // institute admin on 330303002

type Course = { id: string; title: string; unit: { code: string }; qualification: string | null; validMonths: number | null; upcomingCount: number };
type MySession = { id: string; placesLeft: number; enrolled: boolean; course: { title: string }; place: string };

beforeAll(async () => {
  t = await startTestApp();
  [yongzhong, station, puzhou] = await Promise.all(['13800000002', '13800000003', '13800000004'].map((p) => staff(t, p)));
});
afterAll(() => t.close());

async function newCourse(agent: Agent, code: string, body: Record<string, unknown> = {}) {
  return agent.post('/api/school/courses', { unitId: await unitIdOf(t, code), title: '急救员培训', qualification: '急救员', validMonths: 24, ...body });
}

async function newSession(courseId: string, body: Record<string, unknown> = {}) {
  const res = await yongzhong.post(`/api/school/courses/${courseId}/sessions`, { ...slot(t, 3 * DAY), place: '永中街道实践所二楼', teacher: '王医生', capacity: 2, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; placesLeft: number; site: { name: string } | null; phase: string };
}

describe('courses', () => {
  it('are created and edited in scope, and refused outside it', async () => {
    const res = await newCourse(yongzhong, '330303001', { description: '心肺复苏与 AED 使用' });
    expect(res.statusCode, res.body).toBe(201);
    const course: Course = res.json();
    expect(course).toMatchObject({ title: '急救员培训', unit: { code: '330303001' }, qualification: '急救员', validMonths: 24 });

    expect((await newCourse(yongzhong, '330303002')).statusCode).toBe(403);
    expect((await puzhou.get(`/api/school/courses/${course.id}`)).statusCode).toBe(403);
    expect((await station.patch(`/api/school/courses/${course.id}`, { title: '改名' })).statusCode).toBe(403);
    const puzhouList = (await puzhou.get('/api/school/courses?limit=100')).json();
    expect(puzhouList.items.some((c: Course) => c.id === course.id)).toBe(false);
    const own = (await yongzhong.get('/api/school/courses?limit=100')).json();
    expect(own.items.some((c: Course) => c.id === course.id)).toBe(true);

    const edited = await yongzhong.patch(`/api/school/courses/${course.id}`, { qualification: '', status: 'closed' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ qualification: null, validMonths: null, status: 'closed' });
  });

  it('names the field of a bad course', async () => {
    const res = await newCourse(yongzhong, '330303001', { title: '  ', validMonths: 0 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.validMonths']));
  });
});

describe('sessions', () => {
  it('need an end after the start and a site in scope or a place', async () => {
    const course: Course = (await newCourse(yongzhong, '330303001')).json();
    const backwards = await yongzhong.post(`/api/school/courses/${course.id}/sessions`, { ...slot(t, DAY, -1), place: '教室', capacity: 10 });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.fields[0].field).toBe('endsAt');

    const nowhere = await yongzhong.post(`/api/school/courses/${course.id}/sessions`, { ...slot(t, DAY), capacity: 10 });
    expect(nowhere.json().error.details.fields[0].field).toBe('place');

    const foreignSite = await siteIn(t, '330303002');
    const foreign = await yongzhong.post(`/api/school/courses/${course.id}/sessions`, { ...slot(t, DAY), siteId: foreignSite.id, capacity: 10 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.fields[0].field).toBe('siteId');

    const zero = await yongzhong.post(`/api/school/courses/${course.id}/sessions`, { ...slot(t, DAY), place: '教室', capacity: 0 });
    expect(zero.statusCode).toBe(400);

    const ownSite = await siteIn(t, '330303001001');
    const session = await newSession(course.id, { siteId: ownSite.id, place: '' });
    expect(session.site?.name).toBe(ownSite.name);
    expect(session.phase).toBe('upcoming');
    const listed = (await yongzhong.get(`/api/school/courses/${course.id}/sessions`)).json();
    expect(listed.items.map((s: { id: string }) => s.id)).toEqual([session.id]);
    expect((await puzhou.post(`/api/school/courses/${course.id}/sessions`, { ...slot(t, DAY), place: '教室', capacity: 5 })).statusCode).toBe(403);
  });
});

describe('enrolment', () => {
  it('fills a session up, then says clearly that it is full', async () => {
    const course: Course = (await newCourse(yongzhong, '330303001', { title: '助老服务技能' })).json();
    const session = await newSession(course.id, { capacity: 2 });
    const [a, b, c] = [await makeVolunteer(t), await makeVolunteer(t), await makeVolunteer(t)];

    const before = (await a.agent.get('/api/me/school/sessions')).json().items.find((s: MySession) => s.id === session.id);
    expect(before).toMatchObject({ placesLeft: 2, enrolled: false, course: { title: '助老服务技能' }, place: '永中街道实践所二楼' });

    const first = await a.agent.post('/api/me/school/enrolments', { sessionId: session.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ enrolled: true, placesLeft: 1 });
    // Asking twice keeps one place.
    expect((await a.agent.post('/api/me/school/enrolments', { sessionId: session.id })).json()).toMatchObject({ enrolled: true, placesLeft: 1 });

    expect((await b.agent.post('/api/me/school/enrolments', { sessionId: session.id })).json()).toMatchObject({ enrolled: true, placesLeft: 0 });
    const full = await c.agent.post('/api/me/school/enrolments', { sessionId: session.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'conflict', message: expect.stringContaining('名额已满') });

    // Giving a place back frees it for the next.
    expect((await a.agent.del(`/api/me/school/enrolments/${session.id}`)).statusCode).toBe(204);
    expect((await c.agent.post('/api/me/school/enrolments', { sessionId: session.id })).json()).toMatchObject({ enrolled: true, placesLeft: 0 });
    const roster = (await yongzhong.get(`/api/school/sessions/${session.id}`)).json().roster;
    expect(roster.map((r: { volunteer: { number: string } }) => r.volunteer.number).sort()).toEqual([b.number, c.number].sort());
    expect(roster[0].volunteer.phoneMasked).toMatch(/^177\*{4}\d{4}$/);
  });

  it('gives the last place to exactly one of two volunteers asking at once', async () => {
    const course: Course = (await newCourse(yongzhong, '330303001', { title: '宣讲技巧' })).json();
    const session = await newSession(course.id, { capacity: 1 });
    const [a, b] = [await makeVolunteer(t), await makeVolunteer(t)];
    const answers = await Promise.all([a, b].map((v) => v.agent.post('/api/me/school/enrolments', { sessionId: session.id })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await yongzhong.get(`/api/school/sessions/${session.id}`)).json().session).toMatchObject({ enrolled: 1, placesLeft: 0 });
  });

  it('refuses a session that has started, a pending volunteer and a staff account', async () => {
    const course: Course = (await newCourse(yongzhong, '330303001')).json();
    const started = await newSession(course.id, { ...slot(t, -HOUR, 3) });
    expect(started.phase).toBe('ongoing');
    const v = await makeVolunteer(t);
    const late = await v.agent.post('/api/me/school/enrolments', { sessionId: started.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('已开始');
    expect((await v.agent.get('/api/me/school/sessions')).json().items.some((s: MySession) => s.id === started.id)).toBe(false);

    const upcoming = await newSession(course.id);
    const pending = await makeVolunteer(t, { status: 'pending' });
    const refused = await pending.agent.post('/api/me/school/enrolments', { sessionId: upcoming.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('审核');
    expect((await yongzhong.post('/api/me/school/enrolments', { sessionId: upcoming.id })).statusCode).toBe(403);
    expect((await yongzhong.get(`/api/school/sessions/${upcoming.id}`)).json().session.enrolled).toBe(0);
  });

  it('lets staff enrol a volunteer by number, and names the field when the number is unknown', async () => {
    const course: Course = (await newCourse(yongzhong, '330303001')).json();
    const session = await newSession(course.id, { capacity: 5 });
    const v = await makeVolunteer(t, { name: '李阿姨' });
    const unknown = await yongzhong.post(`/api/school/sessions/${session.id}/enrolments`, { number: 'V999999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('number');
    const pending = await makeVolunteer(t, { status: 'pending' });
    expect((await yongzhong.post(`/api/school/sessions/${session.id}/enrolments`, { number: pending.number })).statusCode).toBe(400);

    const ok = await yongzhong.post(`/api/school/sessions/${session.id}/enrolments`, { number: v.number.toLowerCase() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().roster.map((r: { volunteer: { name: string } }) => r.volunteer.name)).toEqual(['李阿姨']);
    expect((await v.agent.get('/api/me/school/sessions')).json().items.find((s: MySession) => s.id === session.id).enrolled).toBe(true);
    expect((await puzhou.post(`/api/school/sessions/${session.id}/enrolments`, { number: v.number })).statusCode).toBe(403);
  });
});
