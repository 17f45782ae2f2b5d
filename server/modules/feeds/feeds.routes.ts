// The feeds module: iCalendar feeds anyone can subscribe to (a volunteer's confirmed activities behind a secret
// token, a team's and a site's published activities), the volunteer's own feed address, and the console's
// activity list as .xlsx.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { requireVolunteer } from '../../platform/policy';
import { attachmentHeader } from '../network/civic-code.service';
import { activityListQuery } from '../activities/activities.schemas';
import { activitiesCalendar } from './calendar-ics';
import { feedUrls, myCalendarToken, renewCalendarToken, siteFeed, teamFeed, volunteerFeed, type Feed } from './feeds.service';
import { activitiesXlsx } from './activities-export';

const tags = ['feeds'];
const fileResponse = z.any().describe('a file download');
const icsProduces = ['text/calendar'];
const calendarUrls = z.object({ url: z.string().describe('https feed address'), webcalUrl: z.string().describe('the same address for calendar apps (webcal://)') });

export const feedsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const config = { access: 'public' as const, rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } };
  const sendFeed = (reply: FastifyReply, feed: Feed, cache: string) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="calendar.ics"')
      .header('cache-control', cache)
      .send(activitiesCalendar({ ...feed, publicBaseUrl: deps.config.publicBaseUrl, now: deps.clock.now() }));

  app.get(
    '/api/calendars/volunteers/:token.ics',
    {
      config,
      schema: {
        tags,
        summary: "A volunteer's confirmed activities (30 days back, 90 ahead) as iCalendar; the token is their secret feed address",
        params: z.strictObject({ token: z.string().min(1).max(100) }),
        produces: icsProduces,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => sendFeed(reply, await volunteerFeed(deps.db, req.params.token, deps.clock.now()), 'private, max-age=300'),
  );

  app.get(
    '/api/calendars/teams/:id.ics',
    {
      config,
      schema: { tags, summary: "A team's published activities (30 days back, 90 ahead) as iCalendar", params: z.strictObject({ id: z.uuid() }), produces: icsProduces, response: { 200: fileResponse } },
    },
    async (req, reply) => sendFeed(reply, await teamFeed(deps.db, req.params.id, deps.clock.now()), 'public, max-age=300'),
  );

  app.get(
    '/api/calendars/sites/:civicToken.ics',
    {
      config,
      schema: {
        tags,
        summary: 'The published activities at the site behind a civic code (30 days back, 90 ahead) as iCalendar',
        params: z.strictObject({ civicToken: z.string().min(1).max(64) }),
        produces: icsProduces,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => sendFeed(reply, await siteFeed(deps.db, req.params.civicToken, deps.clock.now()), 'public, max-age=300'),
  );

  app.get(
    '/api/volunteer/calendar',
    { schema: { tags, summary: 'My calendar feed address (made on first use)', response: { 200: calendarUrls } } },
    async (req) => feedUrls(deps.config.publicBaseUrl, await myCalendarToken(deps.db, requireVolunteer(req.principal))),
  );

  app.post(
    '/api/volunteer/calendar/renew',
    {
      schema: { tags, summary: 'A new calendar feed address; the old one stops working at once', body: z.strictObject({}).nullish(), response: { 200: calendarUrls } },
    },
    async (req) => feedUrls(deps.config.publicBaseUrl, await renewCalendarToken(deps.db, requireVolunteer(req.principal))),
  );

  app.get(
    '/api/activities.xlsx',
    {
      schema: {
        tags: ['activities'],
        summary: 'The activities in scope with the list’s filters as .xlsx (every page, at most 10,000 rows)',
        querystring: activityListQuery.omit({ cursor: true, limit: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const file = await activitiesXlsx(deps.db, { principal: requirePrincipal(req), now: deps.clock.now(), ...req.query });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader('活动列表.xlsx', 'activities.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
};
