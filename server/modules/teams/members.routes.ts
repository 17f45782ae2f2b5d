// Members of a team and join requests: list, approve / reject, add by volunteer number (staff), change role,
// remove, and hand over leadership. Staff in scope and the team's own leaders (see policy.canManageTeam).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { decisionBody, idParams, listOf, memberAddBody, memberListQuery, memberParams, memberSchema, noteBody, roleBody, transferBody } from './teams.schemas';
import { actorContext } from './teams.http';
import { presentMember } from './teams.presenter';
import { addMemberByNumber, changeMemberRole, decideJoinRequest, listTeamMembers, removeMember, transferLeadership } from './members.service';

const tags = ['teams'];

export const memberRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/teams/:id/members',
    {
      schema: {
        tags,
        summary: "A team's members and join requests (default: pending and active), leaders first; phones masked",
        params: idParams,
        querystring: memberListQuery,
        response: { 200: listOf(memberSchema) },
      },
    },
    async (req) => {
      const page = await listTeamMembers(deps.db, { principal: requirePrincipal(req), id: req.params.id, ...req.query });
      return { ...page, items: page.items.map(presentMember) };
    },
  );

  app.post(
    '/api/teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Staff add an existing volunteer to the team by volunteer number (active at once)',
        params: idParams,
        body: memberAddBody,
        response: { 201: memberSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentMember(await addMemberByNumber(deps.db, { ...actorContext(req, deps), id: req.params.id, ...req.body }))),
  );

  app.post(
    '/api/teams/:id/members/:memberId/decide',
    {
      schema: {
        tags,
        summary: 'Approve or reject a pending join request (the volunteer gets a text message)',
        params: memberParams,
        body: decisionBody,
        response: { 200: memberSchema },
      },
    },
    async (req) =>
      presentMember(
        await decideJoinRequest(deps.db, { ...actorContext(req, deps), sms: deps.sms, id: req.params.id, memberId: req.params.memberId, ...req.body }),
      ),
  );

  app.patch(
    '/api/teams/:id/members/:memberId',
    { schema: { tags, summary: "Change an active member's role (vice leader / member)", params: memberParams, body: roleBody, response: { 200: memberSchema } } },
    async (req) => presentMember(await changeMemberRole(deps.db, { ...actorContext(req, deps), id: req.params.id, memberId: req.params.memberId, role: req.body.role })),
  );

  app.delete(
    '/api/teams/:id/members/:memberId',
    { schema: { tags, summary: 'Remove an active member (not the leader)', params: memberParams, body: noteBody, response: { 200: memberSchema } } },
    async (req) => presentMember(await removeMember(deps.db, { ...actorContext(req, deps), id: req.params.id, memberId: req.params.memberId, note: req.body?.note })),
  );

  app.post(
    '/api/teams/:id/leader',
    {
      schema: {
        tags,
        summary: 'Make an active member the leader; the previous leader becomes a vice leader (staff, or the leader)',
        params: idParams,
        body: transferBody,
        response: { 200: memberSchema },
      },
    },
    async (req) => presentMember(await transferLeadership(deps.db, { ...actorContext(req, deps), id: req.params.id, memberId: req.body.memberId })),
  );
};
