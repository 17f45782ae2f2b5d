// The API shapes of the coverage report, its drill-down, the home-page alert and the exports.
import { z } from 'zod';

const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .describe('a local date (Asia/Shanghai), YYYY-MM-DD');

export const coverageQuery = z.strictObject({
  unit: z.uuid().optional().describe("an institute, station or the center; default the caller's top unit"),
  from: dateField.optional().describe('default: the Monday 8 weeks before this week'),
  to: dateField.optional().describe('default: the Sunday 4 weeks after this week; at most 53 weeks in all'),
});

export const calendarQuery = z.strictObject({
  unit: z.uuid().optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional()
    .describe('YYYY-MM; default this month'),
});

export const weekParams = z.strictObject({
  id: z.uuid(),
  isoWeek: z.string().regex(/^\d{4}-W\d{2}$/, '周的格式应为 2026-W05').describe('ISO week, e.g. 2026-W05'),
});

const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.enum(['center', 'institute', 'station']) });
const weekRef = z.object({ key: z.string().describe('ISO week 2026-W05'), start: z.string(), end: z.string() });

export const coverageReport = z.object({
  unit: unitRef,
  from: z.string().describe('Monday of the first week'),
  to: z.string().describe('Sunday of the last week'),
  currentWeek: z.string(),
  weeks: z.array(weekRef),
  months: z.array(z.object({ month: z.string(), theme: z.object({ id: z.string(), title: z.string() }).nullable() })),
  rows: z.array(
    z.object({
      unit: unitRef.extend({ parentId: z.string().nullable() }),
      weekCounts: z.array(z.number()).describe("the unit's own published / in-progress / finished activities per week"),
      weekTotals: z.array(z.number()).describe('the same with its stations added (institutes)'),
      stationWeekGaps: z.array(z.number()).nullable().describe('institutes: how many of its stations held nothing that week'),
      monthThemed: z.array(z.boolean().nullable()).describe('held an activity carrying the month’s theme; null when the month has no theme'),
      stationMonthGaps: z.array(z.number()).nullable(),
      weekGaps: z.number(),
      monthGaps: z.number(),
    }),
  ),
  summary: z.object({
    institutes: z.number(),
    stations: z.number(),
    instituteWeekGaps: z.number(),
    stationWeekGaps: z.number(),
    instituteMonthGaps: z.number(),
    stationMonthGaps: z.number(),
  }),
});

export const coverageActivity = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  brands: z.array(z.string()),
  status: z.string(),
  counted: z.boolean().describe('counts toward coverage (published, in progress or finished)'),
  startsAt: z.string(),
  endsAt: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  place: z.string().describe('the site name, else the address'),
  team: z.string().nullable(),
  theme: z.string().nullable(),
});

export const weekDetail = z.object({ unit: unitRef, week: weekRef, items: z.array(coverageActivity) });

export const alertsResponse = z.object({
  week: weekRef,
  units: z.array(unitRef),
  stations: z.number(),
  institutes: z.number(),
});

export const fileResponse = z.any().describe('a file download');
