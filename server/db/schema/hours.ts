// Service hours (服务时长): records in minutes from check-in/out or entered by an organizer, approved by the
// organizing unit or team; corrections are new versions of a record. Monthly totals per unit and team are kept
// in step in the same transaction (service_totals), star levels come from approved hours.
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, timestamp, uuid, index, uniqueIndex, boolean, check, bigint } from 'drizzle-orm/pg-core';
import { activities } from './activities';
import { volunteers } from './volunteers';
import { units } from './network';
import { teams } from './teams';
import { attendances } from './attendance';

// pending → approved | rejected; an approved record becomes superseded when a correction of it is approved.
export type ServiceRecordStatus = 'pending' | 'approved' | 'rejected' | 'superseded';
// Why a record needs a closer look: closed by the system, over the activity's time, overlapping another, > 24 h a day.
export type ServiceRecordFlag = 'auto_closed' | 'outside_activity_time' | 'overlap' | 'over_daily_limit';

export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    // Copied from the activity: who approves (the organizing unit, or the team's leaders) and the scope of lists.
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitCode: text('unit_code').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    attendanceId: uuid('attendance_id').references(() => attendances.id),
    source: text('source').$type<'checkin' | 'manual'>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull(),
    content: text('content').notNull().default(''),
    status: text('status').$type<ServiceRecordStatus>().notNull().default('pending'),
    flags: text('flags').array().$type<ServiceRecordFlag[]>().notNull().default(sql`'{}'::text[]`),
    // Versions: a correction is a new row pointing at the record it corrects, with the reason for it.
    version: integer('version').notNull().default(1),
    previousId: uuid('previous_id'),
    reason: text('reason').notNull().default(''),
    requestedBy: uuid('requested_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    // On an issued certificate: no more corrections.
    frozen: boolean('frozen').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_records_volunteer_idx').on(t.volunteerId, t.startedAt),
    index('service_records_scope_idx').using('btree', sql`${t.unitCode} text_pattern_ops`, t.status, t.startedAt),
    index('service_records_activity_idx').on(t.activityId),
    index('service_records_team_idx').on(t.teamId, t.startedAt),
    index('service_records_attendance_idx').on(t.attendanceId),
    // The staff list's order (newest service first, read backwards) for any scope, and the review queue.
    index('service_records_time_idx').on(t.startedAt, t.id),
    index('service_records_pending_idx').on(t.startedAt, t.id).where(sql`${t.status} = 'pending'`),
    // One open correction per record at a time.
    uniqueIndex('service_records_pending_correction_uq').on(t.previousId).where(sql`${t.status} = 'pending'`),
    check('service_records_minutes_ck', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
    check('service_records_time_ck', sql`${t.endedAt} > ${t.startedAt}`),
  ],
);

// Approved minutes per organizing unit, team ('' = none) and local month ('2026-11'), kept in step with every
// approval or supersession so district-wide totals never scan the records.
export const serviceTotals = pgTable(
  'service_totals',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitCode: text('unit_code').notNull(),
    teamKey: text('team_key').notNull().default(''),
    month: text('month').notNull(),
    minutes: bigint('minutes', { mode: 'number' }).notNull().default(0),
    records: integer('records').notNull().default(0),
  },
  (t) => [
    uniqueIndex('service_totals_uq').on(t.unitId, t.teamKey, t.month),
    index('service_totals_scope_idx').using('btree', sql`${t.unitCode} text_pattern_ops`, t.month),
    index('service_totals_team_idx').on(t.teamKey, t.month),
  ],
);

// Star level thresholds in hours (configuration: some regions use other numbers); seeded 100/300/600/1000/1500.
export const starLevels = pgTable(
  'star_levels',
  {
    level: integer('level').primaryKey(),
    minHours: integer('min_hours').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('star_levels_ck', sql`${t.level} between 1 and 5 and ${t.minHours} > 0`)],
);

// A volunteer reached a level: the home unit confirms it, then it shows on the profile (volunteers.star_level).
export const starAwards = pgTable(
  'star_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    level: integer('level').notNull(),
    minutesAt: integer('minutes_at').notNull(),
    status: text('status').$type<'pending' | 'confirmed'>().notNull().default('pending'),
    reachedAt: timestamp('reached_at', { withTimezone: true }).notNull(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('star_awards_uq').on(t.volunteerId, t.level), index('star_awards_pending_idx').on(t.status, t.reachedAt)],
);
