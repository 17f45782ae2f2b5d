// The list mode (清单模式): programme lists per topic and platform, the center's monthly themes, and the
// activities units hold (one-off or as a weekly series), reviewed by the level above when a unit's settings ask.
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, timestamp, uuid, index, uniqueIndex, boolean, customType, check, date, primaryKey } from 'drizzle-orm/pg-core';
import { units, sites } from './network';
import { teams } from './teams';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type ActivityStatus = 'draft' | 'submitted' | 'published' | 'in_progress' | 'finished' | 'cancelled';

// Per-unit settings that change how the unit works; a missing row means the defaults.
export const unitSettings = pgTable('unit_settings', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id, { onDelete: 'cascade' }),
  // The unit's activities go to the level above for review before they are published.
  activityReview: boolean('activity_review').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitCode: text('unit_code').notNull(),
    title: text('title').notNull(),
    // Keys from common/activity-topics.ts (the practice topics) and common/team-specialties.ts' five platforms.
    topic: text('topic').notNull(),
    platform: text('platform'),
    brands: text('brands').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    status: text('status').$type<'draft' | 'published' | 'withdrawn'>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // A lower unit's copy of a published item of a unit above it (adoption).
    adoptedFrom: uuid('adopted_from'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('programmes_unit_code_idx').using('btree', sql`${t.unitCode} text_pattern_ops`),
    uniqueIndex('programmes_adoption_uq').on(t.unitId, t.adoptedFrom),
  ],
);

// The theme the center sets for a month ('2026-12'); units plan their activities against it.
export const monthlyThemes = pgTable(
  'monthly_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    month: text('month').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monthly_themes_unit_month_uq').on(t.unitId, t.month), check('monthly_themes_month_ck', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);

// A recurring activity: the rule it was made from; its activities carry series_id and are edited one by one.
export const activitySeries = pgTable('activity_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  // ISO weekdays (1 = Monday) and the local (Asia/Shanghai) time of day, from `firstDate` until `lastDate`.
  weekdays: integer('weekdays').array().notNull(),
  startTime: text('start_time').notNull(),
  endTime: text('end_time').notNull(),
  firstDate: text('first_date').notNull(),
  lastDate: text('last_date').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    programmeId: uuid('programme_id').references(() => programmes.id),
    topic: text('topic').notNull(),
    brands: text('brands').array().notNull().default(sql`'{}'::text[]`),
    themeId: uuid('theme_id').references(() => monthlyThemes.id),
    // The organizing unit (scope) and, optionally, the team that runs it.
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitCode: text('unit_code').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    siteId: uuid('site_id').references(() => sites.id),
    address: text('address').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    description: text('description').notNull().default(''),
    volunteerSlots: integer('volunteer_slots').notNull().default(0),
    requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
    requiredQualifications: text('required_qualifications').array().notNull().default(sql`'{}'::text[]`),
    // Places for citizens (classes, events); 0 = no booking.
    citizenPlaces: integer('citizen_places').notNull().default(0),
    // Sign-ups and bookings can be cancelled until this many minutes before the start.
    cancelCutoffMinutes: integer('cancel_cutoff_minutes').notNull().default(120),
    // Check-in by QR only within this distance (metres) of the site; null = no geofence.
    geofenceMeters: integer('geofence_meters'),
    status: text('status').$type<ActivityStatus>().notNull().default('draft'),
    seriesId: uuid('series_id').references(() => activitySeries.id),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_unit_time_idx').using('btree', sql`${t.unitCode} text_pattern_ops`, t.startsAt),
    index('activities_time_idx').on(t.startsAt),
    index('activities_site_time_idx').on(t.siteId, t.startsAt),
    index('activities_series_idx').on(t.seriesId),
    index('activities_programme_idx').on(t.programmeId),
    index('activities_theme_idx').on(t.themeId),
    check('activities_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('activities_places_ck', sql`${t.volunteerSlots} >= 0 and ${t.citizenPlaces} >= 0`),
  ],
);

export const activityPosters = pgTable('activity_posters', {
  activityId: uuid('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  mime: text('mime').notNull(),
  data: bytea('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// Counted activities (published, running or finished) per organizing unit and local week (Monday), and per unit,
// local month and theme, kept by a trigger on activities (migration 0009) so the coverage report reads a few
// thousand counts instead of grouping a year of activities on every request.
export const activityWeekCounts = pgTable(
  'activity_week_counts',
  {
    unitCode: text('unit_code').notNull(),
    week: date('week', { mode: 'string' }).notNull(),
    activities: integer('activities').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.week] }), index('activity_week_counts_week_idx').using('btree', sql`${t.unitCode} text_pattern_ops`, t.week)],
);

export const activityThemeMonths = pgTable(
  'activity_theme_months',
  {
    unitCode: text('unit_code').notNull(),
    month: text('month').notNull(),
    themeId: uuid('theme_id').notNull(),
    activities: integer('activities').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.month, t.themeId] }), index('activity_theme_months_scope_idx').using('btree', sql`${t.unitCode} text_pattern_ops`, t.month)],
);
