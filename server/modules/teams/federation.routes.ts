// The district volunteer federation: teams apply, the center decides, member teams are listed publicly.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { federationApplyBody, federationDecideBody, federationListQuery, idParams, listOf, publicFederationQuery, publicTeamSchema, teamSchema } from './teams.schemas';
import { actorContext, langOf, teamPresenter } from './teams.http';
import { presentPublicTeam } from './teams.presenter';
import { applyToFederation, decideFederation, listFederationTeams, listPublicFederation } from './federation.service';

const tags = ['federation'];

export const federationRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.post(
    '/api/teams/:id/federation/apply',
    {
      schema: { tags, summary: 'Apply for the team to join the district volunteer federation', params: idParams, body: federationApplyBody, response: { 200: teamSchema } },
    },
    async (req) => teamPresenter(req, deps)(await applyToFederation(deps.db, { ...actorContext(req, deps), id: req.params.id, note: req.body?.note })),
  );

  app.get(
    '/api/federation/applications',
    {
      schema: {
        tags,
        summary: 'Teams by federation status (default: applications waiting for a decision); federation.manage scope',
        querystring: federationListQuery,
        response: { 200: listOf(teamSchema) },
      },
    },
    async (req) => {
      const page = await listFederationTeams(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: page.items.map(teamPresenter(req, deps)) };
    },
  );

  app.post(
    '/api/federation/applications/:teamId/decide',
    {
      schema: {
        tags,
        summary: "Approve or reject a team's application to the federation (district admins)",
        params: z.strictObject({ teamId: z.uuid() }),
        body: federationDecideBody,
        response: { 200: teamSchema },
      },
    },
    async (req) => teamPresenter(req, deps)(await decideFederation(deps.db, { ...actorContext(req, deps), teamId: req.params.teamId, ...req.body })),
  );

  app.get(
    '/api/public/federation/teams',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Member teams of the district volunteer federation (public, no personal data)', querystring: publicFederationQuery, response: { 200: listOf(publicTeamSchema) } },
    },
    async (req) => {
      const page = await listPublicFederation(deps.db, req.query);
      const lang = langOf(req);
      return { ...page, items: page.items.map((t) => presentPublicTeam(t, lang)) };
    },
  );
};
