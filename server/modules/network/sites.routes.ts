// Sites (实践点/阵地): lists, details, create / edit / status, and the site kinds the console offers.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { siteKinds } from '../../../common/network';
import { idParams, listOf, siteCreateBody, siteListQuery, sitePatchBody, siteSchema, siteStatusBody } from './network.schemas';
import { presentSite } from './network.presenter';
import { createSite, getSite, listSitesIn, setSiteStatus, updateSiteDetails } from './sites.service';

const tags = ['network'];

export function wantsEnglish(acceptLanguage: string | undefined): boolean {
  return /^en\b/i.test(acceptLanguage ?? '');
}

export const siteRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: Parameters<typeof actorOf>[0]) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });
  const present = (s: Parameters<typeof presentSite>[0]) => presentSite(s, deps.config.publicBaseUrl);

  app.get(
    '/api/sites',
    {
      schema: {
        tags,
        summary: "List sites in scope (search on name, unit code, address; unitId = that unit's whole subtree)",
        querystring: siteListQuery,
        response: { 200: listOf(siteSchema) },
      },
    },
    async (req) => {
      const page = await listSitesIn(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: page.items.map(present) };
    },
  );

  app.get(
    '/api/sites/:id',
    { schema: { tags, summary: 'One site', params: idParams, response: { 200: siteSchema } } },
    async (req) => present(await getSite(deps.db, { principal: requirePrincipal(req), id: req.params.id })),
  );

  app.post(
    '/api/sites',
    { schema: { tags, summary: 'Create a site in a unit (it gets its civic code at once)', body: siteCreateBody, response: { 201: siteSchema } } },
    async (req, reply) => reply.status(201).send(present(await createSite(deps.db, { ...who(req), ...req.body }))),
  );

  app.patch(
    '/api/sites/:id',
    { schema: { tags, summary: "Edit a site's details (or move it to another unit)", params: idParams, body: sitePatchBody, response: { 200: siteSchema } } },
    async (req) => present(await updateSiteDetails(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );

  app.post(
    '/api/sites/:id/status',
    { schema: { tags, summary: 'Open, suspend or close a site', params: idParams, body: siteStatusBody, response: { 200: siteSchema } } },
    async (req) => present(await setSiteStatus(deps.db, { ...who(req), id: req.params.id, status: req.body.status })),
  );

  app.get(
    '/api/site-kinds',
    {
      schema: {
        tags,
        summary: 'The kinds of site, with labels (Chinese, or English for Accept-Language: en)',
        response: { 200: z.array(z.object({ kind: z.string(), label: z.string() })) },
      },
    },
    async (req) => {
      const lang = wantsEnglish(req.headers['accept-language']) ? 'en' : 'zh';
      return siteKinds.map((k) => ({ kind: k.kind, label: k[lang] }));
    },
  );
};
