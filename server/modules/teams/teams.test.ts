import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { multipartFile } from '../network/network.testing';
import { auditActions, makeVolunteer, memberIdOf, unitIdOf } from './teams.testing';

let t: TestContext;
let district: Agent;
let yongzhong: Agent; // institute admin on 330303001
let station: Agent; // station admin on 330303001001
let puzhou: Agent; // institute admin on 330303002

type Team = { id: string; name: string; unitCode: string; joinUrl: string; kind: string; orgName: string | null; specialtyLabel: string; canEdit: boolean; status: string };

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(
    ['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)),
  );
});
afterAll(() => t.close());

async function createTeam(agent: Agent, unitCode: string, extra: Record<string, unknown> = {}): Promise<Team> {
  const res = await agent.post('/api/teams', { name: `测试队${Math.random().toString(36).slice(2, 8)}`, unitId: await unitIdOf(t.database, unitCode), specialty: 'elderly_care', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('creating and editing teams', () => {
  it('lets staff create a team in their scope, with a join URL on this deployment, and audits it', async () => {
    const team = await createTeam(station, '330303001001', { name: '永昌社区助老志愿服务队', intro: '每周上门陪伴独居老人', contactName: '王丽', contactPhone: '13900001111' });
    expect(team).toMatchObject({ name: '永昌社区助老志愿服务队', unitCode: '330303001001', kind: 'unit', specialtyLabel: '助老服务', canEdit: true, status: 'active' });
    expect(team.joinUrl).toMatch(/^http:\/\/wenming\.test\/m\/join\/[1-9A-HJ-NP-Za-km-z]{12}$/);
    expect(await auditActions(t.database, team.id)).toEqual(['team.created']);
  });

  it('refuses a team in a unit out of scope, and names the field for bad input', async () => {
    const out = await puzhou.post('/api/teams', { name: '越权队', unitId: await unitIdOf(t.database, '330303001'), specialty: 'culture' });
    expect(out.statusCode).toBe(403);
    const up = await station.post('/api/teams', { name: '上级队', unitId: await unitIdOf(t.database, '330303001'), specialty: 'culture' });
    expect(up.statusCode).toBe(403);
    const org = await yongzhong.post('/api/teams', { name: '某校队', kind: 'organization', unitId: await unitIdOf(t.database, '330303001'), specialty: 'education' });
    expect(org.statusCode).toBe(400);
    expect(org.json().error.details.fields[0].field).toBe('orgName');
    const specialty = await yongzhong.post('/api/teams', { name: '某队', unitId: await unitIdOf(t.database, '330303001'), specialty: 'juggling' });
    expect(specialty.statusCode).toBe(400);
    expect(specialty.json().error.message).toContain('specialty');
  });

  it('creates an outside organization team and refuses a duplicate name with 409 naming `name`', async () => {
    const team = await createTeam(yongzhong, '330303001', { name: '永中第一小学红领巾志愿服务队', kind: 'organization', orgName: '永中第一小学', orgType: 'school' });
    expect(team).toMatchObject({ kind: 'organization', orgName: '永中第一小学' });
    const dup = await district.post('/api/teams', { name: '永中第一小学红领巾志愿服务队', unitId: await unitIdOf(t.database, '330303002'), specialty: 'other' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0].field).toBe('name');
  });

  it('edits a team, and dissolving it ends its memberships and hides its join page', async () => {
    const team = await createTeam(yongzhong, '330303001002');
    const v = await makeVolunteer(t.app, t.database);
    expect((await yongzhong.post(`/api/teams/${team.id}/members`, { volunteerNumber: v.number })).statusCode).toBe(201);
    const edited = await yongzhong.patch(`/api/teams/${team.id}`, { intro: '新简介', specialty: 'civility' });
    expect(edited.json()).toMatchObject({ intro: '新简介', specialtyLabel: '文明引导' });
    expect((await puzhou.patch(`/api/teams/${team.id}`, { intro: 'x' })).statusCode).toBe(403);
    const token = team.joinUrl.split('/m/join/')[1];
    const dissolved = await yongzhong.post(`/api/teams/${team.id}/dissolve`, { note: '合并到其他队伍' });
    expect(dissolved.json()).toMatchObject({ status: 'dissolved', memberCount: 0, canEdit: false });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/teams/join/${token}` })).statusCode).toBe(404);
    expect((await v.agent.get('/api/me/teams')).json().items[0]).toMatchObject({ teamId: team.id, status: 'left', teamStatus: 'dissolved' });
    expect((await yongzhong.patch(`/api/teams/${team.id}`, { intro: 'x' })).statusCode).toBe(409);
  });
});

describe('team lists', () => {
  it('shows each admin only the teams of their scope, with filters', async () => {
    const mine = await createTeam(station, '330303001001', { specialty: 'medical' });
    const other = await createTeam(puzhou, '330303002', { specialty: 'medical' });
    const stationList = (await station.get('/api/teams?limit=100')).json();
    expect(stationList.items.every((x: Team) => x.unitCode === '330303001001')).toBe(true);
    expect(stationList.items.map((x: Team) => x.id)).toContain(mine.id);
    const all = (await district.get('/api/teams?specialty=medical&limit=100')).json();
    expect(all.items.map((x: Team) => x.id)).toEqual(expect.arrayContaining([mine.id, other.id]));
    const under = (await district.get(`/api/teams?unitId=${await unitIdOf(t.database, '330303002')}&limit=100`)).json();
    expect(under.items.map((x: Team) => x.id)).toContain(other.id);
    expect(under.items.map((x: Team) => x.id)).not.toContain(mine.id);
    expect((await station.get(`/api/teams?unitId=${await unitIdOf(t.database, '330303002')}`)).statusCode).toBe(403);
    expect((await station.get(`/api/teams/${other.id}`)).statusCode).toBe(403);
  });

  it('walks every team once through keyset pages', async () => {
    for (let i = 0; i < 3; i++) await createTeam(district, '330303003');
    const ids = new Set<string>();
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: { total: number; items: Team[]; nextCursor: string | null } = (await district.get(`/api/teams?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      total = page.total;
      for (const x of page.items) ids.add(x.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(3);
  });
});

describe('join QR code and logo', () => {
  it('downloads the join code as SVG and PNG, and a regenerated code retires the old one', async () => {
    const team = await createTeam(station, '330303001001');
    const svg = await station.get(`/api/teams/${team.id}/join-code.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg[\s\S]*<path[\s\S]*<\/svg>\s*$/);
    const png = await station.get(`/api/teams/${team.id}/join-code.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await puzhou.get(`/api/teams/${team.id}/join-code.png`)).statusCode).toBe(403);

    const oldToken = team.joinUrl.split('/m/join/')[1];
    const renewed = (await station.post(`/api/teams/${team.id}/join-code/regenerate`)).json();
    const newToken = renewed.joinUrl.split('/m/join/')[1];
    expect(newToken).not.toBe(oldToken);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/teams/join/${oldToken}` })).statusCode).toBe(404);
    const card = await t.app.inject({ method: 'GET', url: `/api/public/teams/join/${newToken}` });
    expect(card.json()).toMatchObject({ name: team.name, signedInAsVolunteer: false, myMembership: null });
  });

  it('takes a PNG logo up to 1 MB, shows it publicly, and refuses other files', async () => {
    const team = await createTeam(station, '330303001001');
    const png = await station.get(`/api/teams/${team.id}/join-code.png`);
    const upload = (content: Buffer) => {
      const body = multipartFile(content, { filename: 'logo.png' });
      return t.app.inject({ method: 'PUT', url: `/api/teams/${team.id}/logo`, headers: { cookie: station.cookie, 'content-type': body.contentType }, payload: body.payload });
    };
    const ok = await upload(png.rawPayload);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().hasLogo).toBe(true);
    const logo = await t.app.inject({ method: 'GET', url: `/api/public/teams/${team.id}/logo` });
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.rawPayload.equals(png.rawPayload)).toBe(true);
    expect((await upload(Buffer.from('not an image at all'))).statusCode).toBe(400);
    expect((await upload(Buffer.alloc(1024 * 1024 + 10, 1))).statusCode).toBe(413);
  });
});

describe('teams export', () => {
  it('exports the teams in scope as an XLSX with the team and its masked contact', async () => {
    const team = await createTeam(yongzhong, '330303001', { contactName: '李强', contactPhone: '13911112222' });
    const other = await createTeam(puzhou, '330303002');
    const res = await yongzhong.get('/api/teams/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('志愿服务队')!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toContain('队伍名称');
    const line = rows.find((r) => r[0] === team.name);
    expect(line).toBeDefined();
    expect(line).toContain('139****2222');
    expect(rows.flat()).not.toContain('13911112222');
    expect(rows.some((r) => r[0] === other.name)).toBe(false);
    expect((await station.get(`/api/teams/export.xlsx?unitId=${await unitIdOf(t.database, '330303001')}`)).statusCode).toBe(403);
  });
});

describe('team leaders', () => {
  it('a leader manages their own team but not another team', async () => {
    const teamA = await createTeam(station, '330303001001');
    const teamB = await createTeam(station, '330303001001');
    const leader = await makeVolunteer(t.app, t.database, { name: '张队长' });
    await station.post(`/api/teams/${teamA.id}/members`, { volunteerNumber: leader.number });
    const memberId = await memberIdOf(station, teamA.id, leader.id);
    expect((await station.post(`/api/teams/${teamA.id}/leader`, { memberId })).statusCode).toBe(200);

    expect((await leader.agent.get(`/api/teams/${teamA.id}`)).json()).toMatchObject({ leader: { name: '张队长' }, canEdit: true });
    expect((await leader.agent.get(`/api/teams/${teamA.id}/members`)).statusCode).toBe(200);
    const list = (await leader.agent.get('/api/teams')).json();
    expect(list.items.map((x: Team) => x.id)).toEqual([teamA.id]);
    // Leaders edit the team's own details, not what the overseeing staff decide.
    expect((await leader.agent.patch(`/api/teams/${teamA.id}`, { intro: '队长写的简介' })).statusCode).toBe(200);
    expect((await leader.agent.patch(`/api/teams/${teamA.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await leader.agent.post(`/api/teams/${teamA.id}/dissolve`)).statusCode).toBe(403);
    expect((await leader.agent.post(`/api/teams/${teamA.id}/members`, { volunteerNumber: 'V000000001' })).statusCode).toBe(403);

    for (const res of [
      await leader.agent.get(`/api/teams/${teamB.id}`),
      await leader.agent.get(`/api/teams/${teamB.id}/members`),
      await leader.agent.patch(`/api/teams/${teamB.id}`, { intro: 'x' }),
      await leader.agent.get(`/api/teams/${teamB.id}/join-code.svg`),
      await leader.agent.post(`/api/teams/${teamB.id}/federation/apply`),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
    }
  });
});
