import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { rowsOf } from '../../db/client';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { auditCount, teamIn, unitId } from '../activities/activities.testing';
import { serviceCategoryKeys, type ServiceCategory } from '../../../common/service-categories';
import { seedMenu } from './menu.seed';

let t: TestContext;
let district: Agent;
let yongzhong: Agent;
let station: Agent;
let puzhou: Agent;

const STATION = '330303001001';
type Item = { id: string; title: string; status: string; unitCode: string; teamId: string | null; teamName: string | null; sites: { id: string; name: string }[]; weeklyQuota: number | null; publishedAt: string | null };
type Site = { id: string; civic_token: string; name: string };

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

const sitesOf = async (code: string) =>
  rowsOf<Site>(await t.database.db.execute(sql`select id, civic_token, name from sites where unit_code = ${code} and status = 'open' order by name`));
const ids = (items: { id: string }[]) => items.map((i) => i.id);
const list = async (a: Agent, q = '') => (await a.get(`/api/menu-items?limit=100${q}`)).json().items as Item[];
const create = async (a: Agent, body: Record<string, unknown>) => {
  const res = await a.post('/api/menu-items', { category: 'convenience', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Item;
};
const fieldOf = (res: { json(): { error: { details: { fields: { field: string }[] } } } }) => res.json().error.details.fields[0].field;

describe('staff service menu', () => {
  it('a station admin creates, edits and publishes an item; another street is refused', async () => {
    const stationId = await unitId(t.database, STATION);
    const [site] = await sitesOf(STATION);
    const team = await teamIn(t.database, STATION);
    const item = await create(station, {
      unitId: stationId,
      title: '老人上门理发',
      category: 'elderly_help',
      provider: '永昌社区巧手志愿队',
      siteIds: [site.id, site.id],
      teamId: team,
      weeklyQuota: 10,
      homeVisit: true,
    });
    expect(item).toMatchObject({ status: 'draft', unitCode: STATION, teamId: team, weeklyQuota: 10, publishedAt: null, sites: [{ id: site.id, name: site.name }] });
    expect(item.teamName).toBeTruthy();
    expect(await auditCount(t.database, 'menu_item.created', item.id)).toBe(1);

    const edited = await station.patch(`/api/menu-items/${item.id}`, { title: '老人上门理发·修面', weeklyQuota: null, teamId: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '老人上门理发·修面', weeklyQuota: null, teamId: null, teamName: null, homeVisit: true });
    expect(await auditCount(t.database, 'menu_item.updated', item.id)).toBe(1);

    const published = await station.post(`/api/menu-items/${item.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect(published.json().publishedAt).not.toBeNull();
    expect(await auditCount(t.database, 'menu_item.published', item.id)).toBe(1);
    expect((await station.get(`/api/menu-items/${item.id}`)).json().status).toBe('published');

    // An institute admin of another street may not read or change it.
    expect((await puzhou.get(`/api/menu-items/${item.id}`)).statusCode).toBe(403);
    expect((await puzhou.patch(`/api/menu-items/${item.id}`, { title: '改' })).statusCode).toBe(403);
    expect((await puzhou.post(`/api/menu-items/${item.id}/withdraw`)).statusCode).toBe(403);
    expect((await puzhou.post('/api/menu-items', { unitId: stationId, title: '越权', category: 'other' })).statusCode).toBe(403);

    // Withdrawn, then published again; only published items can be withdrawn.
    expect((await station.post(`/api/menu-items/${item.id}/withdraw`)).json().status).toBe('withdrawn');
    expect(await auditCount(t.database, 'menu_item.withdrawn', item.id)).toBe(1);
    expect((await station.post(`/api/menu-items/${item.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await station.post(`/api/menu-items/${item.id}/publish`)).json().status).toBe('published');
    const draft = await create(station, { unitId: stationId, title: '草稿' });
    expect((await station.post(`/api/menu-items/${draft.id}/withdraw`)).statusCode).toBe(409);
  });

  it('lists are scoped, filtered and paged', async () => {
    const yz = await unitId(t.database, '330303001');
    const pz = await unitId(t.database, '330303002');
    const mine = await create(yongzhong, { unitId: yz, title: '法律咨询进社区', category: 'legal' });
    const theirs = await create(puzhou, { unitId: pz, title: '蒲州健康义诊', category: 'health' });
    const stationItems = await list(station);
    expect(stationItems.length).toBeGreaterThan(0);
    expect(stationItems.every((i) => i.unitCode.startsWith(STATION))).toBe(true);
    expect(ids(stationItems)).not.toContain(mine.id);
    expect(ids(await list(yongzhong))).toEqual(expect.arrayContaining([mine.id, ...ids(stationItems)]));
    expect(ids(await list(yongzhong))).not.toContain(theirs.id);
    expect(ids(await list(district))).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    // Filters: unit subtree (refused outside the scope), category, status, title search.
    expect(ids(await list(district, `&unit=${pz}`))).toEqual([theirs.id]);
    expect((await puzhou.get(`/api/menu-items?unit=${yz}`)).statusCode).toBe(403);
    expect(ids(await list(district, '&category=legal'))).toEqual([mine.id]);
    expect((await list(district, '&status=published')).every((i) => i.status === 'published')).toBe(true);
    expect(ids(await list(district, `&q=${encodeURIComponent('义诊')}`))).toEqual([theirs.id]);
    // Keyset paging walks every item once, newest change first.
    const all = await list(district);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await district.get(`/api/menu-items?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...ids(res.json().items));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(all));
    expect(all[0].id).toBe(theirs.id);
    expect((await district.get('/api/menu-items?cursor=junk')).statusCode).toBe(400);
  });

  it('names the field for a bad category, a site or team of another unit', async () => {
    const stationId = await unitId(t.database, STATION);
    const [otherSite] = await sitesOf('330303002001');
    const [ownSite] = await sitesOf(STATION);
    const otherTeam = await teamIn(t.database, '330303002');
    const instituteTeam = await teamIn(t.database, '330303001');
    const base = { unitId: stationId, title: '家电义务维修', category: 'convenience' };
    const before = (await list(station)).length;

    const badCategory = await station.post('/api/menu-items', { ...base, category: 'nope' });
    expect(badCategory.statusCode).toBe(400);
    expect(fieldOf(badCategory)).toBe('body.category');
    const badSite = await station.post('/api/menu-items', { ...base, siteIds: [ownSite.id, otherSite.id] });
    expect(badSite.statusCode).toBe(400);
    expect(fieldOf(badSite)).toBe('siteIds');
    const badTeam = await station.post('/api/menu-items', { ...base, teamId: otherTeam });
    expect(badTeam.statusCode).toBe(400);
    expect(fieldOf(badTeam)).toBe('teamId');
    // A team of the unit above is not the station's either.
    expect(fieldOf(await station.post('/api/menu-items', { ...base, teamId: instituteTeam }))).toBe('teamId');
    expect(fieldOf(await station.post('/api/menu-items', { ...base, title: 'x'.repeat(61) }))).toBe('body.title');
    expect(fieldOf(await station.post('/api/menu-items', { ...base, weeklyQuota: 0 }))).toBe('body.weeklyQuota');
    expect((await list(station)).length).toBe(before);

    // The same checks on edit; a failed edit changes nothing.
    const item = await create(station, base);
    const res = await station.patch(`/api/menu-items/${item.id}`, { title: '改名', siteIds: [otherSite.id] });
    expect(fieldOf(res)).toBe('siteIds');
    expect(fieldOf(await station.patch(`/api/menu-items/${item.id}`, { teamId: otherTeam }))).toBe('teamId');
    expect(fieldOf(await station.patch(`/api/menu-items/${item.id}`, { unitId: stationId }))).toBe('body');
    expect((await station.get(`/api/menu-items/${item.id}`)).json()).toMatchObject({ title: '家电义务维修', sites: [] });
    // An institute may offer its item at a station's site under it.
    const yz = await unitId(t.database, '330303001');
    expect((await create(yongzhong, { unitId: yz, title: '站点服务', siteIds: [ownSite.id] })).sites).toEqual([{ id: ownSite.id, name: ownSite.name }]);
  });
});

describe('public menu of a site', () => {
  it("shows the site's own items and the whole-unit items of its unit and above, published only", async () => {
    const [siteA, siteB] = await sitesOf(STATION);
    const stationId = await unitId(t.database, STATION);
    const center = await unitId(t.database, '330303');
    const pz = await unitId(t.database, '330303002');
    const publish = async (a: Agent, body: Record<string, unknown>) => {
      const item = await create(a, body);
      expect((await a.post(`/api/menu-items/${item.id}/publish`)).statusCode).toBe(200);
      return item.id;
    };
    const atA = await publish(station, { unitId: stationId, title: '青少年课业辅导', category: 'minors_care', siteIds: [siteA.id] });
    const wholeStation = await publish(station, { unitId: stationId, title: '家电义务维修', category: 'convenience', homeVisit: true });
    const districtWide = await publish(district, { unitId: center, title: '健康义诊', category: 'health', provider: '区医疗志愿服务队' });
    const atB = await publish(station, { unitId: stationId, title: '太极拳健身指导', category: 'fitness', siteIds: [siteB.id] });
    const otherStreet = await publish(puzhou, { unitId: pz, title: '蒲州理发', category: 'elderly_help' });
    const draft = (await create(station, { unitId: stationId, title: '还没发布', category: 'other' })).id;
    const withdrawn = await publish(station, { unitId: stationId, title: '已撤回', category: 'other' });
    await station.post(`/api/menu-items/${withdrawn}/withdraw`);

    const res = await t.app.inject({ method: 'GET', url: `/api/public/sites/${siteA.civic_token}/menu` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; category: string; title: string }[];
    expect(ids(items)).toEqual(expect.arrayContaining([atA, wholeStation, districtWide]));
    for (const hidden of [atB, otherStreet, draft, withdrawn]) expect(ids(items)).not.toContain(hidden);
    expect(items.find((i) => i.id === districtWide)).toEqual({
      id: districtWide,
      title: '健康义诊',
      category: 'health',
      description: '',
      provider: '区医疗志愿服务队',
      availability: '',
      homeVisit: false,
      unitName: '龙湾区新时代文明实践中心',
      teamName: null,
      weeklyQuota: null,
    });
    // Ordered by category, in the order of common/service-categories.
    const rank = (i: { category: string }) => serviceCategoryKeys.indexOf(i.category as ServiceCategory);
    expect(items.map(rank)).toEqual([...items.map(rank)].sort((a, b) => a - b));
    // Site B shows its own item and the whole-unit ones, not site A's.
    const b = (await t.app.inject({ method: 'GET', url: `/api/public/sites/${siteB.civic_token}/menu` })).json().items;
    expect(ids(b)).toEqual(expect.arrayContaining([atB, wholeStation, districtWide]));
    expect(ids(b)).not.toContain(atA);
  });

  it('answers 410 code_replaced for a retired civic code and 404 for an unknown one', async () => {
    const [site] = await sitesOf(STATION);
    const regen = await district.post(`/api/sites/${site.id}/civic-code/regenerate`);
    expect(regen.statusCode, regen.body).toBe(200);
    const old = await t.app.inject({ method: 'GET', url: `/api/public/sites/${site.civic_token}/menu` });
    expect(old.statusCode).toBe(410);
    expect(old.json().error.code).toBe('code_replaced');
    const [now] = await sitesOf(STATION);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/sites/${now.civic_token}/menu` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/sites/no-such-token/menu' })).statusCode).toBe(404);
  });
});

describe('demo menu seed', () => {
  it('publishes a few district-wide items and two per street, shown on station menus', async () => {
    const n = await t.database.db.transaction((tx) => seedMenu(tx));
    const rows = rowsOf<{ code: string; level: string; n: number; at_site: number }>(
      await t.database.db.execute(sql`select u.code, u.level, count(*)::int as n, count(*) filter (where cardinality(m.site_ids) > 0)::int as at_site
        from menu_items m join units u on u.id = m.unit_id
        where m.status = 'published' and m.created_by is null group by u.code, u.level order by u.code`),
    );
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(n);
    const institutes = rows.filter((r) => r.level === 'institute');
    expect(institutes.length).toBe(10);
    expect(institutes.every((r) => r.n === 2 && r.at_site === 1)).toBe(true);
    expect(rows.find((r) => r.code === '330303')?.n).toBeGreaterThanOrEqual(3);
    // Any station site shows the district's items and its street's whole-street item.
    const [site] = await sitesOf('330303002003');
    const items = (await t.app.inject({ method: 'GET', url: `/api/public/sites/${site.civic_token}/menu` })).json().items as { title: string; unitName: string }[];
    expect(items.map((i) => i.title)).toEqual(expect.arrayContaining(['健康义诊', '法律咨询进社区']));
    expect(items.some((i) => i.unitName === '蒲州街道新时代文明实践所')).toBe(true);
  });
});
