// The volunteer school (雷锋志愿服务学堂): courses, sessions, enrolment, attendance and the qualifications a pass
// grants. This file only assembles the module's route plugins: staff routes and the volunteer's own.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { schoolStaffRoutes } from './school-staff.routes';
import { schoolMeRoutes } from './school-me.routes';

export const trainingRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(schoolStaffRoutes, deps);
  await app.register(schoolMeRoutes, deps);
};
