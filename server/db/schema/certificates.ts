// Service record certificates (志愿服务记录证明): requested for a period, approved by the issuing unit, frozen
// as a snapshot with a number and a signed verification code; revocable; every one is in the register.
import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, index, uniqueIndex, jsonb, primaryKey, pgSequence } from 'drizzle-orm/pg-core';
import { volunteers } from './volunteers';
import { units } from './network';
import { serviceRecords } from './hours';

export const certificateNumberSeq = pgSequence('certificate_number_seq', { startWith: 1 });

export type CertificateStatus = 'requested' | 'issued' | 'rejected' | 'revoked';

/** What the certificate says, frozen at issue (the national rule's fields; the ID number only masked). */
export type CertificateSnapshot = {
  name: string;
  idType: string;
  idMasked: string;
  volunteerNumber: string;
  totalMinutes: number;
  items: { date: string; title: string; unitName: string; minutes: number }[];
  issuer: string;
  personInCharge: string;
  handler: string;
  handlerPhone: string;
};

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Given at issue: 'LW' + year + 6 digits from certificate_number_seq.
    number: text('number'),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    status: text('status').$type<CertificateStatus>().notNull().default('requested'),
    issuingUnitId: uuid('issuing_unit_id')
      .notNull()
      .references(() => units.id),
    issuingUnitCode: text('issuing_unit_code').notNull(),
    purpose: text('purpose').notNull().default(''),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    snapshot: jsonb('snapshot').$type<CertificateSnapshot>(),
    // HMAC over the number and the snapshot's key facts; the QR code's verification code carries it.
    signature: text('signature'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('certificates_number_uq').on(t.number),
    index('certificates_volunteer_idx').on(t.volunteerId, t.requestedAt),
    index('certificates_scope_idx').using('btree', sql`${t.issuingUnitCode} text_pattern_ops`, t.status, t.requestedAt),
  ],
);

// The records a certificate covers (they are frozen from then on).
export const certificateRecords = pgTable(
  'certificate_records',
  {
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    recordId: uuid('record_id')
      .notNull()
      .references(() => serviceRecords.id),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.recordId] }), index('certificate_records_record_idx').on(t.recordId)],
);
