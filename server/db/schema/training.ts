// The volunteer school (雷锋志愿服务学堂): courses, their sessions, enrolment and attendance, and the
// qualifications a passed course grants (some expire).
import { pgTable, text, integer, timestamp, uuid, index, uniqueIndex, boolean, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { units, sites } from './network';
import { volunteers } from './volunteers';

export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitCode: text('unit_code').notNull(),
    // The qualification a pass grants (e.g. 急救员), and for how many months; null months = does not expire.
    qualification: text('qualification'),
    validMonths: integer('valid_months'),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('courses_unit_code_idx').using('btree', sql`${t.unitCode} text_pattern_ops`)],
);

export const courseSessions = pgTable(
  'course_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    siteId: uuid('site_id').references(() => sites.id),
    place: text('place').notNull().default(''),
    teacher: text('teacher').notNull().default(''),
    capacity: integer('capacity').notNull(),
    status: text('status').$type<'scheduled' | 'cancelled' | 'done'>().notNull().default('scheduled'),
  },
  (t) => [
    index('course_sessions_course_idx').on(t.courseId, t.startsAt),
    index('course_sessions_upcoming_idx').on(t.startsAt).where(sql`${t.status} = 'scheduled'`),
    check('course_sessions_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('course_sessions_capacity_ck', sql`${t.capacity} >= 1`),
  ],
);

export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    status: text('status').$type<'enrolled' | 'cancelled'>().notNull().default('enrolled'),
    attended: boolean('attended'),
    passed: boolean('passed'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enrolments_uq').on(t.sessionId, t.volunteerId), index('enrolments_volunteer_idx').on(t.volunteerId)],
);

export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    courseId: uuid('course_id').references(() => courses.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('qualifications_volunteer_idx').on(t.volunteerId), index('qualifications_expires_idx').on(t.expiresAt)],
);
