import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { activityBody, inHours, siteIn, teamIn, unitId } from './activities.testing';
import { localWeek } from './activity-time';

let t: TestContext;
let station: Agent;
let stationId: string;
const made: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  station = await signIn(t.app, '13800000003', DEMO_PASSWORD);
  stationId = await unitId(t.database, '330303001001');
  const site = await siteIn(t.database, '330303001001');
  const team = await teamIn(t.database, '330303001001');
  const create = async (name: string, over: Record<string, unknown>, then?: 'submit' | 'cancel') => {
    const a = (await station.post('/api/activities', activityBody(stationId, { title: name, siteId: site.id, teamId: team, ...over }))).json().activities[0];
    if (then) await station.post(`/api/activities/${a.id}/submit`);
    if (then === 'cancel') await station.post(`/api/activities/${a.id}/cancel`, { reason: '取消' });
    made[name] = a.id;
  };
  await create('公开-草稿', {});
  await create('公开-已发布', {}, 'submit');
  await create('公开-已取消', {}, 'cancel');
  await create('公开-已结束', { startsAt: inHours(1), endsAt: inHours(1.5) }, 'submit');
  // The next one ends before the test reads the list (the clock is moved past it).
  t.clock.advance(2 * 3600_000);
});
afterAll(() => t.close());

describe('public activity list', () => {
  it('shows only published activities that have not ended, without personal data, and without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/activities?station=330303001001&limit=100` });
    expect(res.statusCode, res.body).toBe(200);
    const titles = res.json().items.map((a: { title: string }) => a.title);
    expect(titles).toContain('公开-已发布');
    for (const hidden of ['公开-草稿', '公开-已取消', '公开-已结束']) expect(titles).not.toContain(hidden);
    const item = res.json().items.find((a: { title: string }) => a.title === '公开-已发布');
    expect(Object.keys(item).sort()).toEqual(
      ['address', 'brands', 'citizenPlaces', 'description', 'endsAt', 'id', 'posterUrl', 'site', 'startsAt', 'status', 'teamName', 'title', 'topic', 'topicLabel', 'unitName', 'volunteerSlots'].sort(),
    );
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    expect(res.body).not.toMatch(/createdBy|reviewedBy|reviewNote|accountId/);
  });

  it('filters by street and topic, and refuses an unknown station naming the field', async () => {
    const street = (await t.app.inject({ method: 'GET', url: '/api/public/activities?street=330303002&limit=100' })).json();
    expect(street.items.map((a: { id: string }) => a.id)).not.toContain(made['公开-已发布']);
    const topic = (await t.app.inject({ method: 'GET', url: '/api/public/activities?topic=study_policy&limit=100' })).json();
    expect(topic.items.map((a: { id: string }) => a.id)).not.toContain(made['公开-已发布']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/activities?station=330303001' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('station');
  });

  it("lists this week's published activities at a site by its civic code", async () => {
    const site = await siteIn(t.database, '330303001001');
    station = await signIn(t.app, '13800000003', DEMO_PASSWORD);
    const now = t.clock.now();
    const week = localWeek(now);
    // Later today (the week ends at the coming Monday 00:00 local), or, in the last minutes of a week, just now.
    const end = new Date(Math.min(now.getTime() + 40 * 60_000, week.to.getTime() - 60_000));
    const start = new Date(end.getTime() - 30 * 60_000);
    const thisWeek = (await station.post('/api/activities', activityBody(stationId, { title: '本周活动', siteId: site.id, startsAt: start.toISOString(), endsAt: end.toISOString() }))).json().activities[0];
    await station.post(`/api/activities/${thisWeek.id}/submit`);
    const res = await t.app.inject({ method: 'GET', url: `/api/public/sites/${site.civic_token}/activities` });
    expect(res.statusCode, res.body).toBe(200);
    const titles = res.json().items.map((a: { title: string }) => a.title);
    expect(titles).toContain('本周活动');
    expect(titles).not.toContain('公开-草稿');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/sites/nope-token/activities' })).statusCode).toBe(404);
  });
});
