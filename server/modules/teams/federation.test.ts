import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { makeVolunteer, memberIdOf, unitIdOf } from './teams.testing';

let t: TestContext;
let district: Agent;
let yongzhong: Agent; // institute admin on 330303001

type Team = { id: string; name: string; federationStatus: string; federationNote: string | null };

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong] = await Promise.all(['13800000001', '13800000002'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

async function createTeam(name: string, contactPhone = ''): Promise<Team> {
  const res = await yongzhong.post('/api/teams', { name, unitId: await unitIdOf(t.database, '330303001'), specialty: 'emergency_rescue', contactName: '陈队', contactPhone });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const publicList = async () => (await t.app.inject({ method: 'GET', url: '/api/public/federation/teams?limit=100' })).json();

describe('the district volunteer federation', () => {
  it('a team applies, the center approves, and the team is listed publicly without personal data', async () => {
    const team = await createTeam('测试山地救援队', '13812345678');
    const leader = await makeVolunteer(t.app, t.database, { name: '陈队长' });
    await yongzhong.post(`/api/teams/${team.id}/members`, { volunteerNumber: leader.number });
    await yongzhong.post(`/api/teams/${team.id}/leader`, { memberId: await memberIdOf(yongzhong, team.id, leader.id) });

    const applied = await leader.agent.post(`/api/teams/${team.id}/federation/apply`, { note: '常年开展山地救援' });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().federationStatus).toBe('applied');
    expect((await leader.agent.post(`/api/teams/${team.id}/federation/apply`)).statusCode).toBe(409);
    expect((await publicList()).items.some((x: Team) => x.id === team.id)).toBe(false);

    const queue = (await district.get('/api/federation/applications')).json();
    expect(queue.items.map((x: Team) => x.id)).toContain(team.id);
    // Institute admins see no applications and cannot decide.
    expect((await yongzhong.get('/api/federation/applications')).json().items).toEqual([]);
    expect((await yongzhong.post(`/api/federation/applications/${team.id}/decide`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await leader.agent.post(`/api/federation/applications/${team.id}/decide`, { decision: 'approve' })).statusCode).toBe(403);

    const decided = await district.post(`/api/federation/applications/${team.id}/decide`, { decision: 'approve', note: '欢迎加入' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().federationStatus).toBe('member');
    expect((await district.post(`/api/federation/applications/${team.id}/decide`, { decision: 'reject' })).statusCode).toBe(409);

    const list = await publicList();
    const listed = list.items.find((x: Team) => x.id === team.id);
    expect(listed).toMatchObject({ name: '测试山地救援队', specialtyLabel: '应急救援', federationMember: true, memberCount: 1, contactPhoneMasked: '138****5678' });
    expect(JSON.stringify(list)).not.toContain('13812345678');
    expect(JSON.stringify(list)).not.toContain(leader.phone);
    expect(JSON.stringify(list)).not.toContain('陈队长');
    expect((await district.get('/api/federation/applications?status=member')).json().items.map((x: Team) => x.id)).toContain(team.id);
  });

  it('a rejected team is told why and may apply again', async () => {
    const team = await createTeam('测试宣讲队');
    await yongzhong.post(`/api/teams/${team.id}/federation/apply`);
    const rejected = (await district.post(`/api/federation/applications/${team.id}/decide`, { decision: 'reject', note: '请补充队伍章程' })).json();
    expect(rejected).toMatchObject({ federationStatus: 'rejected', federationNote: '请补充队伍章程' });
    expect((await yongzhong.get(`/api/teams/${team.id}`)).json().federationNote).toBe('请补充队伍章程');
    expect((await yongzhong.post(`/api/teams/${team.id}/federation/apply`)).json().federationStatus).toBe('applied');
  });

  it('a dissolved member team leaves the public list', async () => {
    const team = await createTeam('测试公益团队');
    await yongzhong.post(`/api/teams/${team.id}/federation/apply`);
    await district.post(`/api/federation/applications/${team.id}/decide`, { decision: 'approve' });
    expect((await publicList()).items.some((x: Team) => x.id === team.id)).toBe(true);
    await yongzhong.post(`/api/teams/${team.id}/dissolve`);
    expect((await publicList()).items.some((x: Team) => x.id === team.id)).toBe(false);
  });
});
