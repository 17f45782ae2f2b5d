// The iCalendar feeds (a volunteer's confirmed activities behind a secret token, a team's and a site's published
// activities) and the activity list as .xlsx, through the API against activities written directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { agentWithCookie, signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { matrixContext, type MatrixCtx } from '../../testing/matrix';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { rowsOf } from '../../db/client';
import { publishedActivity, type FixtureActivity } from '../../testing/participation-fixtures';
import { addDays, fromLocal, localParts } from '../activities/activity-time';

let t: TestContext;
let ctx: MatrixCtx;
let yongzhong: Agent;
let puzhou: Agent;
let vol: Agent & { volunteerId: string };
let teamId: string;
let civicToken: string;
const a: Record<string, FixtureActivity> = {};

async function one<T>(q: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await t.database.db.execute(q))[0];
}

/** An activity 10:00–12:00 Shanghai time, `days` days from today. */
async function activity(title: string, days: number, o: { status?: string; team?: boolean; site?: boolean; unitCode?: string } = {}) {
  const date = addDays(localParts(new Date()).date, days);
  return publishedActivity(t.database, {
    unitCode: o.unitCode ?? '330303001001',
    title,
    startsAt: fromLocal(date, '10:00'),
    endsAt: fromLocal(date, '12:00'),
    status: o.status,
    teamId: o.team ? teamId : null,
    siteId: o.site ? (await one<{ id: string }>(sql`select id from sites where civic_token = ${civicToken}`)).id : null,
  });
}

async function signup(activityId: string, status: string) {
  await t.database.db.execute(sql`insert into signups (activity_id, kind, volunteer_id, status) values (${activityId}, 'volunteer', ${vol.volunteerId}, ${status})`);
}

type Ics = { text: string; events: string[]; summaries: string[] };
function parseIcs(body: string): Ics {
  const text = body.replace(/\r\n[ \t]/g, '');
  const events = text.split('BEGIN:VEVENT').slice(1).map((e) => e.split('END:VEVENT')[0]);
  return { text, events, summaries: events.map((e) => /\r\nSUMMARY:(.*)\r\n/.exec(e)?.[1] ?? '').sort() };
}

async function feed(url: string): Promise<Ics> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/calendar');
  expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(res.body.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  return parseIcs(res.body);
}

beforeAll(async () => {
  t = await startTestApp();
  ctx = await matrixContext(t.app, t.database);
  [yongzhong, puzhou] = await Promise.all(['13800000002', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
  const v = await ctx.volunteerSession();
  vol = Object.assign(agentWithCookie(t.app, v.cookie), { volunteerId: v.volunteerId });
  const unit = await one<{ id: string }>(sql`select id from units where code = '330303001001'`);
  teamId = (
    await one<{ id: string }>(sql`insert into teams (name, unit_id, unit_code, specialty, join_token) values ('日历测试队', ${unit.id}, '330303001001', 'civility', 'cal-team-join') returning id`)
  ).id;
  civicToken = 'calSiteToken01';
  await t.database.db.execute(sql`insert into sites (unit_id, unit_code, name, kind, address, civic_token) values (${unit.id}, '330303001001', '日历测试书房', 'library', '永中街道测试路1号', ${civicToken})`);

  a.lesson = await activity('日历·书法课', 2, { team: true, site: true });
  a.later = await activity('日历·敬老', 10, { team: true });
  a.draft = await activity('日历·草稿', 3, { team: true, status: 'draft' });
  a.far = await activity('日历·远期', 200, { team: true });
  a.past = await activity('日历·上月', -40, { team: true });
  a.cancelled = await activity('日历·取消', 5, { team: true, status: 'cancelled' });
  a.reading = await activity('日历·读书会', 4, { site: true });
  a.waiting = await activity('日历·候补', 6);
  a.dropped = await activity('日历·已退', 7);
  await signup(a.lesson.id, 'confirmed');
  await signup(a.cancelled.id, 'confirmed');
  await signup(a.waiting.id, 'waitlisted');
  await signup(a.dropped.id, 'cancelled');
});
afterAll(() => t.close());

describe('a volunteer’s calendar', () => {
  let url: string;

  it('gives the volunteer one feed address, and staff without a volunteer record none', async () => {
    const res = await vol.get('/api/volunteer/calendar');
    expect(res.statusCode).toBe(200);
    ({ url } = res.json());
    expect(url).toMatch(/^http:\/\/wenming\.test\/api\/calendars\/volunteers\/[A-Za-z0-9_-]{20,}\.ics$/);
    expect(res.json().webcalUrl).toBe(url.replace('http:', 'webcal:'));
    expect((await vol.get('/api/volunteer/calendar')).json().url).toBe(url);
    expect((await yongzhong.get('/api/volunteer/calendar')).statusCode).toBe(403);
  });

  it('holds the confirmed sign-ups only, in Shanghai time, with cancelled activities marked', async () => {
    const ics = await feed(new URL(url).pathname);
    expect(ics.summaries).toEqual(['日历·书法课', '日历·取消'].sort());
    const lesson = ics.events.find((e) => e.includes('日历·书法课'))!;
    const date = localParts(a.lesson.startsAt).date.replace(/-/g, '');
    expect(lesson).toContain(`DTSTART;TZID=Asia/Shanghai:${date}T100000`);
    expect(lesson).toContain(`DTEND;TZID=Asia/Shanghai:${date}T120000`);
    expect(lesson).toContain(`UID:${a.lesson.id}@wenming.test`);
    expect(lesson).toContain('LOCATION:日历测试书房，永中街道测试路1号');
    expect(lesson).toContain('STATUS:CONFIRMED');
    expect(ics.events.find((e) => e.includes('日历·取消'))).toContain('STATUS:CANCELLED');
    expect(ics.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    expect(ics.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  });

  it('a renewed address replaces the old one; unknown tokens are not found', async () => {
    const renewed = (await vol.post('/api/volunteer/calendar/renew', {})).json().url as string;
    expect(renewed).not.toBe(url);
    expect((await t.app.inject({ method: 'GET', url: new URL(url).pathname })).statusCode).toBe(404);
    expect((await feed(new URL(renewed).pathname)).events).toHaveLength(2);
    const wrong = await t.app.inject({ method: 'GET', url: '/api/calendars/volunteers/not-a-real-token.ics' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('not_found');
  });
});

describe('team and site calendars', () => {
  it('a team’s feed holds its published activities of the window', async () => {
    const ics = await feed(`/api/calendars/teams/${teamId}.ics`);
    expect(ics.summaries).toEqual(['日历·敬老', '日历·书法课'].sort());
    expect(ics.text).toContain('X-WR-CALNAME:日历测试队 · 活动');
    expect((await t.app.inject({ method: 'GET', url: '/api/calendars/teams/00000000-0000-4000-8000-000000000000.ics' })).statusCode).toBe(404);
    await t.database.db.execute(sql`update teams set status = 'dissolved' where id = ${teamId}`);
    expect((await t.app.inject({ method: 'GET', url: `/api/calendars/teams/${teamId}.ics` })).statusCode).toBe(404);
    await t.database.db.execute(sql`update teams set status = 'active' where id = ${teamId}`);
  });

  it('a site’s feed holds the published activities there; an unknown civic code is not found', async () => {
    const ics = await feed(`/api/calendars/sites/${civicToken}.ics`);
    expect(ics.summaries).toEqual(['日历·书法课', '日历·读书会'].sort());
    expect((await t.app.inject({ method: 'GET', url: '/api/calendars/sites/noSuchToken99.ics' })).statusCode).toBe(404);
  });
});

describe('activities.xlsx', () => {
  async function sheet(agent: Agent, query: string) {
    const res = await agent.get(`/api/activities.xlsx${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    return { titles: (ws.getColumn(5).values.slice(2) as string[]).filter(Boolean), rows: ws.rowCount - 1 };
  }

  it('exports the scope’s activities with the list’s filters', async () => {
    const mine = await sheet(yongzhong, `?q=${encodeURIComponent('日历·')}`);
    expect(mine.titles.sort()).toEqual(Object.values(a).map((x) => x.title).sort());
    expect((await sheet(yongzhong, `?q=${encodeURIComponent('日历·')}&status=draft`)).titles).toEqual(['日历·草稿']);
    expect((await sheet(puzhou, `?q=${encodeURIComponent('日历·')}`)).titles).toEqual([]);
    const yongzhongUnit = await one<{ id: string }>(sql`select id from units where code = '330303001'`);
    expect((await puzhou.get(`/api/activities.xlsx?unit=${yongzhongUnit.id}`)).statusCode).toBe(403);
    expect((await yongzhong.get('/api/activities.xlsx?cursor=abc')).statusCode).toBe(400);
    // No unit role, no rows.
    expect((await sheet(vol, '')).rows).toBe(0);
  });

  // Times in whole minutes, as the app writes them (JavaScript dates carry milliseconds; the list's cursor too).
  it('goes through every page of the list', async () => {
    const unit = await one<{ id: string }>(sql`select id from units where code = '330303001002'`);
    await t.database.db.execute(sql`insert into activities (title, topic, unit_id, unit_code, starts_at, ends_at, status)
      select '批量活动' || g, 'culture_life', ${unit.id}, '330303001002', date_trunc('minute', now()) + g * interval '1 hour',
        date_trunc('minute', now()) + g * interval '1 hour' + interval '30 minutes', 'published'
      from generate_series(1, 1205) g`);
    const all = await sheet(yongzhong, `?q=${encodeURIComponent('批量活动')}`);
    expect(all.rows).toBe(1205);
    expect(new Set(all.titles).size).toBe(1205);
  });
});
