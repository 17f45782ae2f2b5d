// Staff routes of the volunteer school: courses, sessions, rosters, attendance, expiring qualifications and a
// volunteer's training records. Every route needs training.manage on the course's unit (records: volunteer.read).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import {
  attendanceBody,
  courseCreateBody,
  courseListQuery,
  coursePatchBody,
  courseSchema,
  expiringQuery,
  expiringSchema,
  idParams,
  listOf,
  sessionCancelBody,
  sessionCreateBody,
  sessionDetailSchema,
  sessionSchema,
  staffEnrolBody,
  volunteerRecordsSchema,
} from './training.schemas';
import { presentCourse, presentExpiring, presentRecord, presentRosterEntry, presentSession } from './training.presenter';
import { cancelSession, createCourse, createSession, getCourse, getSessionDetail, listCoursesIn, listSessionsOf, updateCourse } from './courses.service';
import { enrolByNumber } from './enrolment.service';
import { recordAttendance } from './attendance.service';
import { listExpiring, volunteerRecords } from './qualifications.service';

const tags = ['school'];

export const schoolStaffRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const who = (req: Parameters<typeof actorOf>[0]) => ({ principal: requirePrincipal(req), actor: actorOf(req), now: deps.clock.now() });
  const presentDetail = (d: Awaited<ReturnType<typeof getSessionDetail>>) => {
    const now = deps.clock.now();
    return { session: presentSession(d.session, now), course: presentCourse(d.course), roster: d.roster.map(presentRosterEntry) };
  };

  app.get(
    '/api/school/courses',
    { schema: { tags, summary: 'Courses of units in scope, newest first (q: title or qualification)', querystring: courseListQuery, response: { 200: listOf(courseSchema) } } },
    async (req) => {
      const page = await listCoursesIn(deps.db, { ...who(req), ...req.query });
      return { ...page, items: page.items.map(presentCourse) };
    },
  );

  app.post(
    '/api/school/courses',
    { schema: { tags, summary: 'Create a course in a unit (qualification + validMonths: what a pass grants)', body: courseCreateBody, response: { 201: courseSchema } } },
    async (req, reply) => reply.status(201).send(presentCourse(await createCourse(deps.db, { ...who(req), ...req.body }))),
  );

  app.get(
    '/api/school/courses/:id',
    { schema: { tags, summary: 'One course', params: idParams, response: { 200: courseSchema } } },
    async (req) => presentCourse(await getCourse(deps.db, { ...who(req), id: req.params.id })),
  );

  app.patch(
    '/api/school/courses/:id',
    { schema: { tags, summary: 'Edit a course or open / close it (grants already made keep their terms)', params: idParams, body: coursePatchBody, response: { 200: courseSchema } } },
    async (req) => presentCourse(await updateCourse(deps.db, { ...who(req), id: req.params.id, ...req.body })),
  );

  app.get(
    '/api/school/courses/:id/sessions',
    { schema: { tags, summary: "A course's sessions, latest first, with places taken", params: idParams, response: { 200: z.object({ items: z.array(sessionSchema) }) } } },
    async (req) => {
      const now = deps.clock.now();
      const rows = await listSessionsOf(deps.db, { ...who(req), courseId: req.params.id });
      return { items: rows.map((s) => presentSession(s, now)) };
    },
  );

  app.post(
    '/api/school/courses/:id/sessions',
    { schema: { tags, summary: 'Schedule a session (at a site in scope or a place given in words)', params: idParams, body: sessionCreateBody, response: { 201: sessionSchema } } },
    async (req, reply) => reply.status(201).send(presentSession(await createSession(deps.db, { ...who(req), courseId: req.params.id, ...req.body }), deps.clock.now())),
  );

  app.get(
    '/api/school/sessions/:id',
    { schema: { tags, summary: 'A session with its course and roster', params: idParams, response: { 200: sessionDetailSchema } } },
    async (req) => presentDetail(await getSessionDetail(deps.db, { ...who(req), id: req.params.id })),
  );

  app.post(
    '/api/school/sessions/:id/cancel',
    { schema: { tags, summary: 'Cancel a session; every enrolled volunteer gets an SMS', params: idParams, body: sessionCancelBody, response: { 200: sessionSchema } } },
    async (req) => presentSession(await cancelSession(deps.db, { ...who(req), id: req.params.id, reason: req.body?.reason, sms: deps.sms }), deps.clock.now()),
  );

  app.post(
    '/api/school/sessions/:id/enrolments',
    { schema: { tags, summary: 'Enrol a volunteer by volunteer number (until the session ends)', params: idParams, body: staffEnrolBody, response: { 200: sessionDetailSchema } } },
    async (req) => presentDetail(await enrolByNumber(deps.db, { ...who(req), sessionId: req.params.id, number: req.body.number })),
  );

  app.put(
    '/api/school/sessions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record attendance and pass per enrolment (after the start); a pass grants the course qualification',
        params: idParams,
        body: attendanceBody,
        response: { 200: sessionDetailSchema },
      },
    },
    async (req) => presentDetail(await recordAttendance(deps.db, { ...who(req), sessionId: req.params.id, records: req.body.records })),
  );

  app.get(
    '/api/school/qualifications/expiring',
    {
      schema: {
        tags,
        summary: 'Qualifications of volunteers in scope (home unit) expiring within `days`, not renewed, soonest first',
        querystring: expiringQuery,
        response: { 200: listOf(expiringSchema) },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const page = await listExpiring(deps.db, { principal: requirePrincipal(req), now, ...req.query });
      return { ...page, items: page.items.map((r) => presentExpiring(r, now)) };
    },
  );

  app.get(
    '/api/school/volunteers/:id/records',
    { schema: { tags, summary: "A volunteer's training records and qualifications (with history)", params: idParams, response: { 200: volunteerRecordsSchema } } },
    async (req) => {
      const r = await volunteerRecords(deps.db, { principal: requirePrincipal(req), volunteerId: req.params.id, now: deps.clock.now() });
      return { ...r, records: r.records.map(presentRecord) };
    },
  );
};
