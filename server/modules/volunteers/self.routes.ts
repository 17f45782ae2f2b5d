// A signed-in volunteer's own routes (the phone's "我的" pages). Staff accounts without a volunteer record get
// 403 from requireVolunteer. Audit entries name the volunteer by record, not by name and phone, because the
// log outlives an erasure.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { ModuleDeps } from '../../app';
import { clearSessionCookie, requirePrincipal, sessionToken } from '../../platform/auth';
import { requireVolunteer } from '../../platform/policy';
import { AppError, notFound } from '../../platform/errors';
import { sha256 } from '../../platform/crypto';
import type { AuditActor } from '../../platform/audit';
import { eraseBody, fileResponse, myVolunteerSchema, passwordBody, selfPatchBody } from './volunteers.schemas';
import { eraseMyVolunteer, myVolunteer, PHOTO_MAX_BYTES, saveMyPhoto, setMyPassword, updateMyVolunteer } from './self.service';
import { photoOf } from './volunteers.repo';

const tags = ['volunteers'];

function volunteerActor(req: FastifyRequest): AuditActor {
  return { id: requirePrincipal(req).accountId, label: '志愿者本人', ip: req.ip };
}

export const selfRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
  const me = (req: FastifyRequest) => requireVolunteer(req.principal);

  app.get('/api/me/volunteer', { schema: { tags, summary: 'My volunteer profile', response: { 200: myVolunteerSchema } } }, async (req) =>
    myVolunteer(deps.db, me(req), deps.clock.now()),
  );

  app.patch(
    '/api/me/volunteer',
    { schema: { tags, summary: 'Edit my name, skills, availability or home station', body: selfPatchBody, response: { 200: myVolunteerSchema } } },
    async (req) => {
      const volunteerId = me(req);
      await updateMyVolunteer(deps.db, { volunteerId, actor: volunteerActor(req), now: deps.clock.now(), ...req.body });
      return myVolunteer(deps.db, volunteerId, deps.clock.now());
    },
  );

  app.put(
    '/api/me/volunteer/photo',
    {
      schema: {
        tags,
        summary: 'Upload my photo (multipart field `file`; JPEG, PNG or WebP, at most 2 MB)',
        consumes: ['multipart/form-data'],
        body: z.strictObject({ file: z.any().meta({ type: 'string', format: 'binary', description: 'the photo' }) }).nullish(),
        response: { 200: myVolunteerSchema },
      },
    },
    async (req) => {
      const volunteerId = me(req);
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传照片（字段名 file）');
      const part = await req.file();
      if (!part || part.fieldname !== 'file') throw new AppError('validation_failed', 'file: 请选择照片', { fields: [{ field: 'file', message: '缺少文件' }] });
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', '照片不能超过 2 MB');
        throw e;
      }
      await saveMyPhoto(deps.db, { volunteerId, data, now: deps.clock.now() });
      return myVolunteer(deps.db, volunteerId, deps.clock.now());
    },
  );

  app.get(
    '/api/me/volunteer/photo',
    { schema: { tags, summary: 'My photo', querystring: z.strictObject({ v: z.string().max(20).optional() }), produces: ['image/jpeg', 'image/png', 'image/webp'], response: { 200: fileResponse } } },
    async (req, reply) => {
      const photo = await photoOf(deps.db, me(req));
      if (!photo) throw notFound('照片');
      return reply.type(photo.mime).header('cache-control', 'private, max-age=86400').send(photo.data);
    },
  );

  app.post(
    '/api/me/volunteer/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Set a password for signing in without a code (the staff password rule); other sessions end', body: passwordBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      me(req);
      await setMyPassword(deps.db, { accountId: requirePrincipal(req).accountId, password: req.body.password, keepTokenHash: sha256(sessionToken(req)!), actor: volunteerActor(req), now: deps.clock.now() });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/me/volunteer/erase',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Delete my account and personal data (code from POST /api/otp purpose erase); service records stay without them. Signs out',
        body: eraseBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const volunteerId = me(req);
      await eraseMyVolunteer(deps.db, deps, { volunteerId, accountId: requirePrincipal(req).accountId, code: req.body.code, actor: volunteerActor(req), now: deps.clock.now() });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
};
