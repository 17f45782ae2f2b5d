// The one volunteer registry shared by every unit, with the consents it rests on, the skill tag list, and the
// SMS outbox and one-time codes that confirm phones. ID numbers are stored only encrypted plus a keyed hash.
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, timestamp, uuid, index, uniqueIndex, date, jsonb, boolean, customType, bigserial, pgSequence } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { units } from './network';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type VolunteerStatus = 'pending' | 'active' | 'suspended' | 'left';
export type Availability = { days: number[]; slots: ('morning' | 'afternoon' | 'evening')[] };

export const volunteerNumberSeq = pgSequence('volunteer_number_seq', { startWith: 1 });

export const skillTags = pgTable(
  'skill_tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // 'skill' (first aid, driving, …) or 'specialty' (calligraphy, lecturing, …); both are offered at sign-up.
    category: text('category').$type<'skill' | 'specialty'>().notNull().default('skill'),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('skill_tags_name_uq').on(t.name)],
);

export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Public volunteer number (志愿者编号), from a sequence, never derived from the ID number.
    number: text('number')
      .notNull()
      .default(sql`('V' || lpad(nextval('volunteer_number_seq')::text, 9, '0'))`),
    // The account a volunteer signs in with; null for people registered by staff or imported until they sign in.
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    // AES-256-GCM ciphertext of the ID number; idHash is an HMAC for uniqueness and look-up. Both null once erased.
    idCipher: text('id_cipher'),
    idHash: text('id_hash'),
    idMasked: text('id_masked').notNull().default(''),
    gender: text('gender').$type<'male' | 'female'>(),
    birthDate: date('birth_date', { mode: 'string' }),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    availability: jsonb('availability').$type<Availability>().notNull().default({ days: [], slots: [] }),
    homeUnitId: uuid('home_unit_id').references(() => units.id),
    // Copy of the home unit's code for scope checks by prefix; kept in step by a trigger when codes move.
    homeUnitCode: text('home_unit_code').notNull().default(''),
    status: text('status').$type<VolunteerStatus>().notNull().default('pending'),
    source: text('source').$type<'self' | 'staff' | 'import'>().notNull().default('self'),
    registeredBy: uuid('registered_by'),
    guardianName: text('guardian_name'),
    guardianPhone: text('guardian_phone'),
    guardianRelation: text('guardian_relation'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    // Placeholders later issues fill (service hours in minutes, star level, points).
    serviceMinutes: integer('service_minutes').notNull().default(0),
    starLevel: integer('star_level').notNull().default(0),
    points: integer('points').notNull().default(0),
    mergedInto: uuid('merged_into'),
    // Secret token in the volunteer's personal iCalendar feed URL (made on first use, can be renewed).
    calendarToken: text('calendar_token'),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteers_number_uq').on(t.number),
    uniqueIndex('volunteers_id_hash_uq').on(t.idHash),
    uniqueIndex('volunteers_account_uq').on(t.accountId),
    uniqueIndex('volunteers_calendar_token_uq').on(t.calendarToken),
    // Scope (unit-code prefix or one station) with the list's order, leaving merged records out as lists do.
    index('volunteers_scope_number_idx')
      .using('btree', sql`${t.homeUnitCode} text_pattern_ops`, t.number)
      .where(sql`${t.mergedInto} is null`),
    // The review queue: pending registrations of a scope.
    index('volunteers_pending_idx')
      .using('btree', sql`${t.homeUnitCode} text_pattern_ops`, t.number)
      .where(sql`${t.status} = 'pending'`),
    index('volunteers_home_unit_idx').on(t.homeUnitId),
    index('volunteers_phone_idx').on(t.phone),
    index('volunteers_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('volunteers_phone_trgm_idx').using('gin', sql`${t.phone} gin_trgm_ops`),
    index('volunteers_skills_idx').using('gin', t.skills),
    index('volunteers_name_birth_idx').on(t.name, t.birthDate),
  ],
);

export const volunteerPhotos = pgTable('volunteer_photos', {
  volunteerId: uuid('volunteer_id')
    .primaryKey()
    .references(() => volunteers.id, { onDelete: 'cascade' }),
  mime: text('mime').notNull(),
  data: bytea('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// Consents are versioned: a new text version needs a new consent; withdrawing is recorded, never deleted.
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'id_processing' | 'privacy' | 'guardian'>().notNull(),
    version: text('version').notNull(),
    // 'self', 'guardian', or 'staff:<account id>' when staff recorded a paper consent.
    givenBy: text('given_by').notNull(),
    ip: text('ip').notNull().default(''),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('consents_volunteer_idx').on(t.volunteerId, t.kind)],
);

// What the built-in SMS adapter "sends": recorded here, shown to admins as the message outbox, and logged.
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phone: text('phone').notNull(),
    purpose: text('purpose').notNull(),
    text: text('text').notNull(),
    // The unit the message concerns, for scoped reading in the console ('' = district-wide, e.g. sign-in codes).
    unitCode: text('unit_code').notNull().default(''),
    status: text('status').$type<'recorded' | 'sent' | 'failed'>().notNull().default('recorded'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_outbox_created_idx').on(t.createdAt, t.id), index('sms_outbox_phone_idx').on(t.phone, t.createdAt)],
);

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phone: text('phone').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    ip: text('ip').notNull().default(''),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('otp_codes_phone_idx').on(t.phone, t.purpose, t.createdAt), index('otp_codes_ip_idx').on(t.ip, t.createdAt)],
);
