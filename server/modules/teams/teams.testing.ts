// Helpers for the teams module's API tests: volunteers with a signed-in session, teams with a leader.
import { sql } from 'drizzle-orm';
import type { App } from '../../app';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/client';
import { createSession } from '../../platform/auth';
import { agentWithCookie, type Agent } from '../../testing/harness';

let phoneSeq = 0;

export type TestVolunteer = { id: string; number: string; phone: string; agent: Agent };

/** An active volunteer with an account and a signed-in session (home station 330303001001 unless told). */
export async function makeVolunteer(app: App, database: Database, opts: { name?: string; homeCode?: string } = {}): Promise<TestVolunteer> {
  const db = database.db;
  const phone = `177${String(++phoneSeq).padStart(4, '0')}${String(process.pid % 10000).padStart(4, '0')}`;
  const homeCode = opts.homeCode ?? '330303001001';
  const [acc] = rowsOf<{ id: string }>(await db.execute(sql`insert into accounts (phone, name) values (${phone}, ${opts.name ?? '测试志愿者'}) returning id`));
  const [v] = rowsOf<{ id: string; number: string }>(
    await db.execute(sql`insert into volunteers (account_id, name, phone, home_unit_id, home_unit_code, status, source)
      select ${acc.id}, ${opts.name ?? '测试志愿者'}, ${phone}, u.id, u.code, 'active', 'self' from units u where u.code = ${homeCode}
      returning id, number`),
  );
  const token = await createSession(db, acc.id, { ip: '127.0.0.1', userAgent: 'test', now: new Date() });
  return { id: v.id, number: v.number, phone, agent: agentWithCookie(app, `wm_session=${token}`) };
}

export async function unitIdOf(database: Database, code: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from units where code = ${code}`));
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

export async function smsTo(database: Database, phone: string): Promise<{ purpose: string; text: string }[]> {
  return rowsOf<{ purpose: string; text: string }>(await database.db.execute(sql`select purpose, text from sms_outbox where phone = ${phone} order by id`));
}

export async function auditActions(database: Database, objectId: string): Promise<string[]> {
  return rowsOf<{ action: string }>(await database.db.execute(sql`select action from audit_log where object_id = ${objectId} order by id`)).map((r) => r.action);
}

/** The membership id of a volunteer in a team, as the members list shows it. */
export async function memberIdOf(staff: Agent, teamId: string, volunteerId: string, status = ''): Promise<string> {
  const res = await staff.get(`/api/teams/${teamId}/members?limit=100${status ? `&status=${status}` : ''}`);
  const m = (res.json().items as { id: string; volunteerId: string }[]).find((x) => x.volunteerId === volunteerId);
  if (!m) throw new Error(`volunteer ${volunteerId} not in team ${teamId}: ${res.body}`);
  return m.id;
}
