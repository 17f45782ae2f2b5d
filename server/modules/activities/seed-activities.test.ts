import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../testing/harness';
import { rowsOf } from '../../db/client';
import { seedActivities } from '../../seed/activities';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(query));

describe('activities seed', () => {
  it('fills themes, the district list, adoptions and weekly activities with a few gaps, quickly', async () => {
    const started = Date.now();
    await t.database.db.transaction((tx) => seedActivities(tx, { now: new Date() }));
    expect(Date.now() - started).toBeLessThan(10_000);
    const [{ n: themes }] = await q<{ n: number }>(sql`select count(*)::int as n from monthly_themes`);
    expect(themes).toBe(12);
    const [{ n: adopted }] = await q<{ n: number }>(sql`select count(*)::int as n from programmes where adopted_from is not null`);
    expect(adopted).toBeGreaterThan(0);
    const weeks = await q<{ code: string; weeks: number }>(sql`select u.code, count(distinct date_trunc('week', a.starts_at at time zone 'Asia/Shanghai'))::int as weeks
      from units u left join activities a on a.unit_id = u.id where u.level = 'station' and u.status = 'active' group by u.code`);
    expect(weeks.length).toBeGreaterThan(5);
    expect(weeks.filter((w) => w.weeks === 12).length).toBeGreaterThan(weeks.length / 2);
    expect(weeks.some((w) => w.weeks < 12)).toBe(true);
  });
});
