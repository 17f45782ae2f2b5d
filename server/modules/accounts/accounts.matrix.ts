// Policy matrix entries for the auth, account, audit and platform routes (see server/testing/matrix.ts).
import { sql } from 'drizzle-orm';
import type { MatrixEntry } from '../../testing/matrix';
import { TARGET_CODE } from '../../testing/matrix';

const both = ['same', 'parent'] as const;
type Item = { grants?: { unitCode: string }[]; unitCode?: string };

export const accountsMatrix: MatrixEntry[] = [
  { route: 'GET /api/health', kind: 'public' },
  { route: 'GET /api/openapi.json', kind: 'public' },
  { route: 'GET /api/docs', kind: 'public' },
  { route: 'GET /api/docs/', kind: 'public' },
  { route: 'GET /api/docs/*', kind: 'public' },
  { route: 'GET /api/docs/static/*', kind: 'public' },
  { route: 'GET /api/docs/json', kind: 'public' },
  { route: 'GET /api/docs/yaml', kind: 'public' },
  { route: 'GET /api/docs/static/index.html', kind: 'public' },
  { route: 'GET /api/docs/static/swagger-initializer.js', kind: 'public' },
  { route: 'POST /api/auth/sign-in', kind: 'public' },
  { route: 'GET /api/auth/me', kind: 'self', request: async () => ({ method: 'GET', url: '/api/auth/me' }) },
  { route: 'POST /api/auth/sign-out', kind: 'self', request: async () => ({ method: 'POST', url: '/api/auth/sign-out' }) },
  { route: 'POST /api/auth/sign-out-all', kind: 'self', request: async () => ({ method: 'POST', url: '/api/auth/sign-out-all' }) },
  {
    route: 'POST /api/auth/password',
    kind: 'self',
    request: async () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'wrong', newPassword: 'New#Pass2026' } }),
  },
  {
    route: 'GET /api/accounts',
    kind: 'list',
    allowed: [...both],
    request: async (ctx) => {
      await ctx.makeAccount([{ role: 'institute_admin', code: TARGET_CODE }]);
      return { method: 'GET', url: '/api/accounts?limit=100' };
    },
    sees: (body) => (body as { items: Item[] }).items.some((a) => a.grants?.some((g) => g.unitCode === TARGET_CODE)),
  },
  {
    route: 'POST /api/accounts',
    kind: 'scoped',
    allowed: [...both],
    request: async (ctx) => ({
      method: 'POST',
      url: '/api/accounts',
      payload: { phone: ctx.uniquePhone(), name: '新人', password: 'Matrix#2026', role: 'institute_admin', unitId: await ctx.unitId(TARGET_CODE) },
    }),
  },
  {
    route: 'PATCH /api/accounts/:id',
    kind: 'scoped',
    allowed: [...both],
    request: async (ctx) => {
      const { id } = await ctx.makeAccount([{ role: 'institute_admin', code: TARGET_CODE }]);
      return { method: 'PATCH', url: `/api/accounts/${id}`, payload: { status: 'disabled' } };
    },
  },
  {
    route: 'POST /api/accounts/:id/reset-password',
    kind: 'scoped',
    allowed: [...both],
    request: async (ctx) => {
      const { id } = await ctx.makeAccount([{ role: 'institute_admin', code: TARGET_CODE }]);
      return { method: 'POST', url: `/api/accounts/${id}/reset-password`, payload: { newPassword: 'Reset#2026x' } };
    },
  },
  {
    route: 'POST /api/accounts/:id/grants',
    kind: 'scoped',
    allowed: [...both],
    request: async (ctx) => {
      const { id } = await ctx.makeAccount([{ role: 'station_admin', code: '330303002001' }]);
      return { method: 'POST', url: `/api/accounts/${id}/grants`, payload: { role: 'institute_admin', unitId: await ctx.unitId(TARGET_CODE) } };
    },
  },
  {
    route: 'DELETE /api/accounts/:id/grants/:grantId',
    kind: 'scoped',
    allowed: [...both],
    request: async (ctx) => {
      const { id, grantIds } = await ctx.makeAccount([
        { role: 'institute_admin', code: TARGET_CODE },
        { role: 'station_admin', code: '330303002001' },
      ]);
      return { method: 'DELETE', url: `/api/accounts/${id}/grants/${grantIds[0]}` };
    },
  },
  {
    route: 'GET /api/audit',
    kind: 'list',
    allowed: [...both],
    request: async (ctx) => {
      await ctx.database.db.execute(sql`insert into audit_log (action, unit_code) values ('matrix.probe', ${TARGET_CODE})`);
      return { method: 'GET', url: '/api/audit?action=matrix.probe&limit=100' };
    },
    sees: (body) => (body as { items: Item[] }).items.some((e) => e.unitCode === TARGET_CODE),
  },
];
