// Public activity pages for the phone (no sign-in, rate limited like the public site page): upcoming published
// activities by station / street / topic / date, what is on at a site this week, and posters. No personal data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { activities } from '../../db/schema/activities';
import { fieldError, notFound } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { findUnit, findUnitByCode } from '../network/units.repo';
import { publicSiteByToken } from '../network/sites.service';
import { wantsEnglish } from '../network/sites.routes';
import type { DbOrTx } from '../../db/client';
import { addDays, fromLocal, localWeek } from './activity-time';
import * as repo from './activities.repo';
import { fileResponse, idParams, listOf, publicActivitySchema, publicListQuery, tokenParams } from './activities.schemas';
import { presentPublicActivity } from './activities.presenter';

const tags = ['activities'];
const live = inArray(activities.status, ['published', 'in_progress', 'finished']);

async function unitParam(db: DbOrTx, field: string, value: string | undefined, level: 'station' | 'institute'): Promise<string | undefined> {
  if (!value) return undefined;
  const unit = /^\d+$/.test(value) ? await findUnitByCode(db, value) : await findUnit(db, value);
  if (!unit || unit.level !== level) throw fieldError(field, level === 'station' ? '没有这个实践站' : '没有这个实践所（街道）');
  return unit.code;
}

export const publicActivityRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const config = { access: 'public' as const, rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } };
  const lang = (h: string | undefined) => (wantsEnglish(h) ? 'en' : 'zh');

  app.get(
    '/api/public/activities',
    {
      config,
      schema: {
        tags,
        summary: 'Upcoming (and running) published activities, by start time; station / street = a unit id or code; from / to local dates',
        querystring: publicListQuery,
        response: { 200: listOf(publicActivitySchema) },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const q = req.query;
      const station = await unitParam(deps.db, 'station', q.station, 'station');
      const street = await unitParam(deps.db, 'street', q.street, 'institute');
      if (station && street && !station.startsWith(street)) return { items: [], nextCursor: null };
      const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
      const rows = await repo.listActivities(deps.db, {
        scope: and(eq(activities.status, 'published'), gt(activities.endsAt, now))!,
        underCode: station ?? street,
        topic: q.topic,
        from: q.from ? fromLocal(q.from) : undefined,
        to: q.to ? fromLocal(addDays(q.to, 1)) : undefined,
        now,
        after,
        limit: q.limit,
      });
      const page = pageOf(rows, q.limit, (r) => [r.startsAt.toISOString(), r.id]);
      const l = lang(req.headers['accept-language']);
      return { ...page, items: page.items.map((a) => presentPublicActivity(a, now, l)) };
    },
  );

  app.get(
    '/api/public/sites/:token/activities',
    {
      config,
      schema: {
        tags,
        summary: "This week's (Monday–Sunday, local) published activities at the site behind a civic code",
        params: tokenParams,
        response: { 200: z.object({ from: z.string(), to: z.string(), items: z.array(publicActivitySchema) }) },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const site = await publicSiteByToken(deps.db, req.params.token);
      const week = localWeek(now);
      const rows = await repo.listActivities(deps.db, { scope: and(eq(activities.siteId, site.id), live)!, from: week.from, to: week.to, now, after: null, limit: 200 });
      const l = lang(req.headers['accept-language']);
      return { from: week.from.toISOString(), to: week.to.toISOString(), items: rows.slice(0, 200).map((a) => presentPublicActivity(a, now, l)) };
    },
  );

  app.get(
    '/api/public/activities/:id/poster',
    { config, schema: { tags, summary: "An activity's poster image", params: idParams, response: { 200: fileResponse } } },
    async (req, reply) => {
      const poster = await repo.findPoster(deps.db, req.params.id);
      if (!poster) throw notFound('该活动的海报');
      return reply.type(poster.mime).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(Buffer.from(poster.data));
    },
  );
};
