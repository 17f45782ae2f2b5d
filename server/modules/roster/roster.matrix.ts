// Policy matrix entries for the roster routes (see server/testing/matrix.ts). Imports go into a team of the
// target institute; duplicates are volunteers whose home unit is the institute itself. Allowed to the
// institute's admin and the district admin; a station under it, a sibling institute and another district not.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';
import { createTeam, csvOf, idNumberFor, rosterRequest } from './roster.testing';

const allowed = ['same', 'parent'] as const;
const TEAM_NAME = '矩阵名册队';
const DUP_NAME = '矩阵重复';
let counter = 5_000_000;

async function targetTeam(ctx: MatrixCtx): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await ctx.database.db.execute(sql`select id from teams where name = ${TEAM_NAME}`));
  return row?.id ?? createTeam(ctx.database.db, TARGET_CODE, TEAM_NAME);
}

async function rosterUpload(ctx: MatrixCtx, mode: 'preview' | 'commit'): Promise<InjectOptions> {
  const n = ++counter;
  const csv = csvOf([
    ['姓名', '手机号', '身份证号'],
    [`矩阵队员${n}`, ctx.uniquePhone(), idNumberFor(n)],
  ]);
  return rosterRequest(await targetTeam(ctx), mode, Buffer.from(csv), { filename: 'roster.csv' });
}

/** Two live volunteers at the target institute sharing a phone. */
async function duplicatePair(ctx: MatrixCtx): Promise<[string, string]> {
  const phone = ctx.uniquePhone();
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const [row] = rowsOf<{ id: string }>(
      await ctx.database.db.execute(sql`insert into volunteers (name, phone, home_unit_id, home_unit_code, status, source)
        select ${DUP_NAME}, ${phone}, id, code, 'active', 'import' from units where code = ${TARGET_CODE} returning id`),
    );
    ids.push(row.id);
  }
  return [ids[0], ids[1]];
}

type Groups = { items: { members: { name: string; homeUnit: { code: string } | null }[] }[] };

export const rosterMatrix: MatrixEntry[] = [
  {
    route: 'GET /api/roster/teams',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      await targetTeam(ctx);
      return { method: 'GET', url: `/api/roster/teams?q=${encodeURIComponent(TEAM_NAME)}` };
    },
    sees: (b) => (b as { items: { name: string }[] }).items.some((t) => t.name === TEAM_NAME),
  },
  { route: 'POST /api/teams/:teamId/roster/preview', kind: 'scoped', allowed: [...allowed], request: (ctx) => rosterUpload(ctx, 'preview') },
  { route: 'POST /api/teams/:teamId/roster/commit', kind: 'scoped', allowed: [...allowed], request: (ctx) => rosterUpload(ctx, 'commit') },
  {
    route: 'GET /api/duplicates',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      const [{ n }] = rowsOf<{ n: number }>(await ctx.database.db.execute(sql`select count(*)::int as n from volunteers where name = ${DUP_NAME} and merged_into is null`));
      if (Number(n) < 2) await duplicatePair(ctx);
      return { method: 'GET', url: '/api/duplicates?limit=100' };
    },
    sees: (b) => (b as Groups).items.some((g) => g.members.some((m) => m.name === DUP_NAME && m.homeUnit?.code === TARGET_CODE)),
  },
  {
    route: 'POST /api/duplicates/merge',
    kind: 'scoped',
    allowed: [...allowed],
    request: async (ctx) => {
      const [keepId, mergeId] = await duplicatePair(ctx);
      return { method: 'POST', url: '/api/duplicates/merge', payload: { keepId, mergeId } };
    },
  },
];
