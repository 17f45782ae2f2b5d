// The volunteer's own hours in the H5: records (latest versions), total, star level, and asking for a correction.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { requireVolunteer } from '../../platform/policy';
import { pageQuery } from '../../platform/pagination';
import { correctionBody, hourRecordSchema, idParams, myHoursResponse } from './hours.schemas';
import { presentRecord } from './hours.presenter';
import { myHours } from './hours.service';
import { requestCorrection } from './hours-corrections.service';
import { myStanding } from './stars.service';

const tags = ['hours'];

export const hoursVolunteerRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/volunteer/hours',
    {
      schema: {
        tags,
        summary: "The signed-in volunteer's service records (superseded versions left out), total minutes and star level",
        querystring: z.strictObject({ ...pageQuery }),
        response: { 200: myHoursResponse },
      },
    },
    async (req) => {
      const volunteerId = requireVolunteer(req.principal);
      const page = await myHours(deps.db, { volunteerId, ...req.query });
      return { ...page, items: page.items.map(presentRecord), ...(await myStanding(deps.db, volunteerId)) };
    },
  );

  app.post(
    '/api/volunteer/hours/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Ask for a correction of one of my records (a new pending version with the times and the reason)',
        params: idParams,
        body: correctionBody,
        response: { 201: hourRecordSchema },
      },
    },
    async (req, reply) => {
      requireVolunteer(req.principal);
      const record = await requestCorrection(deps.db, {
        principal: requirePrincipal(req),
        actor: actorOf(req),
        now: deps.clock.now(),
        notify: deps.notify,
        ...req.body,
        id: req.params.id,
        by: 'volunteer',
      });
      return reply.status(201).send(presentRecord(record));
    },
  );
};
