import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { auditActions, count, siteOf, unitIdOf } from './network.testing';
import { AppError } from '../../platform/errors';
import { loadConfig } from '../../config';
import { mapUnique } from './network.errors';
import { insertSite } from './sites.repo';

let t: TestContext;
let district: Agent;
let station: Agent; // station admin on 330303001001
let puzhou: Agent; // institute admin on 330303002

beforeAll(async () => {
  t = await startTestApp();
  [district, station, puzhou] = await Promise.all(['13800000001', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

type SiteItem = { id: string; unitCode: string; name: string; kind: string; status: string; civicUrl: string };

describe('site lists', () => {
  it('shows a station admin only their own station’s sites', async () => {
    const list = (await station.get('/api/sites?limit=100')).json();
    const expected = await count(t.database, sql`select count(*)::int as n from sites where unit_code = '330303001001'`);
    expect(list.total).toBe(expected);
    expect(list.items.every((s: SiteItem) => s.unitCode === '330303001001')).toBe(true);
  });

  it("refuses a station admin a sibling station's site, to read and to edit", async () => {
    const sibling = await siteOf(t.database, '330303001002');
    expect((await station.get(`/api/sites/${sibling.id}`)).statusCode).toBe(403);
    expect((await station.patch(`/api/sites/${sibling.id}`, { openingHours: '全天' })).statusCode).toBe(403);
    expect((await station.post(`/api/sites/${sibling.id}/status`, { status: 'closed' })).statusCode).toBe(403);
    expect((await station.post(`/api/sites/${sibling.id}/civic-code/regenerate`)).statusCode).toBe(403);
    expect((await station.get(`/api/sites?unitId=${await unitIdOf(t.database, '330303001002')}`)).statusCode).toBe(403);
  });

  it('filters by unit subtree, kind and status and searches name and address', async () => {
    const yz = await unitIdOf(t.database, '330303001');
    const sub = (await district.get(`/api/sites?unitId=${yz}&limit=100`)).json();
    expect(sub.total).toBe(await count(t.database, sql`select count(*)::int as n from sites where unit_code like '330303001%'`));
    const rooms = (await district.get('/api/sites?kind=function_room&limit=100')).json();
    expect(rooms.total).toBe(21);
    const q = (await district.get(`/api/sites?q=${encodeURIComponent('度山村')}`)).json();
    expect(q.items.length).toBeGreaterThan(0);
    expect(q.items.every((s: SiteItem) => s.name.includes('度山村'))).toBe(true);
    expect((await district.get('/api/sites?kind=swimming_pool')).statusCode).toBe(400);
  });

  it('walks every site once through keyset pages', async () => {
    const total = await count(t.database, sql`select count(*)::int as n from sites`);
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { total: number; items: SiteItem[]; nextCursor: string | null } = (
        await district.get(`/api/sites?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.total).toBe(total);
      for (const s of page.items) ids.add(s.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids.size).toBe(total);
    const forged = Buffer.from(JSON.stringify(['a', 'b', 'not-a-uuid'])).toString('base64url');
    expect((await district.get(`/api/sites?cursor=${forged}`)).statusCode).toBe(400);
  });
});

describe('site changes', () => {
  it('creates a site with a civic code URL on this deployment, and audits it', async () => {
    const res = await station.post('/api/sites', {
      unitId: await unitIdOf(t.database, '330303001001'),
      name: '永昌社区四点半课堂',
      kind: 'minors_activity_site',
      facilities: ['作业辅导室', '阅览角'],
      capacity: 30,
      lat: 27.94,
      lng: 120.81,
    });
    expect(res.statusCode, res.body).toBe(201);
    const site = res.json();
    expect(site.civicUrl).toMatch(/^http:\/\/wenming\.test\/c\/[1-9A-HJ-NP-Za-km-z]{12}$/);
    expect(site.status).toBe('open');
    expect(await auditActions(t.database, site.id)).toEqual(['network.site_created']);
  });

  it('refuses a duplicate name in the same unit with 409 naming `name`, and unknown kinds', async () => {
    const existing = await siteOf(t.database, '330303001001');
    const dup = await district.post('/api/sites', { unitId: await unitIdOf(t.database, '330303001001'), name: existing.name, kind: 'other' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0].field).toBe('name');
    const kind = await district.post('/api/sites', { unitId: await unitIdOf(t.database, '330303001001'), name: '新', kind: 'casino' });
    expect(kind.statusCode).toBe(400);
  });

  it('turns a duplicate that slips past the check (two admins at once) into 409, not 500', async () => {
    const existing = await siteOf(t.database, '330303001001');
    const unitId = await unitIdOf(t.database, '330303001001');
    const insert = () => insertSite(t.database.db, { unitId, unitCode: '330303001001', name: existing.name, kind: 'other', civicToken: 'race-token-1' });
    const err = await mapUnique(insert, 'sites_unit_name_uq', 'name', 'dup').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);
  });

  it('edits, suspends and moves a site; moving needs both units in scope', async () => {
    const s = await siteOf(t.database, '330303002003');
    const edited = await puzhou.patch(`/api/sites/${s.id}`, { openingHours: '每天 8:00-21:00', photos: ['/uploads/a.jpg'] });
    expect(edited.json()).toMatchObject({ openingHours: '每天 8:00-21:00', photos: ['/uploads/a.jpg'] });
    expect((await puzhou.post(`/api/sites/${s.id}/status`, { status: 'suspended' })).json().status).toBe('suspended');
    const intoOther = await puzhou.patch(`/api/sites/${s.id}`, { unitId: await unitIdOf(t.database, '330303001001') });
    expect(intoOther.statusCode).toBe(403);
    const moved = await puzhou.patch(`/api/sites/${s.id}`, { unitId: await unitIdOf(t.database, '330303002004') });
    expect(moved.json().unitCode).toBe('330303002004');
    expect(await auditActions(t.database, s.id)).toEqual(['network.site_updated', 'network.site_status_changed', 'network.site_updated']);
  });
});

describe('civic codes', () => {
  it('opens the public page by token without signing in', async () => {
    const s = await siteOf(t.database, '330303001008');
    const res = await t.app.inject({ method: 'GET', url: `/api/public/sites/${s.civic_token}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: s.name, unitName: '永中街道度山村新时代文明实践站', unitLevel: 'station', streetName: '永中街道' });
    expect(res.json().kindLabel).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.json()).not.toHaveProperty('id');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/sites/NoSuchToken12' })).statusCode).toBe(404);
  });

  it('regenerates a code: the old URL answers 410 code_replaced naming the site, the new one works', async () => {
    const s = await siteOf(t.database, '330303003001');
    const res = await district.post(`/api/sites/${s.id}/civic-code/regenerate`);
    expect(res.statusCode).toBe(200);
    const newToken = res.json().civicUrl.split('/c/')[1];
    expect(newToken).not.toBe(s.civic_token);
    const old = await t.app.inject({ method: 'GET', url: `/api/public/sites/${s.civic_token}` });
    expect(old.statusCode).toBe(410);
    expect(old.json().error).toMatchObject({ code: 'code_replaced', details: { siteName: s.name } });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/sites/${newToken}` })).json().name).toBe(s.name);
    expect(await auditActions(t.database, s.id)).toEqual(['network.civic_code_regenerated']);
  });

  it('downloads the code as SVG and PNG attachments that encode the site URL', async () => {
    const s = await siteOf(t.database, '330303001001');
    const svg = await station.get(`/api/sites/${s.id}/civic-code.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(svg.headers['content-disposition']).toMatch(/^attachment; filename="civic-code-[0-9a-f]{8}\.svg"; filename\*=UTF-8''/);
    expect(svg.body).toMatch(/^<svg[\s\S]*<path[\s\S]*<\/svg>\s*$/);
    const png = await station.get(`/api/sites/${s.id}/civic-code.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await puzhou.get(`/api/sites/${s.id}/civic-code.png`)).statusCode).toBe(403);
  });

  it('stays behind a rate limit for the public page', async () => {
    const s = await siteOf(t.database, '330303015001');
    let last = 0;
    const limit = loadConfig({}).rateLimit.publicPerMin; // the harness uses the default
    for (let i = 0; i < limit + 5; i++) last = (await t.app.inject({ method: 'GET', url: `/api/public/sites/${s.civic_token}`, remoteAddress: '10.9.9.9' })).statusCode;
    expect(last).toBe(429);
  });
});

describe('site kinds', () => {
  it('lists the kinds with Chinese labels, English on request', async () => {
    const zh = (await district.get('/api/site-kinds')).json();
    expect(zh).toContainEqual({ kind: 'cultural_auditorium', label: '文化礼堂' });
    const en = await t.app.inject({ method: 'GET', url: '/api/site-kinds', headers: { cookie: district.cookie, 'accept-language': 'en' } });
    expect(en.json()).toContainEqual({ kind: 'city_study_room', label: 'City study room' });
  });
});
