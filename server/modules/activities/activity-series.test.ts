import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { activityBody, unitId } from './activities.testing';
import { weeklyOccurrences } from './activity-time';

let t: TestContext;
let station: Agent;
let stationId: string;

beforeAll(async () => {
  t = await startTestApp();
  station = await signIn(t.app, '13800000003', DEMO_PASSWORD);
  stationId = await unitId(t.database, '330303001001');
});
afterAll(() => t.close());

type Row = { id: string; startsAt: string; endsAt: string; seriesId: string; title: string; status: string };
const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('weekly series', () => {
  it('creates one activity per chosen weekday at the same local time, across a month boundary', async () => {
    // 2030-01-26 is a Saturday.
    const res = await station.post('/api/activities', activityBody(stationId, {
      startsAt: '2030-01-26T09:00:00+08:00',
      endsAt: '2030-01-26T11:00:00+08:00',
      repeat: { weekdays: [6, 7], until: '2030-02-10' },
    }));
    expect(res.statusCode, res.body).toBe(201);
    const rows: Row[] = res.json().activities;
    expect(rows.map((r) => local(r.startsAt))).toEqual([
      '2030-01-26 09:00',
      '2030-01-27 09:00',
      '2030-02-02 09:00',
      '2030-02-03 09:00',
      '2030-02-09 09:00',
      '2030-02-10 09:00',
    ]);
    expect(rows.every((r) => local(r.endsAt).endsWith('11:00'))).toBe(true);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
    const detail = (await station.get(`/api/activities/${rows[0].id}`)).json();
    expect(detail.series).toMatchObject({ weekdays: [6, 7], startTime: '09:00', endTime: '11:00', firstDate: '2030-01-26', lastDate: '2030-02-10', count: 6 });
    expect((await station.get(`/api/activities?series=${rows[0].seriesId}&limit=100`)).json().items).toHaveLength(6);
  });

  it('keeps the local date for a late-evening class whose UTC date is the day before', () => {
    const list = weeklyOccurrences({ startsAt: new Date('2030-01-31T23:30:00+08:00'), endsAt: new Date('2030-02-01T00:30:00+08:00') }, [4], '2030-02-14', 60);
    expect(list.map((o) => o.startsAt.toISOString())).toEqual(['2030-01-31T15:30:00.000Z', '2030-02-07T15:30:00.000Z', '2030-02-14T15:30:00.000Z']);
  });

  it('refuses more than 60 occurrences and a rule with no date, naming the field', async () => {
    const tooMany = await station.post('/api/activities', activityBody(stationId, {
      startsAt: '2030-03-04T09:00:00+08:00',
      endsAt: '2030-03-04T10:00:00+08:00',
      repeat: { weekdays: [1, 3, 5], until: '2030-12-31' },
    }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.fields[0].field).toBe('repeat.until');
    const none = await station.post('/api/activities', activityBody(stationId, {
      startsAt: '2030-03-04T09:00:00+08:00',
      endsAt: '2030-03-04T10:00:00+08:00',
      repeat: { weekdays: [7], until: '2030-03-05' },
    }));
    expect(none.json().error.details.fields[0].field).toBe('repeat.weekdays');
    const exactly60 = await station.post('/api/activities', activityBody(stationId, {
      startsAt: '2030-03-04T09:00:00+08:00',
      endsAt: '2030-03-04T10:00:00+08:00',
      repeat: { weekdays: [1], until: '2031-04-21' },
    }));
    expect(exactly60.statusCode, exactly60.body).toBe(201);
    expect(exactly60.json().activities).toHaveLength(60);
  });

  it('edits "this and following": later ones move alike and split off; earlier ones stay', async () => {
    const rows: Row[] = (
      await station.post('/api/activities', activityBody(stationId, {
        title: '周六书法课',
        startsAt: '2030-05-04T09:00:00+08:00',
        endsAt: '2030-05-04T10:30:00+08:00',
        repeat: { weekdays: [6], until: '2030-05-25' },
      }))
    ).json().activities;
    expect(rows).toHaveLength(4);
    const res = await station.patch(`/api/activities/${rows[2].id}`, {
      title: '周六书法课（下午）',
      startsAt: '2030-05-18T14:00:00+08:00',
      endsAt: '2030-05-18T16:00:00+08:00',
      scope: 'following',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after: Row[] = await Promise.all(rows.map(async (r) => (await station.get(`/api/activities/${r.id}`)).json()));
    expect(after.map((r) => [r.title, local(r.startsAt), local(r.endsAt)])).toEqual([
      ['周六书法课', '2030-05-04 09:00', '2030-05-04 10:30'],
      ['周六书法课', '2030-05-11 09:00', '2030-05-11 10:30'],
      ['周六书法课（下午）', '2030-05-18 14:00', '2030-05-18 16:00'],
      ['周六书法课（下午）', '2030-05-25 14:00', '2030-05-25 16:00'],
    ]);
    expect(after[2].seriesId).toBe(after[3].seriesId);
    expect(after[2].seriesId).not.toBe(after[0].seriesId);
    const old = (await station.get(`/api/activities/${rows[0].id}`)).json().series;
    expect(old).toMatchObject({ lastDate: '2030-05-11', count: 2 });

    // Editing one leaves the rest of its series alone.
    await station.patch(`/api/activities/${rows[3].id}`, { title: '单次调整', scope: 'one' });
    expect((await station.get(`/api/activities/${rows[2].id}`)).json().title).toBe('周六书法课（下午）');
  });

  it('submits and cancels "this and following" of a series', async () => {
    const rows: Row[] = (
      await station.post('/api/activities', activityBody(stationId, {
        startsAt: '2030-06-03T19:00:00+08:00',
        endsAt: '2030-06-03T20:00:00+08:00',
        repeat: { weekdays: [1], until: '2030-06-24' },
      }))
    ).json().activities;
    expect((await station.post(`/api/activities/${rows[1].id}/submit`, { scope: 'following' })).statusCode).toBe(200);
    const statuses = async () => Promise.all(rows.map(async (r) => (await station.get(`/api/activities/${r.id}`)).json().status));
    expect(await statuses()).toEqual(['draft', 'published', 'published', 'published']);
    await station.post(`/api/activities/${rows[2].id}/cancel`, { reason: '场地维修', scope: 'following' });
    expect(await statuses()).toEqual(['draft', 'published', 'cancelled', 'cancelled']);
  });
});
