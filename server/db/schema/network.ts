// The practice network: units (center → institutes → stations), sites (实践点/阵地) with their civic codes,
// and belts (themed routes of sites). Units are keyed by area-style codes; scope checks are code-prefix tests.
import { pgTable, text, integer, doublePrecision, timestamp, jsonb, uuid, index, uniqueIndex, primaryKey, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    level: text('level').$type<'center' | 'institute' | 'station'>().notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    intro: text('intro').notNull().default(''),
    status: text('status').$type<'active' | 'closed'>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_uq').on(t.code),
    index('units_parent_idx').on(t.parentId),
    // text_pattern_ops lets `code LIKE 'prefix%'` use the index under any collation.
    index('units_code_prefix_idx').using('btree', t.code.op('text_pattern_ops')),
  ],
);

export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    // Denormalized from the unit so scope filters on sites are one indexed prefix test, no join.
    unitCode: text('unit_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    openingHours: text('opening_hours').notNull().default(''),
    facilities: jsonb('facilities').$type<string[]>().notNull().default([]),
    capacity: integer('capacity'),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    intro: text('intro').notNull().default(''),
    status: text('status').$type<'open' | 'closed' | 'suspended'>().notNull().default('open'),
    civicToken: text('civic_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sites_civic_token_uq').on(t.civicToken),
    // A unit's sites are told apart by name: the import matches rows on (unit code, name).
    uniqueIndex('sites_unit_name_uq').on(t.unitId, t.name),
    index('sites_kind_idx').on(t.kind),
    index('sites_unit_code_idx').using('btree', t.unitCode.op('text_pattern_ops')),
  ],
);

// Tokens that were replaced keep pointing at their site so the old QR can say "this code has been replaced".
export const retiredCivicTokens = pgTable(
  'retired_civic_tokens',
  {
    token: text('token').primaryKey(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
    retiredAt: timestamp('retired_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('retired_civic_tokens_site_idx').on(t.siteId)],
);

export const belts = pgTable(
  'belts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    theme: text('theme').notNull(),
    description: text('description').notNull().default(''),
    // Belts cross streets, so they belong to the unit that curates them (the center in Longwan).
    unitId: uuid('unit_id').notNull().references(() => units.id),
    unitCode: text('unit_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('belts_unit_code_idx').using('btree', t.unitCode.op('text_pattern_ops'))],
);

export const beltStops = pgTable(
  'belt_stops',
  {
    beltId: uuid('belt_id').notNull().references(() => belts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    siteId: uuid('site_id').notNull().references(() => sites.id),
  },
  (t) => [primaryKey({ columns: [t.beltId, t.position] }), index('belt_stops_site_idx').on(t.siteId)],
);
