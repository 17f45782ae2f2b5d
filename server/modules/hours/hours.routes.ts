// The hours module: service records (lists, decisions, organizer entries, corrections), monthly totals, the
// volunteer's own hours, and star levels with their awards. This file only assembles the route plugins.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { hoursStaffRoutes } from './hours-staff.routes';
import { hoursVolunteerRoutes } from './hours-volunteer.routes';
import { starsRoutes } from './stars.routes';

export const hoursRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(hoursStaffRoutes, deps);
  await app.register(hoursVolunteerRoutes, deps);
  await app.register(starsRoutes, deps);
};
