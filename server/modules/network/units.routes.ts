// Units of the practice network: the tree with counts, lists, and create / edit / move / close / reopen.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { idParams, listOf, treeSchema, unitCreateBody, unitListQuery, unitMoveBody, unitPatchBody, unitSchema } from './network.schemas';
import { presentUnit } from './network.presenter';
import { createUnit, getUnit, listUnitsIn, moveUnit, setUnitStatus, unitTreeOf, updateUnitDetails } from './units.service';

const tags = ['network'];

export const unitRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: Parameters<typeof actorOf>[0]) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });

  app.get(
    '/api/network/tree',
    { schema: { tags, summary: "The network as a tree (every unit in the caller's scope, by code) with counts", response: { 200: treeSchema } } },
    async (req) => ({ units: await unitTreeOf(deps.db, { principal: requirePrincipal(req) }) }),
  );

  app.get(
    '/api/units',
    { schema: { tags, summary: 'List units in scope (search, filters, keyset pages)', querystring: unitListQuery, response: { 200: listOf(unitSchema) } } },
    async (req) => {
      const page = await listUnitsIn(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: page.items.map(presentUnit) };
    },
  );

  app.get(
    '/api/units/:id',
    { schema: { tags, summary: 'One unit', params: idParams, response: { 200: unitSchema } } },
    async (req) => presentUnit(await getUnit(deps.db, { principal: requirePrincipal(req), id: req.params.id })),
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags,
        summary: "Create a unit under a parent (its code = the parent's code + 3 digits)",
        body: unitCreateBody,
        response: { 201: unitSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentUnit(await createUnit(deps.db, { ...who(req), ...req.body }))),
  );

  app.patch(
    '/api/units/:id',
    { schema: { tags, summary: "Edit a unit's details", params: idParams, body: unitPatchBody, response: { 200: unitSchema } } },
    async (req) => presentUnit(await updateUnitDetails(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );

  app.post(
    '/api/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a unit under another parent or renumber it; the codes of everything under it follow',
        params: idParams,
        body: unitMoveBody,
        response: { 200: unitSchema },
      },
    },
    async (req) => presentUnit(await moveUnit(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );

  for (const [path, status, summary] of [
    ['close', 'closed', 'Close a unit (refused while it has open sites or active child units)'],
    ['reopen', 'active', 'Reopen a closed unit (its parent must be active)'],
  ] as const) {
    app.post(
      `/api/units/:id/${path}`,
      { schema: { tags, summary, params: idParams, body: z.strictObject({}).nullish(), response: { 200: unitSchema } } },
      async (req) => presentUnit(await setUnitStatus(deps.db, { ...who(req), id: req.params.id, status })),
    );
  }
};
