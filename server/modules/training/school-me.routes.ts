// A volunteer's own school pages (phone H5): upcoming sessions with places left, taking and giving back a place,
// qualifications and training records. Staff accounts without a volunteer record get 403.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { mySessionSchema, qualificationSchema, recordSchema, sessionIdParams } from './training.schemas';
import { placeOf, presentRecord } from './training.presenter';
import { enrolSelf, mySessions, withdrawSelf } from './enrolment.service';
import { myQualifications, myRecords } from './qualifications.service';
import type { VolunteerSessionRow } from './courses.repo';

const tags = ['school'];

function presentMySession(s: VolunteerSessionRow, enrolled: boolean) {
  return {
    id: s.id,
    course: {
      id: s.courseId,
      title: s.courseTitle,
      description: s.courseDescription,
      unitName: s.courseUnitName,
      qualification: s.qualification,
      validMonths: s.qualification ? s.validMonths : null,
    },
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place: placeOf(s),
    teacher: s.teacher,
    capacity: s.capacity,
    placesLeft: Math.max(0, s.capacity - s.enrolled),
    enrolled,
  };
}

export const schoolMeRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: Parameters<typeof actorOf>[0]) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });

  app.get(
    '/api/me/school/sessions',
    { schema: { tags, summary: 'Upcoming sessions of open courses, with places left and whether I hold one', response: { 200: z.object({ items: z.array(mySessionSchema) }) } } },
    async (req) => ({ items: (await mySessions(deps.db, who(req))).map((s) => presentMySession(s, s.isMine)) }),
  );

  app.post(
    '/api/me/school/enrolments',
    {
      schema: {
        tags,
        summary: 'Take a place in a session (active volunteers, before the start; 409 when full). Asking twice is fine.',
        body: z.strictObject({ sessionId: z.uuid() }),
        response: { 200: mySessionSchema },
      },
    },
    async (req) => {
      const s = await enrolSelf(deps.db, { ...who(req), sessionId: req.body.sessionId });
      return presentMySession(s, s.isMine);
    },
  );

  app.delete(
    '/api/me/school/enrolments/:sessionId',
    { schema: { tags, summary: 'Give my place back (before the start)', params: sessionIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await withdrawSelf(deps.db, { ...who(req), sessionId: req.params.sessionId });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/school/qualifications',
    { schema: { tags, summary: 'My qualifications that count today (latest grant per name), with expiry', response: { 200: z.object({ items: z.array(qualificationSchema) }) } } },
    async (req) => ({ items: await myQualifications(deps.db, who(req)) }),
  );

  app.get(
    '/api/me/school/records',
    { schema: { tags, summary: 'My training records (enrolments, attendance, pass)', response: { 200: z.object({ items: z.array(recordSchema) }) } } },
    async (req) => ({ items: (await myRecords(deps.db, who(req))).map(presentRecord) }),
  );
};
