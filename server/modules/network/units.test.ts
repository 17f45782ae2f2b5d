import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { auditActions, count, unitIdOf } from './network.testing';

let t: TestContext;
let district: Agent;
let yongzhong: Agent; // institute admin on 330303001
let station: Agent; // station admin on 330303001001
let puzhou: Agent; // institute admin on 330303002

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(
    ['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)),
  );
});
afterAll(() => t.close());

type TreeUnit = { id: string; code: string; parentId: string | null; level: string; siteCount: number; subtreeSiteCount: number; childCount: number };

describe('the seeded network', () => {
  it('is 1 center, 10 institutes and 122 stations, every station with at least one site', async () => {
    const { units } = (await district.get('/api/network/tree')).json() as { units: TreeUnit[] };
    const by = (level: string) => units.filter((u) => u.level === level);
    expect(by('center')).toHaveLength(1);
    expect(by('institute')).toHaveLength(10);
    expect(by('station')).toHaveLength(122);
    expect(by('station').every((s) => s.siteCount >= 1 && /^330303\d{6}$/.test(s.code))).toBe(true);
    expect(units.map((u) => u.code)).toEqual([...units.map((u) => u.code)].sort());
  });

  it('gives the tree counts that match the database', async () => {
    const { units } = (await district.get('/api/network/tree')).json() as { units: TreeUnit[] };
    const yz = units.find((u) => u.code === '330303001')!;
    expect(yz.childCount).toBe(await count(t.database, sql`select count(*)::int as n from units where parent_id = ${yz.id}`));
    expect(yz.siteCount).toBe(await count(t.database, sql`select count(*)::int as n from sites where unit_id = ${yz.id}`));
    expect(yz.subtreeSiteCount).toBe(await count(t.database, sql`select count(*)::int as n from sites where unit_code like '330303001%'`));
    const center = units.find((u) => u.level === 'center')!;
    expect(center.subtreeSiteCount).toBe(await count(t.database, sql`select count(*)::int as n from sites`));
  });

  it("shows an institute admin only their street's part of the tree", async () => {
    const { units } = (await yongzhong.get('/api/network/tree')).json() as { units: TreeUnit[] };
    expect(units.length).toBe(1 + 14);
    expect(units.every((u) => u.code.startsWith('330303001'))).toBe(true);
    const mine = (await station.get('/api/network/tree')).json().units as TreeUnit[];
    expect(mine.map((u) => u.code)).toEqual(['330303001001']);
  });
});

describe('unit lists', () => {
  it('searches name, code and address, filters by level, and pages with a stable total', async () => {
    const byName = (await district.get(`/api/units?q=${encodeURIComponent('度山')}`)).json();
    expect(byName.items.map((u: { code: string }) => u.code)).toEqual(['330303001008']);
    const byCode = (await district.get('/api/units?q=330303002&level=station&limit=100')).json();
    expect(byCode.total).toBe(12);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await district.get(`/api/units?level=station&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json();
      expect(page.total).toBe(122);
      seen.push(...page.items.map((u: { code: string }) => u.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(122);
    expect(new Set(seen).size).toBe(122);
  });

  it('filters by scope in the query: a station admin lists only their station', async () => {
    const list = (await station.get('/api/units?limit=100')).json();
    expect(list.total).toBe(1);
    const under = (await district.get(`/api/units?under=${await unitIdOf(t.database, '330303015')}&limit=100`)).json();
    expect(under.total).toBe(17);
    expect((await station.get(`/api/units/${await unitIdOf(t.database, '330303001002')}`)).statusCode).toBe(403);
  });

  it('refuses bad query parameters with 400, not 500', async () => {
    expect((await district.get('/api/units?cursor=notacursor')).statusCode).toBe(400);
    expect((await district.get('/api/units?level=village')).statusCode).toBe(400);
    expect((await district.get('/api/units?under=123')).statusCode).toBe(400);
  });
});

describe('creating units', () => {
  it('creates a station whose code extends its institute, and audits it', async () => {
    const parentId = await unitIdOf(t.database, '330303001');
    const res = await yongzhong.post('/api/units', { parentId, code: '330303001901', name: '永中街道测试社区新时代文明实践站', contactPhone: '13957709999', lat: 27.93, lng: 120.8 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ level: 'station', parentId, status: 'active', code: '330303001901' });
    expect(await auditActions(t.database, res.json().id)).toEqual(['network.unit_created']);
  });

  it("refuses a code that does not extend the parent's, naming the field", async () => {
    const parentId = await unitIdOf(t.database, '330303001');
    const res = await yongzhong.post('/api/units', { parentId, code: '330303002950', name: '错误编码站' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('code');
  });

  it('refuses a duplicate code with 409 naming `code`', async () => {
    const res = await district.post('/api/units', { parentId: await unitIdOf(t.database, '330303001'), code: '330303001001', name: '重复' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.fields).toEqual([{ field: 'code', message: expect.any(String) }]);
  });

  it('refuses children under a station, half coordinates, unknown fields and a bad phone', async () => {
    const stationId = await unitIdOf(t.database, '330303001001');
    expect((await district.post('/api/units', { parentId: stationId, code: '330303001001001', name: 'x' })).statusCode).toBe(400);
    const parentId = await unitIdOf(t.database, '330303001');
    expect((await district.post('/api/units', { parentId, code: '330303001902', name: 'x', lat: 27.9 })).json().error.details.fields[0].field).toBe('lng');
    expect((await district.post('/api/units', { parentId, code: '330303001902', name: 'x', level: 'center' })).statusCode).toBe(400);
    expect((await district.post('/api/units', { parentId, code: '330303001902', name: 'x', contactPhone: '12345' })).statusCode).toBe(400);
  });

  it('lets an admin create only under a unit in their scope', async () => {
    const res = await puzhou.post('/api/units', { parentId: await unitIdOf(t.database, '330303001'), code: '330303001903', name: '越权' });
    expect(res.statusCode).toBe(403);
    // A station admin manages their station but cannot add siblings under the institute.
    expect((await station.post('/api/units', { parentId: await unitIdOf(t.database, '330303001'), code: '330303001904', name: '越权' })).statusCode).toBe(403);
  });
});

describe('editing units', () => {
  it('lets a station admin edit their own station but not a sibling', async () => {
    const own = await station.patch(`/api/units/${await unitIdOf(t.database, '330303001001')}`, { openingHours: '每天 9:00-21:00' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().openingHours).toBe('每天 9:00-21:00');
    const sibling = await station.patch(`/api/units/${await unitIdOf(t.database, '330303001002')}`, { openingHours: 'x' });
    expect(sibling.statusCode).toBe(403);
  });
});

describe('moving units', () => {
  it('moves a station to another institute and rewrites its code and its sites’ codes in one go', async () => {
    const id = await unitIdOf(t.database, '330303001003');
    const sitesBefore = await count(t.database, sql`select count(*)::int as n from sites where unit_id = ${id}`);
    // The Yongzhong admin manages the old parent but not the new one.
    const denied = await yongzhong.post(`/api/units/${id}/move`, { parentId: await unitIdOf(t.database, '330303002'), code: '330303002901' });
    expect(denied.statusCode).toBe(403);
    const res = await district.post(`/api/units/${id}/move`, { parentId: await unitIdOf(t.database, '330303002'), code: '330303002901' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().code).toBe('330303002901');
    expect(await count(t.database, sql`select count(*)::int as n from sites where unit_id = ${id} and unit_code = '330303002901'`)).toBe(sitesBefore);
    expect(await count(t.database, sql`select count(*)::int as n from units where code = '330303001003'`)).toBe(0);
    expect(await auditActions(t.database, id)).toContain('network.unit_moved');
  });

  it('renumbers an institute and every station and site under it', async () => {
    const id = await unitIdOf(t.database, '330303014');
    const stations = await count(t.database, sql`select count(*)::int as n from units where code like '330303014%' and level = 'station'`);
    const siteCount = await count(t.database, sql`select count(*)::int as n from sites where unit_code like '330303014%'`);
    const res = await district.post(`/api/units/${id}/move`, { parentId: await unitIdOf(t.database, '330303'), code: '330303099' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await count(t.database, sql`select count(*)::int as n from units where code like '330303099___' and level = 'station'`)).toBe(stations);
    expect(await count(t.database, sql`select count(*)::int as n from sites where unit_code like '330303099%'`)).toBe(siteCount);
    expect(await count(t.database, sql`select count(*)::int as n from units where code like '330303014%'`)).toBe(0);
    // The institute's admin-facing tree follows at once.
    const tree = (await district.get('/api/network/tree')).json().units as TreeUnit[];
    expect(tree.filter((u) => u.parentId === id).every((u) => u.code.startsWith('330303099'))).toBe(true);
  });

  it('refuses cycles, level changes and taken codes', async () => {
    const instituteId = await unitIdOf(t.database, '330303015');
    const own = await unitIdOf(t.database, '330303015001');
    const cycle = await district.post(`/api/units/${instituteId}/move`, { parentId: own, code: '330303015001001' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details.fields[0].field).toBe('parentId');
    const intoItself = await district.post(`/api/units/${instituteId}/move`, { parentId: instituteId, code: '330303015001' });
    expect(intoItself.statusCode).toBe(400);
    const taken = await district.post(`/api/units/${own}/move`, { parentId: instituteId, code: '330303015002' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.fields[0].field).toBe('code');
  });
});

describe('closing units', () => {
  it('refuses to close a unit with open sites, then closes it once they are closed, and reopens it', async () => {
    const id = await unitIdOf(t.database, '330303013011');
    const refused = await district.post(`/api/units/${id}/close`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/阵地/);
    const siteIds = (await district.get(`/api/sites?unitId=${id}&limit=100`)).json().items.map((s: { id: string }) => s.id);
    for (const s of siteIds) expect((await district.post(`/api/sites/${s}/status`, { status: 'closed' })).statusCode).toBe(200);
    // The station's own admin may not close it: closing needs the parent.
    const closed = await district.post(`/api/units/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const noNewSite = await district.post('/api/sites', { unitId: id, name: '新阵地', kind: 'other' });
    expect(noNewSite.statusCode).toBe(400);
    const reopened = await district.post(`/api/units/${id}/reopen`);
    expect(reopened.json().status).toBe('active');
    expect(await auditActions(t.database, id)).toEqual(['network.unit_closed', 'network.unit_reopened']);
  });

  it('refuses to close an institute with active stations, and the center at all', async () => {
    expect((await district.post(`/api/units/${await unitIdOf(t.database, '330303013')}/close`)).statusCode).toBe(409);
    expect((await district.post(`/api/units/${await unitIdOf(t.database, '330303')}/close`)).statusCode).toBe(409);
    expect((await station.post(`/api/units/${await unitIdOf(t.database, '330303001001')}/close`)).statusCode).toBe(403);
  });
});
