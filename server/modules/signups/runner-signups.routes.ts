// The runner's sign-up pages (staff of the organizing unit's scope, leaders of the activity's team): the list of
// sign-ups and bookings, adding a volunteer, cancelling a place with a reason, and the list as .xlsx.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { attachmentHeader, safeFileName } from '../network/civic-code.service';
import { fileResponse, idParams, listOf, runnerAddBody, runnerCancelBody, runnerListQuery, runnerRow, signupParams } from './signups.schemas';
import { addByRunner, cancelByRunner, exportForRunner, listForRunner, seesFullPhones } from './runner.service';
import { presentRunnerRow } from './signups.presenter';
import { signupsXlsx } from './signups-export';

const tags = ['sign-ups'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const runnerSignupRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const notices = { notify: deps.notify, publicBaseUrl: deps.config.publicBaseUrl };
  const staff = (req: FastifyRequest) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now(), notices });

  app.get(
    '/api/activities/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign-ups and bookings of an activity in sign-up order, with check-in and minutes (runner; phones in full for staff)',
        params: idParams,
        querystring: runnerListQuery,
        response: { 200: listOf(runnerRow) },
      },
    },
    async (req) => {
      const r = await listForRunner(deps.db, { principal: requirePrincipal(req), now: deps.clock.now(), activityId: req.params.id, ...req.query });
      return { ...r.page, items: r.page.items.map((row) => presentRunnerRow(row, r.fullPhones)) };
    },
  );

  app.post(
    '/api/activities/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign a volunteer up (runner): same rules as signing up oneself; the waiting list when full',
        params: idParams,
        body: runnerAddBody,
        response: { 201: runnerRow },
      },
    },
    async (req, reply) => {
      const w = staff(req);
      const r = await addByRunner(deps.db, { ...w, activityId: req.params.id, volunteerId: req.body.volunteerId });
      return reply.status(201).send(presentRunnerRow(r.row, seesFullPhones(w.principal, r.activity)));
    },
  );

  app.post(
    '/api/activities/:id/signups/:signupId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a sign-up or booking with a reason (runner, any time); the first on the waiting list moves up',
        params: signupParams,
        body: runnerCancelBody,
        response: { 200: runnerRow },
      },
    },
    async (req) => {
      const w = staff(req);
      const r = await cancelByRunner(deps.db, { ...w, activityId: req.params.id, signupId: req.params.signupId, reason: req.body.reason });
      return presentRunnerRow(r.row, seesFullPhones(w.principal, r.activity));
    },
  );

  app.get(
    '/api/activities/:id/signups.xlsx',
    { schema: { tags, summary: 'All sign-ups and bookings of an activity as .xlsx (runner)', params: idParams, produces: [XLSX], response: { 200: fileResponse } } },
    async (req, reply) => {
      const r = await exportForRunner(deps.db, { principal: requirePrincipal(req), now: deps.clock.now(), activityId: req.params.id });
      const body = await signupsXlsx(r);
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentHeader(`${safeFileName(r.activity.title)}-报名名单.xlsx`, `signups-${r.activity.id}.xlsx`))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
