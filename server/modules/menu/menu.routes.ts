// The service menu module's routes. (Foundation stub: filled in by the work on issue 5.)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';

export const menuRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (_app, _deps) => {};
