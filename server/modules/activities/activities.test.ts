import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { civicCodePng } from '../network/civic-code.service';
import { multipartFile } from '../network/network.testing';
import { activityBody, auditCount, inHours, siteIn, teamIn, unitId } from './activities.testing';

let t: TestContext;
let district: Agent;
let yongzhong: Agent; // institute admin 330303001
let station: Agent; // station admin 330303001001
let puzhou: Agent; // institute admin 330303002
let stationId: string;

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
  stationId = await unitId(t.database, '330303001001');
});
afterAll(() => t.close());

describe('scope', () => {
  it('lets a station admin create an activity at their station with its site and team, and audits it', async () => {
    const site = await siteIn(t.database, '330303001001');
    const team = await teamIn(t.database, '330303001001');
    const res = await station.post('/api/activities', activityBody(stationId, { siteId: site.id, teamId: team }));
    expect(res.statusCode, res.body).toBe(201);
    const [a] = res.json().activities;
    expect(a).toMatchObject({ status: 'draft', unit: { code: '330303001001', level: 'station' }, site: { id: site.id }, team: { id: team }, seriesId: null });
    expect(await auditCount(t.database, 'activity.created', a.id)).toBe(1);
    // The institute above and the district see it; a sibling institute does not.
    expect((await yongzhong.get(`/api/activities/${a.id}`)).statusCode).toBe(200);
    expect((await district.get(`/api/activities?unit=${stationId}&limit=100`)).json().items.map((x: { id: string }) => x.id)).toContain(a.id);
    expect((await puzhou.get(`/api/activities/${a.id}`)).statusCode).toBe(403);
    expect((await puzhou.get('/api/activities?limit=100')).json().items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expect((await puzhou.patch(`/api/activities/${a.id}`, { title: '改名' })).statusCode).toBe(403);
  });

  it('refuses an organizing unit, site or team outside the caller’s scope, naming the field', async () => {
    const sibling = await unitId(t.database, '330303001002');
    expect((await station.post('/api/activities', activityBody(sibling))).statusCode).toBe(403);
    const otherSite = await siteIn(t.database, '330303002');
    const res = await station.post('/api/activities', activityBody(stationId, { siteId: otherSite.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('siteId');
    const otherTeam = await teamIn(t.database, '330303002');
    const res2 = await station.post('/api/activities', activityBody(stationId, { teamId: otherTeam }));
    expect(res2.json().error.details.fields[0].field).toBe('teamId');
  });
});

describe('validation', () => {
  const fieldOf = async (over: Record<string, unknown>) => {
    const res = await station.post('/api/activities', activityBody(stationId, over));
    expect(res.statusCode, res.body).toBe(400);
    return res.json().error.details.fields[0].field as string;
  };

  it('names the field for bad times, places, topic and theme', async () => {
    expect(await fieldOf({ startsAt: inHours(50), endsAt: inHours(48) })).toBe('endsAt');
    expect(await fieldOf({ startsAt: inHours(48), endsAt: inHours(48 + 24 * 8) })).toBe('endsAt');
    expect(await fieldOf({ volunteerSlots: 10001 })).toBe('body.volunteerSlots');
    expect(await fieldOf({ citizenPlaces: -1 })).toBe('body.citizenPlaces');
    expect(await fieldOf({ topic: 'gardening' })).toBe('body.topic');
    expect(await fieldOf({ startsAt: 'tomorrow' })).toBe('body.startsAt');
    expect(await fieldOf({ title: '' })).toBe('body.title');
    const theme = (await district.put('/api/themes/2030-01', { title: '新春文明' })).json();
    expect(await fieldOf({ themeId: theme.id, startsAt: '2030-02-02T09:00:00+08:00', endsAt: '2030-02-02T11:00:00+08:00' })).toBe('themeId');
    const ok = await station.post('/api/activities', activityBody(stationId, { themeId: theme.id, startsAt: '2030-01-31T23:00:00+08:00', endsAt: '2030-02-01T01:00:00+08:00' }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().activities[0].themeId).toBe(theme.id);
    // A theme in use cannot be deleted.
    expect((await district.del('/api/themes/2030-01')).statusCode).toBe(409);
  });
});

describe('cancel and poster', () => {
  it('cancels with a reason, then refuses edits and a second cancel', async () => {
    const a = (await station.post('/api/activities', activityBody(stationId))).json().activities[0];
    expect((await station.post(`/api/activities/${a.id}/cancel`, {})).statusCode).toBe(400);
    const res = await station.post(`/api/activities/${a.id}/cancel`, { reason: '台风预警' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '台风预警' });
    expect((await station.post(`/api/activities/${a.id}/cancel`, { reason: '再取消' })).statusCode).toBe(409);
    expect((await station.patch(`/api/activities/${a.id}`, { title: '新名' })).statusCode).toBe(409);
    expect(await auditCount(t.database, 'activity.cancelled', a.id)).toBe(1);
  });

  it('takes a PNG poster and serves it publicly; refuses a non-image', async () => {
    const a = (await station.post('/api/activities', activityBody(stationId))).json().activities[0];
    const png = await civicCodePng('https://example.test/poster');
    const up = (content: Buffer) => {
      const body = multipartFile(content, { filename: 'poster.png' });
      return t.app.inject({ method: 'PUT', url: `/api/activities/${a.id}/poster`, headers: { cookie: station.cookie, 'content-type': body.contentType }, payload: body.payload });
    };
    expect((await up(Buffer.from('not an image'))).statusCode).toBe(400);
    const res = await up(png);
    expect(res.statusCode, res.body).toBe(200);
    const url = res.json().posterUrl as string;
    expect(url).toMatch(new RegExp(`^/api/public/activities/${a.id}/poster`));
    const got = await t.app.inject({ method: 'GET', url });
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);
    const big = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    expect((await up(big)).statusCode).toBe(413);
  });
});

describe('derived statuses', () => {
  it('shows a published activity as in progress once it starts and finished after it ends', async () => {
    const a = (await station.post('/api/activities', activityBody(stationId, { startsAt: inHours(1), endsAt: inHours(3) }))).json().activities[0];
    const sub = await station.post(`/api/activities/${a.id}/submit`);
    expect(sub.json().status).toBe('published');
    // Sessions idle out while the clock jumps: sign in again at each step, as staff would.
    t.clock.advance(2 * 3600_000);
    station = await signIn(t.app, '13800000003', DEMO_PASSWORD);
    expect((await station.get(`/api/activities/${a.id}`)).json().status).toBe('in_progress');
    const running = (await station.get('/api/activities?status=in_progress&limit=100')).json().items.map((x: { id: string }) => x.id);
    expect(running).toContain(a.id);
    expect((await station.get('/api/activities?status=published&limit=100')).json().items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    t.clock.advance(2 * 3600_000);
    station = await signIn(t.app, '13800000003', DEMO_PASSWORD);
    expect((await station.get(`/api/activities/${a.id}`)).json().status).toBe('finished');
    expect((await station.get('/api/activities?status=finished&limit=100')).json().items.map((x: { id: string }) => x.id)).toContain(a.id);
    expect((await station.post(`/api/activities/${a.id}/cancel`, { reason: '晚了' })).statusCode).toBe(409);
    expect((await station.patch(`/api/activities/${a.id}`, { title: '晚了' })).statusCode).toBe(409);
  });
});
