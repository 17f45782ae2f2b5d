// Helpers for the sign-ups API tests: volunteers with skills and qualifications, activities relative to now, and
// reading what was sent (in-app notifications, the SMS outbox).
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import type { Database } from '../../db/client';
import { agentWithCookie, type Agent, type TestContext } from '../../testing/harness';
import type { MatrixCtx } from '../../testing/matrix';
import { publishedActivity, type FixtureActivity } from '../../testing/participation-fixtures';

export const HOUR = 3600_000;
export const STATION = '330303001001';

const textArray = (items: string[]) => `{${items.map((s) => `"${s}"`).join(',')}}`;

export type TestVolunteer = { volunteerId: string; accountId: string; phone: string; agent: Agent };

export async function makeVolunteer(t: TestContext, ctx: MatrixCtx, opts: { skills?: string[]; status?: string; name?: string } = {}): Promise<TestVolunteer> {
  const v = await ctx.volunteerSession();
  await t.database.db.execute(
    sql`update volunteers set skills = ${textArray(opts.skills ?? [])}::text[], status = ${opts.status ?? 'active'}, name = ${opts.name ?? '测试志愿者'} where id = ${v.volunteerId}`,
  );
  const [row] = rowsOf<{ phone: string }>(await t.database.db.execute(sql`select phone from volunteers where id = ${v.volunteerId}`));
  return { volunteerId: v.volunteerId, accountId: v.accountId, phone: row.phone, agent: agentWithCookie(t.app, v.cookie) };
}

export async function grantQualification(database: Database, volunteerId: string, name: string, expiresAt: Date | null, revoked = false): Promise<void> {
  await database.db.execute(sql`insert into qualifications (volunteer_id, name, granted_at, expires_at, revoked_at)
    values (${volunteerId}, ${name}, now() - interval '30 days', ${expiresAt?.toISOString() ?? null}, ${revoked ? new Date().toISOString() : null})`);
}

/** A published activity at the demo station starting `startsInHours` from now (two hours long). */
export async function activityIn(
  database: Database,
  startsInHours: number,
  over: Omit<Parameters<typeof publishedActivity>[1], 'unitCode' | 'startsAt' | 'endsAt'> & { unitCode?: string } = {},
): Promise<FixtureActivity> {
  const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + startsInHours * HOUR);
  return publishedActivity(database, { unitCode: STATION, ...over, startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) });
}

export async function notificationsOf(database: Database, volunteerId: string): Promise<{ purpose: string; title: string; body: string; link: string }[]> {
  return rowsOf(await database.db.execute(sql`select purpose, title, body, link from notifications where volunteer_id = ${volunteerId} order by created_at, id`));
}

export async function smsTo(database: Database, phone: string): Promise<{ purpose: string; text: string }[]> {
  return rowsOf(await database.db.execute(sql`select purpose, text from sms_outbox where phone = ${phone} order by id`));
}

export async function signupStatuses(database: Database, activityId: string): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number }>(
    await database.db.execute(sql`select status, count(*)::int as n from signups where activity_id = ${activityId} group by status`),
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
