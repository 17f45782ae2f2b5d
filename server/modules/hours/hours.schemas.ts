// The API shapes of the hours module (service records, totals, star levels and awards), shared by its route files.
import { z } from 'zod';
import { textField } from '../../../common/network';
import { pageQuery } from '../../platform/pagination';

export const MAX_BULK = 200;
export const recordStatuses = ['pending', 'approved', 'rejected', 'superseded'] as const;
export const recordFlags = ['auto_closed', 'outside_activity_time', 'overlap', 'over_daily_limit'] as const;

export const idParams = z.strictObject({ id: z.uuid() });
export const fileResponse = z.any().describe('a file download');
export const emptyBody = z.strictObject({}).nullish();
export const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式为 YYYY-MM-DD');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM');
const instant = z.iso.datetime({ offset: true, message: '时间格式为 ISO 8601' }).transform((s) => new Date(s));
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const hourRecordSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  volunteerNumber: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  unitName: z.string(),
  teamName: z.string().nullable(),
  source: z.enum(['checkin', 'manual']),
  startedAt: z.string(),
  endedAt: z.string(),
  minutes: z.number(),
  content: z.string(),
  status: z.enum(recordStatuses),
  flags: z.array(z.string()),
  version: z.number(),
  previousId: z.string().nullable(),
  reason: z.string(),
  requestedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  frozen: z.boolean(),
  createdAt: z.string(),
});

const filterFields = {
  unit: z.uuid().optional().describe('records of activities organized by this unit or below'),
  status: z.enum(recordStatuses).optional(),
  flagged: z.enum(['true', 'false']).optional().describe('true: only records with flags'),
  activity: z.uuid().optional(),
  team: z.uuid().optional(),
  volunteer: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('volunteer name or number, or activity title'),
  from: localDate.optional().describe('local date the service started, inclusive'),
  to: localDate.optional().describe('local date the service started, inclusive'),
};
export const hoursListQuery = z.strictObject({ ...filterFields, ...pageQuery });
export const hoursExportQuery = z.strictObject(filterFields);

export const recordDetailSchema = z.object({ record: hourRecordSchema, history: z.array(hourRecordSchema) });

export const entryBody = z.strictObject({
  activityId: z.uuid(),
  volunteerId: z.uuid(),
  startedAt: instant,
  endedAt: instant,
  content: textField(500).optional(),
});
export const rejectBody = z.strictObject({ reason: textField(200, { required: true }) });
export const bulkApproveBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(MAX_BULK) });
export const bulkApproveResponse = z.object({ approved: z.number(), skipped: z.array(z.object({ id: z.string(), code: z.string() })) });
export const correctionBody = z.strictObject({ startedAt: instant, endedAt: instant, reason: textField(200, { required: true }) });

export const totalsQuery = z.strictObject({
  unit: z.uuid().optional().describe("defaults to the top unit of the caller's scope"),
  from: monthSchema.optional(),
  to: monthSchema.optional(),
  by: z.enum(['unit', 'team']).default('unit'),
});
const sums = { minutes: z.number(), records: z.number() };
export const totalsResponse = z.object({
  total: z.object(sums),
  rows: z.array(z.object({ id: z.string().describe("'' = records of no team"), name: z.string(), code: z.string().optional(), ...sums })),
});

export const levelSchema = z.object({ level: z.number(), minHours: z.number() });
export const starLevelsResponse = z.object({ levels: z.array(levelSchema) });
export const starLevelsBody = z.strictObject({
  levels: z
    .array(z.strictObject({ level: z.number().int().min(1).max(5), minHours: z.number().int().min(1).max(100_000) }))
    .min(1)
    .max(5),
});

export const myHoursResponse = listOf(hourRecordSchema).extend({
  totalMinutes: z.number(),
  starLevel: z.number(),
  pendingStarLevel: z.number().nullable(),
  nextLevel: levelSchema.nullable(),
});

export const awardSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  volunteerNumber: z.string(),
  homeUnitName: z.string(),
  level: z.number(),
  hoursAt: z.number(),
  status: z.enum(['pending', 'confirmed']),
  reachedAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export const awardListQuery = z.strictObject({ status: z.enum(['pending', 'confirmed']).optional(), unit: z.uuid().optional(), ...pageQuery });
export const bulkConfirmBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(MAX_BULK) });
