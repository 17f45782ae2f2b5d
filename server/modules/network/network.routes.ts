// STUB — replaced by the network module.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
export const networkRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
