// The API shapes of the volunteer school (requests and responses), shared by its route files.
import { z } from 'zod';
import { textField } from '../../../common/network';
import { pageQuery } from '../../platform/pagination';

export const courseStatuses = ['open', 'closed'] as const;
export const idParams = z.strictObject({ id: z.uuid() });
export const sessionIdParams = z.strictObject({ sessionId: z.uuid() });
const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-03-05T14:00:00+08:00');

const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const courseSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  unit: unitRef,
  qualification: z.string().nullable().describe('granted on passing; null = the course grants none'),
  validMonths: z.number().nullable().describe('how long the qualification lasts; null = no expiry'),
  status: z.enum(courseStatuses),
  sessionCount: z.number().describe('sessions not cancelled'),
  upcomingCount: z.number().describe('scheduled sessions that have not started'),
  nextSessionAt: z.string().nullable(),
  createdAt: z.string(),
});

export const courseListQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('title or qualification fragment'),
  status: z.enum(courseStatuses).optional(),
  ...pageQuery,
});

const qualificationField = textField(50).nullable().optional();
const validMonthsField = z.number().int().min(1).max(600).nullable().optional();

export const courseCreateBody = z.strictObject({
  unitId: z.uuid().describe('the organizing unit'),
  title: textField(100, { required: true }),
  description: textField(2000).optional(),
  qualification: qualificationField,
  validMonths: validMonthsField,
  status: z.enum(courseStatuses).optional(),
});

export const coursePatchBody = z.strictObject({
  title: textField(100, { required: true }).optional(),
  description: textField(2000).optional(),
  qualification: qualificationField,
  validMonths: validMonthsField,
  status: z.enum(courseStatuses).optional(),
});

export const sessionPhases = ['upcoming', 'ongoing', 'ended', 'cancelled'] as const;

export const sessionSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  site: z.object({ id: z.string(), name: z.string() }).nullable(),
  place: z.string(),
  teacher: z.string(),
  capacity: z.number(),
  enrolled: z.number(),
  placesLeft: z.number(),
  status: z.enum(['scheduled', 'cancelled']),
  phase: z.enum(sessionPhases),
});

export const sessionCreateBody = z.strictObject({
  startsAt: instant,
  endsAt: instant,
  siteId: z.uuid().nullable().optional().describe('a site of a unit in your scope'),
  place: textField(200).optional().describe('where, when it is not a site'),
  teacher: textField(50).optional(),
  capacity: z.number().int().min(1).max(10000),
});

export const sessionCancelBody = z.strictObject({ reason: textField(100).optional() });

export const rosterEntrySchema = z.object({
  enrolmentId: z.string(),
  volunteer: z.object({ id: z.string(), number: z.string(), name: z.string(), phoneMasked: z.string() }),
  attended: z.boolean().nullable(),
  passed: z.boolean().nullable(),
  recordedAt: z.string().nullable(),
  enrolledAt: z.string(),
});

export const sessionDetailSchema = z.object({
  session: sessionSchema,
  course: courseSchema,
  roster: z.array(rosterEntrySchema),
});

export const staffEnrolBody = z.strictObject({ number: z.string().trim().min(1).max(20).describe('volunteer number, e.g. V000000123') });

export const attendanceBody = z.strictObject({
  records: z
    .array(z.strictObject({ enrolmentId: z.uuid(), attended: z.boolean(), passed: z.boolean() }))
    .min(1)
    .max(1000),
});

export const expiringQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30),
  ...pageQuery,
});

export const expiringSchema = z.object({
  id: z.string(),
  name: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  daysLeft: z.number(),
  volunteer: z.object({ id: z.string(), number: z.string(), name: z.string(), phoneMasked: z.string(), homeUnitName: z.string() }),
});

export const qualificationSchema = z.object({
  id: z.string(),
  name: z.string(),
  courseTitle: z.string().nullable(),
  grantedAt: z.string(),
  expiresAt: z.string().nullable(),
  revoked: z.boolean(),
  state: z.enum(['valid', 'expiring', 'expired', 'revoked', 'renewed']).describe('expiring = within 30 days; renewed = a later grant replaces it'),
});

export const recordSchema = z.object({
  sessionId: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  sessionStatus: z.enum(['scheduled', 'cancelled']),
  enrolment: z.enum(['enrolled', 'cancelled']),
  attended: z.boolean().nullable(),
  passed: z.boolean().nullable(),
});

export const volunteerRecordsSchema = z.object({
  volunteer: z.object({ id: z.string(), number: z.string(), name: z.string() }),
  records: z.array(recordSchema),
  qualifications: z.array(qualificationSchema),
});

export const mySessionSchema = z.object({
  id: z.string(),
  course: z.object({ id: z.string(), title: z.string(), description: z.string(), unitName: z.string(), qualification: z.string().nullable(), validMonths: z.number().nullable() }),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  teacher: z.string(),
  capacity: z.number(),
  placesLeft: z.number(),
  enrolled: z.boolean(),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), nextCursor: z.string().nullable() });
}
