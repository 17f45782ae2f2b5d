// STUB — staff account management comes next.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
export const accountRoutes: FastifyPluginAsyncZod<ModuleDeps> = async () => {};
