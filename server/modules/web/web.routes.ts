// STUB — replaced by the web module.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
export const webRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
