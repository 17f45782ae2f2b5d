// Volunteer sign-in on the phone: mobile + one-time code, or mobile + the password they set. The session is
// the same cookie staff use; sign-out is the shared POST /api/auth/sign-out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { sessionToken, setSessionCookie } from '../../platform/auth';
import { myVolunteerSchema, signInBody } from './volunteers.schemas';
import { signInWithCode, signInWithVolunteerPassword } from './volunteer-auth.service';
import { myVolunteer } from './self.service';

export const volunteerAuthRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.post(
    '/api/volunteer-auth/sign-in',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.signInPerMin, timeWindow: '1 minute' } },
      schema: {
        tags: ['volunteers'],
        summary: 'Volunteer sign-in with {phone, code} (OTP purpose sign-in) or {phone, password}; 401 invalid_credentials otherwise',
        body: signInBody,
        response: { 200: z.object({ volunteer: myVolunteerSchema }) },
      },
    },
    async (req, reply) => {
      const meta = { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? ''), now: deps.clock.now(), oldToken: sessionToken(req) };
      const b = req.body;
      const { token, volunteerId } =
        'code' in b ? await signInWithCode(deps.db, deps, { ...meta, phone: b.phone, code: b.code }) : await signInWithVolunteerPassword(deps.db, { ...meta, phone: b.phone, password: b.password });
      setSessionCookie(reply, token, deps.config.cookieSecure);
      return { volunteer: await myVolunteer(deps.db, volunteerId, meta.now) };
    },
  );
};
