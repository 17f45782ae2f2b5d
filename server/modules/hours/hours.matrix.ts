// Policy matrix entries for the hours routes (see server/testing/matrix.ts). The target is an institute: records
// of its activities are read and decided by its own admin and the district admin above; a station under it, a
// sibling institute and another district may not. Star awards follow the volunteer's home unit (the target).
// Bulk decisions are checked record by record (refusals are listed in the answer), so any signed-in account may
// call them. Star thresholds are one deployment-wide setting: any district admin (star.configure) sets them.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';
import { recordService } from './hours-record';

const allowed = ['same', 'parent'] as const;
const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>): MatrixEntry => ({ route, kind: 'scoped', allowed: [...allowed], request });
const HOUR = 3600_000;
const DEFAULT_LEVELS = [100, 300, 600, 1000, 1500].map((minHours, i) => ({ level: i + 1, minHours }));

async function one<T>(ctx: MatrixCtx, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await ctx.database.db.execute(query))[0];
}

async function freshVolunteer(ctx: MatrixCtx, homeCode = TARGET_CODE): Promise<string> {
  const home = await ctx.unitId(homeCode);
  return (
    await one<{ id: string }>(
      ctx,
      sql`insert into volunteers (name, phone, home_unit_id, home_unit_code, status, source)
        values ('矩阵志愿者', ${ctx.uniquePhone()}, ${home}, ${homeCode}, 'active', 'staff') returning id`,
    )
  ).id;
}

/** A finished three-hour activity of the target (about a day ago), for records and entries. */
async function freshActivity(ctx: MatrixCtx) {
  const unitId = await ctx.unitId(TARGET_CODE);
  const startsAt = new Date(Math.floor(Date.now() / HOUR) * HOUR - 30 * HOUR);
  const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
  const { id } = await one<{ id: string }>(
    ctx,
    sql`insert into activities (title, topic, unit_id, unit_code, starts_at, ends_at, status)
      values ('矩阵时长活动', 'culture_life', ${unitId}, ${TARGET_CODE}, ${startsAt.toISOString()}, ${endsAt.toISOString()}, 'published') returning id`,
  );
  return { id, title: '矩阵时长活动', unitId, unitCode: TARGET_CODE, teamId: null, startsAt, endsAt };
}

let lastRecord = '';
/** A pending record of the target's activity (for a given volunteer, or a fresh one). */
async function freshRecord(ctx: MatrixCtx, volunteerId?: string): Promise<{ id: string; startsAt: Date }> {
  const activity = await freshActivity(ctx);
  const row = await recordService(ctx.database.db, {
    volunteerId: volunteerId ?? (await freshVolunteer(ctx)),
    activity,
    startedAt: activity.startsAt,
    endedAt: new Date(activity.startsAt.getTime() + 2 * HOUR),
    source: 'checkin',
    strict: false,
  });
  lastRecord = row!.id;
  return { id: row!.id, startsAt: activity.startsAt };
}

let lastAward = '';
async function freshAward(ctx: MatrixCtx): Promise<string> {
  const volunteerId = await freshVolunteer(ctx);
  lastAward = (
    await one<{ id: string }>(ctx, sql`insert into star_awards (volunteer_id, level, minutes_at, status, reached_at) values (${volunteerId}, 1, 6000, 'pending', now()) returning id`)
  ).id;
  return lastAward;
}

const correction = (startsAt: Date) => ({
  startedAt: startsAt.toISOString(),
  endedAt: new Date(startsAt.getTime() + HOUR).toISOString(),
  reason: '矩阵更正',
});
type Items = { items: { id: string }[] };

export const hoursMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/hours',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await freshRecord(ctx);
      return { method: 'GET', url: '/api/hours?limit=100' };
    },
    sees: (b) => (b as Items).items.some((r) => r.id === lastRecord),
  },
  scoped('GET /api/hours.xlsx', async (ctx) => ({ method: 'GET', url: `/api/hours.xlsx?unit=${await ctx.unitId(TARGET_CODE)}` })),
  scoped('GET /api/hours/totals', async (ctx) => ({ method: 'GET', url: `/api/hours/totals?unit=${await ctx.unitId(TARGET_CODE)}` })),
  scoped('GET /api/hours/:id', async (ctx) => ({ method: 'GET', url: `/api/hours/${(await freshRecord(ctx)).id}` })),
  scoped('POST /api/hours', async (ctx) => {
    const activity = await freshActivity(ctx);
    return {
      method: 'POST',
      url: '/api/hours',
      payload: {
        activityId: activity.id,
        volunteerId: await freshVolunteer(ctx),
        startedAt: activity.startsAt.toISOString(),
        endedAt: new Date(activity.startsAt.getTime() + HOUR).toISOString(),
      },
    };
  }),
  { route: 'POST /api/hours/approve', kind: 'self', request: async (ctx) => ({ method: 'POST', url: '/api/hours/approve', payload: { ids: [(await freshRecord(ctx)).id] } }) },
  scoped('POST /api/hours/:id/approve', async (ctx) => ({ method: 'POST', url: `/api/hours/${(await freshRecord(ctx)).id}/approve`, payload: {} })),
  scoped('POST /api/hours/:id/reject', async (ctx) => ({ method: 'POST', url: `/api/hours/${(await freshRecord(ctx)).id}/reject`, payload: { reason: '矩阵' } })),
  scoped('POST /api/hours/:id/corrections', async (ctx) => {
    const r = await freshRecord(ctx);
    return { method: 'POST', url: `/api/hours/${r.id}/corrections`, payload: correction(r.startsAt) };
  }),

  { route: 'GET /api/volunteer/hours', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/volunteer/hours' }) },
  {
    route: 'POST /api/volunteer/hours/:id/corrections',
    kind: 'volunteer',
    request: async (ctx, volunteer) => {
      const r = await freshRecord(ctx, volunteer.volunteerId);
      return { method: 'POST', url: `/api/volunteer/hours/${r.id}/corrections`, payload: correction(r.startsAt) };
    },
  },

  { route: 'GET /api/star-levels', kind: 'self', request: async () => ({ method: 'GET', url: '/api/star-levels' }) },
  {
    route: 'PUT /api/star-levels',
    kind: 'scoped',
    allowed: ['parent', 'unrelated'],
    request: async () => ({ method: 'PUT', url: '/api/star-levels', payload: { levels: DEFAULT_LEVELS } }),
  },
  {
    route: 'GET /api/star-awards',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await freshAward(ctx);
      return { method: 'GET', url: '/api/star-awards?limit=100' };
    },
    sees: (b) => (b as Items).items.some((a) => a.id === lastAward),
  },
  { route: 'POST /api/star-awards/confirm', kind: 'self', request: async (ctx) => ({ method: 'POST', url: '/api/star-awards/confirm', payload: { ids: [await freshAward(ctx)] } }) },
  scoped('POST /api/star-awards/:id/confirm', async (ctx) => ({ method: 'POST', url: `/api/star-awards/${await freshAward(ctx)}/confirm`, payload: {} })),
];
