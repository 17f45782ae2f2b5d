// Inserts the planned volunteer population: accounts of self-registered volunteers, volunteers (ID numbers only
// encrypted + hashed, via storedIdentity), their consents and team memberships. Multi-row inserts of 500 rows
// keep the first start of the product within a few seconds on the embedded database.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { accounts, roleGrants } from '../db/schema/accounts';
import { units } from '../db/schema/network';
import { consents, volunteers } from '../db/schema/volunteers';
import { teamMembers } from '../db/schema/teams';
import type { FieldCipher } from '../platform/crypto';
import { hashPassword } from '../platform/passwords';
import { consentTexts } from '../../common/consents';
import { storedIdentity } from '../modules/volunteers/volunteer-identity';
import { DEMO_PASSWORD } from './accounts';
import { planPopulation, type PersonPlan } from './registry-population';
import type { SeededTeam } from './registry';

/** The demo volunteer documented in the README (signs in on the H5 with the demo password; leads 蒲公英). */
export const DEMO_VOLUNTEER_PHONE = '13900000001';
export const DEMO_POPULATION = 5000;

const CHUNK = 500;
const HOUR = 3_600_000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function seedVolunteers(
  tx: Tx,
  o: { cipher: FieldCipher; teams: SeededTeam[]; now: Date; takenPhones: Set<string>; skills: string[]; total?: number },
): Promise<{ id: string; homeUnitCode: string }[]> {
  const stations = await tx.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.level, 'station')).orderBy(units.code);
  if (stations.length === 0 || o.teams.length === 0) return [];
  // Staff phones are accounts too: a volunteer account must not take one.
  for (const a of await tx.select({ phone: accounts.phone }).from(accounts)) o.takenPhones.add(a.phone);
  // Staff registrations and imports are attributed to the district admin, as a demo has no better author.
  const [staff] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.role, 'district_admin')))
    .limit(1);
  const staffId = staff?.id ?? null;
  const { people, memberships } = planPopulation({ total: o.total ?? DEMO_POPULATION, teams: o.teams, stations, now: o.now, takenPhones: o.takenPhones, skills: o.skills });

  // Self-registered volunteers signed up on the H5, which made them an account; staff-entered ones have none yet.
  const demoHash = await hashPassword(DEMO_PASSWORD);
  const accountOf = new Map<string, string>();
  const accountRows = people
    .filter((p) => p.source === 'self')
    .map((p) => {
      const id = randomUUID();
      accountOf.set(p.id, id);
      return { id, phone: p.phone, name: p.name, passwordHash: p.isDemo ? demoHash : null, createdAt: p.createdAt, updatedAt: p.createdAt };
    });
  await insertChunked(accountRows, (c) => tx.insert(accounts).values(c));

  const volunteerRow = (p: PersonPlan) => {
    const { idCipher, idHash, idMasked } = storedIdentity(o.cipher, p.idNumber);
    const reviewed = p.source === 'self' && p.status !== 'pending';
    return {
      id: p.id,
      accountId: accountOf.get(p.id) ?? null,
      name: p.name,
      phone: p.phone,
      idCipher,
      idHash,
      idMasked,
      gender: p.gender,
      birthDate: p.birthDate,
      skills: p.skills,
      availability: p.availability,
      homeUnitId: p.station.id,
      homeUnitCode: p.station.code,
      status: p.status,
      source: p.source,
      registeredBy: p.source === 'self' ? null : staffId,
      guardianName: p.guardian?.name ?? null,
      guardianPhone: p.guardian?.phone ?? null,
      guardianRelation: p.guardian?.relation ?? null,
      reviewedBy: reviewed ? staffId : null,
      reviewedAt: reviewed ? new Date(p.createdAt.getTime() + 20 * HOUR) : null,
      createdAt: p.createdAt,
      updatedAt: p.createdAt,
    };
  };
  await insertChunked(people, (c) => tx.insert(volunteers).values(c.map(volunteerRow)));

  // Paper consents taken by staff are recorded as given by that staff member.
  const consentRows = people.flatMap((p) => {
    const givenBy = p.source === 'self' ? 'self' : `staff:${staffId ?? 'seed'}`;
    const row = (kind: 'privacy' | 'id_processing' | 'guardian', by = givenBy) => ({ volunteerId: p.id, kind, version: consentTexts[kind].version, givenBy: by, acceptedAt: p.createdAt });
    return [row('privacy'), row('id_processing'), ...(p.age < 14 ? [row('guardian', 'guardian')] : [])];
  });
  await insertChunked(consentRows, (c) => tx.insert(consents).values(c));
  await insertChunked(memberships, (c) => tx.insert(teamMembers).values(c.map((m) => ({ ...m, decidedBy: m.status === 'pending' ? null : staffId }))));

  return people.filter((p) => p.status === 'active').map((p) => ({ id: p.id, homeUnitCode: p.station.code }));
}
