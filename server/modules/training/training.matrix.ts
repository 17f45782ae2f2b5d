// Policy matrix entries for the volunteer school (see server/testing/matrix.ts). Staff routes act on a course of
// the target institute (330303001) or on a volunteer whose home unit is the institute itself, so its own admin
// and the district admin may, while a station under it, a sibling institute and another district may not.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';

const allowed = ['same', 'parent'] as const;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function one<T>(ctx: MatrixCtx, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await ctx.database.db.execute(query))[0];
}

async function targetCourse(ctx: MatrixCtx): Promise<string> {
  const unit = await ctx.unitId(TARGET_CODE);
  return (
    await one<{ id: string }>(
      ctx,
      sql`insert into courses (title, unit_id, unit_code, qualification, valid_months) values ('矩阵急救员培训', ${unit}, ${TARGET_CODE}, '急救员', 24) returning id`,
    )
  ).id;
}

/** A session of a fresh target course, starting `startsIn` ms from now and lasting two hours. */
async function freshSession(ctx: MatrixCtx, startsIn = 7 * DAY): Promise<string> {
  const course = await targetCourse(ctx);
  const starts = new Date(Date.now() + startsIn);
  const ends = new Date(starts.getTime() + 2 * HOUR);
  return (
    await one<{ id: string }>(
      ctx,
      sql`insert into course_sessions (course_id, starts_at, ends_at, place, capacity) values (${course}, ${starts}, ${ends}, '矩阵教室', 30) returning id`,
    )
  ).id;
}

/** An active volunteer whose home is the target institute itself (not one of its stations). */
async function targetVolunteer(ctx: MatrixCtx): Promise<{ id: string; number: string }> {
  const home = await ctx.unitId(TARGET_CODE);
  return one(
    ctx,
    sql`insert into volunteers (name, phone, home_unit_id, home_unit_code, status, source)
      values ('矩阵学员', ${ctx.uniquePhone()}, ${home}, ${TARGET_CODE}, 'active', 'staff') returning id, number`,
  );
}

async function expiringQualification(ctx: MatrixCtx): Promise<void> {
  const v = await targetVolunteer(ctx);
  const granted = new Date(Date.now() - 700 * DAY);
  const expires = new Date(Date.now() + 10 * DAY);
  await ctx.database.db.execute(sql`insert into qualifications (volunteer_id, name, granted_at, expires_at) values (${v.id}, '急救员', ${granted}, ${expires})`);
}

/** A session that started an hour ago with one enrolment, for attendance. */
async function startedSessionWithEnrolment(ctx: MatrixCtx): Promise<{ sessionId: string; enrolmentId: string }> {
  const sessionId = await freshSession(ctx, -HOUR);
  const v = await targetVolunteer(ctx);
  const e = await one<{ id: string }>(ctx, sql`insert into enrolments (session_id, volunteer_id) values (${sessionId}, ${v.id}) returning id`);
  return { sessionId, enrolmentId: e.id };
}

const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>): MatrixEntry => ({ route, kind: 'scoped', allowed: [...allowed], request });

export const trainingMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/school/courses',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await targetCourse(ctx);
      return { method: 'GET', url: `/api/school/courses?q=${encodeURIComponent('矩阵')}&limit=100` };
    },
    sees: (b) => (b as { items: { unit: { code: string } }[] }).items.some((c) => c.unit.code === TARGET_CODE),
  },
  {
    route: 'GET /api/school/qualifications/expiring',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await expiringQualification(ctx);
      return { method: 'GET', url: '/api/school/qualifications/expiring?days=30&limit=100' };
    },
    sees: (b) => (b as { items: { volunteer: { name: string } }[] }).items.some((q) => q.volunteer.name === '矩阵学员'),
  },

  scoped('POST /api/school/courses', async (ctx) => ({
    method: 'POST',
    url: '/api/school/courses',
    payload: { unitId: await ctx.unitId(TARGET_CODE), title: '矩阵新课程', qualification: '急救员', validMonths: 24 },
  })),
  scoped('GET /api/school/courses/:id', async (ctx) => ({ method: 'GET', url: `/api/school/courses/${await targetCourse(ctx)}` })),
  scoped('PATCH /api/school/courses/:id', async (ctx) => ({ method: 'PATCH', url: `/api/school/courses/${await targetCourse(ctx)}`, payload: { description: '矩阵' } })),
  scoped('GET /api/school/courses/:id/sessions', async (ctx) => ({ method: 'GET', url: `/api/school/courses/${await targetCourse(ctx)}/sessions` })),
  scoped('POST /api/school/courses/:id/sessions', async (ctx) => {
    const starts = new Date(Date.now() + 3 * DAY);
    return {
      method: 'POST',
      url: `/api/school/courses/${await targetCourse(ctx)}/sessions`,
      payload: { startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 2 * HOUR).toISOString(), place: '矩阵教室', capacity: 20 },
    };
  }),
  scoped('GET /api/school/sessions/:id', async (ctx) => ({ method: 'GET', url: `/api/school/sessions/${await freshSession(ctx)}` })),
  scoped('POST /api/school/sessions/:id/cancel', async (ctx) => ({ method: 'POST', url: `/api/school/sessions/${await freshSession(ctx)}/cancel`, payload: {} })),
  scoped('POST /api/school/sessions/:id/enrolments', async (ctx) => ({
    method: 'POST',
    url: `/api/school/sessions/${await freshSession(ctx)}/enrolments`,
    payload: { number: (await targetVolunteer(ctx)).number },
  })),
  scoped('PUT /api/school/sessions/:id/attendance', async (ctx) => {
    const { sessionId, enrolmentId } = await startedSessionWithEnrolment(ctx);
    return { method: 'PUT', url: `/api/school/sessions/${sessionId}/attendance`, payload: { records: [{ enrolmentId, attended: true, passed: true }] } };
  }),
  scoped('GET /api/school/volunteers/:id/records', async (ctx) => ({ method: 'GET', url: `/api/school/volunteers/${(await targetVolunteer(ctx)).id}/records` })),

  { route: 'GET /api/me/school/sessions', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/me/school/sessions' }) },
  {
    route: 'POST /api/me/school/enrolments',
    kind: 'volunteer',
    request: async (ctx) => ({ method: 'POST', url: '/api/me/school/enrolments', payload: { sessionId: await freshSession(ctx) } }),
  },
  {
    route: 'DELETE /api/me/school/enrolments/:sessionId',
    kind: 'volunteer',
    request: async (ctx, v) => {
      const sessionId = await freshSession(ctx);
      await ctx.database.db.execute(sql`insert into enrolments (session_id, volunteer_id) values (${sessionId}, ${v.volunteerId})`);
      return { method: 'DELETE', url: `/api/me/school/enrolments/${sessionId}` };
    },
  },
  { route: 'GET /api/me/school/qualifications', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/me/school/qualifications' }) },
  { route: 'GET /api/me/school/records', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/me/school/records' }) },
];
