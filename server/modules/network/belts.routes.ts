// Belts (实践带): themed, ordered routes of sites.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { beltCreateBody, beltListQuery, beltPatchBody, beltSchema, beltStopsBody, idParams, listOf } from './network.schemas';
import { createBelt, getBelt, listBeltsIn, setBeltStops, updateBelt } from './belts.service';

const tags = ['network'];

export const beltRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: Parameters<typeof actorOf>[0]) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });

  app.get(
    '/api/belts',
    {
      schema: {
        tags,
        summary: 'List belts curated in scope or passing through a site in scope',
        querystring: beltListQuery,
        response: { 200: listOf(beltSchema) },
      },
    },
    async (req) => listBeltsIn(deps.db, { principal: requirePrincipal(req), ...req.query }),
  );

  app.get(
    '/api/belts/:id',
    { schema: { tags, summary: 'One belt with its ordered stops', params: idParams, response: { 200: beltSchema } } },
    async (req) => getBelt(deps.db, { principal: requirePrincipal(req), id: req.params.id }),
  );

  app.post(
    '/api/belts',
    { schema: { tags, summary: 'Create a belt curated by a unit, optionally with its stops', body: beltCreateBody, response: { 201: beltSchema } } },
    async (req, reply) => reply.status(201).send(await createBelt(deps.db, { ...who(req), ...req.body })),
  );

  app.patch(
    '/api/belts/:id',
    { schema: { tags, summary: "Edit a belt's name, theme or description", params: idParams, body: beltPatchBody, response: { 200: beltSchema } } },
    async (req) => updateBelt(deps.db, { ...who(req), id: req.params.id, ...req.body }),
  );

  app.put(
    '/api/belts/:id/stops',
    {
      schema: {
        tags,
        summary: "Replace a belt's stops with these sites, in this order (each once, all under the belt's unit)",
        params: idParams,
        body: beltStopsBody,
        response: { 200: beltSchema },
      },
    },
    async (req) => setBeltStops(deps.db, { ...who(req), id: req.params.id, siteIds: req.body.siteIds }),
  );
};
