// The activities module: programme lists (项目清单), monthly themes, unit settings, activities (one-off or weekly
// series) with their review workflow, posters, and the public lists. This file only assembles route plugins;
// each is encapsulated, so multipart support stays inside the poster upload's plugin.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { coverageRoutes } from './coverage.routes';
import { activityStaffRoutes } from './activities-staff.routes';
import { planningRoutes } from './planning.routes';
import { publicActivityRoutes } from './public-activities.routes';

export const activitiesRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(coverageRoutes, deps);
  await app.register(activityStaffRoutes, deps);
  await app.register(planningRoutes, deps);
  await app.register(publicActivityRoutes, deps);
};
