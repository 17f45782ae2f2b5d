// Planning in the console: programme lists (项目清单) with publish / withdraw / adopt, the center's monthly
// themes, and each unit's review setting.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import {
  adoptBody,
  idParams,
  listOf,
  programmeCreateBody,
  programmeListQuery,
  programmePatchBody,
  programmeSchema,
  themeBody,
  themeDeleteQuery,
  themeListQuery,
  themeParams,
  themeSchema,
  unitSettingsBody,
  unitSettingsSchema,
} from './activities.schemas';
import { adoptProgramme, createProgramme, listProgrammesIn, setProgrammeStatus, updateProgramme } from './programmes.service';
import { deleteTheme, getUnitSettings, listThemesFor, putTheme, putUnitSettings } from './planning.service';
import type { ProgrammeJoined, ThemeJoined } from './programmes.repo';
import { scopeCodes, type Principal } from '../../platform/policy';

const tags = ['activities'];
const emptyBody = z.strictObject({}).nullish();

function presentProgramme(p: ProgrammeJoined, principal: Principal | null) {
  // Items of units above the caller's own are shown so lower units can adopt them.
  const own = principal ? scopeCodes(principal, 'activity.read').some((c) => p.unitCode.startsWith(c)) : false;
  return {
    id: p.id,
    unit: { id: p.unitId, code: p.unitCode, name: p.unitName, level: p.unitLevel },
    title: p.title,
    topic: p.topic,
    platform: p.platform,
    brands: p.brands,
    description: p.description,
    status: p.status,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    adoptedFrom: p.adoptedFrom,
    inherited: !own,
    activityCount: p.activityCount,
  };
}

function presentTheme(t: ThemeJoined) {
  return { id: t.id, month: t.month, title: t.title, description: t.description, unit: { id: t.unitId, code: t.unitCode, name: t.unitName, level: t.unitLevel } };
}

export const planningRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: FastifyRequest) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });

  app.get(
    '/api/units/:id/settings',
    { schema: { tags, summary: "A unit's activity settings (activity.read on the unit)", params: idParams, response: { 200: unitSettingsSchema } } },
    async (req) => getUnitSettings(deps.db, { principal: requirePrincipal(req), unitId: req.params.id }),
  );

  app.put(
    '/api/units/:id/settings',
    {
      schema: {
        tags,
        summary: "Set a unit's activity settings; the level above decides (activity.manage on the parent unit)",
        params: idParams,
        body: unitSettingsBody,
        response: { 200: unitSettingsSchema },
      },
    },
    async (req) => putUnitSettings(deps.db, { ...who(req), unitId: req.params.id, ...req.body }),
  );

  app.get(
    '/api/programmes',
    {
      schema: {
        tags,
        summary: 'Programmes in scope, plus the published programmes of the units above (inherited: true), by unit code and title',
        querystring: programmeListQuery,
        response: { 200: listOf(programmeSchema) },
      },
    },
    async (req) => {
      const principal = requirePrincipal(req);
      const page = await listProgrammesIn(deps.db, { principal, ...req.query });
      return { ...page, items: page.items.map((p) => presentProgramme(p, principal)) };
    },
  );

  app.post(
    '/api/programmes',
    { schema: { tags, summary: 'Create a programme (draft) in a unit', body: programmeCreateBody, response: { 201: programmeSchema } } },
    async (req, reply) => reply.status(201).send(presentProgramme(await createProgramme(deps.db, { ...who(req), ...req.body }), req.principal)),
  );

  app.patch(
    '/api/programmes/:id',
    { schema: { tags, summary: 'Edit a programme', params: idParams, body: programmePatchBody, response: { 200: programmeSchema } } },
    async (req) => presentProgramme(await updateProgramme(deps.db, { ...who(req), id: req.params.id, ...req.body }), req.principal),
  );

  for (const [verb, to] of [
    ['publish', 'published'],
    ['withdraw', 'withdrawn'],
  ] as const) {
    app.post(
      `/api/programmes/:id/${verb}`,
      { schema: { tags, summary: `${verb === 'publish' ? 'Publish' : 'Withdraw'} a programme`, params: idParams, body: emptyBody, response: { 200: programmeSchema } } },
      async (req) => presentProgramme(await setProgrammeStatus(deps.db, { ...who(req), id: req.params.id, to }), req.principal),
    );
  }

  app.post(
    '/api/programmes/:id/adopt',
    {
      schema: {
        tags,
        summary: 'Adopt a published programme into a unit below its own (a published copy; 409 if already adopted)',
        params: idParams,
        body: adoptBody,
        response: { 201: programmeSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentProgramme(await adoptProgramme(deps.db, { ...who(req), id: req.params.id, ...req.body }), req.principal)),
  );

  app.get(
    '/api/themes',
    { schema: { tags, summary: "The monthly themes of the caller's district center(s), by month", querystring: themeListQuery, response: { 200: z.object({ items: z.array(themeSchema) }) } } },
    async (req) => ({ items: (await listThemesFor(deps.db, { principal: requirePrincipal(req), ...req.query })).map(presentTheme) }),
  );

  app.put(
    '/api/themes/:month',
    { schema: { tags, summary: "Set the center's theme of a month (theme.manage on the center)", params: themeParams, body: themeBody, response: { 200: themeSchema } } },
    async (req) => presentTheme(await putTheme(deps.db, { ...who(req), month: req.params.month, ...req.body })),
  );

  app.delete(
    '/api/themes/:month',
    { schema: { tags, summary: 'Delete a month’s theme (409 while an activity uses it)', params: themeParams, querystring: themeDeleteQuery, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteTheme(deps.db, { ...who(req), month: req.params.month, unitId: req.query.unit });
      return reply.status(204).send(null);
    },
  );
};
