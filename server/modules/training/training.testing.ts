// Helpers for the school's API tests: volunteers with a signed-in session (the registry's own routes are another
// module's), staff sign-in that survives clock jumps, and look-ups.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import { createSession } from '../../platform/auth';
import { agentWithCookie, signIn, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

let phones = 0;

export type TestVolunteer = { id: string; number: string; phone: string; accountId: string; agent: Agent };

/** A volunteer with an account, home station 330303001001 unless told, and a session at the test clock's now. */
export async function makeVolunteer(
  t: TestContext,
  opts: { status?: 'pending' | 'active' | 'suspended'; homeCode?: string; name?: string } = {},
): Promise<TestVolunteer> {
  const phone = `177${String(process.pid % 1000).padStart(3, '0')}${String(++phones).padStart(5, '0')}`;
  const db = t.database.db;
  const homeCode = opts.homeCode ?? '330303001001';
  const [acc] = rowsOf<{ id: string }>(await db.execute(sql`insert into accounts (phone, name) values (${phone}, ${opts.name ?? '学员'}) returning id`));
  const [v] = rowsOf<{ id: string; number: string }>(
    await db.execute(sql`insert into volunteers (account_id, name, phone, home_unit_id, home_unit_code, status, source)
      values (${acc.id}, ${opts.name ?? '学员'}, ${phone}, (select id from units where code = ${homeCode}), ${homeCode}, ${opts.status ?? 'active'}, 'self')
      returning id, number`),
  );
  const volunteer = { id: v.id, number: v.number, phone, accountId: acc.id, agent: await volunteerAgent(t, acc.id) };
  return volunteer;
}

/** A fresh session for a volunteer's account (sessions idle out when a test moves the clock). */
export async function volunteerAgent(t: TestContext, accountId: string): Promise<Agent> {
  const token = await createSession(t.database.db, accountId, { ip: '127.0.0.1', userAgent: 'test', now: t.clock.now() });
  return agentWithCookie(t.app, `wm_session=${token}`);
}

export function staff(t: TestContext, phone: string): Promise<Agent> {
  return signIn(t.app, phone, DEMO_PASSWORD);
}

export async function unitIdOf(t: TestContext, code: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from units where code = ${code}`));
  return row.id;
}

export async function siteIn(t: TestContext, code: string): Promise<{ id: string; name: string }> {
  const [row] = rowsOf<{ id: string; name: string }>(
    await t.database.db.execute(sql`select id, name from sites where unit_code = ${code} and status <> 'closed' order by name limit 1`),
  );
  return row;
}

/** ISO times `fromNowMs` after the test clock's now, lasting `hours`. */
export function slot(t: TestContext, fromNowMs: number, hours = 2) {
  const starts = new Date(t.clock.now().getTime() + fromNowMs);
  return { startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + hours * HOUR).toISOString() };
}

export async function smsTo(t: TestContext, phone: string): Promise<{ purpose: string; text: string }[]> {
  return rowsOf<{ purpose: string; text: string }>(
    await t.database.db.execute(sql`select purpose, text from sms_outbox where phone = ${phone} order by id`),
  );
}

export async function auditOf(t: TestContext, action: string): Promise<{ object_id: string; details: unknown }[]> {
  return rowsOf(await t.database.db.execute(sql`select object_id, details from audit_log where action = ${action} order by id`));
}
