// The service menu (服务菜单, issue 5): staff list, create, read, edit, publish and withdraw the items of units in
// their scope; the public menu of a site opens from its civic code (no sign-in, rate limited like the site page).
// Rules live in menu.service.ts; handlers only wire request → service → presenter.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { idParams, menuCreateBody, menuItemSchema, menuListQuery, menuPatchBody, publicMenuItemSchema, tokenParams } from './menu.schemas';
import { presentMenuItems, presentPublicMenuItem } from './menu.presenter';
import { createMenuItem, getMenuItem, listMenuItemsIn, publicMenuByToken, setMenuItemStatus, updateMenuItem } from './menu.service';
import type { MenuItemJoined } from './menu.repo';

const tags = ['menu'];
const emptyBody = z.strictObject({}).nullish();

export const menuRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: FastifyRequest) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });
  const one = async (item: MenuItemJoined) => (await presentMenuItems(deps.db, [item]))[0];

  app.get(
    '/api/menu-items',
    {
      schema: {
        tags,
        summary: 'Service menu items in scope, most recently changed first (unit = that unit’s subtree)',
        querystring: menuListQuery,
        response: { 200: z.object({ items: z.array(menuItemSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const page = await listMenuItemsIn(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: await presentMenuItems(deps.db, page.items) };
    },
  );

  app.post(
    '/api/menu-items',
    { schema: { tags, summary: 'Create a service menu item (draft) of a unit', body: menuCreateBody, response: { 201: menuItemSchema } } },
    async (req, reply) => reply.status(201).send(await one(await createMenuItem(deps.db, { ...who(req), ...req.body }))),
  );

  app.get(
    '/api/menu-items/:id',
    { schema: { tags, summary: 'One service menu item', params: idParams, response: { 200: menuItemSchema } } },
    async (req) => one(await getMenuItem(deps.db, { principal: requirePrincipal(req), id: req.params.id })),
  );

  app.patch(
    '/api/menu-items/:id',
    { schema: { tags, summary: 'Edit a service menu item (its unit stays)', params: idParams, body: menuPatchBody, response: { 200: menuItemSchema } } },
    async (req) => one(await updateMenuItem(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );

  app.post(
    '/api/menu-items/:id/publish',
    { schema: { tags, summary: 'Publish an item (a draft, or a withdrawn item again)', params: idParams, body: emptyBody, response: { 200: menuItemSchema } } },
    async (req) => one(await setMenuItemStatus(deps.db, { ...who(req), id: req.params.id, to: 'published' })),
  );

  app.post(
    '/api/menu-items/:id/withdraw',
    { schema: { tags, summary: 'Withdraw a published item from the public menus', params: idParams, body: emptyBody, response: { 200: menuItemSchema } } },
    async (req) => one(await setMenuItemStatus(deps.db, { ...who(req), id: req.params.id, to: 'withdrawn' })),
  );

  app.get(
    '/api/public/sites/:token/menu',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "The published service menu at the site behind a civic code: its own items and the whole-unit items of its unit and those above (410 code_replaced for a replaced code)",
        params: tokenParams,
        response: { 200: z.object({ items: z.array(publicMenuItemSchema) }) },
      },
    },
    async (req) => ({ items: (await publicMenuByToken(deps.db, req.params.token)).map(presentPublicMenuItem) }),
  );
};
