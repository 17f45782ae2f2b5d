// A volunteer's own pages (phone H5): their sign-up on an activity's page, signing up and cancelling, their
// list of sign-ups, and their in-app notifications. Accounts that are no volunteer get 403.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import {
  activityLite,
  idParams,
  listOf,
  mySignup,
  mySignupResponse,
  mySignupsQuery,
  notificationItem,
  notificationsQuery,
  notificationsReadBody,
} from './signups.schemas';
import { cancelSelf, mySignupState, mySignups, signUpSelf } from './signups.service';
import { markRead, myNotifications, presentNotification } from './notifications.service';
import { presentMySignup, presentMySignupListItem } from './signups.presenter';

const tags = ['sign-ups'];

export const volunteerSignupRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const notices = { notify: deps.notify, publicBaseUrl: deps.config.publicBaseUrl };
  const who = (req: FastifyRequest) => ({ principal: requirePrincipal(req), now: deps.clock.now() });

  app.get(
    '/api/volunteer/activities/:id/signup',
    {
      schema: {
        tags,
        summary: 'My sign-up for an activity (the live one, else my latest cancelled one), whether I meet its requirements, and check-in state',
        params: idParams,
        response: { 200: mySignupResponse },
      },
    },
    async (req) => {
      const r = await mySignupState(deps.db, { ...who(req), activityId: req.params.id });
      const { missingSkills, missingQualifications } = r.eligibility;
      return {
        signup: r.current ? presentMySignup(r.current.signup, r.current.position, r.activity) : null,
        eligibility: { ok: r.eligibility.ok, missingSkills, missingQualifications },
        attendance: r.attendance,
      };
    },
  );

  app.post(
    '/api/volunteer/activities/:id/signup',
    {
      schema: {
        tags,
        summary: 'Sign up for an activity: a slot, or the waiting list when the slots are taken (active volunteers meeting its requirements)',
        params: idParams,
        body: z.strictObject({}).nullish(),
        response: { 201: z.object({ signup: mySignup }) },
      },
    },
    async (req, reply) => {
      const r = await signUpSelf(deps.db, { ...who(req), activityId: req.params.id, notices });
      return reply.status(201).send({ signup: presentMySignup(r.signup, r.position, r.activity) });
    },
  );

  app.delete(
    '/api/volunteer/activities/:id/signup',
    {
      schema: {
        tags,
        summary: 'Cancel my sign-up (a slot until the activity’s cut-off before the start; a waiting-list place any time); the waiting list moves up',
        params: idParams,
        response: { 200: z.object({ signup: mySignup }) },
      },
    },
    async (req) => {
      const r = await cancelSelf(deps.db, { ...who(req), activityId: req.params.id, notices });
      return { signup: presentMySignup(r.signup, r.position, r.activity) };
    },
  );

  app.get(
    '/api/volunteer/signups',
    {
      schema: {
        tags,
        summary: 'My sign-ups (not cancelled): upcoming soonest first, or past latest first',
        querystring: mySignupsQuery,
        response: { 200: listOf(z.object({ signup: mySignup, activity: activityLite })) },
      },
    },
    async (req) => {
      const w = who(req);
      const page = await mySignups(deps.db, { ...w, ...req.query });
      return { ...page, items: page.items.map((r) => presentMySignupListItem(r, w.now)) };
    },
  );

  app.get(
    '/api/volunteer/notifications',
    {
      schema: {
        tags,
        summary: 'My in-app notifications, newest first, with the number unread',
        querystring: notificationsQuery,
        response: { 200: listOf(notificationItem).extend({ unread: z.number() }) },
      },
    },
    async (req) => {
      const page = await myNotifications(deps.db, { principal: requirePrincipal(req), ...req.query });
      return { ...page, items: page.items.map(presentNotification) };
    },
  );

  app.post(
    '/api/volunteer/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark my notifications read: the given ids, or all without ids',
        body: notificationsReadBody,
        response: { 200: z.object({ unread: z.number() }) },
      },
    },
    async (req) => markRead(deps.db, { ...who(req), ids: req.body?.ids }),
  );
};
