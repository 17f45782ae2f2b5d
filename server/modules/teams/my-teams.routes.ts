// The volunteer's side of teams: the public card behind a join QR code, asking to join, my teams, leaving.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { joinBody, joinCardSchema, myTeamParams, myTeamSchema, tokenParams } from './teams.schemas';
import { actorContext, langOf } from './teams.http';
import { presentMyTeam, presentPublicTeam } from './teams.presenter';
import { publicTeamByToken } from './teams.service';
import { leaveTeam, listMyTeams, myMembership, requestToJoin } from './members.service';
import { teamMemberRoles, teamMemberStatuses } from '../../../common/team-specialties';

const tags = ['teams'];
const membershipSchema = z.object({ teamId: z.string(), teamName: z.string(), role: z.enum(teamMemberRoles), status: z.enum(teamMemberStatuses) });

export const myTeamRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/public/teams/join/:token',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "The team card a join QR code opens (public); with the signed-in volunteer's own membership, if any",
        params: tokenParams,
        response: { 200: joinCardSchema },
      },
    },
    async (req) => {
      const team = await publicTeamByToken(deps.db, req.params.token);
      return {
        ...presentPublicTeam(team, langOf(req)),
        myMembership: await myMembership(deps.db, req.principal, team.id),
        signedInAsVolunteer: Boolean(req.principal?.volunteerId),
      };
    },
  );

  app.post(
    '/api/me/teams/join',
    {
      schema: {
        tags,
        summary: 'Ask to join the team of a join QR token (idempotent: an open request or membership is returned as is)',
        body: joinBody,
        response: { 200: membershipSchema },
      },
    },
    async (req) => {
      const { team, row } = await requestToJoin(deps.db, { ...actorContext(req, deps), token: req.body.token });
      return { teamId: team.id, teamName: team.name, role: row.role, status: row.status };
    },
  );

  app.get(
    '/api/me/teams',
    { schema: { tags, summary: "The signed-in volunteer's teams and join requests", response: { 200: z.object({ items: z.array(myTeamSchema) }) } } },
    async (req) => {
      const lang = langOf(req);
      return { items: (await listMyTeams(deps.db, requirePrincipal(req))).map((r) => presentMyTeam(r, lang)) };
    },
  );

  app.post(
    '/api/me/teams/:teamId/leave',
    {
      schema: {
        tags,
        summary: 'Leave a team, or withdraw a pending request (a leader hands over first)',
        params: myTeamParams,
        body: z.strictObject({}).nullish(),
        response: { 200: membershipSchema },
      },
    },
    async (req) => {
      const { team, row } = await leaveTeam(deps.db, { ...actorContext(req, deps), teamId: req.params.teamId });
      return { teamId: team.id, teamName: team.name, role: row.role, status: row.status };
    },
  );
};
