// Routes of the teams module (see its service for the rules).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';

export const teamsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (_app, _deps) => {};
