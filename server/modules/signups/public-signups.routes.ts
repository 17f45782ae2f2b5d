// Public sign-up routes (no sign-in): an activity's page with its places, and citizens' bookings made with a name
// and a mobile number, viewed and cancelled through the token in the text message. Rate limited per IP; booking
// more tightly, as each one sends a text.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { z } from 'zod';
import { bookingBody, bookingCreated, bookingView, idParams, publicActivityDetail, tokenParams } from './signups.schemas';
import { countsOf } from './signups.repo';
import { visibleActivity } from './places';
import { bookPlace, bookingByToken, cancelBooking } from './bookings.service';
import { presentBooking, presentPublicActivityDetail } from './signups.presenter';

const tags = ['sign-ups'];
export const BOOKINGS_PER_MIN = 10;

export const publicSignupRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const config = { access: 'public' as const, rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } };
  const notices = { notify: deps.notify, publicBaseUrl: deps.config.publicBaseUrl };

  app.get(
    '/api/public/activities/:id',
    {
      config,
      schema: {
        tags,
        summary: 'An activity’s public page: details, requirements and places taken (published, running, finished or cancelled; else 404)',
        params: idParams,
        response: { 200: publicActivityDetail },
      },
    },
    async (req) => {
      const a = await visibleActivity(deps.db, req.params.id);
      return presentPublicActivityDetail(a, await countsOf(deps.db, a.id), deps.clock.now());
    },
  );

  app.post(
    '/api/public/activities/:id/bookings',
    {
      config: { access: 'public' as const, rateLimit: { max: BOOKINGS_PER_MIN, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Book a place as a citizen (name and mobile number); waiting list when full; a text message brings the manage link',
        params: idParams,
        body: bookingBody,
        response: { 201: bookingCreated },
      },
    },
    async (req, reply) => {
      const r = await bookPlace(deps.db, { activityId: req.params.id, ...req.body, now: deps.clock.now(), notices });
      const b = presentBooking(r.signup, r.position, r.activity);
      return reply.status(201).send({ booking: { status: b.status, position: b.position, cancelUntil: b.cancelUntil, manageToken: r.signup.manageToken ?? '' } });
    },
  );

  app.get(
    '/api/public/bookings/:token',
    {
      config,
      schema: {
        tags,
        summary: 'A citizen’s booking by the token in its text message, with the activity',
        params: tokenParams,
        response: { 200: z.object({ booking: bookingView, activity: publicActivityDetail }) },
      },
    },
    async (req) => {
      const r = await bookingByToken(deps.db, { token: req.params.token });
      return { booking: presentBooking(r.signup, r.position, r.activity), activity: presentPublicActivityDetail(r.activity, r.counts, deps.clock.now()) };
    },
  );

  app.delete(
    '/api/public/bookings/:token',
    {
      config,
      schema: {
        tags,
        summary: 'Cancel a citizen’s booking by its token (until the activity’s cut-off before the start; a waiting-list place any time)',
        params: tokenParams,
        response: { 200: z.object({ booking: bookingView }) },
      },
    },
    async (req) => {
      const r = await cancelBooking(deps.db, { token: req.params.token, now: deps.clock.now(), notices });
      return { booking: presentBooking(r.signup, null, r.activity) };
    },
  );
};
