// Sign-in, sign-out (here and everywhere), who am I, change my password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { clearSessionCookie, endSessionsOf, requirePrincipal, sessionToken, setSessionCookie } from '../../platform/auth';
import { actorOf, audit } from '../../platform/audit';
import { sha256 } from '../../platform/crypto';
import { mobileSchema, passwordInputSchema } from '../../../common/validation';
import { changeOwnPassword, signInWithPassword } from './auth.service';
import { sessions } from '../../db/schema/accounts';
import { eq } from 'drizzle-orm';

export const grantSchema = z.object({ role: z.string(), unitId: z.string(), unitCode: z.string(), unitName: z.string() });
export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  grants: z.array(grantSchema),
  volunteerId: z.string().nullable().optional().describe('the volunteer record of this account, if any'),
  teamsLed: z.array(z.string()).optional().describe('ids of the teams this account leads (team leaders hold no unit role)'),
});
const ok = z.object({ ok: z.literal(true) });

export const authRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.signInPerMin, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with mobile number and password',
        body: z.strictObject({ phone: mobileSchema, password: passwordInputSchema }),
        response: { 200: z.object({ account: meSchema }) },
      },
    },
    async (req, reply) => {
      const { token, account } = await signInWithPassword(deps.db, {
        ...req.body,
        ip: req.ip,
        userAgent: String(req.headers['user-agent'] ?? ''),
        now: deps.clock.now(),
        oldToken: sessionToken(req),
      });
      setSessionCookie(reply, token, deps.config.cookieSecure);
      return { account };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in account and its roles', response: { 200: meSchema } } }, async (req) => {
    const p = requirePrincipal(req);
    return { id: p.accountId, name: p.name, phone: p.phone, grants: p.grants, volunteerId: p.volunteerId ?? null, teamsLed: p.teamsLed ?? [] };
  });

  app.post('/api/auth/sign-out', { schema: { tags: ['auth'], summary: 'Sign out of this browser', response: { 200: ok } } }, async (req, reply) => {
    const token = sessionToken(req)!;
    await deps.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
    await audit(deps.db, actorOf(req), { action: 'auth.sign_out', objectType: 'account', objectId: req.principal!.accountId });
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.post(
    '/api/auth/sign-out-all',
    { schema: { tags: ['auth'], summary: 'Sign out everywhere (all sessions of this account)', response: { 200: ok } } },
    async (req, reply) => {
      const p = requirePrincipal(req);
      await deps.db.transaction(async (tx) => {
        await endSessionsOf(tx, p.accountId);
        await audit(tx, actorOf(req), { action: 'auth.sign_out_all', objectType: 'account', objectId: p.accountId });
      });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (other sessions end)',
        body: z.strictObject({ currentPassword: passwordInputSchema, newPassword: z.string().max(128) }),
        response: { 200: ok },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      await changeOwnPassword(deps.db, {
        accountId: p.accountId,
        ...req.body,
        keepTokenHash: sha256(sessionToken(req)!),
        actor: actorOf(req),
      });
      return { ok: true as const };
    },
  );
};
