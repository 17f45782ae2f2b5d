// Policy matrix entries for the volunteers routes (see server/testing/matrix.ts). Staff routes act on a
// volunteer whose home unit is the target institute: its own admins and the district admin may, a station under
// it, a sibling institute or another district may not. The skill tag list is the district center's to manage.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { rowsOf } from '../../db/client';
import { TARGET_CODE, type MatrixCtx, type MatrixEntry, type Relation } from '../../testing/matrix';
import { storedIdentity } from './volunteer-identity';
import { makeIdNumber } from './volunteers.testing';

const inScope: Relation[] = ['same', 'parent'];

/** A fresh volunteer whose home unit is the target institute. */
async function targetVolunteer(ctx: MatrixCtx, status: 'pending' | 'active' = 'active'): Promise<string> {
  const home = await ctx.unitId(TARGET_CODE);
  const identity = storedIdentity(ctx.app.cipher, makeIdNumber('19880808'));
  const [row] = rowsOf<{ id: string }>(
    await ctx.database.db.execute(sql`insert into volunteers (name, phone, id_cipher, id_hash, id_masked, gender, birth_date, home_unit_id, home_unit_code, status, source)
      values ('矩阵志愿者', ${ctx.uniquePhone()}, ${identity.idCipher}, ${identity.idHash}, ${identity.idMasked}, ${identity.gender}, ${identity.birthDate}, ${home}, ${TARGET_CODE}, ${status}, 'staff')
      returning id`),
  );
  return row.id;
}

async function numberOf(ctx: MatrixCtx, id: string): Promise<string> {
  const [row] = rowsOf<{ number: string }>(await ctx.database.db.execute(sql`select number from volunteers where id = ${id}`));
  return row.number;
}

async function freshTag(ctx: MatrixCtx): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await ctx.database.db.execute(sql`insert into skill_tags (name) values (${'矩阵标签' + randomBytes(4).toString('hex')}) returning id`));
  return row.id;
}

async function outboxRequest(ctx: MatrixCtx): Promise<InjectOptions> {
  const phone = ctx.uniquePhone();
  await ctx.database.db.execute(sql`insert into sms_outbox (phone, purpose, text, unit_code) values (${phone}, 'volunteer:approved', '矩阵短信', ${TARGET_CODE})`);
  return { method: 'GET', url: `/api/sms-outbox?phone=${phone}` };
}

// The smallest valid PNG (1×1), for the photo upload.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
function photoUpload(): InjectOptions {
  const boundary = '----wenming-matrix';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'PUT', url: '/api/me/volunteer/photo', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload };
}

const scoped = (route: string, request: (ctx: MatrixCtx) => Promise<InjectOptions>, allowed = inScope): MatrixEntry => ({ route, kind: 'scoped', allowed: [...allowed], request });
const own = (route: string, request: () => InjectOptions): MatrixEntry => ({ route, kind: 'volunteer', request: async () => request() });
type Rows = { items: { homeUnit?: { code: string } | null; unitCode?: string }[] };

export const volunteersMatrix: MatrixEntry[] = [
  { route: 'GET /api/public/registration-options', kind: 'public' },
  { route: 'GET /api/public/stations', kind: 'public' },
  { route: 'POST /api/otp', kind: 'public' },
  { route: 'POST /api/volunteers/register', kind: 'public' },
  { route: 'POST /api/volunteer-auth/sign-in', kind: 'public' },

  own('GET /api/me/volunteer', () => ({ method: 'GET', url: '/api/me/volunteer' })),
  own('PATCH /api/me/volunteer', () => ({ method: 'PATCH', url: '/api/me/volunteer', payload: { availability: { days: [6], slots: ['morning'] } } })),
  own('PUT /api/me/volunteer/photo', photoUpload),
  own('GET /api/me/volunteer/photo', () => ({ method: 'GET', url: '/api/me/volunteer/photo' })),
  own('POST /api/me/volunteer/password', () => ({ method: 'POST', url: '/api/me/volunteer/password', payload: { password: 'Volunteer@2026' } })),
  own('POST /api/me/volunteer/erase', () => ({ method: 'POST', url: '/api/me/volunteer/erase', payload: { code: '000000' } })),

  {
    route: 'GET /api/volunteers',
    kind: 'list',
    allowed: [...inScope],
    request: async (ctx) => ({ method: 'GET', url: `/api/volunteers?q=${await numberOf(ctx, await targetVolunteer(ctx))}` }),
    sees: (b) => (b as Rows).items.some((v) => v.homeUnit?.code === TARGET_CODE),
  },
  scoped('GET /api/volunteers/export.xlsx', async (ctx) => ({ method: 'GET', url: `/api/volunteers/export.xlsx?unit=${await ctx.unitId(TARGET_CODE)}` })),
  scoped('GET /api/volunteers/:id', async (ctx) => ({ method: 'GET', url: `/api/volunteers/${await targetVolunteer(ctx)}` })),
  scoped('POST /api/volunteers', async (ctx) => ({
    method: 'POST',
    url: '/api/volunteers',
    payload: { phone: ctx.uniquePhone(), name: '代登记', idNumber: makeIdNumber('19600101'), homeUnitId: await ctx.unitId(TARGET_CODE) },
  })),
  scoped('PATCH /api/volunteers/:id', async (ctx) => ({ method: 'PATCH', url: `/api/volunteers/${await targetVolunteer(ctx)}`, payload: { name: '改名' } })),
  scoped('POST /api/volunteers/:id/review', async (ctx) => ({ method: 'POST', url: `/api/volunteers/${await targetVolunteer(ctx, 'pending')}/review`, payload: { decision: 'approve' } })),
  scoped('POST /api/volunteers/:id/status', async (ctx) => ({ method: 'POST', url: `/api/volunteers/${await targetVolunteer(ctx)}/status`, payload: { status: 'suspended' } })),
  scoped('POST /api/volunteers/:id/reveal-id', async (ctx) => ({ method: 'POST', url: `/api/volunteers/${await targetVolunteer(ctx)}/reveal-id` })),

  { route: 'GET /api/skill-tags', kind: 'self', request: async () => ({ method: 'GET', url: '/api/skill-tags' }) },
  scoped('POST /api/skill-tags', async () => ({ method: 'POST', url: '/api/skill-tags', payload: { name: `矩阵${randomBytes(4).toString('hex')}`, category: 'skill' } }), ['parent']),
  scoped('PATCH /api/skill-tags/:id', async (ctx) => ({ method: 'PATCH', url: `/api/skill-tags/${await freshTag(ctx)}`, payload: { sort: 5 } }), ['parent']),

  {
    route: 'GET /api/sms-outbox',
    kind: 'list',
    allowed: [...inScope],
    request: outboxRequest,
    sees: (b) => (b as Rows).items.some((m) => m.unitCode === TARGET_CODE),
  },
];
