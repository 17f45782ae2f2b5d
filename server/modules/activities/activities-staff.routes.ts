// Activities in the console: list and review queue, create (one or a weekly series), read, edit, submit, review,
// cancel, and the poster upload. Rules live in the services; handlers only wire request → service → presenter.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { AppError, fieldError } from '../../platform/errors';
import { pageQuery } from '../../platform/pagination';
import {
  activityCreateBody,
  activityDetailSchema,
  activityListQuery,
  activityPatchBody,
  activityRowSchema,
  cancelBody,
  idParams,
  listOf,
  POSTER_MAX_BYTES,
  reviewBody,
  submitBody,
} from './activities.schemas';
import { presentActivityDetail, presentActivityRow } from './activities.presenter';
import { activityExtras, createActivities, getActivity, listActivitiesIn, updateActivity } from './activities.service';
import { assertCanManageActivity, cancelActivity, reviewActivity, reviewQueueOf, setPoster, submitActivity } from './activity-workflow.service';
import type { ActivityJoined } from './activities.repo';

const tags = ['activities'];

export const activityStaffRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  // Only the poster upload takes multipart, one image up to 2 MB.
  await app.register(multipart, { limits: { fileSize: POSTER_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
  const notices = { notify: deps.notify, publicBaseUrl: deps.config.publicBaseUrl };
  const who = (req: FastifyRequest) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now(), notices });
  const detail = async (a: ActivityJoined) => presentActivityDetail(a, deps.clock.now(), await activityExtras(deps.db, a));

  app.get(
    '/api/activities',
    { schema: { tags, summary: 'Activities in scope, by start time (unit = that unit’s subtree; from/to local dates)', querystring: activityListQuery, response: { 200: listOf(activityRowSchema) } } },
    async (req) => {
      const now = deps.clock.now();
      const { unit, status, topic, from, to, q, series, cursor, limit } = req.query;
      const page = await listActivitiesIn(deps.db, { principal: requirePrincipal(req), now, unit, status, topic, from, to, q, series, cursor, limit });
      return { ...page, items: page.items.map((a) => presentActivityRow(a, now)) };
    },
  );

  app.get(
    '/api/activities/review-queue',
    {
      schema: {
        tags,
        summary: 'Submitted activities of the units below the caller’s, waiting for review (activity.review)',
        querystring: z.strictObject({ ...pageQuery }),
        response: { 200: listOf(activityRowSchema) },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const page = await reviewQueueOf(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: page.items.map((a) => presentActivityRow(a, now)) };
    },
  );

  app.post(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Create an activity (draft), or a weekly series with `repeat` (same local time each chosen weekday up to `until`, at most 60)',
        body: activityCreateBody,
        response: { 201: z.object({ activities: z.array(activityRowSchema) }) },
      },
    },
    async (req, reply) => {
      const rows = await createActivities(deps.db, { ...who(req), ...req.body });
      const now = deps.clock.now();
      return reply.status(201).send({ activities: rows.map((a) => presentActivityRow(a, now)) });
    },
  );

  app.get(
    '/api/activities/:id',
    { schema: { tags, summary: 'One activity with its description, requirements, series, review and poster', params: idParams, response: { 200: activityDetailSchema } } },
    async (req) => detail(await getActivity(deps.db, { principal: requirePrincipal(req), id: req.params.id })),
  );

  app.patch(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Edit an activity (not finished or cancelled); scope=following also edits the later ones of its series, shifting their times alike',
        params: idParams,
        body: activityPatchBody,
        response: { 200: activityDetailSchema },
      },
    },
    async (req) => detail(await updateActivity(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );

  app.post(
    '/api/activities/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft: to review by the level above when the unit’s settings ask, else published',
        params: idParams,
        body: submitBody,
        response: { 200: activityDetailSchema },
      },
    },
    async (req) => detail(await submitActivity(deps.db, { ...who(req), id: req.params.id, scope: req.body?.scope ?? 'one' })),
  );

  app.post(
    '/api/activities/:id/review',
    {
      schema: {
        tags,
        summary: 'Approve (→ published) or send back (→ draft, note required) a submitted activity; activity.review on the parent unit',
        params: idParams,
        body: reviewBody,
        response: { 200: activityDetailSchema },
      },
    },
    async (req) => detail(await reviewActivity(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );

  app.post(
    '/api/activities/:id/cancel',
    { schema: { tags, summary: 'Cancel an activity that has not finished, with a reason', params: idParams, body: cancelBody, response: { 200: activityDetailSchema } } },
    async (req) => detail(await cancelActivity(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );

  app.put(
    '/api/activities/:id/poster',
    {
      schema: {
        tags,
        summary: 'Upload the poster (multipart field `file`, PNG / JPEG / WebP, at most 2 MB)',
        consumes: ['multipart/form-data'],
        params: idParams,
        body: z.strictObject({ file: z.any().meta({ type: 'string', format: 'binary', description: 'the image' }) }).nullish(),
        response: { 200: activityDetailSchema },
      },
    },
    async (req) => {
      const w = who(req);
      await assertCanManageActivity(deps.db, w.principal, req.params.id);
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传图片（字段名 file）');
      const part = await req.file();
      if (!part || part.fieldname !== 'file') throw fieldError('file', '请选择海报图片');
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', '海报图片不能超过 2 MB');
        throw e;
      }
      return detail(await setPoster(deps.db, { ...w, id: req.params.id, data }));
    },
  );
};
