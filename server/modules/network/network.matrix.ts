// Policy matrix entries for the network routes (see server/testing/matrix.ts). The target is an institute;
// every request acts on it or on something directly in it. Reads and changes are allowed to its own admin and
// the district admin above it, never to a station under it, a sibling institute or another district.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';
import { multipartFile } from './network.testing';

const allowed = ['same', 'parent'] as const;
let n = 600;
const nextCode = () => `${TARGET_CODE}${++n}`;

async function one<T>(ctx: MatrixCtx, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await ctx.database.db.execute(query))[0];
}

/** A fresh station under the target, so changes by one relation do not affect the next. */
async function freshStation(ctx: MatrixCtx, status: 'active' | 'closed' = 'active'): Promise<string> {
  const parent = await ctx.unitId(TARGET_CODE);
  const code = nextCode();
  return (await one<{ id: string }>(ctx, sql`insert into units (code, parent_id, level, name, status)
    values (${code}, ${parent}, 'station', ${'矩阵站' + code}, ${status}) returning id`)).id;
}

async function targetSite(ctx: MatrixCtx): Promise<string> {
  return (await one<{ id: string }>(ctx, sql`select id from sites where unit_code = ${TARGET_CODE} order by name limit 1`)).id;
}

async function freshBelt(ctx: MatrixCtx): Promise<string> {
  const unit = await ctx.unitId(TARGET_CODE);
  return (await one<{ id: string }>(ctx, sql`insert into belts (name, theme, unit_id, unit_code, created_at)
    values ('矩阵带', '测试', ${unit}, ${TARGET_CODE}, now()) returning id`)).id;
}

async function importRequest(ctx: MatrixCtx): Promise<InjectOptions> {
  const unit = await one<{ name: string }>(ctx, sql`select name from units where code = ${TARGET_CODE}`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  ws.addRow(['编码', '上级编码', '名称']);
  ws.addRow([TARGET_CODE, TARGET_CODE.slice(0, 6), unit.name]);
  const body = multipartFile(Buffer.from(await wb.xlsx.writeBuffer()));
  return { method: 'POST', url: '/api/network/import?mode=preview', headers: { 'content-type': body.contentType }, payload: body.payload };
}

const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>): MatrixEntry => ({ route, kind: 'scoped', allowed: [...allowed], request });
const list = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>, sees: (body: unknown) => boolean): MatrixEntry => ({
  route,
  kind: 'list',
  allowed: [...allowed],
  request,
  sees,
});
type Items = { items: { code?: string; unitCode?: string }[] };

export const networkMatrix: MatrixEntry[] = [
  { route: 'GET /api/public/sites/:token', kind: 'public' },
  { route: 'GET /api/site-kinds', kind: 'self', request: async () => ({ method: 'GET', url: '/api/site-kinds' }) },

  list('GET /api/network/tree', async () => ({ method: 'GET', url: '/api/network/tree' }), (b) =>
    (b as { units: { code: string }[] }).units.some((u) => u.code === TARGET_CODE),
  ),
  list('GET /api/units', async () => ({ method: 'GET', url: `/api/units?q=${TARGET_CODE}&limit=100` }), (b) =>
    (b as Items).items.some((u) => u.code === TARGET_CODE),
  ),
  list('GET /api/sites', async () => ({ method: 'GET', url: `/api/sites?q=${encodeURIComponent('便民服务中心')}&limit=100` }), (b) =>
    (b as Items).items.some((s) => s.unitCode === TARGET_CODE),
  ),
  list(
    'GET /api/belts',
    async (ctx) => {
      await freshBelt(ctx);
      return { method: 'GET', url: '/api/belts?limit=100' };
    },
    (b) => (b as Items).items.some((x) => x.unitCode === TARGET_CODE),
  ),

  scoped('GET /api/units/:id', async (ctx) => ({ method: 'GET', url: `/api/units/${await ctx.unitId(TARGET_CODE)}` })),
  scoped('POST /api/units', async (ctx) => ({
    method: 'POST',
    url: '/api/units',
    payload: { parentId: await ctx.unitId(TARGET_CODE), code: nextCode(), name: '矩阵新站' },
  })),
  scoped('PATCH /api/units/:id', async (ctx) => ({ method: 'PATCH', url: `/api/units/${await ctx.unitId(TARGET_CODE)}`, payload: { intro: '矩阵测试' } })),
  scoped('POST /api/units/:id/move', async (ctx) => ({
    method: 'POST',
    url: `/api/units/${await freshStation(ctx)}/move`,
    payload: { parentId: await ctx.unitId(TARGET_CODE), code: nextCode() },
  })),
  scoped('POST /api/units/:id/close', async (ctx) => ({ method: 'POST', url: `/api/units/${await freshStation(ctx)}/close` })),
  scoped('POST /api/units/:id/reopen', async (ctx) => ({ method: 'POST', url: `/api/units/${await freshStation(ctx, 'closed')}/reopen` })),
  scoped('GET /api/units/:id/civic-code-sheet.pdf', async (ctx) => ({ method: 'GET', url: `/api/units/${await freshStation(ctx)}/civic-code-sheet.pdf` })),

  scoped('GET /api/sites/:id', async (ctx) => ({ method: 'GET', url: `/api/sites/${await targetSite(ctx)}` })),
  scoped('POST /api/sites', async (ctx) => ({
    method: 'POST',
    url: '/api/sites',
    payload: { unitId: await ctx.unitId(TARGET_CODE), name: `矩阵阵地${randomBytes(4).toString('hex')}`, kind: 'other' },
  })),
  scoped('PATCH /api/sites/:id', async (ctx) => ({ method: 'PATCH', url: `/api/sites/${await targetSite(ctx)}`, payload: { intro: '矩阵测试' } })),
  scoped('POST /api/sites/:id/status', async (ctx) => ({ method: 'POST', url: `/api/sites/${await targetSite(ctx)}/status`, payload: { status: 'open' } })),
  scoped('POST /api/sites/:id/civic-code/regenerate', async (ctx) => ({ method: 'POST', url: `/api/sites/${await targetSite(ctx)}/civic-code/regenerate` })),
  scoped('GET /api/sites/:id/civic-code.svg', async (ctx) => ({ method: 'GET', url: `/api/sites/${await targetSite(ctx)}/civic-code.svg` })),
  scoped('GET /api/sites/:id/civic-code.png', async (ctx) => ({ method: 'GET', url: `/api/sites/${await targetSite(ctx)}/civic-code.png` })),

  scoped('GET /api/belts/:id', async (ctx) => ({ method: 'GET', url: `/api/belts/${await freshBelt(ctx)}` })),
  scoped('POST /api/belts', async (ctx) => ({
    method: 'POST',
    url: '/api/belts',
    payload: { name: '矩阵带', theme: '测试', unitId: await ctx.unitId(TARGET_CODE), siteIds: [await targetSite(ctx)] },
  })),
  scoped('PATCH /api/belts/:id', async (ctx) => ({ method: 'PATCH', url: `/api/belts/${await freshBelt(ctx)}`, payload: { description: '矩阵' } })),
  scoped('PUT /api/belts/:id/stops', async (ctx) => ({
    method: 'PUT',
    url: `/api/belts/${await freshBelt(ctx)}/stops`,
    payload: { siteIds: [await targetSite(ctx)] },
  })),

  scoped('GET /api/network/export.xlsx', async (ctx) => ({ method: 'GET', url: `/api/network/export.xlsx?under=${await ctx.unitId(TARGET_CODE)}` })),
  scoped('POST /api/network/import', importRequest),
];
