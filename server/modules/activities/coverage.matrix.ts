// Policy matrix entries for the coverage routes (see server/testing/matrix.ts). The report, drill-down and
// exports act on the target institute: its own admin and the district admin may read them; a station under it,
// a sibling institute and another district may not. The alert is a list of the caller's own scope.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';

const allowed = ['same', 'parent'] as const;
const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>): MatrixEntry => ({ route, kind: 'scoped', allowed: [...allowed], request });

// A fresh station under the target per request: it has no activity next week, so it is in the alert exactly for
// those who see the target's subtree — not for the station admin of another station under it.
let n = 950;
let freshCode = '';
async function freshStation(ctx: MatrixCtx): Promise<void> {
  freshCode = `${TARGET_CODE}${++n}`;
  const parent = await ctx.unitId(TARGET_CODE);
  await ctx.database.db.execute(sql`insert into units (code, parent_id, level, name) values (${freshCode}, ${parent}, 'station', ${'覆盖矩阵站' + freshCode})`);
}

export const coverageMatrix: MatrixEntry[] = [
  scoped('GET /api/coverage', async (ctx) => ({ method: 'GET', url: `/api/coverage?unit=${await ctx.unitId(TARGET_CODE)}` })),
  scoped('GET /api/coverage/units/:id/weeks/:isoWeek', async (ctx) => ({
    method: 'GET',
    url: `/api/coverage/units/${await ctx.unitId(TARGET_CODE)}/weeks/2026-W10`,
  })),
  scoped('GET /api/coverage/plan.xlsx', async (ctx) => ({ method: 'GET', url: `/api/coverage/plan.xlsx?unit=${await ctx.unitId(TARGET_CODE)}` })),
  scoped('GET /api/coverage/calendar.pdf', async (ctx) => ({
    method: 'GET',
    url: `/api/coverage/calendar.pdf?unit=${await ctx.unitId(TARGET_CODE)}&month=2026-03`,
  })),
  {
    route: 'GET /api/coverage/alerts',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await freshStation(ctx);
      return { method: 'GET', url: '/api/coverage/alerts' };
    },
    sees: (body) => (body as { units: { code: string }[] }).units.some((u) => u.code === freshCode),
  },
];
