import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, TEST_SECRET_KEY, type TestContext } from '../../testing/harness';
import { siteIn } from '../activities/activities.testing';
import { checkinCodeAt } from './checkin-code';
import { ageCodeTo, attendanceKit, tampered } from './attendance.testing';

let t: TestContext;
let kit: Awaited<ReturnType<typeof attendanceKit>>;
const errorOf = (res: { json(): { error: { code: string } } }) => res.json().error.code;

beforeAll(async () => {
  t = await startTestApp();
  kit = await attendanceKit(t);
});
afterAll(() => t.close());

describe('check-in code', () => {
  it('gives the runner a code, its check-in URL and a QR of that URL', async () => {
    const a = await kit.activity(-10, 120);
    const c = await kit.codeOf(a.id, 'out');
    expect(c.code.startsWith(`${a.id}.o.`)).toBe(true);
    expect(c.url).toBe(`http://wenming.test/m/check-in?c=${encodeURIComponent(c.code)}`);
    expect(c.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(Date.parse(c.expiresAt) - Date.parse(c.refreshAt)).toBe(60_000);
  });

  it('refuses a cancelled activity’s code', async () => {
    const a = await kit.activity(-10, 120, { status: 'cancelled' });
    const res = await kit.as(kit.runnerId, { method: 'GET', url: `/api/activities/${a.id}/checkin-code` });
    expect(errorOf(res)).toBe('checkin_not_open');
  });
});

describe('scanning', () => {
  it('checks in, then out, making one pending record with the minutes in between', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    const inRes = await kit.scan(v, { code: (await kit.codeOf(a.id, 'in')).code, activityId: a.id });
    expect(inRes.statusCode, inRes.body).toBe(200);
    expect(inRes.json()).toMatchObject({ action: 'in', record: null, activity: { id: a.id, title: a.title }, attendance: { inMethod: 'qr', checkedOutAt: null } });

    t.clock.advance(45 * 60_000);
    const outRes = await kit.scan(v, { code: (await kit.codeOf(a.id, 'out')).code });
    expect(outRes.statusCode, outRes.body).toBe(200);
    const body = outRes.json();
    expect(body).toMatchObject({ action: 'out', attendance: { id: inRes.json().attendance.id, outMethod: 'qr', autoClosed: false }, record: { minutes: 45, status: 'pending', flags: [] } });

    const records = await kit.records(v.volunteerId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: body.record.id, minutes: 45, status: 'pending', source: 'checkin', attendance_id: body.attendance.id });
    const pairs = await kit.myPairs(v, a.id);
    expect(pairs).toHaveLength(1);
    expect(pairs[0].checkedOutAt).not.toBeNull();
  });

  it('answers already_checked_in to a second scan of the in-code and keeps one open pair', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    const { code } = await kit.codeOf(a.id, 'in');
    expect((await kit.scan(v, { code })).statusCode).toBe(200);
    const again = await kit.scan(v, { code });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toBe('already_checked_in');
    const pairs = await kit.myPairs(v, a.id);
    expect(pairs.filter((p) => p.checkedOutAt === null)).toHaveLength(1);
    expect(pairs).toHaveLength(1);
  });

  it('answers not_checked_in to an out-code without a check-in', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    const res = await kit.scan(v, { code: (await kit.codeOf(a.id, 'out')).code });
    expect(errorOf(res)).toBe('not_checked_in');
    expect(await kit.records(v.volunteerId)).toHaveLength(0);
  });

  it('accepts a code 90 s old and refuses it as expired after 120 s', async () => {
    const a = await kit.activity(-10, 120);
    const early = await kit.volunteer(a.id);
    const late = await kit.volunteer(a.id);
    const c = await kit.codeOf(a.id, 'in');
    ageCodeTo(t, c, 90);
    expect((await kit.scan(early, { code: c.code })).statusCode).toBe(200);
    ageCodeTo(t, c, 121);
    const res = await kit.scan(late, { code: c.code });
    expect(res.statusCode).toBe(410);
    expect(errorOf(res)).toBe('checkin_code_expired');
    expect(await kit.pairCount(late.volunteerId)).toBe(0);
  });

  it('refuses an altered signature or a code that is no code as checkin_code_invalid', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    const { code } = await kit.codeOf(a.id, 'in');
    for (const bad of [tampered(code), code.replace('.i.', '.o.'), 'hello', `${code}x`]) {
      const res = await kit.scan(v, { code: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(errorOf(res)).toBe('checkin_code_invalid');
    }
    expect(await kit.pairCount(v.volunteerId)).toBe(0);
  });

  it('refuses activity B’s code posted for activity A', async () => {
    const a = await kit.activity(-10, 120);
    const b = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id, b.id);
    const res = await kit.scan(v, { code: (await kit.codeOf(b.id, 'in')).code, activityId: a.id });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toBe('checkin_wrong_activity');
    expect(await kit.pairCount(v.volunteerId)).toBe(0);
  });

  it('refuses people without a confirmed sign-up: none, or only on the waiting list', async () => {
    const a = await kit.activity(-10, 120);
    const stranger = await kit.volunteer();
    const waiting = await kit.volunteer();
    await t.database.db.execute(sql`insert into signups (activity_id, kind, volunteer_id, status) values (${a.id}, 'volunteer', ${waiting.volunteerId}, 'waitlisted')`);
    const { code } = await kit.codeOf(a.id, 'in');
    for (const p of [stranger, waiting]) {
      const res = await kit.scan(p, { code });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res)).toBe('not_signed_up');
      expect(await kit.pairCount(p.volunteerId)).toBe(0);
    }
  });

  it('opens an hour before the start and refuses a cancelled activity', async () => {
    const later = await kit.activity(90, 180);
    const cancelled = await kit.activity(-10, 120, { status: 'cancelled' });
    const v = await kit.volunteer(later.id, cancelled.id);
    const now = t.clock.now();
    expect(errorOf(await kit.scan(v, { code: (await kit.codeOf(later.id, 'in')).code }))).toBe('checkin_not_open');
    expect(errorOf(await kit.scan(v, { code: checkinCodeAt(TEST_SECRET_KEY, cancelled.id, 'in', now).code }))).toBe('checkin_not_open');
    t.clock.advance(31 * 60_000);
    expect((await kit.scan(v, { code: (await kit.codeOf(later.id, 'in')).code })).statusCode).toBe(200);
  });

  it('allows three pairs a day and refuses the fourth check-in', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    for (let i = 0; i < 3; i++) {
      expect((await kit.scan(v, { code: (await kit.codeOf(a.id, 'in')).code })).statusCode).toBe(200);
      expect((await kit.scan(v, { code: (await kit.codeOf(a.id, 'out')).code })).statusCode).toBe(200);
    }
    const fourth = await kit.scan(v, { code: (await kit.codeOf(a.id, 'in')).code });
    expect(fourth.statusCode).toBe(409);
    expect(errorOf(fourth)).toBe('checkin_limit_reached');
    expect(await kit.pairCount(v.volunteerId)).toBe(3);
  });
});

describe('geofence', () => {
  it('asks for the location, refuses it far from the site and accepts it near', async () => {
    const site = await siteIn(t.database, '330303001001');
    await t.database.db.execute(sql`update sites set lat = 27.9500, lng = 120.7500 where id = ${site.id}`);
    const a = await kit.activity(-10, 120, { siteId: site.id, geofenceMeters: 200 });
    const v = await kit.volunteer(a.id);
    const { code } = await kit.codeOf(a.id, 'in');

    const missing = await kit.scan(v, { code });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing)).toBe('location_required');
    const far = await kit.scan(v, { code, lat: 27.96, lng: 120.75 }); // about 1.1 km north
    expect(far.statusCode).toBe(403);
    expect(errorOf(far)).toBe('outside_geofence');
    const half = await kit.scan(v, { code, lat: 27.95 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details.fields[0].field).toBe('body.lng');
    expect(await kit.pairCount(v.volunteerId)).toBe(0);

    const near = await kit.scan(v, { code, lat: 27.9504, lng: 120.7502 }); // about 50 m away
    expect(near.statusCode, near.body).toBe(200);
  });

  it('does not ask for a location when the site has no position', async () => {
    const site = await siteIn(t.database, '330303001001');
    const a = await kit.activity(-10, 120, { siteId: site.id, geofenceMeters: 200 });
    await t.database.db.execute(sql`update sites set lat = null, lng = null where id = ${site.id}`);
    const v = await kit.volunteer(a.id);
    expect((await kit.scan(v, { code: (await kit.codeOf(a.id, 'in')).code })).statusCode).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retried check-out with the first answer and records once, even after the code expired', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    await kit.scan(v, { code: (await kit.codeOf(a.id, 'in')).code });
    t.clock.advance(20 * 60_000);
    const out = await kit.codeOf(a.id, 'out');
    const first = await kit.scan(v, { code: out.code }, 'retry-out-0001');
    expect(first.statusCode, first.body).toBe(200);
    const second = await kit.scan(v, { code: out.code }, 'retry-out-0001');
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    ageCodeTo(t, out, 300);
    const late = await kit.scan(v, { code: out.code }, 'retry-out-0001');
    expect(late.json()).toEqual(first.json());
    expect(await kit.records(v.volunteerId)).toHaveLength(1);
    expect(await kit.pairCount(v.volunteerId)).toBe(1);
  });

  it('gives concurrent requests with one key the same answer and one pair', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    const { code } = await kit.codeOf(a.id, 'in');
    const answers = await Promise.all([0, 1, 2].map(() => kit.scan(v, { code, activityId: a.id }, 'concurrent-in-1')));
    for (const res of answers) expect(res.statusCode, res.body).toBe(200);
    expect(new Set(answers.map((r) => r.json().attendance.id)).size).toBe(1);
    expect(await kit.pairCount(v.volunteerId)).toBe(1);
  });

  it('refuses the same key with another code, and keys are per account', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    const other = await kit.volunteer(a.id);
    const inCode = (await kit.codeOf(a.id, 'in')).code;
    expect((await kit.scan(v, { code: inCode }, 'reused-key-01')).statusCode).toBe(200);
    const reused = await kit.scan(v, { code: (await kit.codeOf(a.id, 'out')).code }, 'reused-key-01');
    expect(reused.statusCode).toBe(422);
    expect(errorOf(reused)).toBe('idempotency_key_reused');
    expect(await kit.records(v.volunteerId)).toHaveLength(0);
    // Another person's identical key is their own.
    const theirs = await kit.scan(other, { code: inCode }, 'reused-key-01');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().attendance.volunteerId).toBe(other.volunteerId);
  });

  it('runs a request again after it failed under the same key', async () => {
    const a = await kit.activity(-10, 120);
    const v = await kit.volunteer(a.id);
    const out = (await kit.codeOf(a.id, 'out')).code;
    expect(errorOf(await kit.scan(v, { code: out }, 'after-fail-01'))).toBe('not_checked_in');
    await kit.scan(v, { code: (await kit.codeOf(a.id, 'in')).code });
    expect((await kit.scan(v, { code: out }, 'after-fail-01')).json().action).toBe('out');
  });
});

describe('rate limit', () => {
  it('refuses a scanning loop of one account without holding up others', async () => {
    const a = await kit.activity(-10, 120);
    const looping = await kit.volunteer(a.id);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await kit.scan(looping, { code: 'not-a-code' })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    const other = await kit.volunteer(a.id);
    expect((await kit.scan(other, { code: (await kit.codeOf(a.id, 'in')).code })).statusCode).toBe(200);
  });
});

describe('API reference', () => {
  it('documents the attendance routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/volunteer/attendance'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(paths['/api/activities/{id}/attendance/manual']?.post).toBeDefined();
    expect(paths['/api/activities/{id}/checkin-code']?.get).toBeDefined();
  });
});
