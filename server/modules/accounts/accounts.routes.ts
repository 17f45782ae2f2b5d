// Staff account management within the caller's scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { scopeCondition } from '../../platform/policy';
import { decodeCursor, pageOf, pageQuery } from '../../platform/pagination';
import { units } from '../../db/schema/network';
import { mobileSchema } from '../../../common/validation';
import { staffRoles } from '../../../common/roles';
import { createStaffAccount, grantRole, resetStaffPassword, revokeRole, updateStaffAccount } from './accounts.service';
import { grantsOf, listAccounts } from './accounts.repo';
import { presentAccount } from './accounts.presenter';

const accountSchema = z.object({
  id: z.string(),
  phone: z.string(),
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  grants: z.array(z.object({ id: z.string(), role: z.string(), unitId: z.string(), unitCode: z.string(), unitName: z.string() })),
  createdAt: z.string(),
});
const idParams = z.strictObject({ id: z.uuid() });
const nameSchema = z.string().trim().min(1, '请填写姓名').max(50);
const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: Parameters<typeof actorOf>[0]) => ({ principal: requirePrincipal(req), actor: actorOf(req) });

  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'Staff accounts with a role inside my scope',
        querystring: z.strictObject({ q: z.string().max(50).optional(), ...pageQuery }),
        response: { 200: z.object({ items: z.array(accountSchema), total: z.number(), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      const after = decodeCursor(req.query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
      const { rows, total } = await listAccounts(deps.db, {
        scope: scopeCondition(p, 'account.manage', units.code),
        q: req.query.q,
        after,
        limit: req.query.limit,
      });
      const page = pageOf(rows, req.query.limit, (r) => [r.cursorAt, r.id]);
      const grants = await grantsOf(deps.db, page.items.map((r) => r.id));
      return { items: page.items.map((a) => presentAccount(a, grants)), total, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'Create a staff account with a role on a unit',
        body: z.strictObject({ phone: mobileSchema, name: nameSchema, password: z.string().max(128), role: z.enum(staffRoles), unitId: z.uuid() }),
        response: { 201: accountSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createStaffAccount(deps.db, { ...who(req), ...req.body })),
  );

  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Rename, disable or enable a staff account (disabling ends its sessions at once)',
        params: idParams,
        body: z.strictObject({ name: nameSchema.optional(), status: z.enum(['active', 'disabled']).optional() }),
        response: { 200: accountSchema },
      },
    },
    async (req) => updateStaffAccount(deps.db, { ...who(req), id: req.params.id, ...req.body }),
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      schema: {
        tags,
        summary: "Set a new password for a staff account (ends the account's sessions)",
        params: idParams,
        body: z.strictObject({ newPassword: z.string().max(128) }),
        response: { 200: accountSchema },
      },
    },
    async (req) => resetStaffPassword(deps.db, { ...who(req), id: req.params.id, newPassword: req.body.newPassword }),
  );

  app.post(
    '/api/accounts/:id/grants',
    {
      schema: {
        tags,
        summary: 'Grant a role on a unit',
        params: idParams,
        body: z.strictObject({ role: z.enum(staffRoles), unitId: z.uuid() }),
        response: { 200: accountSchema },
      },
    },
    async (req) => grantRole(deps.db, { ...who(req), id: req.params.id, ...req.body }),
  );

  app.delete(
    '/api/accounts/:id/grants/:grantId',
    {
      schema: {
        tags,
        summary: 'Remove a role (not the last one: disable the account instead)',
        params: z.strictObject({ id: z.uuid(), grantId: z.uuid() }),
        response: { 200: accountSchema },
      },
    },
    async (req) => revokeRole(deps.db, { ...who(req), id: req.params.id, grantId: req.params.grantId }),
  );
};
