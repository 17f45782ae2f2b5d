// Star levels: the thresholds (read by any staff, set by star.configure) and the awards the home units confirm.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { awardListQuery, awardSchema, bulkConfirmBody, emptyBody, idParams, listOf, starLevelsBody, starLevelsResponse } from './hours.schemas';
import { presentAward } from './hours.presenter';
import { confirmStarAward, confirmStarAwards, listStarAwards, setStarLevels, starLevels } from './stars.service';

const tags = ['hours'];

export const starsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: FastifyRequest) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now(), notify: deps.notify });

  app.get(
    '/api/star-levels',
    { schema: { tags, summary: 'Star level thresholds in hours (any staff)', response: { 200: starLevelsResponse } } },
    async (req) => starLevels(deps.db, requirePrincipal(req)),
  );

  app.put(
    '/api/star-levels',
    {
      schema: {
        tags,
        summary: 'Set the thresholds: levels 1..n (n ≤ 5), hours strictly increasing (star.configure); pending awards follow',
        body: starLevelsBody,
        response: { 200: starLevelsResponse },
      },
    },
    async (req) => setStarLevels(deps.db, { ...who(req), levels: req.body.levels }),
  );

  app.get(
    '/api/star-awards',
    {
      schema: {
        tags,
        summary: "Levels volunteers reached, for volunteers whose home unit is in the caller's star.manage scope",
        querystring: awardListQuery,
        response: { 200: listOf(awardSchema) },
      },
    },
    async (req) => {
      const page = await listStarAwards(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: page.items.map(presentAward) };
    },
  );

  app.post(
    '/api/star-awards/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm many awards; those out of scope or already confirmed are left as they are',
        body: bulkConfirmBody,
        response: { 200: z.object({ confirmed: z.number() }) },
      },
    },
    async (req) => confirmStarAwards(deps.db, { ...who(req), ids: req.body.ids }),
  );

  app.post(
    '/api/star-awards/:id/confirm',
    {
      schema: {
        tags,
        summary: "Confirm an award: the volunteer's star level becomes at least its level, and the volunteer is told",
        params: idParams,
        body: emptyBody,
        response: { 200: awardSchema },
      },
    },
    async (req) => presentAward(await confirmStarAward(deps.db, { ...who(req), id: req.params.id })),
  );
};
