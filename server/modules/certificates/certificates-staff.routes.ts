// Certificates in the console: the register (list and .xlsx), one certificate with its snapshot or a preview of
// it, requests on a volunteer's behalf, issue / reject / revoke, and the PDF. certificate.issue over the issuing
// unit (the volunteer's home unit) decides every one of them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { attachmentHeader } from '../network/civic-code.service';
import {
  certificateSchema,
  detailSchema,
  exportQuery,
  fileResponse,
  idParams,
  issueBody,
  listSchema,
  reasonBody,
  registerQuery,
  staffRequestBody,
} from './certificates.schemas';
import {
  certificateById,
  certificateDetail,
  issueCertificate,
  listRegister,
  printableForStaff,
  registerFilter,
  rejectCertificate,
  requestCertificate,
  revokeCertificate,
  type CertificateCtx,
} from './certificates.service';
import { presentCertificate } from './certificates.presenter';
import { registerXlsx } from './certificates-export';
import { sendCertificatePdf } from './certificate-file';

const tags = ['certificates'];

export const certificateStaffRoutes = (ctx: CertificateCtx): FastifyPluginAsyncZod<ModuleDeps> =>
  async (app, deps) => {
    const who = (req: FastifyRequest) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });
    const present = async (id: string) => presentCertificate(await certificateById(deps.db, id), ctx.publicBaseUrl);

    app.get(
      '/api/certificates',
      { schema: { tags, summary: 'The certificate register of the scope, newest request first (unit = issuing unit’s subtree)', querystring: registerQuery, response: { 200: listSchema } } },
      async (req) => {
        const { cursor, limit, ...filters } = req.query;
        const page = await listRegister(deps.db, { principal: requirePrincipal(req), ...filters, cursor, limit });
        return { ...page, items: page.items.map((c) => presentCertificate(c, ctx.publicBaseUrl)) };
      },
    );

    app.get(
      '/api/certificates.xlsx',
      {
        schema: {
          tags,
          summary: 'The certificate register as .xlsx (same filters as the list, at most 10,000 rows)',
          querystring: exportQuery,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          response: { 200: fileResponse },
        },
      },
      async (req, reply) => {
        const filter = await registerFilter(deps.db, { principal: requirePrincipal(req), ...req.query });
        const file = await registerXlsx(deps.db, filter);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentHeader('志愿服务记录证明台账.xlsx', 'certificates.xlsx'))
          .header('cache-control', 'no-store')
          .send(file);
      },
    );

    app.post(
      '/api/certificates',
      { schema: { tags, summary: 'Request a certificate on a volunteer’s behalf (certificate.issue over their home unit)', body: staffRequestBody, response: { 201: certificateSchema } } },
      async (req, reply) => {
        const w = who(req);
        const { volunteerId, from, to, purpose } = req.body;
        const id = await requestCertificate(deps.db, { volunteerId, from, to, purpose, requestedBy: w.principal.accountId, now: w.now, staff: w });
        return reply.status(201).send(await present(id));
      },
    );

    app.get(
      '/api/certificates/:id',
      {
        schema: {
          tags,
          summary: 'One certificate and what it says: the frozen snapshot once issued, a preview while requested',
          params: idParams,
          response: { 200: detailSchema },
        },
      },
      async (req) => {
        const d = await certificateDetail(deps.db, { principal: requirePrincipal(req), id: req.params.id });
        return { certificate: presentCertificate(d.certificate, ctx.publicBaseUrl), snapshot: d.snapshot };
      },
    );

    app.post(
      '/api/certificates/:id/issue',
      {
        schema: {
          tags,
          summary: 'Issue a requested certificate: number, snapshot of the approved records of the period, signature; the records are frozen',
          params: idParams,
          body: issueBody,
          response: { 200: certificateSchema },
        },
      },
      async (req) => {
        await issueCertificate(ctx, { ...who(req), id: req.params.id, ...req.body });
        return present(req.params.id);
      },
    );

    app.post(
      '/api/certificates/:id/reject',
      { schema: { tags, summary: 'Turn down a requested certificate, with the reason (the volunteer is told)', params: idParams, body: reasonBody, response: { 200: certificateSchema } } },
      async (req) => {
        await rejectCertificate(ctx, { ...who(req), id: req.params.id, reason: req.body.reason });
        return present(req.params.id);
      },
    );

    app.post(
      '/api/certificates/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke an issued certificate, with the reason: verification shows it revoked, the PDF carries 已撤销',
          params: idParams,
          body: reasonBody,
          response: { 200: certificateSchema },
        },
      },
      async (req) => {
        await revokeCertificate(ctx, { ...who(req), id: req.params.id, reason: req.body.reason });
        return present(req.params.id);
      },
    );

    app.get(
      '/api/certificates/:id/pdf',
      { schema: { tags, summary: 'The printable certificate (A4 PDF; issued or revoked)', params: idParams, produces: ['application/pdf'], response: { 200: fileResponse } } },
      async (req, reply) => sendCertificatePdf(reply, ctx, await printableForStaff(deps.db, { principal: requirePrincipal(req), id: req.params.id })),
    );
  };
