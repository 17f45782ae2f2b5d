// Routes of the teams module: teams and their files, members and join requests, the federation, and the
// volunteer's own side (join by QR, my teams, leave). Rules live in the services; handlers stay thin.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { idParams, listOf, noteBody, teamCreateBody, teamListQuery, teamPatchBody, teamSchema } from './teams.schemas';
import { actorContext, teamPresenter } from './teams.http';
import { createTeam, dissolveTeam, getManagedTeam, listTeamsIn, updateTeamDetails } from './teams.service';
import { teamFileRoutes } from './team-files.routes';
import { memberRoutes } from './members.routes';
import { federationRoutes } from './federation.routes';
import { myTeamRoutes } from './my-teams.routes';

const tags = ['teams'];

export const teamsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/teams',
    {
      schema: {
        tags,
        summary: 'Teams the caller manages: of units in their scope, and (team leaders) the teams they lead',
        querystring: teamListQuery,
        response: { 200: listOf(teamSchema) },
      },
    },
    async (req) => {
      const page = await listTeamsIn(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: page.items.map(teamPresenter(req, deps)) };
    },
  );

  app.get(
    '/api/teams/:id',
    { schema: { tags, summary: 'One team (staff in scope or its leaders)', params: idParams, response: { 200: teamSchema } } },
    async (req) => teamPresenter(req, deps)(await getManagedTeam(deps.db, { principal: requirePrincipal(req), id: req.params.id })),
  );

  app.post(
    '/api/teams',
    { schema: { tags, summary: 'Create a team of a unit or of an outside organization under a unit', body: teamCreateBody, response: { 201: teamSchema } } },
    async (req, reply) => reply.status(201).send(teamPresenter(req, deps)(await createTeam(deps.db, { ...actorContext(req, deps), ...req.body }))),
  );

  app.patch(
    '/api/teams/:id',
    {
      schema: {
        tags,
        summary: "Edit a team (its leaders: introduction, contact, specialty; staff: also name, unit, organization)",
        params: idParams,
        body: teamPatchBody,
        response: { 200: teamSchema },
      },
    },
    async (req) => teamPresenter(req, deps)(await updateTeamDetails(deps.db, { ...actorContext(req, deps), id: req.params.id, ...req.body })),
  );

  app.post(
    '/api/teams/:id/dissolve',
    { schema: { tags, summary: 'Dissolve a team: open memberships and join requests end', params: idParams, body: noteBody, response: { 200: teamSchema } } },
    async (req) => teamPresenter(req, deps)(await dissolveTeam(deps.db, { ...actorContext(req, deps), id: req.params.id, note: req.body?.note })),
  );

  await app.register(teamFileRoutes, deps);
  await app.register(memberRoutes, deps);
  await app.register(federationRoutes, deps);
  await app.register(myTeamRoutes, deps);
};
