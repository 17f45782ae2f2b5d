// Reading the audit log: admins see the entries of units in their scope, newest first.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { escapeLike, scopeCondition } from '../../platform/policy';
import { decodeCursor, pageOf, pageQuery } from '../../platform/pagination';
import { auditLog } from '../../db/schema/audit';

const entrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorLabel: z.string(),
  ip: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  unitCode: z.string(),
  result: z.enum(['ok', 'denied', 'failed']),
  details: z.record(z.string(), z.unknown()),
});

export const auditRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries of my scope (sign-ins, account, role and network changes, exports, reveals)',
        querystring: z.strictObject({
          q: z.string().max(50).optional(),
          action: z.string().max(60).optional(),
          result: z.enum(['ok', 'denied', 'failed']).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      const { q, action, result, from, to, limit } = req.query;
      const after = decodeCursor(req.query.cursor, ['number']);
      const filters: (SQL | undefined)[] = [
        // Events tied to no unit (failed sign-ins of unknown numbers) are shown to district admins.
        p.grants.some((g) => g.role === 'district_admin')
          ? or(scopeCondition(p, 'audit.read', auditLog.unitCode), eq(auditLog.unitCode, ''))
          : scopeCondition(p, 'audit.read', auditLog.unitCode),
        action ? eq(auditLog.action, action) : undefined,
        result ? eq(auditLog.result, result) : undefined,
        from ? gte(auditLog.at, new Date(from)) : undefined,
        to ? lt(auditLog.at, new Date(to)) : undefined,
        q ? or(ilike(auditLog.actorLabel, `%${escapeLike(q)}%`), ilike(auditLog.objectId, `%${escapeLike(q)}%`)) : undefined,
        after ? lt(auditLog.id, Number(after[0])) : undefined,
      ];
      const rows = await deps.db.select().from(auditLog).where(and(...filters)).orderBy(desc(auditLog.id)).limit(limit + 1);
      const page = pageOf(rows, limit, (r) => [r.id]);
      return { items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })), nextCursor: page.nextCursor };
    },
  );
};
