// Helpers for the attendance API tests: a runner (the demo station admin), fresh volunteers, activities placed
// relative to the test clock, and the code / scan calls. Sessions are made at the test clock's time for each
// call, so moving the clock past the 30-minute idle limit does not sign anyone out.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { ModuleDeps } from '../../app';
import { rowsOf } from '../../db/client';
import { createSession } from '../../platform/auth';
import type { TestContext } from '../../testing/harness';
import { matrixContext, withCookie } from '../../testing/matrix';
import { confirmedSignup, publishedActivity, type FixtureActivity } from '../../testing/participation-fixtures';

export const STATION = '330303001001';
const MIN = 60_000;

export type Person = { accountId: string; volunteerId: string };

export async function attendanceKit(t: TestContext) {
  const db = t.database.db;
  const ctx = await matrixContext(t.app, t.database);
  const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q))[0];
  const runnerId = (await one<{ id: string }>(sql`select id from accounts where phone = '13800000003'`)).id;

  const as = async (accountId: string, opts: InjectOptions) => {
    const token = await createSession(db, accountId, { ip: '127.0.0.1', userAgent: 'test', now: t.clock.now() });
    return t.app.inject(withCookie(opts, `wm_session=${token}`));
  };

  return {
    ctx,
    runnerId,
    as,
    one,
    /** A published activity of the demo station, `startMin`/`endMin` minutes from the test clock's now. */
    activity: (startMin: number, endMin: number, over: Partial<Parameters<typeof publishedActivity>[1]> = {}): Promise<FixtureActivity> => {
      const now = t.clock.now().getTime();
      return publishedActivity(t.database, { unitCode: STATION, startsAt: new Date(now + startMin * MIN), endsAt: new Date(now + endMin * MIN), ...over });
    },
    /** A fresh active volunteer, with a confirmed sign-up for each activity given. */
    volunteer: async (...activityIds: string[]): Promise<Person> => {
      const v = await ctx.volunteerSession();
      for (const id of activityIds) await confirmedSignup(t.database, id, v.volunteerId);
      return { accountId: v.accountId, volunteerId: v.volunteerId };
    },
    codeOf: async (activityId: string, mode: 'in' | 'out' = 'in') => {
      const res = await as(runnerId, { method: 'GET', url: `/api/activities/${activityId}/checkin-code?mode=${mode}` });
      if (res.statusCode !== 200) throw new Error(`checkin-code: ${res.statusCode} ${res.body}`);
      return res.json() as { code: string; url: string; qrSvg: string; mode: string; expiresAt: string; refreshAt: string };
    },
    scan: (p: Person, body: Record<string, unknown>, key?: string) =>
      as(p.accountId, { method: 'POST', url: '/api/volunteer/attendance', payload: body, headers: key ? { 'idempotency-key': key } : {} }),
    myPairs: async (p: Person, activityId: string) =>
      (await as(p.accountId, { method: 'GET', url: `/api/volunteer/attendance?activityId=${activityId}` })).json().pairs as {
        id: string;
        checkedInAt: string;
        checkedOutAt: string | null;
        inMethod: string;
        outMethod: string | null;
        autoClosed: boolean;
      }[],
    records: async (volunteerId: string) =>
      rowsOf<{ id: string; minutes: number; status: string; flags: string[]; attendance_id: string; source: string; started_at: Date; ended_at: Date }>(
        await db.execute(sql`select id, minutes, status, flags, attendance_id, source, started_at, ended_at from service_records where volunteer_id = ${volunteerId}`),
      ),
    pairCount: async (volunteerId: string) => (await one<{ n: number }>(sql`select count(*)::int as n from attendances where volunteer_id = ${volunteerId}`)).n,
    /** The job needs only the database. */
    jobDeps: { db, database: t.database } as unknown as ModuleDeps,
  };
}

/** Moves the clock to `seconds` after the start of the minute the code was made in. */
export function ageCodeTo(t: TestContext, code: { refreshAt: string }, seconds: number): void {
  const windowStart = Date.parse(code.refreshAt) - MIN;
  t.clock.advance(windowStart + seconds * 1000 - t.clock.now().getTime());
}

/** The same code with one character of its signature changed. */
export function tampered(code: string): string {
  const last = code.slice(-1);
  return code.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}
