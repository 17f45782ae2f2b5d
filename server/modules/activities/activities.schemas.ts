// The API shapes of the activities module (requests and responses), shared by its route files.
import { z } from 'zod';
import { textField, unitCodeSchema, unitLevels } from '../../../common/network';
import { activityTopicKeys, servicePlatforms } from '../../../common/activity-topics';
import { pageQuery } from '../../platform/pagination';

export const MAX_SERIES = 60;
export const MAX_PLACES = 10_000;
export const POSTER_MAX_BYTES = 2 * 1024 * 1024;
export const activityStatuses = ['draft', 'submitted', 'published', 'in_progress', 'finished', 'cancelled'] as const;
export const programmeStatuses = ['draft', 'published', 'withdrawn'] as const;

export const idParams = z.strictObject({ id: z.uuid() });
export const fileResponse = z.any().describe('a file download');
const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式为 YYYY-MM-DD');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM');
const instant = z.iso.datetime({ offset: true, message: '时间格式为 ISO 8601' }).transform((s) => new Date(s));
const places = z.number().int().min(0).max(MAX_PLACES);
// Sign-ups and bookings can be cancelled until this many minutes before the start (at most a week).
export const MAX_CANCEL_CUTOFF_MINUTES = 7 * 24 * 60;
const cancelCutoff = z.number().int().min(0).max(MAX_CANCEL_CUTOFF_MINUTES);
// QR check-in only within this many metres of the site; null = anywhere.
const geofence = z.number().int().min(50).max(5000).nullable();
const tags = (max: number, len: number) => z.array(textField(len, { required: true })).max(max);
const searchText = z.string().trim().max(100).optional();

export const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.enum(unitLevels) });
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

// Unit settings
export const unitSettingsSchema = z.object({ activityReview: z.boolean() });
export const unitSettingsBody = z.strictObject({ activityReview: z.boolean() });

// Programmes
export const programmeSchema = z.object({
  id: z.string(),
  unit: unitRef,
  title: z.string(),
  topic: z.string(),
  platform: z.string().nullable(),
  brands: z.array(z.string()),
  description: z.string(),
  status: z.enum(programmeStatuses),
  publishedAt: z.string().nullable(),
  adoptedFrom: z.string().nullable(),
  inherited: z.boolean().optional(),
  activityCount: z.number(),
});
export const programmeListQuery = z.strictObject({
  unit: z.uuid().optional(),
  topic: z.enum(activityTopicKeys).optional(),
  platform: z.enum(servicePlatforms).optional(),
  status: z.enum(programmeStatuses).optional(),
  q: searchText,
  ...pageQuery,
});
const programmeFields = {
  title: textField(100, { required: true }),
  topic: z.enum(activityTopicKeys),
  platform: z.enum(servicePlatforms).nullable(),
  brands: tags(10, 20),
  description: textField(2000),
};
export const programmeCreateBody = z.strictObject({
  unitId: z.uuid(),
  ...programmeFields,
  platform: programmeFields.platform.optional(),
  brands: programmeFields.brands.default([]),
  description: programmeFields.description.default(''),
});
export const programmePatchBody = z.strictObject({
  title: programmeFields.title.optional(),
  topic: programmeFields.topic.optional(),
  platform: programmeFields.platform.optional(),
  brands: programmeFields.brands.optional(),
  description: programmeFields.description.optional(),
});
export const adoptBody = z.strictObject({ unitId: z.uuid() });

// Monthly themes
export const themeSchema = z.object({ id: z.string(), month: z.string(), title: z.string(), description: z.string(), unit: unitRef });
export const themeListQuery = z.strictObject({ from: monthSchema.optional(), to: monthSchema.optional() });
export const themeParams = z.strictObject({ month: monthSchema });
export const themeBody = z.strictObject({
  title: textField(100, { required: true }),
  description: textField(2000).default(''),
  unitId: z.uuid().optional().describe('the center (defaults to the center of the caller’s district)'),
});
export const themeDeleteQuery = z.strictObject({ unit: z.uuid().optional().describe('the center (defaults to the caller’s)') });

// Activities
export const activityRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  brands: z.array(z.string()),
  unit: unitRef,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  site: z.object({ id: z.string(), name: z.string() }).nullable(),
  address: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(activityStatuses),
  volunteerSlots: z.number(),
  citizenPlaces: z.number(),
  seriesId: z.string().nullable(),
  themeId: z.string().nullable(),
  programmeId: z.string().nullable(),
  cancelCutoffMinutes: z.number(),
  geofenceMeters: z.number().nullable(),
});
export const activityDetailSchema = activityRowSchema.extend({
  description: z.string(),
  requiredSkills: z.array(z.string()),
  requiredQualifications: z.array(z.string()),
  series: z
    .object({ id: z.string(), weekdays: z.array(z.number()), startTime: z.string(), endTime: z.string(), firstDate: z.string(), lastDate: z.string(), count: z.number() })
    .nullable(),
  review: z.object({ needed: z.boolean(), note: z.string().nullable(), reviewedAt: z.string().nullable(), reviewerName: z.string().nullable() }),
  cancelReason: z.string().nullable(),
  posterUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const activityListQuery = z.strictObject({
  unit: z.uuid().optional(),
  status: z.enum(activityStatuses).optional(),
  topic: z.enum(activityTopicKeys).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  q: searchText,
  series: z.uuid().optional(),
  ...pageQuery,
});
const activityFields = {
  title: textField(100, { required: true }),
  programmeId: z.uuid().nullable().optional(),
  topic: z.enum(activityTopicKeys),
  brands: tags(10, 20),
  themeId: z.uuid().nullable().optional(),
  unitId: z.uuid(),
  teamId: z.uuid().nullable().optional(),
  siteId: z.uuid().nullable().optional(),
  address: textField(200),
  startsAt: instant,
  endsAt: instant,
  description: textField(5000),
  volunteerSlots: places,
  requiredSkills: tags(20, 50),
  requiredQualifications: tags(20, 50),
  citizenPlaces: places,
  cancelCutoffMinutes: cancelCutoff,
  geofenceMeters: geofence,
};
export const activityCreateBody = z.strictObject({
  ...activityFields,
  brands: activityFields.brands.default([]),
  address: activityFields.address.default(''),
  description: activityFields.description.default(''),
  volunteerSlots: places.default(0),
  requiredSkills: activityFields.requiredSkills.default([]),
  requiredQualifications: activityFields.requiredQualifications.default([]),
  citizenPlaces: places.default(0),
  cancelCutoffMinutes: cancelCutoff.default(120),
  geofenceMeters: geofence.default(null),
  repeat: z
    .strictObject({
      weekdays: z
        .array(z.number().int().min(1).max(7))
        .min(1)
        .max(7)
        .refine((a) => new Set(a).size === a.length, '星期不能重复'),
      until: localDate,
    })
    .optional(),
});
export const activityPatchBody = z.strictObject({
  title: activityFields.title.optional(),
  programmeId: activityFields.programmeId,
  topic: activityFields.topic.optional(),
  brands: activityFields.brands.optional(),
  themeId: activityFields.themeId,
  unitId: activityFields.unitId.optional(),
  teamId: activityFields.teamId,
  siteId: activityFields.siteId,
  address: activityFields.address.optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  description: activityFields.description.optional(),
  volunteerSlots: places.optional(),
  requiredSkills: activityFields.requiredSkills.optional(),
  requiredQualifications: activityFields.requiredQualifications.optional(),
  citizenPlaces: places.optional(),
  cancelCutoffMinutes: cancelCutoff.optional(),
  geofenceMeters: geofence.optional(),
  scope: z.enum(['one', 'following']).default('one').describe('for a series: this activity only, or this and the following ones'),
});
const seriesScope = z.enum(['one', 'following']).default('one').describe('for a series: this activity only, or this and the following ones');
export const submitBody = z.strictObject({ scope: seriesScope }).nullish();
export const reviewBody = z.strictObject({ decision: z.enum(['approve', 'reject']), note: textField(500).optional(), scope: seriesScope });
export const cancelBody = z.strictObject({ reason: textField(500, { required: true }), scope: seriesScope });

// Public
const unitRefParam = z.union([z.uuid(), unitCodeSchema]);
export const publicListQuery = z.strictObject({
  station: unitRefParam.optional().describe('a station (id or code)'),
  street: unitRefParam.optional().describe('an institute = a street (id or code)'),
  topic: z.enum(activityTopicKeys).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  ...pageQuery,
});
export const publicActivitySchema = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  topicLabel: z.string(),
  brands: z.array(z.string()),
  unitName: z.string(),
  teamName: z.string().nullable(),
  site: z.object({ id: z.string(), name: z.string(), address: z.string() }).nullable(),
  address: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(activityStatuses),
  description: z.string(),
  volunteerSlots: z.number(),
  citizenPlaces: z.number(),
  posterUrl: z.string().nullable(),
});
export const tokenParams = z.strictObject({ token: z.string().min(1).max(64) });
