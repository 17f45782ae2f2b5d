// Taking part in an activity: volunteers' sign-ups (with the waiting list) and citizens' bookings, the
// reminders sent for them, and check-in/out records (by rotating QR code, by hand, or closed automatically).
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, timestamp, uuid, index, uniqueIndex, doublePrecision, boolean, check } from 'drizzle-orm/pg-core';
import { activities } from './activities';
import { volunteers } from './volunteers';

export type SignupKind = 'volunteer' | 'citizen';
// confirmed: has a slot/place; waitlisted: queued by created_at, moved up automatically when a place frees.
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export const signups = pgTable(
  'signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    kind: text('kind').$type<SignupKind>().notNull(),
    // Volunteers sign up as themselves; citizens book with a name and phone (no account needed).
    volunteerId: uuid('volunteer_id').references(() => volunteers.id),
    name: text('name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    status: text('status').$type<SignupStatus>().notNull(),
    // A citizen's booking is managed (viewed, cancelled) through this unguessable token sent by SMS.
    manageToken: text('manage_token'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    // Who cancelled: the person themself, or a staff account (by account id).
    cancelledBy: uuid('cancelled_by'),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live sign-up per volunteer and per citizen phone for an activity.
    uniqueIndex('signups_volunteer_uq').on(t.activityId, t.volunteerId).where(sql`${t.status} <> 'cancelled' and ${t.volunteerId} is not null`),
    uniqueIndex('signups_citizen_uq').on(t.activityId, t.phone).where(sql`${t.status} <> 'cancelled' and ${t.kind} = 'citizen'`),
    uniqueIndex('signups_manage_token_uq').on(t.manageToken),
    index('signups_activity_idx').on(t.activityId, t.kind, t.status, t.createdAt),
    index('signups_volunteer_idx').on(t.volunteerId, t.createdAt),
    check('signups_who_ck', sql`(${t.kind} = 'volunteer' and ${t.volunteerId} is not null) or (${t.kind} = 'citizen' and ${t.phone} <> '')`),
  ],
);

// Which reminder went out for which sign-up, so the job never sends one twice ('day_before' | 'hour_before').
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    signupId: uuid('signup_id')
      .notNull()
      .references(() => signups.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'day_before' | 'hour_before'>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reminder_deliveries_uq').on(t.signupId, t.kind)],
);

export type AttendanceMethod = 'qr' | 'manual' | 'auto';

// One check-in/check-out pair. At most one open pair per person and activity (partial unique index), at most
// three pairs per person, activity and day (checked in the service under a row lock on the sign-up).
export const attendances = pgTable(
  'attendances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    inMethod: text('in_method').$type<AttendanceMethod>().notNull(),
    outMethod: text('out_method').$type<AttendanceMethod>(),
    // The staff account that checked the person in/out by hand.
    inBy: uuid('in_by'),
    outBy: uuid('out_by'),
    inLat: doublePrecision('in_lat'),
    inLng: doublePrecision('in_lng'),
    // Closed by the system after the activity ended without a check-out: the hours need a person's review.
    autoClosed: boolean('auto_closed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attendances_open_uq').on(t.activityId, t.volunteerId).where(sql`${t.checkedOutAt} is null`),
    index('attendances_activity_idx').on(t.activityId, t.volunteerId, t.checkedInAt),
    index('attendances_open_idx').on(t.checkedInAt).where(sql`${t.checkedOutAt} is null`),
    check('attendances_order_ck', sql`${t.checkedOutAt} is null or ${t.checkedOutAt} >= ${t.checkedInAt}`),
  ],
);

// Retried writes (check-in/out) carry an Idempotency-Key; the first answer is stored and replayed.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    // Keys are per caller: the account id (or '' for anonymous).
    scope: text('scope').notNull(),
    route: text('route').notNull(),
    statusCode: integer('status_code').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('idempotency_keys_uq').on(t.scope, t.key), index('idempotency_keys_created_idx').on(t.createdAt)],
);

// In-app notifications for volunteers (the other half of the notification adapter is the SMS outbox).
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    // A path inside the H5 (/m/...) the notification opens.
    link: text('link').notNull().default(''),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_volunteer_idx').on(t.volunteerId, t.createdAt)],
);
