// The attendance module's routes: the runner's rotating check-in code, list and manual check-in/out, and the
// volunteer's scan and own pairs. Rules live in attendance.service.ts and pairs.service.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { idempotencyKeyOf } from '../../platform/idempotency';
import { requireVolunteer } from '../../platform/policy';
import {
  codeQuery,
  codeResponse,
  idParams,
  manualBody,
  manualResponse,
  myPairsQuery,
  myPairsResponse,
  rosterResponse,
  scanBody,
  scanResponse,
} from './attendance.schemas';
import { attendanceRoster, checkinCodeFor, manualAttendance, myPairs, scan } from './attendance.service';

const tags = ['attendance'];
// A volunteer scans a handful of times a day; a loop hammering the endpoint is refused per account.
const SCANS_PER_MINUTE = 30;

export const attendanceRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const secret = deps.config.secretKey!;

  app.get(
    '/api/activities/:id/checkin-code',
    {
      schema: {
        tags,
        summary: 'The current check-in (mode=in) or check-out (mode=out) code with its URL and QR; a new one every minute, each accepted up to 120 s (runner)',
        params: idParams,
        querystring: codeQuery,
        response: { 200: codeResponse },
      },
    },
    async (req) =>
      checkinCodeFor(deps.db, {
        principal: requirePrincipal(req),
        secret,
        publicBaseUrl: deps.config.publicBaseUrl,
        activityId: req.params.id,
        mode: req.query.mode,
        now: deps.clock.now(),
      }),
  );

  app.post(
    '/api/volunteer/attendance',
    {
      config: { rateLimit: { max: SCANS_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (req) => req.principal?.accountId ?? req.ip } },
      schema: {
        tags,
        summary: 'Check in or out with a scanned code (the code says which); send an Idempotency-Key header so a retry never counts twice',
        body: scanBody,
        response: { 200: scanResponse },
      },
    },
    async (req, reply) => {
      const principal = requirePrincipal(req);
      const volunteerId = requireVolunteer(principal);
      const key = idempotencyKeyOf(req.headers);
      const { lat, lng } = req.body;
      const outcome = await scan(deps.db, {
        principal,
        volunteerId,
        secret,
        key,
        code: req.body.code,
        activityId: req.body.activityId,
        location: lat !== undefined && lng !== undefined ? { lat, lng } : null,
        now: deps.clock.now(),
      });
      if (outcome.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(outcome.status as 200).send(outcome.body);
    },
  );

  app.get(
    '/api/activities/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Everyone with a confirmed sign-up (and anyone with check-ins), their check-in/out pairs and recorded minutes (runner)',
        params: idParams,
        response: { 200: rosterResponse },
      },
    },
    async (req) => attendanceRoster(deps.db, { principal: requirePrincipal(req), activityId: req.params.id }),
  );

  app.post(
    '/api/activities/:id/attendance/manual',
    {
      schema: {
        tags,
        summary: 'Check a signed-up volunteer in or out by hand (at defaults to now, never in the future); recorded as manual and audited (runner)',
        params: idParams,
        body: manualBody,
        response: { 200: manualResponse },
      },
    },
    async (req) =>
      manualAttendance(deps.db, {
        principal: requirePrincipal(req),
        actor: actorOf(req),
        activityId: req.params.id,
        volunteerId: req.body.volunteerId,
        action: req.body.action,
        at: req.body.at,
        now: deps.clock.now(),
      }),
  );

  app.get(
    '/api/volunteer/attendance',
    { schema: { tags, summary: 'My check-in/out pairs at an activity', querystring: myPairsQuery, response: { 200: myPairsResponse } } },
    async (req) => myPairs(deps.db, requireVolunteer(requirePrincipal(req)), req.query.activityId),
  );
};
