import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { servedPair } from '../../testing/participation-fixtures';
import { makeVolunteer } from '../teams/teams.testing';
import { auditCount } from '../activities/activities.testing';
import { at, notificationsOf, pastActivity } from './hours.testing';

const STATION = '330303001001';
const DEFAULTS = [
  { level: 1, minHours: 100 },
  { level: 2, minHours: 300 },
  { level: 3, minHours: 600 },
  { level: 4, minHours: 1000 },
  { level: 5, minHours: 1500 },
];
let t: TestContext;
let district: Agent;
let yongzhong: Agent; // institute admin 330303001
let station: Agent; // station admin 330303001001 (the volunteers' home unit)
let puzhou: Agent; // institute admin 330303002

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

/** A volunteer with `days` pending 20-hour records on consecutive days of June 2025 (one activity spanning them). */
async function hardWorker(days: number) {
  const v = await makeVolunteer(t.app, t.database);
  const a = await pastActivity(t.database, STATION, '2025-06-01 00:00', '2025-06-10 00:00');
  const ids: string[] = [];
  for (let d = 1; d <= days; d++) {
    const date = `2025-06-0${d}`;
    ids.push((await servedPair(t.database, a, v.id, at(date, '02:00'), at(date, '22:00'))).id);
  }
  return { v, ids };
}

describe('star awards', () => {
  it('crossing 100 hours makes a pending award the home unit confirms; then the volunteer sees the level', async () => {
    const { v, ids } = await hardWorker(5);
    expect((await station.post('/api/hours/approve', { ids: ids.slice(0, 4) })).json()).toEqual({ approved: 4, skipped: [] });
    const before = (await v.agent.get('/api/volunteer/hours')).json();
    expect(before).toMatchObject({ totalMinutes: 80 * 60, starLevel: 0, pendingStarLevel: null, nextLevel: { level: 1, minHours: 100 } });

    expect((await station.post(`/api/hours/${ids[4]}/approve`, {})).statusCode).toBe(200);
    const reached = (await v.agent.get('/api/volunteer/hours')).json();
    expect(reached).toMatchObject({ totalMinutes: 100 * 60, starLevel: 0, pendingStarLevel: 1 });
    expect((await notificationsOf(t.database, v.id)).map((n) => n.purpose)).toEqual(['star:reached']);

    const pending = (await station.get('/api/star-awards?status=pending&limit=100')).json().items;
    const award = pending.find((x: { volunteerId: string }) => x.volunteerId === v.id);
    expect(award).toMatchObject({ level: 1, hoursAt: 100, status: 'pending', volunteerNumber: v.number, confirmedAt: null });
    // Another street's admin neither sees nor confirms it.
    expect((await puzhou.get('/api/star-awards?limit=100')).json().items.map((x: { id: string }) => x.id)).not.toContain(award.id);
    expect((await puzhou.post(`/api/star-awards/${award.id}/confirm`, {})).statusCode).toBe(403);

    const confirmed = await station.post(`/api/star-awards/${award.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', level: 1 });
    expect(await auditCount(t.database, 'star.confirmed', award.id)).toBe(1);
    const after = (await v.agent.get('/api/volunteer/hours')).json();
    expect(after).toMatchObject({ totalMinutes: 6000, starLevel: 1, pendingStarLevel: null, nextLevel: { level: 2, minHours: 300 } });
    expect((await notificationsOf(t.database, v.id)).map((n) => n.purpose)).toEqual(['star:reached', 'star:confirmed']);
  });

  it('a correction that takes the hours back under the threshold withdraws the pending award', async () => {
    const { v, ids } = await hardWorker(5);
    await station.post('/api/hours/approve', { ids });
    expect((await v.agent.get('/api/volunteer/hours')).json().pendingStarLevel).toBe(1);
    const fix = await station.post(`/api/hours/${ids[0]}/corrections`, { startedAt: at('2025-06-01', '02:00').toISOString(), endedAt: at('2025-06-01', '12:00').toISOString(), reason: '中途离开' });
    expect(fix.statusCode, fix.body).toBe(201);
    expect((await yongzhong.post(`/api/hours/${fix.json().id}/approve`, {})).statusCode).toBe(200);
    expect((await v.agent.get('/api/volunteer/hours')).json()).toMatchObject({ totalMinutes: 90 * 60, pendingStarLevel: null });
  });

  it('bulk confirmation confirms the awards in scope only', async () => {
    const { v, ids } = await hardWorker(5);
    await station.post('/api/hours/approve', { ids });
    const award = (await station.get('/api/star-awards?status=pending&limit=100')).json().items.find((x: { volunteerId: string }) => x.volunteerId === v.id);
    expect((await puzhou.post('/api/star-awards/confirm', { ids: [award.id] })).json()).toEqual({ confirmed: 0 });
    expect((await yongzhong.post('/api/star-awards/confirm', { ids: [award.id] })).json()).toEqual({ confirmed: 1 });
    expect((await yongzhong.post('/api/star-awards/confirm', { ids: [award.id] })).json()).toEqual({ confirmed: 0 });
    expect((await v.agent.get('/api/volunteer/hours')).json().starLevel).toBe(1);
  });
});

describe('star thresholds', () => {
  it('any staff reads them; only a district admin sets them, strictly increasing', async () => {
    expect((await station.get('/api/star-levels')).json()).toEqual({ levels: DEFAULTS });
    const lower = [
      { level: 1, minHours: 50 },
      { level: 2, minHours: 90 },
    ];
    expect((await yongzhong.put('/api/star-levels', { levels: lower })).statusCode).toBe(403);
    const flat = await district.put('/api/star-levels', { levels: [{ level: 1, minHours: 100 }, { level: 2, minHours: 100 }] });
    expect(flat.statusCode).toBe(400);
    expect(flat.json().error.details.fields[0].field).toBe('levels');
    const gap = await district.put('/api/star-levels', { levels: [{ level: 1, minHours: 100 }, { level: 3, minHours: 200 }] });
    expect(gap.statusCode).toBe(400);

    // Lower thresholds: someone with 80 h now reaches level 1, waiting for confirmation; raised again, it goes.
    const { v, ids } = await hardWorker(4);
    await station.post('/api/hours/approve', { ids });
    expect((await v.agent.get('/api/volunteer/hours')).json().pendingStarLevel).toBeNull();
    const res = await district.put('/api/star-levels', { levels: lower });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ levels: lower });
    expect((await v.agent.get('/api/volunteer/hours')).json()).toMatchObject({ totalMinutes: 80 * 60, pendingStarLevel: 1, nextLevel: { level: 2, minHours: 90 } });

    expect((await district.put('/api/star-levels', { levels: DEFAULTS })).statusCode).toBe(200);
    expect((await v.agent.get('/api/volunteer/hours')).json()).toMatchObject({ pendingStarLevel: null, nextLevel: { level: 1, minHours: 100 } });
  });
});
