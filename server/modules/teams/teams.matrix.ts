// Policy matrix entries for the teams routes (see server/testing/matrix.ts). The target is a team of the target
// institute: its own admin and the district admin above may manage it, a station under it, a sibling institute
// and another district may not. Federation decisions are the center's alone (district admins).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry, type Relation } from '../../testing/matrix';
import { multipartFile } from '../network/network.testing';
import { civicCodePng } from '../network/civic-code.service';

const staff: Relation[] = ['same', 'parent'];
const center: Relation[] = ['parent'];

async function one<T>(ctx: MatrixCtx, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await ctx.database.db.execute(query))[0];
}

/** A fresh team of the target institute, so one relation's change does not affect the next. */
async function freshTeam(ctx: MatrixCtx, federation: 'none' | 'applied' = 'none'): Promise<{ id: string; token: string }> {
  const unit = await ctx.unitId(TARGET_CODE);
  const suffix = randomBytes(5).toString('hex');
  return one(
    ctx,
    sql`insert into teams (name, unit_id, unit_code, specialty, join_token, federation_status, federation_applied_at)
      values (${'矩阵队' + suffix}, ${unit}, ${TARGET_CODE}, 'other', ${'mx' + suffix}, ${federation}, ${federation === 'applied' ? sql`now()` : null})
      returning id, join_token as token`,
  );
}

/** A volunteer without an account (staff registered), for adding by number. */
async function freshVolunteer(ctx: MatrixCtx): Promise<{ id: string; number: string }> {
  const home = await ctx.unitId('330303001001');
  return one(
    ctx,
    sql`insert into volunteers (name, phone, home_unit_id, home_unit_code, status, source)
      values ('矩阵队员', ${ctx.uniquePhone()}, ${home}, '330303001001', 'active', 'staff') returning id, number`,
  );
}

async function freshMember(ctx: MatrixCtx, status: 'pending' | 'active', teamId?: string) {
  const team = teamId ? { id: teamId } : await freshTeam(ctx);
  const v = await freshVolunteer(ctx);
  const m = await one<{ id: string }>(
    ctx,
    sql`insert into team_members (team_id, volunteer_id, role, status) values (${team.id}, ${v.id}, 'member', ${status}) returning id`,
  );
  return { teamId: team.id, memberId: m.id };
}

async function logoUpload(ctx: MatrixCtx): Promise<InjectOptions> {
  const team = await freshTeam(ctx);
  const body = multipartFile(await civicCodePng('https://example.test/logo'), { filename: 'logo.png' });
  return { method: 'PUT', url: `/api/teams/${team.id}/logo`, headers: { 'content-type': body.contentType }, payload: body.payload };
}

const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>, allowed = staff): MatrixEntry => ({ route, kind: 'scoped', allowed, request });
type Items = { items: { unitCode: string }[] };
const seesTarget = (b: unknown) => (b as Items).items.some((x) => x.unitCode === TARGET_CODE);

export const teamsMatrix: MatrixEntry[] = [
  { route: 'GET /api/public/teams/join/:token', kind: 'public' },
  { route: 'GET /api/public/teams/:id/logo', kind: 'public' },
  { route: 'GET /api/public/federation/teams', kind: 'public' },

  {
    route: 'GET /api/teams',
    kind: 'list',
    allowed: staff,
    request: async (ctx) => {
      await freshTeam(ctx);
      return { method: 'GET', url: `/api/teams?q=${encodeURIComponent('矩阵队')}&limit=100` };
    },
    sees: seesTarget,
  },
  {
    route: 'GET /api/federation/applications',
    kind: 'list',
    allowed: center,
    request: async (ctx) => {
      await freshTeam(ctx, 'applied');
      return { method: 'GET', url: '/api/federation/applications?limit=100' };
    },
    sees: seesTarget,
  },

  scoped('GET /api/teams/:id', async (ctx) => ({ method: 'GET', url: `/api/teams/${(await freshTeam(ctx)).id}` })),
  scoped('POST /api/teams', async (ctx) => ({
    method: 'POST',
    url: '/api/teams',
    payload: { name: `矩阵新队${randomBytes(4).toString('hex')}`, unitId: await ctx.unitId(TARGET_CODE), specialty: 'culture' },
  })),
  scoped('PATCH /api/teams/:id', async (ctx) => ({ method: 'PATCH', url: `/api/teams/${(await freshTeam(ctx)).id}`, payload: { name: `矩阵改名${randomBytes(4).toString('hex')}` } })),
  scoped('POST /api/teams/:id/dissolve', async (ctx) => ({ method: 'POST', url: `/api/teams/${(await freshTeam(ctx)).id}/dissolve`, payload: {} })),
  scoped('PUT /api/teams/:id/logo', logoUpload),
  scoped('POST /api/teams/:id/join-code/regenerate', async (ctx) => ({ method: 'POST', url: `/api/teams/${(await freshTeam(ctx)).id}/join-code/regenerate` })),
  scoped('GET /api/teams/:id/join-code.svg', async (ctx) => ({ method: 'GET', url: `/api/teams/${(await freshTeam(ctx)).id}/join-code.svg` })),
  scoped('GET /api/teams/:id/join-code.png', async (ctx) => ({ method: 'GET', url: `/api/teams/${(await freshTeam(ctx)).id}/join-code.png` })),
  scoped('GET /api/teams/export.xlsx', async (ctx) => ({ method: 'GET', url: `/api/teams/export.xlsx?unitId=${await ctx.unitId(TARGET_CODE)}` })),

  scoped('GET /api/teams/:id/members', async (ctx) => ({ method: 'GET', url: `/api/teams/${(await freshMember(ctx, 'active')).teamId}/members` })),
  scoped('POST /api/teams/:id/members', async (ctx) => ({
    method: 'POST',
    url: `/api/teams/${(await freshTeam(ctx)).id}/members`,
    payload: { volunteerNumber: (await freshVolunteer(ctx)).number },
  })),
  scoped('POST /api/teams/:id/members/:memberId/decide', async (ctx) => {
    const m = await freshMember(ctx, 'pending');
    return { method: 'POST', url: `/api/teams/${m.teamId}/members/${m.memberId}/decide`, payload: { decision: 'approve' } };
  }),
  scoped('PATCH /api/teams/:id/members/:memberId', async (ctx) => {
    const m = await freshMember(ctx, 'active');
    return { method: 'PATCH', url: `/api/teams/${m.teamId}/members/${m.memberId}`, payload: { role: 'vice_leader' } };
  }),
  scoped('DELETE /api/teams/:id/members/:memberId', async (ctx) => {
    const m = await freshMember(ctx, 'active');
    return { method: 'DELETE', url: `/api/teams/${m.teamId}/members/${m.memberId}` };
  }),
  scoped('POST /api/teams/:id/leader', async (ctx) => {
    const m = await freshMember(ctx, 'active');
    return { method: 'POST', url: `/api/teams/${m.teamId}/leader`, payload: { memberId: m.memberId } };
  }),

  scoped('POST /api/teams/:id/federation/apply', async (ctx) => ({ method: 'POST', url: `/api/teams/${(await freshTeam(ctx)).id}/federation/apply`, payload: {} })),
  scoped(
    'POST /api/federation/applications/:teamId/decide',
    async (ctx) => ({ method: 'POST', url: `/api/federation/applications/${(await freshTeam(ctx, 'applied')).id}/decide`, payload: { decision: 'approve' } }),
    center,
  ),

  {
    route: 'POST /api/me/teams/join',
    kind: 'volunteer',
    request: async (ctx) => ({ method: 'POST', url: '/api/me/teams/join', payload: { token: (await freshTeam(ctx)).token } }),
  },
  { route: 'GET /api/me/teams', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/me/teams' }) },
  {
    route: 'POST /api/me/teams/:teamId/leave',
    kind: 'volunteer',
    request: async (ctx, volunteer) => {
      const team = await freshTeam(ctx);
      await ctx.database.db.execute(sql`insert into team_members (team_id, volunteer_id, status) values (${team.id}, ${volunteer.volunteerId}, 'active')`);
      return { method: 'POST', url: `/api/me/teams/${team.id}/leave` };
    },
  },
];
