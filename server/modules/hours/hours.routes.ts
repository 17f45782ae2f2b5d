// The hours module's routes. (Foundation stub: filled in by the work on issue 4.)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';

export const hoursRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (_app, _deps) => {};
