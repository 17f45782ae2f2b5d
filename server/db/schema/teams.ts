// Volunteer teams (of a unit, or of an outside organization under a unit), their members and join requests,
// and membership of the district volunteer federation.
import { pgTable, text, timestamp, uuid, index, uniqueIndex, customType } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { units } from './network';
import { volunteers } from './volunteers';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type TeamMemberRole = 'leader' | 'vice_leader' | 'member';
export type TeamMemberStatus = 'pending' | 'active' | 'rejected' | 'left' | 'removed';
export type FederationStatus = 'none' | 'applied' | 'member' | 'rejected';

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // 'unit': the team of a center / institute / station; 'organization': of a government unit, school, company…
    // Either way unitId is the unit whose staff oversee it (scope).
    kind: text('kind').$type<'unit' | 'organization'>().notNull().default('unit'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitCode: text('unit_code').notNull(),
    orgName: text('org_name'),
    orgType: text('org_type').$type<'government' | 'school' | 'company' | 'social'>(),
    specialty: text('specialty').notNull(),
    intro: text('intro').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    // Token in the team's join QR code (short, unguessable, can be regenerated).
    joinToken: text('join_token').notNull(),
    status: text('status').$type<'active' | 'dissolved'>().notNull().default('active'),
    federationStatus: text('federation_status').$type<FederationStatus>().notNull().default('none'),
    federationAppliedAt: timestamp('federation_applied_at', { withTimezone: true }),
    federationDecidedAt: timestamp('federation_decided_at', { withTimezone: true }),
    federationNote: text('federation_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('teams_name_uq').on(t.name),
    uniqueIndex('teams_join_token_uq').on(t.joinToken),
    index('teams_unit_code_idx').using('btree', sql`${t.unitCode} text_pattern_ops`),
    index('teams_unit_idx').on(t.unitId),
  ],
);

export const teamLogos = pgTable('team_logos', {
  teamId: uuid('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  mime: text('mime').notNull(),
  data: bytea('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    role: text('role').$type<TeamMemberRole>().notNull().default('member'),
    status: text('status').$type<TeamMemberStatus>().notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    note: text('note'),
  },
  (t) => [uniqueIndex('team_members_uq').on(t.teamId, t.volunteerId), index('team_members_volunteer_idx').on(t.volunteerId)],
);

// The roster column mapping a unit used last time, offered again on its next import.
export const importMappings = pgTable('import_mappings', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id, { onDelete: 'cascade' }),
  mapping: text('mapping').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
