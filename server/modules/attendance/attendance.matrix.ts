// Policy matrix entries for the attendance routes (see server/testing/matrix.ts). The target is an activity of the
// institute: its own admin and the district admin may run it (code, list, manual check-in); a station under it, a
// sibling institute and another district may not. The scan and one's own pairs are any volunteer's.
import type { MatrixCtx, MatrixEntry } from '../../testing/matrix';
import { TARGET_CODE } from '../../testing/matrix';
import { TEST_SECRET_KEY } from '../../testing/harness';
import { confirmedSignup, publishedActivity } from '../../testing/participation-fixtures';
import { checkinCodeAt } from './checkin-code';

/** A published activity of the target that is running now (check-in open). */
async function runningActivity(ctx: MatrixCtx): Promise<string> {
  const now = Date.now();
  const a = await publishedActivity(ctx.database, { unitCode: TARGET_CODE, startsAt: new Date(now - 10 * 60_000), endsAt: new Date(now + 2 * 3600_000) });
  return a.id;
}

const runner = ['same', 'parent'] as const;

export const attendanceMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/activities/:id/checkin-code',
    kind: 'scoped',
    allowed: [...runner],
    request: async (ctx) => ({ method: 'GET', url: `/api/activities/${await runningActivity(ctx)}/checkin-code?mode=in` }),
  },
  {
    route: 'GET /api/activities/:id/attendance',
    kind: 'scoped',
    allowed: [...runner],
    request: async (ctx) => ({ method: 'GET', url: `/api/activities/${await runningActivity(ctx)}/attendance` }),
  },
  {
    route: 'POST /api/activities/:id/attendance/manual',
    kind: 'scoped',
    allowed: [...runner],
    request: async (ctx) => {
      const id = await runningActivity(ctx);
      const { volunteerId } = await ctx.volunteerSession();
      await confirmedSignup(ctx.database, id, volunteerId);
      return { method: 'POST', url: `/api/activities/${id}/attendance/manual`, payload: { volunteerId, action: 'in' } };
    },
  },
  {
    route: 'POST /api/volunteer/attendance',
    kind: 'volunteer',
    request: async (ctx, v) => {
      const id = await runningActivity(ctx);
      await confirmedSignup(ctx.database, id, v.volunteerId);
      const { code } = checkinCodeAt(TEST_SECRET_KEY, id, 'in', new Date());
      return { method: 'POST', url: '/api/volunteer/attendance', payload: { code, activityId: id } };
    },
  },
  {
    route: 'GET /api/volunteer/attendance',
    kind: 'volunteer',
    request: async (ctx) => ({ method: 'GET', url: `/api/volunteer/attendance?activityId=${await runningActivity(ctx)}` }),
  },
];
