// Server-side sessions and the authentication step of every request. A route is closed unless it says
// `config: { access: 'public' }`; closed routes get `req.principal` or a 401 before validation runs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../db/client';
import { accounts, roleGrants, sessions } from '../db/schema/accounts';
import { units } from '../db/schema/network';
import { AppError } from './errors';
import { randomToken, sha256 } from './crypto';
import type { Grant, Principal } from './policy';
import type { Role } from '../../common/roles';

export const SESSION_COOKIE = 'wm_session';
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;
// Touch last_seen at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: 'public' | 'staff';
  }
}

export type SessionClock = { now(): Date };

export async function loadGrants(db: DbOrTx, accountId: string): Promise<Grant[]> {
  const rows = await db
    .select({ role: roleGrants.role, unitId: units.id, unitCode: units.code, unitName: units.name })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(roleGrants.accountId, accountId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function createSession(db: DbOrTx, accountId: string, meta: { ip: string; userAgent: string; now: Date }) {
  const token = randomToken();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    accountId,
    createdAt: meta.now,
    lastSeenAt: meta.now,
    expiresAt: new Date(meta.now.getTime() + ABSOLUTE_HOURS * 3600_000),
    ip: meta.ip,
    userAgent: meta.userAgent.slice(0, 300),
  });
  return token;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: ABSOLUTE_HOURS * 3600 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

type SessionRow = {
  accountId: string;
  name: string;
  phone: string;
  status: string;
  lastSeenAt: string | Date;
  expiresAt: string | Date;
  grants: Grant[] | string | null;
  volunteerId: string | null;
  teamsLed: string[] | string | null;
};

async function principalFromCookie(db: Db, token: string, now: Date): Promise<Principal> {
  const tokenHash = sha256(token);
  // One round trip: session, account and grants together (this runs on every signed-in request).
  const [row] = rowsOf<SessionRow>(
    await db.execute(sql`
      select a.id as "accountId", a.name, a.phone, a.status, s.last_seen_at as "lastSeenAt", s.expires_at as "expiresAt",
        (select coalesce(json_agg(json_build_object('role', g.role, 'unitId', u.id, 'unitCode', u.code, 'unitName', u.name)), '[]'::json)
           from ${roleGrants} g join ${units} u on u.id = g.unit_id where g.account_id = a.id) as grants,
        v.id as "volunteerId",
        (select coalesce(json_agg(m.team_id), '[]'::json) from team_members m
           where m.volunteer_id = v.id and m.status = 'active' and m.role in ('leader', 'vice_leader')) as "teamsLed"
      from ${sessions} s join ${accounts} a on a.id = s.account_id
      left join volunteers v on v.account_id = a.id and v.status in ('pending', 'active')
      where s.token_hash = ${tokenHash}`),
  );
  if (!row) throw new AppError('unauthenticated');
  const lastSeenAt = new Date(row.lastSeenAt);
  const idleFor = now.getTime() - lastSeenAt.getTime();
  if (row.status !== 'active' || now >= new Date(row.expiresAt) || idleFor > IDLE_MINUTES * 60_000) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    throw new AppError('session_expired');
  }
  if (idleFor > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const grants = (typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants ?? []) as Grant[];
  const teamsLed = (typeof row.teamsLed === 'string' ? JSON.parse(row.teamsLed) : row.teamsLed ?? []) as string[];
  return { accountId: row.accountId, name: row.name, phone: row.phone, grants, volunteerId: row.volunteerId, teamsLed };
}

export function sessionToken(req: FastifyRequest): string | undefined {
  return req.cookies?.[SESSION_COOKIE];
}

/** Refuses state-changing requests that a browser marks as coming from another site. */
function assertSameSite(req: FastifyRequest, publicBaseUrl: string): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('cross_site_refused');
  const origin = req.headers.origin;
  if (!origin) return;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('cross_site_refused');
  }
  if (originHost !== host && origin !== new URL(publicBaseUrl).origin) throw new AppError('cross_site_refused');
}

export function registerAuth(app: FastifyInstance, deps: { db: Db; clock: SessionClock; publicBaseUrl: string }): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    assertSameSite(req, deps.publicBaseUrl);
    const access = req.routeOptions.config?.access ?? 'staff';
    const token = sessionToken(req);
    if (access === 'public') {
      // Public routes still know who is signed in (e.g. to show a console link) but never require it.
      if (token) req.principal = await principalFromCookie(deps.db, token, deps.clock.now()).catch(() => null);
      return;
    }
    if (!token) throw new AppError('unauthenticated');
    req.principal = await principalFromCookie(deps.db, token, deps.clock.now());
  });
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated');
  return req.principal;
}

export async function endSessionsOf(db: DbOrTx, accountId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), exceptTokenHash ? sql`${sessions.tokenHash} <> ${exceptTokenHash}` : undefined));
}
