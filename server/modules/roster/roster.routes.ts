// The roster module: importing a team's roster into the shared registry (名册导入) and the de-duplication
// report with merge (查重合并) — the fix for each unit keeping its own list. This file assembles its route
// plugins; each is encapsulated, so upload support stays inside the import routes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { rosterImportRoutes } from './roster-import.routes';
import { duplicateRoutes } from './duplicates.routes';

export const rosterRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(rosterImportRoutes, deps);
  await app.register(duplicateRoutes, deps);
};
