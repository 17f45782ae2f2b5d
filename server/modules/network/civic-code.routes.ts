// 龙湾文明码 (civic codes): regenerate a site's code, download it as SVG / PNG, print a unit's posters as PDF,
// and the public page data a scanned code opens (no sign-in, rate limited).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { ROOT_CODE_DIGITS } from '../../../common/network';
import { fileResponse, idParams, publicSiteSchema, siteSchema } from './network.schemas';
import { civicUrl, presentPublicSite, presentSite } from './network.presenter';
import { getSite, publicSiteByToken, regenerateCivicCode } from './sites.service';
import { getUnit } from './units.service';
import { findUnitByCode } from './units.repo';
import { sitesUnder } from './sites.repo';
import { attachmentHeader, civicCodePng, civicCodeSheetPdf, civicCodeSvg, safeFileName } from './civic-code.service';
import { wantsEnglish } from './sites.routes';

const tags = ['network'];

export const civicCodeRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.post(
    '/api/sites/:id/civic-code/regenerate',
    {
      schema: {
        tags,
        summary: "Give a site a new civic code; the old code's URL then answers 410 code_replaced",
        params: idParams,
        body: z.strictObject({}).nullish(),
        response: { 200: siteSchema },
      },
    },
    async (req) => {
      const site = await regenerateCivicCode(deps.db, { principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now(), id: req.params.id });
      return presentSite(site, deps.config.publicBaseUrl);
    },
  );

  for (const format of ['svg', 'png'] as const) {
    app.get(
      `/api/sites/:id/civic-code.${format}`,
      {
        schema: {
          tags,
          summary: `Download a site's civic code as ${format.toUpperCase()} (attachment)`,
          params: idParams,
          produces: [format === 'svg' ? 'image/svg+xml' : 'image/png'],
          response: { 200: fileResponse },
        },
      },
      async (req, reply) => {
        const site = await getSite(deps.db, { principal: requirePrincipal(req), id: req.params.id });
        const url = civicUrl(deps.config.publicBaseUrl, site.civicToken);
        const body = format === 'svg' ? await civicCodeSvg(url) : await civicCodePng(url);
        return reply
          .type(format === 'svg' ? 'image/svg+xml' : 'image/png')
          .header('content-disposition', attachmentHeader(`${safeFileName(site.name)}-文明码.${format}`, `civic-code-${site.id.slice(0, 8)}.${format}`))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }

  app.get(
    '/api/units/:id/civic-code-sheet.pdf',
    {
      schema: {
        tags,
        summary: 'A4 PDF with one civic-code poster for every site (not closed) in the unit and the units under it',
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const principal = requirePrincipal(req);
      const unit = await getUnit(deps.db, { principal, id: req.params.id });
      // The reader may see the whole subtree: a read grant on a unit covers everything under it.
      const rows = await sitesUnder(deps.db, { underCode: unit.code, notClosed: true });
      const root = await findUnitByCode(deps.db, unit.code.slice(0, ROOT_CODE_DIGITS));
      const pdf = await civicCodeSheetPdf(
        rows.map((s) => ({ name: s.name, kind: s.kind, unitName: s.unitName, address: s.address, url: civicUrl(deps.config.publicBaseUrl, s.civicToken) })),
        { title: `${unit.name} 文明码`, footer: root?.name ?? unit.name },
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentHeader(`${safeFileName(unit.name)}-文明码.pdf`, `civic-codes-${unit.code}.pdf`))
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/public/sites/:token',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The public page of a site, by the token in its civic code (410 code_replaced for a replaced code)',
        params: z.strictObject({ token: z.string().min(1).max(64) }),
        response: { 200: publicSiteSchema },
      },
    },
    async (req) => {
      const site = await publicSiteByToken(deps.db, req.params.token);
      return presentPublicSite(site, wantsEnglish(req.headers['accept-language']) ? 'en' : 'zh');
    },
  );
};
