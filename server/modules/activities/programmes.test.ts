import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { activityBody, auditCount, unitId } from './activities.testing';

let t: TestContext;
let district: Agent;
let yongzhong: Agent;
let station: Agent;
let puzhou: Agent;

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

type P = { id: string; title: string; inherited?: boolean; status: string; unit: { code: string }; adoptedFrom: string | null; activityCount: number };
const list = async (a: Agent, q = '') => (await a.get(`/api/programmes?limit=100${q}`)).json().items as P[];

describe('programme lists', () => {
  it('drafts, publishes and shows a district item to lower units as inherited, which they adopt once', async () => {
    const center = await unitId(t.database, '330303');
    const created = await district.post('/api/programmes', { unitId: center, title: '习语春风宣讲', topic: 'study_policy', platform: 'theory_lecture', brands: ['习语春风'], description: '理论宣讲' });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json() as P;
    expect(p.status).toBe('draft');
    expect(await auditCount(t.database, 'programme.created', p.id)).toBe(1);
    // A draft of the district is not shown below.
    expect((await list(yongzhong)).map((x) => x.id)).not.toContain(p.id);
    expect((await district.post(`/api/programmes/${p.id}/publish`)).json().status).toBe('published');
    const seen = (await list(station)).find((x) => x.id === p.id);
    expect(seen).toMatchObject({ inherited: true, status: 'published' });
    expect((await station.patch(`/api/programmes/${p.id}`, { title: '改' })).statusCode).toBe(403);

    const yz = await unitId(t.database, '330303001');
    const adopted = await yongzhong.post(`/api/programmes/${p.id}/adopt`, { unitId: yz });
    expect(adopted.statusCode, adopted.body).toBe(201);
    expect(adopted.json()).toMatchObject({ status: 'published', adoptedFrom: p.id, unit: { code: '330303001' }, inherited: false, title: '习语春风宣讲' });
    expect((await yongzhong.post(`/api/programmes/${p.id}/adopt`, { unitId: yz })).statusCode).toBe(409);
    // Adopting into a unit outside one's scope, or into the programme's own unit, is refused.
    expect((await puzhou.post(`/api/programmes/${p.id}/adopt`, { unitId: yz })).statusCode).toBe(403);
    expect((await district.post(`/api/programmes/${p.id}/adopt`, { unitId: center })).statusCode).toBe(400);
    // The adopted copy is the station's inherited item too, and activities can use it.
    const copy = adopted.json() as P;
    const stationId = await unitId(t.database, '330303001001');
    const act = await station.post('/api/activities', activityBody(stationId, { programmeId: copy.id, topic: 'study_policy' }));
    expect(act.statusCode, act.body).toBe(201);
    expect((await list(yongzhong)).find((x) => x.id === copy.id)?.activityCount).toBe(1);
    expect((await puzhou.post('/api/activities', activityBody(await unitId(t.database, '330303002'), { programmeId: copy.id }))).json().error.details.fields[0].field).toBe('programmeId');

    expect((await district.post(`/api/programmes/${p.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await list(station)).map((x) => x.id)).not.toContain(p.id);
  });

  it('filters by topic and names bad fields', async () => {
    const yz = await unitId(t.database, '330303001');
    await yongzhong.post('/api/programmes', { unitId: yz, title: '一周一课·健身', topic: 'culture_life', platform: 'fitness', brands: ['一周一课'] });
    const items = await list(yongzhong, '&topic=culture_life');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((x) => (x as unknown as { topic: string }).topic === 'culture_life')).toBe(true);
    const bad = await yongzhong.post('/api/programmes', { unitId: yz, title: 'x', topic: 'nope' });
    expect(bad.json().error.details.fields[0].field).toBe('body.topic');
    expect((await puzhou.get(`/api/programmes?unit=${yz}`)).statusCode).toBe(403);
  });
});

describe('monthly themes', () => {
  it('are set by the district only, read by any staff, and deleted only when unused', async () => {
    expect((await yongzhong.put('/api/themes/2031-03', { title: '学雷锋月' })).statusCode).toBe(403);
    const res = await district.put('/api/themes/2031-03', { title: '学雷锋月', description: '志愿服务月' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ month: '2031-03', title: '学雷锋月', unit: { code: '330303', level: 'center' } });
    expect((await district.put('/api/themes/2031-03', { title: '学雷锋志愿服务月' })).json().id).toBe(res.json().id);
    const seen = (await station.get('/api/themes?from=2031-01&to=2031-12')).json().items;
    expect(seen.map((x: { title: string }) => x.title)).toEqual(['学雷锋志愿服务月']);
    expect((await district.put('/api/themes/2031-13', { title: 'x' })).statusCode).toBe(400);
    expect((await district.del('/api/themes/2031-03')).statusCode).toBe(204);
    expect((await station.get('/api/themes?from=2031-01&to=2031-12')).json().items).toEqual([]);
    expect((await district.del('/api/themes/2031-03')).statusCode).toBe(404);
  });
});
