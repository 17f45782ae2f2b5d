// The volunteers module: the one registry shared by every unit — registration (self and by staff), volunteer
// sign-in and own profile, staff search / review / reveal / export, the skill tag list and the SMS outbox.
// This file only assembles the route plugins; each is encapsulated (uploads stay inside the self routes).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { publicRegistrationRoutes } from './public-registration.routes';
import { volunteerAuthRoutes } from './volunteer-auth.routes';
import { selfRoutes } from './self.routes';
import { staffVolunteerRoutes } from './staff-volunteers.routes';
import { skillTagRoutes } from './skill-tags.routes';
import { smsOutboxRoutes } from './sms-outbox.routes';

export const volunteersRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(publicRegistrationRoutes, deps);
  await app.register(volunteerAuthRoutes, deps);
  await app.register(selfRoutes, deps);
  await app.register(staffVolunteerRoutes, deps);
  await app.register(skillTagRoutes, deps);
  await app.register(smsOutboxRoutes, deps);
};
