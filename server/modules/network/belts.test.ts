import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { auditActions, siteOf, unitIdOf } from './network.testing';

let t: TestContext;
let district: Agent;
let yongzhong: Agent;
let station: Agent;
let puzhou: Agent;

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(
    ['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)),
  );
});
afterAll(() => t.close());

type Belt = { id: string; name: string; unitId: string; stops: { position: number; siteId: string; siteName: string; unitName: string }[] };

describe('belts', () => {
  it('seeds the five belts, each an ordered route of 4 to 8 sites', async () => {
    const list = (await district.get('/api/belts')).json();
    expect(list.total).toBe(5);
    expect(list.items.map((b: Belt) => b.name)).toEqual(['薪火相传红飘带', '见贤思齐崇德带', '家风家训风尚带', '文化遗产传承带', '体育健康活力带']);
    for (const b of list.items as Belt[]) {
      expect(b.stops.length).toBeGreaterThanOrEqual(4);
      expect(b.stops.length).toBeLessThanOrEqual(8);
      expect(b.stops.map((s) => s.position)).toEqual(b.stops.map((_, i) => i + 1));
    }
  });

  it('shows an institute admin the belts that pass through their street, and no others', async () => {
    const seen = (await yongzhong.get('/api/belts')).json().items as Belt[];
    const all = (await district.get('/api/belts')).json().items as Belt[];
    const yz = await unitIdOf(t.database, '330303001');
    const sites = (await district.get(`/api/sites?unitId=${yz}&limit=100`)).json().items as { id: string }[];
    const ids = new Set(sites.map((s) => s.id));
    const expected = all.filter((b) => b.stops.some((s) => ids.has(s.siteId))).map((b) => b.name);
    expect(seen.map((b) => b.name)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(5);
    const hidden = all.find((b) => !expected.includes(b.name))!;
    expect((await yongzhong.get(`/api/belts/${hidden.id}`)).statusCode).toBe(403);
  });

  it('creates a street belt and sets its stops in order; stops must lie under its unit and appear once', async () => {
    const yz = await unitIdOf(t.database, '330303001');
    const a = await siteOf(t.database, '330303001001');
    const b = await siteOf(t.database, '330303001002');
    const created = await yongzhong.post('/api/belts', { name: '永中文明骑行线', theme: '体育健康', unitId: yz, siteIds: [a.id, b.id] });
    expect(created.statusCode, created.body).toBe(201);
    const belt = created.json() as Belt;
    expect(belt.stops.map((s) => s.siteId)).toEqual([a.id, b.id]);

    const reordered = await yongzhong.put(`/api/belts/${belt.id}/stops`, { siteIds: [b.id, a.id] });
    expect(reordered.json().stops.map((s: { siteName: string }) => s.siteName)).toEqual([b.name, a.name]);
    const outside = await siteOf(t.database, '330303002001');
    const refused = await yongzhong.put(`/api/belts/${belt.id}/stops`, { siteIds: [a.id, outside.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields[0].field).toBe('siteIds.1');
    expect((await yongzhong.put(`/api/belts/${belt.id}/stops`, { siteIds: [a.id, a.id] })).statusCode).toBe(400);

    expect((await yongzhong.patch(`/api/belts/${belt.id}`, { description: '沿瓯江骑行' })).json().description).toBe('沿瓯江骑行');
    expect((await puzhou.patch(`/api/belts/${belt.id}`, { description: 'x' })).statusCode).toBe(403);
    // The station admin sees it (it passes their station) but cannot change it.
    expect((await station.get(`/api/belts/${belt.id}`)).statusCode).toBe(200);
    expect((await station.put(`/api/belts/${belt.id}/stops`, { siteIds: [a.id] })).statusCode).toBe(403);
    expect(await auditActions(t.database, belt.id)).toEqual(['network.belt_created', 'network.belt_stops_set', 'network.belt_updated']);
  });
});
