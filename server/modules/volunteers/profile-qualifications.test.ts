// The profile shows each qualification once, as it stands now: a renewal replaces the old grant, a revoked one
// is gone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../testing/harness';
import { makeVolunteer } from '../training/training.testing';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('lists the current grant of each qualification only', async () => {
  const v = await makeVolunteer(t);
  await t.database.db.execute(sql`insert into qualifications (volunteer_id, name, granted_at, expires_at, revoked_at) values
    (${v.id}, '急救员', '2024-01-10T00:00:00Z', '2026-01-10T00:00:00Z', null),
    (${v.id}, '急救员', '2025-12-20T00:00:00Z', '2027-12-20T00:00:00Z', null),
    (${v.id}, '助老服务员', '2025-06-01T00:00:00Z', '2026-06-01T00:00:00Z', '2025-07-01T00:00:00Z'),
    (${v.id}, '宣讲员', '2025-03-01T00:00:00Z', null, null)`);
  const res = await v.agent.get('/api/me/volunteer');
  expect(res.statusCode, res.body).toBe(200);
  const q = (res.json() as { qualifications: { name: string; expiresAt: string | null }[] }).qualifications;
  expect(q.map((x) => x.name).sort()).toEqual(['宣讲员', '急救员']);
  expect(q.find((x) => x.name === '急救员')!.expiresAt).toMatch(/^2027-12-20/);
});
