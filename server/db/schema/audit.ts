// The append-only audit log. A trigger (migration 0001) refuses UPDATE and DELETE on this table.
import { pgTable, text, timestamp, uuid, jsonb, bigserial, index } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull().default(''),
    ip: text('ip').notNull().default(''),
    action: text('action').notNull(),
    objectType: text('object_type').notNull().default(''),
    objectId: text('object_id').notNull().default(''),
    // The unit the event concerns; admins read the log of their scope by code prefix.
    unitCode: text('unit_code').notNull().default(''),
    result: text('result').$type<'ok' | 'denied' | 'failed'>().notNull().default('ok'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_unit_code_idx').using('btree', t.unitCode.op('text_pattern_ops'), t.id), index('audit_at_idx').on(t.at)],
);
