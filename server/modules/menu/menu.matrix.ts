// Policy matrix entries for the service menu routes (see server/testing/matrix.ts). The target is an institute:
// its own admin and the district admin above may read and change its items; a station under it, a sibling
// institute and another district may not. The public menu of a site needs no sign-in.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';

async function freshItem(ctx: MatrixCtx, status: 'draft' | 'published' = 'draft'): Promise<string> {
  const unit = await ctx.unitId(TARGET_CODE);
  const [row] = rowsOf<{ id: string }>(
    await ctx.database.db.execute(sql`insert into menu_items (unit_id, unit_code, title, category, status, published_at)
      values (${unit}, ${TARGET_CODE}, '矩阵服务', 'convenience', ${status}, ${status === 'published' ? sql`now()` : null}) returning id`),
  );
  return row.id;
}

const allowed = ['same', 'parent'] as const;
const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>): MatrixEntry => ({ route, kind: 'scoped', allowed: [...allowed], request });

export const menuMatrix: MatrixEntry[] = [
  { route: 'GET /api/public/sites/:token/menu', kind: 'public' },
  {
    route: 'GET /api/menu-items',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await freshItem(ctx);
      return { method: 'GET', url: '/api/menu-items?limit=100' };
    },
    sees: (b) => (b as { items: { unitCode: string }[] }).items.some((i) => i.unitCode === TARGET_CODE),
  },
  scoped('POST /api/menu-items', async (ctx) => ({
    method: 'POST',
    url: '/api/menu-items',
    payload: { unitId: await ctx.unitId(TARGET_CODE), title: '矩阵服务', category: 'convenience' },
  })),
  scoped('GET /api/menu-items/:id', async (ctx) => ({ method: 'GET', url: `/api/menu-items/${await freshItem(ctx)}` })),
  scoped('PATCH /api/menu-items/:id', async (ctx) => ({ method: 'PATCH', url: `/api/menu-items/${await freshItem(ctx)}`, payload: { title: '改名' } })),
  scoped('POST /api/menu-items/:id/publish', async (ctx) => ({ method: 'POST', url: `/api/menu-items/${await freshItem(ctx)}/publish` })),
  scoped('POST /api/menu-items/:id/withdraw', async (ctx) => ({ method: 'POST', url: `/api/menu-items/${await freshItem(ctx, 'published')}/withdraw` })),
];
