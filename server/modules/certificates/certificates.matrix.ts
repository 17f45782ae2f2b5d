// Policy matrix entries for the certificates routes (see server/testing/matrix.ts). The target is an institute:
// certificates of volunteers whose home unit is the institute itself are decided by its own admin and the
// district admin above; a station under it, a sibling institute and another district may not touch them.
// A volunteer's own routes answer to any signed-in volunteer; verification is public.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry } from '../../testing/matrix';
import { publishedActivity, servedPair } from '../../testing/participation-fixtures';
import { localParts } from '../activities/activity-time';

const DAY = 86_400_000;
const today = () => localParts(new Date()).date;
const monthAgo = () => localParts(new Date(Date.now() - 30 * DAY)).date;
let seq = 0;
let listedNumber = '';

async function one<T>(ctx: MatrixCtx, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await ctx.database.db.execute(query))[0];
}

/** A volunteer whose home unit is `code` (the target institute unless told). */
async function freshVolunteer(ctx: MatrixCtx, code = TARGET_CODE): Promise<{ id: string; number: string }> {
  const unit = await ctx.unitId(code);
  return one(
    ctx,
    sql`insert into volunteers (name, phone, id_masked, home_unit_id, home_unit_code, status, source)
      values ('证明矩阵', ${ctx.uniquePhone()}, '110***********002X', ${unit}, ${code}, 'active', 'staff') returning id, number`,
  );
}

async function freshCertificate(ctx: MatrixCtx, o: { status: 'requested' | 'issued'; volunteerId?: string; withRecord?: boolean }): Promise<string> {
  const v = o.volunteerId ? { id: o.volunteerId } : await freshVolunteer(ctx);
  const home = await one<{ id: string; code: string }>(ctx, sql`select home_unit_id as id, home_unit_code as code from volunteers where id = ${v.id}`);
  if (o.withRecord) {
    const inAt = new Date(Date.now() - 3 * DAY);
    const outAt = new Date(inAt.getTime() + 60 * 60_000);
    const activity = await publishedActivity(ctx.database, { unitCode: TARGET_CODE, startsAt: inAt, endsAt: outAt });
    const record = await servedPair(ctx.database, activity, v.id, inAt, outAt);
    await ctx.database.db.execute(sql`update service_records set status = 'approved' where id = ${record.id}`);
  }
  if (o.status === 'requested') {
    return (
      await one<{ id: string }>(
        ctx,
        sql`insert into certificates (volunteer_id, period_from, period_to, status, issuing_unit_id, issuing_unit_code)
          values (${v.id}, ${monthAgo()}, ${today()}, 'requested', ${home.id}, ${home.code}) returning id`,
      )
    ).id;
  }
  const snapshot = {
    name: '证明矩阵',
    idType: '居民身份证',
    idMasked: '110***********002X',
    volunteerNumber: 'V000000000',
    totalMinutes: 60,
    items: [{ date: monthAgo(), title: '矩阵活动', unitName: '矩阵单位', minutes: 60 }],
    issuer: '矩阵单位',
    personInCharge: '负责人',
    handler: '经办人',
    handlerPhone: '13900000000',
  };
  const number = `LW2040${String(++seq).padStart(6, '0')}`;
  return (
    await one<{ id: string }>(
      ctx,
      sql`insert into certificates (volunteer_id, period_from, period_to, status, issuing_unit_id, issuing_unit_code, number, issued_at, snapshot, signature)
        values (${v.id}, ${monthAgo()}, ${today()}, 'issued', ${home.id}, ${home.code}, ${number}, now(), ${JSON.stringify(snapshot)}::jsonb, 'AAAAAAAAAAAAAAAAAAAAAA') returning id`,
    )
  ).id;
}

const allowed = ['same', 'parent'] as const;
const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>): MatrixEntry => ({ route, kind: 'scoped', allowed: [...allowed], request });

export const certificatesMatrix: MatrixEntry[] = [
  { route: 'GET /api/public/certificates/verify/:code', kind: 'public' },

  {
    route: 'POST /api/volunteer/certificates',
    kind: 'volunteer',
    request: async () => ({ method: 'POST', url: '/api/volunteer/certificates', payload: { from: monthAgo(), to: today() } }),
  },
  { route: 'GET /api/volunteer/certificates', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/volunteer/certificates' }) },
  {
    route: 'GET /api/volunteer/certificates/:id/pdf',
    kind: 'volunteer',
    request: async (ctx, v) => ({ method: 'GET', url: `/api/volunteer/certificates/${await freshCertificate(ctx, { status: 'issued', volunteerId: v.volunteerId })}/pdf` }),
  },

  {
    route: 'GET /api/certificates',
    kind: 'list',
    allowed: [...allowed],
    request: async (ctx) => {
      const v = await freshVolunteer(ctx);
      listedNumber = v.number;
      await freshCertificate(ctx, { status: 'requested', volunteerId: v.id });
      return { method: 'GET', url: `/api/certificates?q=${v.number}` };
    },
    sees: (b) => (b as { items: { volunteerNumber: string }[] }).items.some((c) => c.volunteerNumber === listedNumber),
  },
  scoped('GET /api/certificates.xlsx', async (ctx) => ({ method: 'GET', url: `/api/certificates.xlsx?unit=${await ctx.unitId(TARGET_CODE)}` })),
  scoped('POST /api/certificates', async (ctx) => ({
    method: 'POST',
    url: '/api/certificates',
    payload: { volunteerId: (await freshVolunteer(ctx)).id, from: monthAgo(), to: today() },
  })),
  scoped('GET /api/certificates/:id', async (ctx) => ({ method: 'GET', url: `/api/certificates/${await freshCertificate(ctx, { status: 'requested' })}` })),
  scoped('POST /api/certificates/:id/issue', async (ctx) => ({
    method: 'POST',
    url: `/api/certificates/${await freshCertificate(ctx, { status: 'requested', withRecord: true })}/issue`,
    payload: { personInCharge: '矩阵负责人' },
  })),
  scoped('POST /api/certificates/:id/reject', async (ctx) => ({
    method: 'POST',
    url: `/api/certificates/${await freshCertificate(ctx, { status: 'requested' })}/reject`,
    payload: { reason: '矩阵' },
  })),
  scoped('POST /api/certificates/:id/revoke', async (ctx) => ({
    method: 'POST',
    url: `/api/certificates/${await freshCertificate(ctx, { status: 'issued' })}/revoke`,
    payload: { reason: '矩阵' },
  })),
  scoped('GET /api/certificates/:id/pdf', async (ctx) => ({ method: 'GET', url: `/api/certificates/${await freshCertificate(ctx, { status: 'issued' })}/pdf` })),
];
