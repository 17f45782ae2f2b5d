// The sign-ups module: the public activity page and citizens' bookings, volunteers' sign-ups and in-app
// notifications, the runner's sign-up list, and the reminders job (reminders.job.ts). This file only assembles
// the route plugins.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { publicSignupRoutes } from './public-signups.routes';
import { volunteerSignupRoutes } from './volunteer-signups.routes';
import { runnerSignupRoutes } from './runner-signups.routes';

export const signupsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(publicSignupRoutes, deps);
  await app.register(volunteerSignupRoutes, deps);
  await app.register(runnerSignupRoutes, deps);
};
