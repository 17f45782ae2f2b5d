// The message outbox: what the built-in SMS adapter recorded, for staff with sms.read in their scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { smsListQuery, smsRowSchema } from './volunteers.schemas';
import { listOutbox } from './sms-outbox.service';

export const smsOutboxRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/sms-outbox',
    {
      schema: {
        tags: ['volunteers'],
        summary: 'Recorded text messages, newest first (district admins also see district-wide ones such as codes); filter by phone',
        querystring: smsListQuery,
        response: { 200: z.object({ items: z.array(smsRowSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => listOutbox(deps.db, { principal: requirePrincipal(req), ...req.query }),
  );
};
