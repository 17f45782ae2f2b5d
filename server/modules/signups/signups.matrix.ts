// Policy matrix entries for the sign-ups routes (see server/testing/matrix.ts). The runner's routes act on a
// published activity of the target institute: its admin and the district admin may run it; a station below it,
// a sibling institute and another district may not. A volunteer's routes work for any signed-in volunteer.
import type { InjectOptions } from 'fastify';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';
import { confirmedSignup, publishedActivity } from '../../testing/participation-fixtures';

const HOUR = 3600_000;

async function openActivity(ctx: MatrixCtx): Promise<string> {
  const startsAt = new Date(Date.now() + 48 * HOUR);
  return (await publishedActivity(ctx.database, { unitCode: TARGET_CODE, startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), volunteerSlots: 5, citizenPlaces: 5 })).id;
}

const runner = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>): MatrixEntry => ({ route, kind: 'scoped', allowed: ['same', 'parent'], request });

export const signupsMatrix: MatrixEntry[] = [
  { route: 'GET /api/public/activities/:id', kind: 'public' },
  { route: 'POST /api/public/activities/:id/bookings', kind: 'public' },
  { route: 'GET /api/public/bookings/:token', kind: 'public' },
  { route: 'DELETE /api/public/bookings/:token', kind: 'public' },

  { route: 'GET /api/volunteer/activities/:id/signup', kind: 'volunteer', request: async (ctx) => ({ method: 'GET', url: `/api/volunteer/activities/${await openActivity(ctx)}/signup` }) },
  { route: 'POST /api/volunteer/activities/:id/signup', kind: 'volunteer', request: async (ctx) => ({ method: 'POST', url: `/api/volunteer/activities/${await openActivity(ctx)}/signup` }) },
  {
    route: 'DELETE /api/volunteer/activities/:id/signup',
    kind: 'volunteer',
    request: async (ctx, v) => {
      const id = await openActivity(ctx);
      await confirmedSignup(ctx.database, id, v.volunteerId);
      return { method: 'DELETE', url: `/api/volunteer/activities/${id}/signup` };
    },
  },
  { route: 'GET /api/volunteer/signups', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/volunteer/signups?when=upcoming' }) },
  { route: 'GET /api/volunteer/notifications', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/volunteer/notifications' }) },
  { route: 'POST /api/volunteer/notifications/read', kind: 'volunteer', request: async () => ({ method: 'POST', url: '/api/volunteer/notifications/read', payload: {} }) },

  runner('GET /api/activities/:id/signups', async (ctx) => ({ method: 'GET', url: `/api/activities/${await openActivity(ctx)}/signups` })),
  runner('GET /api/activities/:id/signups.xlsx', async (ctx) => ({ method: 'GET', url: `/api/activities/${await openActivity(ctx)}/signups.xlsx` })),
  runner('POST /api/activities/:id/signups', async (ctx) => {
    const v = await ctx.volunteerSession();
    return { method: 'POST', url: `/api/activities/${await openActivity(ctx)}/signups`, payload: { volunteerId: v.volunteerId } };
  }),
  runner('POST /api/activities/:id/signups/:signupId/cancel', async (ctx) => {
    const id = await openActivity(ctx);
    const v = await ctx.volunteerSession();
    const signupId = await confirmedSignup(ctx.database, id, v.volunteerId);
    return { method: 'POST', url: `/api/activities/${id}/signups/${signupId}/cancel`, payload: { reason: '矩阵测试' } };
  }),
];
