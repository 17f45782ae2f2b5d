// The console's volunteer routes: search and export the registry of one's scope, open a volunteer, register
// someone on their behalf, correct details, review, change status, reveal an ID number (audited).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf, audit } from '../../platform/audit';
import { scopeCodes } from '../../platform/policy';
import { attachmentHeader } from '../network/civic-code.service';
import {
  fileResponse,
  idParams,
  reviewBody,
  staffEntryBody,
  staffPatchBody,
  statusBody,
  volunteerDetailSchema,
  volunteerExportQuery,
  volunteerListQuery,
  volunteerPageSchema,
} from './volunteers.schemas';
import { presentDetail, presentRow } from './volunteers.presenter';
import { getVolunteer, listFilter, listVolunteersIn, revealIdNumber, reviewRegistration, setVolunteerStatus, updateVolunteerByStaff } from './volunteers.service';
import { registerByStaff } from './registration.service';
import { exportVolunteersXlsx } from './volunteers-export';

const tags = ['volunteers'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const staffVolunteerRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: Parameters<typeof actorOf>[0]) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });
  const detail = async (principal: ReturnType<typeof requirePrincipal>, id: string) => {
    const { v, parts } = await getVolunteer(deps.db, { principal, id });
    return presentDetail(v, parts, deps.clock.now());
  };

  app.get(
    '/api/volunteers',
    {
      schema: {
        tags,
        summary: 'Search the volunteers whose home unit is in scope (name / phone ≥ 4 digits / number; skill, unit, status, minor); newest first',
        querystring: volunteerListQuery,
        response: { 200: volunteerPageSchema },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const page = await listVolunteersIn(deps.db, { principal: requirePrincipal(req), query: req.query, now });
      return { ...page, items: page.items.map((r) => presentRow(r, now)) };
    },
  );

  app.get(
    '/api/volunteers/export.xlsx',
    { schema: { tags, summary: 'Export the filtered volunteers of the scope as .xlsx (phone and ID masked); audited', querystring: volunteerExportQuery, produces: [XLSX_TYPE], response: { 200: fileResponse } } },
    async (req, reply) => {
      const principal = requirePrincipal(req);
      const now = deps.clock.now();
      const filter = await listFilter(deps.db, principal, req.query, now);
      const { file, rows, truncated } = await exportVolunteersXlsx(deps.db, filter, now);
      const codes = scopeCodes(principal, 'volunteer.read');
      await audit(deps.db, actorOf(req), {
        action: 'volunteer.exported',
        objectType: 'volunteer',
        unitCode: codes.length === 1 ? codes[0] : '',
        details: { filters: req.query, rows, truncated },
      });
      return reply.type(XLSX_TYPE).header('content-disposition', attachmentHeader('志愿者.xlsx', 'volunteers.xlsx')).header('cache-control', 'no-store').send(file);
    },
  );

  app.get(
    '/api/volunteers/:id',
    { schema: { tags, summary: 'One volunteer: profile, teams, training, qualifications, consents, review', params: idParams, response: { 200: volunteerDetailSchema } } },
    async (req) => detail(requirePrincipal(req), req.params.id),
  );

  app.post(
    '/api/volunteers',
    {
      schema: {
        tags,
        summary: "Register a volunteer on someone's behalf (paper consent recorded against the staff member); starts pending",
        body: staffEntryBody,
        response: { 201: volunteerDetailSchema },
      },
    },
    async (req, reply) => {
      const w = who(req);
      const id = await registerByStaff(deps.db, deps, req.body, w);
      return reply.status(201).send(await detail(w.principal, id));
    },
  );

  app.patch(
    '/api/volunteers/:id',
    { schema: { tags, summary: "Correct a volunteer's name, phone, skills, availability or home unit", params: idParams, body: staffPatchBody, response: { 200: volunteerDetailSchema } } },
    async (req) => {
      const w = who(req);
      await updateVolunteerByStaff(deps.db, { ...w, id: req.params.id, ...req.body });
      return detail(w.principal, req.params.id);
    },
  );

  app.post(
    '/api/volunteers/:id/review',
    { schema: { tags, summary: 'Approve (→ active, SMS) or reject a pending registration', params: idParams, body: reviewBody, response: { 200: volunteerDetailSchema } } },
    async (req) => {
      const w = who(req);
      await reviewRegistration(deps.db, deps.sms, { ...w, id: req.params.id, ...req.body });
      return detail(w.principal, req.params.id);
    },
  );

  app.post(
    '/api/volunteers/:id/status',
    { schema: { tags, summary: 'Suspend, reactivate or mark a volunteer as left', params: idParams, body: statusBody, response: { 200: volunteerDetailSchema } } },
    async (req) => {
      const w = who(req);
      await setVolunteerStatus(deps.db, { ...w, id: req.params.id, ...req.body });
      return detail(w.principal, req.params.id);
    },
  );

  app.post(
    '/api/volunteers/:id/reveal-id',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "Reveal one volunteer's full ID number (volunteer.reveal; every reveal is audited)",
        params: idParams,
        body: z.strictObject({}).nullish(),
        response: { 200: z.object({ idNumber: z.string() }) },
      },
    },
    async (req, reply) => {
      const idNumber = await revealIdNumber(deps.db, deps.cipher, { ...who(req), id: req.params.id });
      return reply.header('cache-control', 'no-store').send({ idNumber });
    },
  );
};
