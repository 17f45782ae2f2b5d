// Policy matrix entries for the activities routes (see server/testing/matrix.ts). The target is an institute:
// its own admin and the district admin above may read and change its activities and programmes; a station under
// it, a sibling institute and another district may not. Reviews act on a station's activity under the target
// (the institute reviews its stations); unit settings and themes are decided from above only.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';
import { civicCodePng } from '../network/civic-code.service';
import { multipartFile } from '../network/network.testing';
import { coverageMatrix } from './coverage.matrix';

const STATION_CODE = `${TARGET_CODE}001`;
let month = 0;
const nextMonth = () => {
  month += 1;
  return `${2040 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
};

async function one<T>(ctx: MatrixCtx, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await ctx.database.db.execute(query))[0];
}

async function freshActivity(ctx: MatrixCtx, opts: { code?: string; status?: string } = {}): Promise<string> {
  const code = opts.code ?? TARGET_CODE;
  const unit = await ctx.unitId(code);
  return (
    await one<{ id: string }>(
      ctx,
      sql`insert into activities (title, topic, unit_id, unit_code, starts_at, ends_at, status)
        values ('矩阵活动', 'culture_life', ${unit}, ${code}, now() + interval '2 days', now() + interval '2 days 2 hours', ${opts.status ?? 'draft'}) returning id`,
    )
  ).id;
}

async function freshProgramme(ctx: MatrixCtx, code: string, status: 'draft' | 'published'): Promise<string> {
  const unit = await ctx.unitId(code);
  return (
    await one<{ id: string }>(
      ctx,
      sql`insert into programmes (unit_id, unit_code, title, topic, status, published_at) values (${unit}, ${code}, '矩阵项目', 'culture_life', ${status}, now()) returning id`,
    )
  ).id;
}

async function posterUpload(ctx: MatrixCtx): Promise<InjectOptions> {
  const body = multipartFile(await civicCodePng('https://example.test/poster'), { filename: 'poster.png' });
  return { method: 'PUT', url: `/api/activities/${await freshActivity(ctx)}/poster`, headers: { 'content-type': body.contentType }, payload: body.payload };
}

const allowed = ['same', 'parent'] as const;
const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>, who: ('same' | 'parent')[] = [...allowed]): MatrixEntry => ({
  route,
  kind: 'scoped',
  allowed: who,
  request,
});
type Items = { items: { id: string; unit?: { code: string }; inherited?: boolean }[] };

export const activitiesMatrix: MatrixEntry[] = [
  ...coverageMatrix,
  { route: 'GET /api/public/activities', kind: 'public' },
  { route: 'GET /api/public/sites/:token/activities', kind: 'public' },
  { route: 'GET /api/public/activities/:id/poster', kind: 'public' },

  scoped('GET /api/units/:id/settings', async (ctx) => ({ method: 'GET', url: `/api/units/${await ctx.unitId(TARGET_CODE)}/settings` })),
  scoped('PUT /api/units/:id/settings', async (ctx) => ({ method: 'PUT', url: `/api/units/${await ctx.unitId(TARGET_CODE)}/settings`, payload: { activityReview: false } }), ['parent']),

  {
    route: 'GET /api/programmes',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await freshProgramme(ctx, TARGET_CODE, 'draft');
      return { method: 'GET', url: '/api/programmes?limit=100' };
    },
    // Lower units see the target's published items as inherited; its drafts only in scope.
    sees: (b) => (b as Items).items.some((p) => p.unit?.code === TARGET_CODE && !p.inherited),
  },
  scoped('POST /api/programmes', async (ctx) => ({
    method: 'POST',
    url: '/api/programmes',
    payload: { unitId: await ctx.unitId(TARGET_CODE), title: '矩阵项目', topic: 'culture_life' },
  })),
  scoped('PATCH /api/programmes/:id', async (ctx) => ({ method: 'PATCH', url: `/api/programmes/${await freshProgramme(ctx, TARGET_CODE, 'draft')}`, payload: { title: '改名' } })),
  scoped('POST /api/programmes/:id/publish', async (ctx) => ({ method: 'POST', url: `/api/programmes/${await freshProgramme(ctx, TARGET_CODE, 'draft')}/publish` })),
  scoped('POST /api/programmes/:id/withdraw', async (ctx) => ({ method: 'POST', url: `/api/programmes/${await freshProgramme(ctx, TARGET_CODE, 'published')}/withdraw` })),
  scoped('POST /api/programmes/:id/adopt', async (ctx) => ({
    method: 'POST',
    url: `/api/programmes/${await freshProgramme(ctx, '330303', 'published')}/adopt`,
    payload: { unitId: await ctx.unitId(TARGET_CODE) },
  })),

  { route: 'GET /api/themes', kind: 'self', request: async () => ({ method: 'GET', url: '/api/themes' }) },
  scoped(
    'PUT /api/themes/:month',
    async (ctx) => ({ method: 'PUT', url: `/api/themes/${nextMonth()}`, payload: { title: '矩阵主题', unitId: await ctx.unitId('330303') } }),
    ['parent'],
  ),
  scoped(
    'DELETE /api/themes/:month',
    async (ctx) => {
      const m = nextMonth();
      const center = await ctx.unitId('330303');
      await ctx.database.db.execute(sql`insert into monthly_themes (unit_id, month, title) values (${center}, ${m}, '矩阵主题')`);
      return { method: 'DELETE', url: `/api/themes/${m}?unit=${center}` };
    },
    ['parent'],
  ),

  {
    route: 'GET /api/activities',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await freshActivity(ctx);
      return { method: 'GET', url: '/api/activities?limit=100&q=%E7%9F%A9%E9%98%B5' };
    },
    sees: (b) => (b as Items).items.some((a) => a.unit?.code === TARGET_CODE),
  },
  {
    route: 'GET /api/activities/review-queue',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await freshActivity(ctx, { code: STATION_CODE, status: 'submitted' });
      return { method: 'GET', url: '/api/activities/review-queue?limit=100' };
    },
    sees: (b) => (b as Items).items.some((a) => a.unit?.code === STATION_CODE),
  },
  scoped('POST /api/activities', async (ctx) => ({
    method: 'POST',
    url: '/api/activities',
    payload: { title: '矩阵活动', topic: 'culture_life', unitId: await ctx.unitId(TARGET_CODE), startsAt: '2040-01-05T09:00:00+08:00', endsAt: '2040-01-05T11:00:00+08:00' },
  })),
  scoped('GET /api/activities/:id', async (ctx) => ({ method: 'GET', url: `/api/activities/${await freshActivity(ctx)}` })),
  scoped('PATCH /api/activities/:id', async (ctx) => ({ method: 'PATCH', url: `/api/activities/${await freshActivity(ctx)}`, payload: { title: '改名' } })),
  scoped('POST /api/activities/:id/submit', async (ctx) => ({ method: 'POST', url: `/api/activities/${await freshActivity(ctx)}/submit` })),
  scoped('POST /api/activities/:id/review', async (ctx) => ({
    method: 'POST',
    url: `/api/activities/${await freshActivity(ctx, { code: STATION_CODE, status: 'submitted' })}/review`,
    payload: { decision: 'approve' },
  })),
  scoped('POST /api/activities/:id/cancel', async (ctx) => ({ method: 'POST', url: `/api/activities/${await freshActivity(ctx)}/cancel`, payload: { reason: '矩阵' } })),
  scoped('PUT /api/activities/:id/poster', posterUpload),
];
