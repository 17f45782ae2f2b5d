// The certificates module (志愿服务记录证明): staff routes (register, issue, reject, revoke, PDF), a volunteer's
// own routes (request, list, PDF) and the public verification of a printed code. One signing key and notifier
// serve them all.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { requireVolunteer } from '../../platform/policy';
import { certificateSigner } from './certificate-codes';
import { certificateSchema, fileResponse, idParams, selfRequestBody, verifyParams, verifySchema } from './certificates.schemas';
import { certificateById, myCertificates, printableForVolunteer, requestCertificate, verifyCode, type CertificateCtx } from './certificates.service';
import { presentCertificate, presentVerification } from './certificates.presenter';
import { certificateStaffRoutes } from './certificates-staff.routes';
import { sendCertificatePdf } from './certificate-file';

const tags = ['certificates'];

export const certificatesRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  if (!deps.config.secretKey) throw new Error('certificates need config.secretKey to sign certificates');
  const ctx: CertificateCtx = { db: deps.db, signer: certificateSigner(deps.config.secretKey), notify: deps.notify, publicBaseUrl: deps.config.publicBaseUrl };
  await app.register(certificateStaffRoutes(ctx), deps);

  app.post(
    '/api/volunteer/certificates',
    {
      schema: {
        tags,
        summary: 'Ask for a certificate of my service in a period (local dates, up to today); my home unit decides',
        body: selfRequestBody,
        response: { 201: certificateSchema },
      },
    },
    async (req, reply) => {
      const volunteerId = requireVolunteer(req.principal);
      const { from, to, purpose } = req.body;
      const id = await requestCertificate(deps.db, { volunteerId, from, to, purpose, requestedBy: requirePrincipal(req).accountId, now: deps.clock.now() });
      return reply.status(201).send(presentCertificate(await certificateById(deps.db, id), ctx.publicBaseUrl));
    },
  );

  app.get(
    '/api/volunteer/certificates',
    { schema: { tags, summary: 'My certificates and requests, newest first', response: { 200: z.object({ items: z.array(certificateSchema) }) } } },
    async (req) => {
      const rows = await myCertificates(deps.db, requireVolunteer(req.principal));
      return { items: rows.map((c) => presentCertificate(c, ctx.publicBaseUrl)) };
    },
  );

  app.get(
    '/api/volunteer/certificates/:id/pdf',
    { schema: { tags, summary: 'My certificate as a PDF (issued, or revoked with the mark)', params: idParams, produces: ['application/pdf'], response: { 200: fileResponse } } },
    async (req, reply) => sendCertificatePdf(reply, ctx, await printableForVolunteer(deps.db, { volunteerId: requireVolunteer(req.principal), id: req.params.id })),
  );

  app.get(
    '/api/public/certificates/verify/:code',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Check a printed verification code (number.signature): valid false for an unknown number or a wrong signature; masked name and ID',
        params: verifyParams,
        response: { 200: verifySchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const c = await verifyCode(ctx, req.params.code);
      return c ? presentVerification(c) : { valid: false };
    },
  );
};
