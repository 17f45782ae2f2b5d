// Queries on sign-ups and bookings: counts per kind, the waiting list in order, a person's sign-up, and the
// eligibility facts (skills, live qualifications). The runner's list and the volunteer's own list are in
// signup-lists.repo.ts.
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { attendances, signups, type SignupKind } from '../../db/schema/attendance';
import { volunteers } from '../../db/schema/volunteers';
import { qualifications } from '../../db/schema/training';

export type SignupRow = typeof signups.$inferSelect;
export type PlaceCounts = { confirmed: number; waitlisted: number };
export type ActivityCounts = { volunteer: PlaceCounts; citizen: PlaceCounts };

/** The 1-based place of a waitlisted sign-up in its queue (by created_at, then id), as a column expression. */
export const positionSql = (s: { id: unknown; activityId: unknown; kind: unknown; status: unknown; createdAt: unknown }): SQL<number | null> => sql<number | null>`
  case when ${s.status} = 'waitlisted' then (
    select count(*)::int from ${signups} w
    where w.activity_id = ${s.activityId} and w.kind = ${s.kind} and w.status = 'waitlisted'
      and (w.created_at, w.id) <= (${s.createdAt}, ${s.id})
  ) end`;

export async function countsOf(db: DbOrTx, activityId: string): Promise<ActivityCounts> {
  const rows = await db
    .select({ kind: signups.kind, status: signups.status, n: sql<number>`count(*)::int` })
    .from(signups)
    .where(and(eq(signups.activityId, activityId), ne(signups.status, 'cancelled')))
    .groupBy(signups.kind, signups.status);
  const out: ActivityCounts = { volunteer: { confirmed: 0, waitlisted: 0 }, citizen: { confirmed: 0, waitlisted: 0 } };
  for (const r of rows) if (r.status !== 'cancelled') out[r.kind][r.status] = Number(r.n);
  return out;
}

export async function confirmedCount(db: DbOrTx, activityId: string, kind: SignupKind): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signups)
    .where(and(eq(signups.activityId, activityId), eq(signups.kind, kind), eq(signups.status, 'confirmed')));
  return Number(row?.n ?? 0);
}

/** When the latest sign-up of this kind was taken (the end of the queue), if any. */
export async function lastTakenAt(db: DbOrTx, activityId: string, kind: SignupKind): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | Date | null>`max(${signups.createdAt})` })
    .from(signups)
    .where(and(eq(signups.activityId, activityId), eq(signups.kind, kind)));
  return row?.at ? new Date(row.at) : null;
}

export async function positionOf(db: DbOrTx, s: SignupRow): Promise<number | null> {
  if (s.status !== 'waitlisted') return null;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signups)
    .where(
      and(
        eq(signups.activityId, s.activityId),
        eq(signups.kind, s.kind),
        eq(signups.status, 'waitlisted'),
        sql`(${signups.createdAt}, ${signups.id}) <= (${s.createdAt.toISOString()}::timestamptz, ${s.id}::uuid)`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** The volunteer's live sign-up for the activity, or else their latest cancelled one. */
export async function latestVolunteerSignup(db: DbOrTx, activityId: string, volunteerId: string, lock = false): Promise<SignupRow | null> {
  const q = db
    .select()
    .from(signups)
    .where(and(eq(signups.activityId, activityId), eq(signups.volunteerId, volunteerId)))
    .orderBy(sql`(${signups.status} = 'cancelled')`, desc(signups.createdAt), desc(signups.id))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function liveCitizenBooking(db: DbOrTx, activityId: string, phone: string): Promise<SignupRow | null> {
  const [row] = await db
    .select()
    .from(signups)
    .where(and(eq(signups.activityId, activityId), eq(signups.kind, 'citizen'), eq(signups.phone, phone), ne(signups.status, 'cancelled')));
  return row ?? null;
}

export async function findSignup(db: DbOrTx, id: string, lock = false): Promise<SignupRow | null> {
  const q = db.select().from(signups).where(eq(signups.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findByToken(db: DbOrTx, token: string, lock = false): Promise<SignupRow | null> {
  const q = db.select().from(signups).where(eq(signups.manageToken, token));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertSignup(db: DbOrTx, values: typeof signups.$inferInsert): Promise<SignupRow> {
  const [row] = await db.insert(signups).values(values).returning();
  return row;
}

export async function markCancelled(db: DbOrTx, id: string, by: string | null, now: Date): Promise<SignupRow> {
  const [row] = await db.update(signups).set({ status: 'cancelled', cancelledAt: now, cancelledBy: by }).where(eq(signups.id, id)).returning();
  return row;
}

export type Promoted = SignupRow & { volunteerPhone: string | null };

/** Moves the first `n` of the waiting list up to confirmed; returns them with the phone to tell them on. */
export async function promoteOldest(db: DbOrTx, activityId: string, kind: SignupKind, n: number, now: Date): Promise<Promoted[]> {
  if (n <= 0) return [];
  const first = await db
    .select({ id: signups.id })
    .from(signups)
    .where(and(eq(signups.activityId, activityId), eq(signups.kind, kind), eq(signups.status, 'waitlisted')))
    .orderBy(asc(signups.createdAt), asc(signups.id))
    .limit(n)
    .for('update');
  if (first.length === 0) return [];
  const rows = await db
    .update(signups)
    .set({ status: 'confirmed', promotedAt: now })
    .where(inArray(signups.id, first.map((r) => r.id)))
    .returning();
  const phones = await volunteerPhones(db, rows.map((r) => r.volunteerId).filter((v): v is string => v !== null));
  return rows.map((r) => ({ ...r, volunteerPhone: r.volunteerId ? (phones.get(r.volunteerId) ?? null) : null }));
}

export async function volunteerPhones(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: volunteers.id, phone: volunteers.phone }).from(volunteers).where(inArray(volunteers.id, ids));
  return new Map(rows.map((r) => [r.id, r.phone]));
}

export type VolunteerFacts = { id: string; name: string; number: string; phone: string; status: string; skills: string[]; gone: boolean };

export async function volunteerFacts(db: DbOrTx, id: string): Promise<VolunteerFacts | null> {
  const [row] = await db
    .select({
      id: volunteers.id,
      name: volunteers.name,
      number: volunteers.number,
      phone: volunteers.phone,
      status: volunteers.status,
      skills: volunteers.skills,
      gone: sql<boolean>`(${volunteers.mergedInto} is not null or ${volunteers.erasedAt} is not null)`,
    })
    .from(volunteers)
    .where(eq(volunteers.id, id));
  return row ?? null;
}

/** Which of `names` the volunteer holds as a live qualification (not revoked, not expired at `now`). */
export async function liveQualifications(db: DbOrTx, volunteerId: string, names: string[], now: Date): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ name: qualifications.name })
    .from(qualifications)
    .where(
      and(
        eq(qualifications.volunteerId, volunteerId),
        inArray(qualifications.name, names),
        sql`${qualifications.revokedAt} is null`,
        sql`(${qualifications.expiresAt} is null or ${qualifications.expiresAt} > ${now.toISOString()}::timestamptz)`,
      ),
    );
  return new Set(rows.map((r) => r.name));
}

/** Check-in/out pairs of the volunteer at the activity that began in [from, to). */
export async function pairsBetween(db: DbOrTx, activityId: string, volunteerId: string, from: Date, to: Date): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${attendances}
      where activity_id = ${activityId} and volunteer_id = ${volunteerId}
        and checked_in_at >= ${from.toISOString()}::timestamptz and checked_in_at < ${to.toISOString()}::timestamptz`),
  );
  return Number(row?.n ?? 0);
}
