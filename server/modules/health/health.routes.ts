// GET /api/health: is the database reachable, which version runs, are all migrations applied.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { ModuleDeps } from '../../app';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['embedded', 'postgres']), reachable: z.boolean() }),
  migrations: z.object({ applied: z.number(), known: z.number(), upToDate: z.boolean() }),
  time: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Health: database, version, migration state', response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_req, reply) => {
      let reachable = true;
      let state = { applied: 0, known: 0 };
      try {
        await deps.db.execute(sql`select 1`);
        state = await deps.database.migrationState();
      } catch {
        reachable = false;
      }
      const upToDate = reachable && state.applied >= state.known;
      const body = {
        status: reachable && upToDate ? ('ok' as const) : ('degraded' as const),
        version: deps.version,
        database: { kind: deps.database.kind, reachable },
        migrations: { ...state, upToDate },
        time: deps.clock.now().toISOString(),
      };
      return reply.status(body.status === 'ok' ? 200 : 503).send(body);
    },
  );
};
