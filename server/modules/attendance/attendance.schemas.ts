// The API shapes of the attendance module (requests and responses).
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

export const attendanceSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  volunteerId: z.string(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  inMethod: z.string(),
  outMethod: z.string().nullable(),
  autoClosed: z.boolean(),
});

export const recordBriefSchema = z.object({ id: z.string(), minutes: z.number(), status: z.string(), flags: z.array(z.string()) });

export const codeQuery = z.strictObject({ mode: z.enum(['in', 'out']).default('in') });
export const codeResponse = z.object({
  code: z.string(),
  url: z.string(),
  qrSvg: z.string().describe('SVG markup of the QR of `url`'),
  mode: z.enum(['in', 'out']),
  expiresAt: z.string(),
  refreshAt: z.string().describe('when the next code starts; show it then'),
});

export const scanBody = z
  .strictObject({
    code: z.string().min(1).max(200),
    activityId: z.uuid().optional().describe('the activity the phone page was opened for, if any'),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), { path: ['lng'], message: '经纬度应同时提供' });

export const scanResponse = z.object({
  action: z.enum(['in', 'out']),
  attendance: attendanceSchema,
  activity: z.object({ id: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string() }),
  record: recordBriefSchema.nullable(),
});

const instant = z.iso.datetime({ offset: true, message: '时间格式为 ISO 8601' }).transform((s) => new Date(s));
export const manualBody = z.strictObject({
  volunteerId: z.uuid(),
  action: z.enum(['in', 'out']),
  at: instant.optional().describe('when it happened (default now; not in the future)'),
});
export const manualResponse = z.object({ attendance: attendanceSchema, record: recordBriefSchema.nullable() });

export const rosterResponse = z.object({
  items: z.array(
    z.object({
      volunteerId: z.string(),
      volunteerNumber: z.string(),
      name: z.string(),
      signupStatus: z.enum(['confirmed', 'waitlisted', 'cancelled']).nullable(),
      pairs: z.array(attendanceSchema),
      minutes: z.number(),
    }),
  ),
});

export const myPairsQuery = z.strictObject({ activityId: z.uuid() });
export const myPairsResponse = z.object({ pairs: z.array(attendanceSchema) });
