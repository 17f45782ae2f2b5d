// De-duplication report and merge routes; the rules live in duplicates.service.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { duplicatesPage, duplicatesQuery, mergeBody, mergeResultSchema } from './roster.schemas';
import { listDuplicates, mergeVolunteers } from './duplicates.service';

const tags = ['roster'];

export const duplicateRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/duplicates',
    {
      schema: {
        tags,
        summary: 'Suspected duplicate volunteers in scope: groups sharing a phone, or a name and birth date (merged and erased records left out)',
        querystring: duplicatesQuery,
        response: { 200: duplicatesPage },
      },
    },
    async (req) => listDuplicates(deps.db, { principal: requirePrincipal(req), cursor: req.query.cursor, limit: req.query.limit }),
  );

  app.post(
    '/api/duplicates/merge',
    {
      schema: {
        tags,
        summary: 'Merge one volunteer record into another (volunteer.manage over both): memberships and records move, the merged record is erased and points at the kept one',
        body: mergeBody,
        response: { 200: mergeResultSchema },
      },
    },
    async (req) =>
      mergeVolunteers(deps.db, { principal: requirePrincipal(req), actor: actorOf(req), keepId: req.body.keepId, mergeId: req.body.mergeId, now: deps.clock.now() }),
  );
};
