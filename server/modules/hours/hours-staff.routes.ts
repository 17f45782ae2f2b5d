// Service hours in the console: the list in scope and its export, monthly totals, one record with its versions,
// the organizer's entry, approve / reject (one or many) and corrections. Handlers only wire request → service →
// presenter; the rules are in the hours services.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { attachmentHeader } from '../network/civic-code.service';
import { localParts } from '../activities/activity-time';
import {
  bulkApproveBody,
  bulkApproveResponse,
  correctionBody,
  emptyBody,
  entryBody,
  fileResponse,
  hourRecordSchema,
  hoursExportQuery,
  hoursListQuery,
  idParams,
  listOf,
  recordDetailSchema,
  rejectBody,
  totalsQuery,
  totalsResponse,
} from './hours.schemas';
import { presentRecord } from './hours.presenter';
import { enterHours, getHours, hoursForExport, listHours } from './hours.service';
import { approveHours, approveManyHours, rejectHours } from './hours-approval.service';
import { requestCorrection } from './hours-corrections.service';
import { hoursTotals } from './hours-totals';
import { hoursXlsx } from './hours-export';

const tags = ['hours'];
const MAX_EXPORT_ROWS = 50_000;

export const hoursStaffRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: FastifyRequest) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now(), notify: deps.notify });

  app.get(
    '/api/hours',
    {
      schema: {
        tags,
        summary: 'Service records in scope (hours.read over the organizing unit, or teams the caller leads), newest service first',
        querystring: hoursListQuery,
        response: { 200: listOf(hourRecordSchema) },
      },
    },
    async (req) => {
      const page = await listHours(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: page.items.map(presentRecord) };
    },
  );

  app.get(
    '/api/hours.xlsx',
    {
      schema: {
        tags,
        summary: "The list's records (same filters) as .xlsx",
        querystring: hoursExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const rows = await hoursForExport(deps.db, { principal: requirePrincipal(req), ...req.query, max: MAX_EXPORT_ROWS + 1 });
      const day = localParts(deps.clock.now()).date;
      const body = await hoursXlsx({ title: `服务时长 ${day}`, records: rows.slice(0, MAX_EXPORT_ROWS), truncated: rows.length > MAX_EXPORT_ROWS });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`服务时长-${day}.xlsx`, `hours-${day}.xlsx`))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.get(
    '/api/hours/totals',
    {
      schema: {
        tags,
        summary: 'Approved minutes and records under a unit for a month range (YYYY-MM), per direct child unit and the unit itself, or per team',
        querystring: totalsQuery,
        response: { 200: totalsResponse },
      },
    },
    async (req) => hoursTotals(deps.db, { principal: requirePrincipal(req), ...req.query }),
  );

  app.get(
    '/api/hours/:id',
    { schema: { tags, summary: 'One service record and every version of it (oldest first)', params: idParams, response: { 200: recordDetailSchema } } },
    async (req) => {
      const { record, history } = await getHours(deps.db, { principal: requirePrincipal(req), id: req.params.id });
      return { record: presentRecord(record), history: history.map(presentRecord) };
    },
  );

  app.post(
    '/api/hours',
    {
      schema: {
        tags,
        summary: "Enter a record by hand for a volunteer who served (the activity's runners with hours.manage); refused when it overlaps, passes 24 h a day or lies outside the activity",
        body: entryBody,
        response: { 201: hourRecordSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentRecord(await enterHours(deps.db, { ...who(req), ...req.body }))),
  );

  app.post(
    '/api/hours/approve',
    { schema: { tags, summary: 'Approve many pending records; those that cannot be approved are listed with the reason', body: bulkApproveBody, response: { 200: bulkApproveResponse } } },
    async (req) => approveManyHours(deps.db, { ...who(req), ids: req.body.ids }),
  );

  app.post(
    '/api/hours/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a pending record (a correction: by someone other than who asked for it; the version it corrects is superseded)',
        params: idParams,
        body: emptyBody,
        response: { 200: hourRecordSchema },
      },
    },
    async (req) => presentRecord(await approveHours(deps.db, { ...who(req), id: req.params.id })),
  );

  app.post(
    '/api/hours/:id/reject',
    { schema: { tags, summary: 'Reject a pending record with a reason (the volunteer is told)', params: idParams, body: rejectBody, response: { 200: hourRecordSchema } } },
    async (req) => presentRecord(await rejectHours(deps.db, { ...who(req), id: req.params.id, reason: req.body.reason })),
  );

  app.post(
    '/api/hours/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Ask for a correction: a new pending version with other times and the reason (the latest version only; not once frozen)',
        params: idParams,
        body: correctionBody,
        response: { 201: hourRecordSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentRecord(await requestCorrection(deps.db, { ...who(req), ...req.body, id: req.params.id, by: 'staff' }))),
  );
};
