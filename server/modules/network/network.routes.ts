// The network module: the practice network's units (center → institutes → stations), sites (实践点/阵地) with
// their civic codes (龙湾文明码), belts (实践带), and the network's XLSX export/import. This file only assembles
// the module's route plugins; each is encapsulated, so the upload support stays inside the import routes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { unitRoutes } from './units.routes';
import { siteRoutes } from './sites.routes';
import { civicCodeRoutes } from './civic-code.routes';
import { beltRoutes } from './belts.routes';
import { networkXlsxRoutes } from './network-xlsx.routes';

export const networkRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(unitRoutes, deps);
  await app.register(siteRoutes, deps);
  await app.register(civicCodeRoutes, deps);
  await app.register(beltRoutes, deps);
  await app.register(networkXlsxRoutes, deps);
};
