// Queries of the certificates module: the register (scope by the issuing unit's code, keyset on requested_at),
// one certificate with its names, the approved records a period covers, and the writes of issue and revoke.
import { aliasedTable, and, asc, desc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client';
import { certificateRecords, certificates, type CertificateStatus } from '../../db/schema/certificates';
import { serviceRecords } from '../../db/schema/hours';
import { activities } from '../../db/schema/activities';
import { volunteers } from '../../db/schema/volunteers';
import { units } from '../../db/schema/network';
import { accounts } from '../../db/schema/accounts';
import { escapeLike } from '../../platform/policy';

export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateJoined = CertificateRow & {
  volunteerName: string;
  volunteerNumber: string;
  volunteerPhone: string;
  issuingUnitName: string;
  requestedByName: string | null;
};

const requester = aliasedTable(accounts, 'requester');

function selectJoined(db: DbOrTx) {
  return db
    .select({
      ...getTableColumns(certificates),
      volunteerName: volunteers.name,
      volunteerNumber: volunteers.number,
      volunteerPhone: volunteers.phone,
      issuingUnitName: units.name,
      requestedByName: requester.name,
    })
    .from(certificates)
    .innerJoin(volunteers, eq(volunteers.id, certificates.volunteerId))
    .innerJoin(units, eq(units.id, certificates.issuingUnitId))
    .leftJoin(requester, eq(requester.id, certificates.requestedBy));
}

export async function findCertificate(db: DbOrTx, id: string): Promise<CertificateJoined | null> {
  const [row] = await selectJoined(db).where(eq(certificates.id, id));
  return row ?? null;
}

export async function findByNumber(db: DbOrTx, number: string): Promise<CertificateJoined | null> {
  const [row] = await selectJoined(db).where(eq(certificates.number, number));
  return row ?? null;
}

/** Takes the row lock that serialises decisions on one certificate. */
export async function lockCertificate(db: DbOrTx, id: string): Promise<void> {
  await db.select({ id: certificates.id }).from(certificates).where(eq(certificates.id, id)).for('update');
}

/** `scope` absent only for a volunteer's own list (volunteerId set). */
export type RegisterFilter = { scope?: SQL; underCode?: string; status?: CertificateStatus; q?: string; volunteerId?: string };

/** Newest request first, keyset on (requested_at, id). */
export async function listCertificates(db: DbOrTx, f: RegisterFilter & { after: [string, string] | null; limit: number }): Promise<CertificateJoined[]> {
  const q = f.q?.trim();
  const where = and(
    f.scope,
    f.underCode ? sql`${certificates.issuingUnitCode} like ${escapeLike(f.underCode) + '%'}` : undefined,
    f.status ? eq(certificates.status, f.status) : undefined,
    f.volunteerId ? eq(certificates.volunteerId, f.volunteerId) : undefined,
    q ? or(ilike(volunteers.name, `%${escapeLike(q)}%`), eq(volunteers.number, q), eq(certificates.number, q)) : undefined,
    f.after ? sql`(${certificates.requestedAt}, ${certificates.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
  );
  return selectJoined(db)
    .where(where)
    .orderBy(desc(certificates.requestedAt), desc(certificates.id))
    .limit(f.limit + 1);
}

export async function insertCertificate(db: DbOrTx, values: typeof certificates.$inferInsert): Promise<string> {
  const [row] = await db.insert(certificates).values(values).returning({ id: certificates.id });
  return row.id;
}

export async function updateCertificate(db: DbOrTx, id: string, values: Partial<typeof certificates.$inferInsert>): Promise<void> {
  await db.update(certificates).set(values).where(eq(certificates.id, id));
}

export async function openRequestFor(db: DbOrTx, volunteerId: string, from: string, to: string): Promise<boolean> {
  const [row] = await db
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.volunteerId, volunteerId), eq(certificates.status, 'requested'), eq(certificates.periodFrom, from), eq(certificates.periodTo, to)))
    .limit(1);
  return !!row;
}

export type VolunteerFacts = {
  id: string;
  name: string;
  number: string;
  phone: string;
  idMasked: string;
  homeUnitId: string | null;
  homeUnitCode: string;
  mergedInto: string | null;
  erasedAt: Date | null;
};

export async function findVolunteer(db: DbOrTx, id: string): Promise<VolunteerFacts | null> {
  const [row] = await db
    .select({
      id: volunteers.id,
      name: volunteers.name,
      number: volunteers.number,
      phone: volunteers.phone,
      idMasked: volunteers.idMasked,
      homeUnitId: volunteers.homeUnitId,
      homeUnitCode: volunteers.homeUnitCode,
      mergedInto: volunteers.mergedInto,
      erasedAt: volunteers.erasedAt,
    })
    .from(volunteers)
    .where(eq(volunteers.id, id));
  return row ?? null;
}

export async function findUnitFacts(db: DbOrTx, id: string): Promise<{ id: string; code: string; name: string; contactPhone: string } | null> {
  const [row] = await db.select({ id: units.id, code: units.code, name: units.name, contactPhone: units.contactPhone }).from(units).where(eq(units.id, id));
  return row ?? null;
}

export type CoveredRecord = { id: string; startedAt: Date; minutes: number; title: string; unitName: string };

/**
 * Approved records (corrected ones count once: their earlier versions are 'superseded') that start within
 * [from, toNext). With `lock`, the rows stay put until the certificate is written, so a correction being approved
 * at the same moment waits and then finds them frozen.
 */
export async function approvedRecords(db: DbOrTx, o: { volunteerId: string; from: Date; toNext: Date; lock?: boolean; limit: number }): Promise<CoveredRecord[]> {
  const query = db
    .select({ id: serviceRecords.id, startedAt: serviceRecords.startedAt, minutes: serviceRecords.minutes, title: activities.title, unitName: units.name })
    .from(serviceRecords)
    .innerJoin(activities, eq(activities.id, serviceRecords.activityId))
    .innerJoin(units, eq(units.id, serviceRecords.unitId))
    .where(
      and(
        eq(serviceRecords.volunteerId, o.volunteerId),
        eq(serviceRecords.status, 'approved'),
        sql`${serviceRecords.startedAt} >= ${o.from}`,
        sql`${serviceRecords.startedAt} < ${o.toNext}`,
      ),
    )
    .orderBy(asc(serviceRecords.startedAt), asc(serviceRecords.id))
    .limit(o.limit + 1);
  return o.lock ? query.for('update', { of: serviceRecords }) : query;
}

export async function nextNumber(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select nextval('certificate_number_seq')::int as n`));
  return Number(row.n);
}

/** Links the records to the certificate and freezes them (no more corrections). */
export async function freezeRecords(db: DbOrTx, certificateId: string, recordIds: string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await db
    .insert(certificateRecords)
    .values(recordIds.map((recordId) => ({ certificateId, recordId })))
    .onConflictDoNothing();
  await db.update(serviceRecords).set({ frozen: true }).where(inArray(serviceRecords.id, recordIds));
}

/** After a revocation: thaw the records no other issued certificate still covers. */
export async function thawRecords(db: DbOrTx, certificateId: string): Promise<number> {
  const rows = await db.execute(sql`
    update ${serviceRecords} r set frozen = false
    where r.id in (select record_id from ${certificateRecords} where certificate_id = ${certificateId})
      and not exists (
        select 1 from ${certificateRecords} cr join ${certificates} c on c.id = cr.certificate_id
        where cr.record_id = r.id and c.id <> ${certificateId} and c.status = 'issued')
    returning r.id`);
  return rowsOf(rows).length;
}
