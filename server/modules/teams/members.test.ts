import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { auditActions, makeVolunteer, memberIdOf, smsTo, unitIdOf, type TestVolunteer } from './teams.testing';

let t: TestContext;
let station: Agent; // station admin on 330303001001
let puzhou: Agent; // institute admin on 330303002

type Team = { id: string; name: string; joinUrl: string };
type Member = { id: string; volunteerId: string; name: string; phoneMasked: string; role: string; status: string };

beforeAll(async () => {
  t = await startTestApp();
  [station, puzhou] = await Promise.all(['13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

/** A team of the first station with a leader who is signed in. */
async function teamWithLeader(): Promise<{ team: Team; token: string; leader: TestVolunteer }> {
  const res = await station.post('/api/teams', { name: `队${Math.random().toString(36).slice(2, 8)}`, unitId: await unitIdOf(t.database, '330303001001'), specialty: 'culture' });
  const team: Team = res.json();
  const leader = await makeVolunteer(t.app, t.database, { name: '队长甲' });
  await station.post(`/api/teams/${team.id}/members`, { volunteerNumber: leader.number });
  await station.post(`/api/teams/${team.id}/leader`, { memberId: await memberIdOf(station, team.id, leader.id) });
  return { team, token: team.joinUrl.split('/m/join/')[1], leader };
}

async function members(agent: Agent, teamId: string, status = ''): Promise<Member[]> {
  const res = await agent.get(`/api/teams/${teamId}/members?limit=100${status ? `&status=${status}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('joining a team by its QR code', () => {
  it('join by token → pending → the leader approves → member, with a text message to the volunteer', async () => {
    const { team, token, leader } = await teamWithLeader();
    const v = await makeVolunteer(t.app, t.database, { name: '李志愿' });

    const card = await v.agent.get(`/api/public/teams/join/${token}`);
    expect(card.json()).toMatchObject({ name: team.name, signedInAsVolunteer: true, myMembership: null, memberCount: 1 });
    expect(card.body).not.toContain(leader.phone);

    const join = await v.agent.post('/api/me/teams/join', { token });
    expect(join.statusCode, join.body).toBe(200);
    expect(join.json()).toMatchObject({ teamId: team.id, status: 'pending', role: 'member' });
    // Asking again (a double tap) changes nothing.
    expect((await v.agent.post('/api/me/teams/join', { token })).json().status).toBe('pending');
    expect((await v.agent.get(`/api/public/teams/join/${token}`)).json().myMembership).toEqual({ status: 'pending', role: 'member' });

    const pending = await members(leader.agent, team.id, 'pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ name: '李志愿', status: 'pending' });
    expect(pending[0].phoneMasked).toBe(`${v.phone.slice(0, 3)}****${v.phone.slice(-4)}`);

    const approved = await leader.agent.post(`/api/teams/${team.id}/members/${pending[0].id}/decide`, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', role: 'member' });
    expect((await v.agent.get('/api/me/teams')).json().items).toEqual([expect.objectContaining({ teamId: team.id, status: 'active', role: 'member' })]);
    const sms = await smsTo(t.database, v.phone);
    expect(sms).toEqual([expect.objectContaining({ purpose: 'team:join_approved' })]);
    expect(sms[0].text).toContain(team.name);
    // Deciding twice is refused.
    expect((await leader.agent.post(`/api/teams/${team.id}/members/${pending[0].id}/decide`, { decision: 'reject' })).statusCode).toBe(409);
    expect(await auditActions(t.database, team.id)).toEqual(expect.arrayContaining(['team.join_requested', 'team.join_approved']));
  });

  it('a rejected volunteer is told why and may ask again', async () => {
    const { team, token, leader } = await teamWithLeader();
    const v = await makeVolunteer(t.app, t.database);
    await v.agent.post('/api/me/teams/join', { token });
    const [req] = await members(leader.agent, team.id, 'pending');
    await leader.agent.post(`/api/teams/${team.id}/members/${req.id}/decide`, { decision: 'reject', note: '本队暂只招募医护人员' });
    expect((await smsTo(t.database, v.phone)).map((m) => m.text).join()).toContain('本队暂只招募医护人员');
    expect((await v.agent.post('/api/me/teams/join', { token })).json().status).toBe('pending');
  });

  it('refuses staff without a volunteer record, signed-out callers and unknown tokens', async () => {
    const { token } = await teamWithLeader();
    expect((await station.post('/api/me/teams/join', { token })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/teams/join', payload: { token } })).statusCode).toBe(401);
    const v = await makeVolunteer(t.app, t.database);
    expect((await v.agent.post('/api/me/teams/join', { token: 'NoSuchToken12' })).statusCode).toBe(404);
  });
});

describe('managing members', () => {
  it('a leader of team A cannot manage team B', async () => {
    const a = await teamWithLeader();
    const b = await teamWithLeader();
    const v = await makeVolunteer(t.app, t.database);
    await v.agent.post('/api/me/teams/join', { token: b.token });
    const [req] = await members(b.leader.agent, b.team.id, 'pending');
    const bLeaderMember = await memberIdOf(station, b.team.id, b.leader.id);
    for (const res of [
      await a.leader.agent.get(`/api/teams/${b.team.id}/members`),
      await a.leader.agent.post(`/api/teams/${b.team.id}/members/${req.id}/decide`, { decision: 'approve' }),
      await a.leader.agent.patch(`/api/teams/${b.team.id}/members/${bLeaderMember}`, { role: 'member' }),
      await a.leader.agent.del(`/api/teams/${b.team.id}/members/${req.id}`),
      await a.leader.agent.post(`/api/teams/${b.team.id}/leader`, { memberId: req.id }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
    }
    // A membership id of team B is not found through team A.
    expect((await a.leader.agent.post(`/api/teams/${a.team.id}/members/${req.id}/decide`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await members(b.leader.agent, b.team.id, 'pending'))[0].status).toBe('pending');
    expect((await puzhou.get(`/api/teams/${a.team.id}/members`)).statusCode).toBe(403);
  });

  it('transfers leadership: exactly one leader, the old one becomes vice leader and cannot hand it over again', async () => {
    const { team, leader } = await teamWithLeader();
    const next = await makeVolunteer(t.app, t.database, { name: '接班人' });
    await station.post(`/api/teams/${team.id}/members`, { volunteerNumber: next.number });
    const nextMember = await memberIdOf(station, team.id, next.id);

    const res = await leader.agent.post(`/api/teams/${team.id}/leader`, { memberId: nextMember });
    expect(res.statusCode, res.body).toBe(200);
    const list = await members(station, team.id);
    expect(list.filter((m) => m.role === 'leader').map((m) => m.volunteerId)).toEqual([next.id]);
    expect(list.find((m) => m.volunteerId === leader.id)?.role).toBe('vice_leader');
    const [row] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from team_members where team_id = ${team.id} and role = 'leader' and status = 'active'`));
    expect(row.n).toBe(1);
    expect((await station.get(`/api/teams/${team.id}`)).json().leader.name).toBe('接班人');

    // The vice leader still manages members, but only the leader (or staff) hands over leadership.
    expect((await leader.agent.get(`/api/teams/${team.id}/members`)).statusCode).toBe(200);
    expect((await leader.agent.post(`/api/teams/${team.id}/leader`, { memberId: await memberIdOf(station, team.id, leader.id) })).statusCode).toBe(403);
    // The leader's role changes only by transfer, and the leader cannot be removed.
    expect((await station.patch(`/api/teams/${team.id}/members/${nextMember}`, { role: 'member' })).statusCode).toBe(409);
    expect((await station.del(`/api/teams/${team.id}/members/${nextMember}`)).statusCode).toBe(409);
    expect(await auditActions(t.database, team.id)).toContain('team.leader_transferred');
  });

  it('changes a role and removes a member', async () => {
    const { team, leader } = await teamWithLeader();
    const v = await makeVolunteer(t.app, t.database);
    await station.post(`/api/teams/${team.id}/members`, { volunteerNumber: v.number });
    const id = await memberIdOf(station, team.id, v.id);
    expect((await leader.agent.patch(`/api/teams/${team.id}/members/${id}`, { role: 'vice_leader' })).json().role).toBe('vice_leader');
    expect((await leader.agent.patch(`/api/teams/${team.id}/members/${id}`, { role: 'leader' })).statusCode).toBe(400);
    const removed = await leader.agent.del(`/api/teams/${team.id}/members/${id}`);
    expect(removed.json().status).toBe('removed');
    expect((await members(station, team.id)).some((m) => m.volunteerId === v.id)).toBe(false);
    expect((await station.post(`/api/teams/${team.id}/members`, { volunteerNumber: v.number })).json().status).toBe('active');
    expect((await station.post(`/api/teams/${team.id}/members`, { volunteerNumber: v.number })).statusCode).toBe(409);
    const unknown = await station.post(`/api/teams/${team.id}/members`, { volunteerNumber: 'V999999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('volunteerNumber');
  });
});

describe('leaving a team', () => {
  it('a member leaves, a pending request is withdrawn, the leader must hand over first', async () => {
    const { team, token, leader } = await teamWithLeader();
    const member = await makeVolunteer(t.app, t.database);
    await station.post(`/api/teams/${team.id}/members`, { volunteerNumber: member.number });
    const left = await member.agent.post(`/api/me/teams/${team.id}/leave`);
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ teamName: team.name, status: 'left' });
    expect((await member.agent.get('/api/me/teams')).json().items[0].status).toBe('left');
    expect((await member.agent.post(`/api/me/teams/${team.id}/leave`)).statusCode).toBe(404);

    const asker = await makeVolunteer(t.app, t.database);
    await asker.agent.post('/api/me/teams/join', { token });
    await asker.agent.post(`/api/me/teams/${team.id}/leave`);
    expect(await members(station, team.id, 'pending')).toHaveLength(0);

    const refused = await leader.agent.post(`/api/me/teams/${team.id}/leave`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('移交');
  });
});
