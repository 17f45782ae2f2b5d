// What the phone's registration pages need without signing in: the options (skill tags, consent texts, time
// slots), the stations to pick a home from (nearest first when the phone shares its location), one-time codes,
// and the registration itself. All public and rate limited per client address.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { ModuleDeps } from '../../app';
import { rowsOf } from '../../db/client';
import { setSessionCookie } from '../../platform/auth';
import { escapeLike } from '../../platform/policy';
import { consentTexts } from '../../../common/consents';
import { latSchema, lngSchema } from '../../../common/network';
import { myVolunteerSchema, otpBody, registerBody, slotKeys } from './volunteers.schemas';
import { listSkillTags } from './skill-tags.service';
import { registerSelf } from './registration.service';
import { requestOtp } from './volunteer-auth.service';
import { myVolunteer } from './self.service';

const tags = ['volunteers'];
const consentSchema = z.object({ version: z.string(), title: z.string(), body: z.string() });

type StationRow = { id: string; code: string; name: string; instituteName: string | null; distanceKm: number | string | null };

export const publicRegistrationRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const publicLimit = { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' };
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? ''), now: deps.clock.now() });

  app.get(
    '/api/public/registration-options',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        summary: 'Skill tags, consent texts (with versions) and time slots for the registration form',
        response: {
          200: z.object({
            skills: z.array(z.object({ id: z.string(), name: z.string(), category: z.string() })),
            consents: z.object({ privacy: consentSchema, id_processing: consentSchema, guardian: consentSchema }),
            slots: z.array(z.string()),
          }),
        },
      },
    },
    async () => {
      const skills = await listSkillTags(deps.db, { activeOnly: true });
      return { skills: skills.map((s) => ({ id: s.id, name: s.name, category: s.category })), consents: consentTexts, slots: [...slotKeys] };
    },
  );

  app.get(
    '/api/public/stations',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        summary: 'Active stations to choose a home from; with lat/lng nearest first (distance in km), with q by name',
        querystring: z.strictObject({
          q: z.string().trim().max(50).optional(),
          lat: z.coerce.number().pipe(latSchema).optional(),
          lng: z.coerce.number().pipe(lngSchema).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), instituteName: z.string(), distanceKm: z.number().nullable() })) }),
        },
      },
    },
    async (req) => {
      const { q, limit } = req.query;
      const here = req.query.lat !== undefined && req.query.lng !== undefined ? { lat: req.query.lat, lng: req.query.lng } : null;
      // Great-circle distance (haversine); a few hundred stations per district need no spatial index.
      const distance = here
        ? sql`case when s.lat is null or s.lng is null then null else round((6371 * 2 * asin(sqrt(
            power(sin(radians(s.lat - ${here.lat}) / 2), 2) + cos(radians(${here.lat})) * cos(radians(s.lat)) * power(sin(radians(s.lng - ${here.lng}) / 2), 2))))::numeric, 2)::float8 end`
        : sql`null::float8`;
      const rows = rowsOf<StationRow>(
        await deps.db.execute(sql`
          select s.id, s.code, s.name, p.name as "instituteName", ${distance} as "distanceKm"
          from units s left join units p on p.id = s.parent_id
          where s.level = 'station' and s.status = 'active' ${q ? sql`and s.name ilike ${'%' + escapeLike(q) + '%'}` : sql``}
          order by 5 asc nulls last, s.code
          limit ${limit}`),
      );
      return { items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, instituteName: r.instituteName ?? '', distanceKm: r.distanceKm === null ? null : Number(r.distanceKm) })) };
    },
  );

  app.post(
    '/api/otp',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a one-time code by SMS (6 digits, 5 minutes). For sign-in/erase the answer is the same whether or not the phone is a volunteer',
        body: otpBody,
        response: { 200: z.object({ expiresAt: z.string(), resendAfterSeconds: z.number() }) },
      },
    },
    async (req) => {
      const r = await requestOtp(deps.db, deps, { ...req.body, ...meta(req) });
      return { expiresAt: r.expiresAt.toISOString(), resendAfterSeconds: r.resendAfterSeconds };
    },
  );

  app.post(
    '/api/volunteers/register',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.signInPerMin, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Register as a volunteer (phone confirmed by code); signs the new volunteer in. 409 already_registered for a known ID number',
        body: registerBody,
        response: { 201: z.object({ volunteer: myVolunteerSchema }) },
      },
    },
    async (req, reply) => {
      const m = meta(req);
      const { volunteerId, token } = await registerSelf(deps.db, deps, req.body, m);
      setSessionCookie(reply, token, deps.config.cookieSecure);
      return reply.status(201).send({ volunteer: await myVolunteer(deps.db, volunteerId, m.now) });
    },
  );
};
