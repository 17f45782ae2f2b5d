// STUB — audit log reading comes next.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
export const auditRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
