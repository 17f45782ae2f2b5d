// Routes of the activities module (see its services for the rules).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';

export const activitiesRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (_app, _deps) => {};
