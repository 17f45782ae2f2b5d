import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { activityBody, auditCount, unitId } from './activities.testing';

let t: TestContext;
let district: Agent;
let yongzhong: Agent; // institute admin 330303001, above the station
let station: Agent; // station admin 330303001001
let puzhou: Agent; // sibling institute admin 330303002
let stationId: string;
let instituteId: string;

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
  stationId = await unitId(t.database, '330303001001');
  instituteId = await unitId(t.database, '330303001');
});
afterAll(() => t.close());

const draft = async () => (await station.post('/api/activities', activityBody(stationId))).json().activities[0] as { id: string };
const queueIds = async (a: Agent) => (await a.get('/api/activities/review-queue?limit=100')).json().items.map((x: { id: string }) => x.id) as string[];

describe('unit settings', () => {
  it('are decided by the level above: the institute sets its station’s, the station cannot', async () => {
    expect((await station.get(`/api/units/${stationId}/settings`)).json()).toEqual({ activityReview: false });
    expect((await station.put(`/api/units/${stationId}/settings`, { activityReview: true })).statusCode).toBe(403);
    expect((await puzhou.put(`/api/units/${stationId}/settings`, { activityReview: true })).statusCode).toBe(403);
    expect((await yongzhong.put(`/api/units/${instituteId}/settings`, { activityReview: true })).statusCode).toBe(403);
    expect((await district.put(`/api/units/${await unitId(t.database, '330303')}/settings`, { activityReview: true })).statusCode).toBe(403);
    const res = await yongzhong.put(`/api/units/${stationId}/settings`, { activityReview: false });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('review flow', () => {
  it('publishes a submitted activity straight away when the station’s settings ask for no review', async () => {
    await yongzhong.put(`/api/units/${stationId}/settings`, { activityReview: false });
    const a = await draft();
    const res = await station.post(`/api/activities/${a.id}/submit`);
    expect(res.json()).toMatchObject({ status: 'published', review: { needed: false } });
    expect(await queueIds(yongzhong)).not.toContain(a.id);
  });

  it('sends it to the institute for review when asked; the institute approves, others cannot', async () => {
    await yongzhong.put(`/api/units/${stationId}/settings`, { activityReview: true });
    const a = await draft();
    expect((await station.post(`/api/activities/${a.id}/submit`)).json().status).toBe('submitted');
    expect(await queueIds(yongzhong)).toContain(a.id);
    expect(await queueIds(district)).toContain(a.id);
    expect(await queueIds(puzhou)).not.toContain(a.id);
    expect(await queueIds(station)).toEqual([]);
    // A station admin (its own activity) and a sibling institute may not decide.
    expect((await station.post(`/api/activities/${a.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await puzhou.post(`/api/activities/${a.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    const res = await yongzhong.post(`/api/activities/${a.id}/review`, { decision: 'approve', note: '内容很好' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', review: { note: '内容很好', reviewerName: expect.any(String) } });
    expect(await auditCount(t.database, 'activity.approved', a.id)).toBe(1);
    expect((await yongzhong.post(`/api/activities/${a.id}/review`, { decision: 'approve' })).statusCode).toBe(409);
    expect(await queueIds(yongzhong)).not.toContain(a.id);
  });

  it('sends a rejected activity back to draft with the note, which is required', async () => {
    await yongzhong.put(`/api/units/${stationId}/settings`, { activityReview: true });
    const a = await draft();
    await station.post(`/api/activities/${a.id}/submit`);
    const noNote = await yongzhong.post(`/api/activities/${a.id}/review`, { decision: 'reject' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details.fields[0].field).toBe('note');
    const res = await yongzhong.post(`/api/activities/${a.id}/review`, { decision: 'reject', note: '请补充活动地点' });
    expect(res.json()).toMatchObject({ status: 'draft', review: { note: '请补充活动地点' } });
    // The station fixes it and submits again.
    expect((await station.post(`/api/activities/${a.id}/submit`)).json().status).toBe('submitted');
  });

  it('has the district review an institute’s own activities; the institute cannot review itself', async () => {
    await district.put(`/api/units/${instituteId}/settings`, { activityReview: true });
    const a = (await yongzhong.post('/api/activities', activityBody(instituteId))).json().activities[0];
    expect((await yongzhong.post(`/api/activities/${a.id}/submit`)).json().status).toBe('submitted');
    expect(await queueIds(yongzhong)).not.toContain(a.id);
    expect((await yongzhong.post(`/api/activities/${a.id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await district.post(`/api/activities/${a.id}/review`, { decision: 'approve' })).json().status).toBe('published');
  });
});
