// The demo school seed: fast, and it leaves something for every list the school pages show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import { startTestApp, type TestContext } from '../../testing/harness';
import { seedTraining } from '../../seed/training';
import { makeVolunteer, staff } from './training.testing';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('seedTraining', () => {
  it('seeds courses, sessions, records and qualifications, some expiring within 30 days', async () => {
    const db = t.database.db;
    // 2,000 volunteers spread over every station, a few of them still pending.
    await db.execute(sql`insert into volunteers (name, phone, home_unit_id, home_unit_code, status, source)
      select '种子' || g, '139' || lpad(g::text, 8, '0'), u.id, u.code, case when g % 10 = 0 then 'pending' else 'active' end, 'import'
      from generate_series(1, 2000) g
      join lateral (select id, code from units where level = 'station' order by code offset (g % 100) limit 1) u on true`);
    const volunteers = rowsOf<{ id: string; home_unit_code: string }>(await db.execute(sql`select id, home_unit_code from volunteers`)).map((v) => ({
      id: v.id,
      homeUnitCode: v.home_unit_code,
    }));
    await db.transaction((tx) => seedTraining(tx, { volunteers, now: t.clock.now() }));

    const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0].n);
    expect(await count(sql`select count(*)::int as n from courses`)).toBeGreaterThanOrEqual(4);
    expect(await count(sql`select count(*)::int as n from course_sessions where starts_at > now()`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::int as n from course_sessions where ends_at < now()`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::int as n from enrolments e join volunteers v on v.id = e.volunteer_id where v.status <> 'active'`)).toBe(0);

    const district = await staff(t, '13800000001');
    const expiring = (await district.get('/api/school/qualifications/expiring?days=30&limit=100')).json();
    expect(expiring.total).toBeGreaterThan(0);
    expect(expiring.items.every((q: { daysLeft: number }) => q.daysLeft <= 30)).toBe(true);
    const upcoming = (await (await makeVolunteer(t)).agent.get('/api/me/school/sessions')).json().items;
    expect(upcoming.length).toBeGreaterThan(3);
    expect(upcoming.some((s: { placesLeft: number; capacity: number }) => s.placesLeft < s.capacity)).toBe(true);
  });
});
