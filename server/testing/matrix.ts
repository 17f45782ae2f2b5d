// The policy matrix: every route × role × relation. Each module lists its routes in a *.matrix.ts file; the
// test walks app.routeList and fails for a route that no module lists.
import type { InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import type { App } from '../app';
import type { Database } from '../db/client';
import { rowsOf } from '../db/client';
import { createSession } from '../platform/auth';

/** How an actor's unit relates to the target unit (an institute, 330303001, in the fixtures). */
export type Relation = 'same' | 'parent' | 'child' | 'sibling' | 'unrelated';
export const relations: Relation[] = ['same', 'parent', 'child', 'sibling', 'unrelated'];
export const TARGET_CODE = '330303001';

export type MatrixCtx = {
  app: App;
  database: Database;
  unitId(code: string): Promise<string>;
  /** A fresh session cookie for an account holding `role` on the unit with `code`. */
  sessionFor(role: string, code: string): Promise<string>;
  /** A new account with the given roles; returns its id and grant ids (in the order given). */
  makeAccount(grants: { role: string; code: string }[]): Promise<{ id: string; grantIds: string[] }>;
  uniquePhone(): string;
  /** A fresh active volunteer (home station 330303001001) with an account and a session. */
  volunteerSession(): Promise<{ cookie: string; volunteerId: string; accountId: string }>;
};

export type MatrixEntry =
  | { route: string; kind: 'public' }
  | { route: string; kind: 'self'; request: (ctx: MatrixCtx) => Promise<InjectOptions> }
  // A volunteer's own pages: any signed-in volunteer may use them; a staff account that is no volunteer gets 403.
  | { route: string; kind: 'volunteer'; request: (ctx: MatrixCtx, volunteer: { volunteerId: string; accountId: string }) => Promise<InjectOptions> }
  // A request that acts on the target unit; `allowed` relations must pass the policy, the rest get 403/404.
  | { route: string; kind: 'scoped'; request: (ctx: MatrixCtx) => Promise<InjectOptions>; allowed: Relation[] }
  // A list that must contain the target's rows exactly for the `allowed` relations.
  | { route: string; kind: 'list'; request: (ctx: MatrixCtx) => Promise<InjectOptions>; sees: (body: unknown) => boolean; allowed: Relation[] };

let phoneCounter = 0;

export async function matrixContext(app: App, database: Database): Promise<MatrixCtx> {
  const db = database.db;
  const unitId = async (code: string) => {
    const [row] = rowsOf<{ id: string }>(await db.execute(sql`select id from units where code = ${code}`));
    if (!row) throw new Error(`no unit ${code}`);
    return row.id;
  };
  const uniquePhone = () => `166${String(++phoneCounter).padStart(8, '0')}`;
  const makeAccount = async (grants: { role: string; code: string }[]) => {
    const [acc] = rowsOf<{ id: string }>(
      await db.execute(sql`insert into accounts (phone, name) values (${uniquePhone()}, '矩阵测试') returning id`),
    );
    const grantIds: string[] = [];
    for (const g of grants) {
      const [row] = rowsOf<{ id: string }>(
        await db.execute(sql`insert into role_grants (account_id, role, unit_id) values (${acc.id}, ${g.role}, ${await unitId(g.code)}) returning id`),
      );
      grantIds.push(row.id);
    }
    return { id: acc.id, grantIds };
  };
  const sessionFor = async (role: string, code: string) => {
    const { id } = await makeAccount([{ role, code }]);
    const token = await createSession(db, id, { ip: '127.0.0.1', userAgent: 'matrix', now: new Date() });
    return `wm_session=${token}`;
  };
  const volunteerSession = async () => {
    const phone = uniquePhone();
    const [acc] = rowsOf<{ id: string }>(await db.execute(sql`insert into accounts (phone, name) values (${phone}, '矩阵志愿者') returning id`));
    const home = await unitId('330303001001');
    const [v] = rowsOf<{ id: string }>(
      await db.execute(sql`insert into volunteers (account_id, name, phone, home_unit_id, home_unit_code, status, source)
        values (${acc.id}, '矩阵志愿者', ${phone}, ${home}, '330303001001', 'active', 'self') returning id`),
    );
    const token = await createSession(db, acc.id, { ip: '127.0.0.1', userAgent: 'matrix', now: new Date() });
    return { cookie: `wm_session=${token}`, volunteerId: v.id, accountId: acc.id };
  };
  return { app, database, unitId, sessionFor, makeAccount, uniquePhone, volunteerSession };
}

/** An unrelated district: another root unit with its own admin. */
export async function addUnrelatedDistrict(database: Database): Promise<void> {
  await database.db.execute(sql`insert into units (code, level, name) values ('330399', 'center', '测试区新时代文明实践中心') on conflict do nothing`);
}

export function actorFor(relation: Relation): { role: string; code: string } {
  switch (relation) {
    case 'same':
      return { role: 'institute_admin', code: TARGET_CODE };
    case 'parent':
      return { role: 'district_admin', code: '330303' };
    case 'child':
      return { role: 'station_admin', code: '330303001001' };
    case 'sibling':
      return { role: 'institute_admin', code: '330303002' };
    case 'unrelated':
      return { role: 'district_admin', code: '330399' };
  }
}

export function withCookie(opts: InjectOptions, cookie: string): InjectOptions {
  return { ...opts, headers: { ...(opts.headers ?? {}), cookie } };
}
