// Queries of the roster import. Everything here works in bulk: look-ups take a whole list of keys and run in
// batches (`= any(array)`), writes insert thousands of rows per statement (json_to_recordset), so a 100,000-row
// roster costs a few dozen statements, not 100,000 round trips.
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client';
import { escapeLike } from '../../platform/policy';
import { consentTexts } from '../../../common/consents';

export const LOOKUP_BATCH = 5000;
const WRITE_BATCH = 2000;

export type TeamRow = { id: string; name: string; status: string; unitId: string; unitCode: string; unitName: string; unitLevel: 'center' | 'institute' | 'station' };
export type RegistryMatch = { id: string; number: string; name: string; phone: string; idHash: string | null; idMasked: string };
export type Station = { id: string; code: string; name: string };

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

// A comma-joined text parameter split in SQL: one parameter per batch, and both drivers pass it the same way.
// Only for values that cannot hold a comma (hex hashes, digits, uuids).
const list = (xs: string[]) => sql`string_to_array(${xs.join(',')}, ',')`;

export async function findTeam(db: DbOrTx, id: string): Promise<TeamRow | null> {
  const [row] = rowsOf<TeamRow>(
    await db.execute(sql`select t.id, t.name, t.status, t.unit_id as "unitId", t.unit_code as "unitCode", u.name as "unitName", u.level as "unitLevel"
      from teams t join units u on u.id = t.unit_id where t.id = ${id}`),
  );
  return row ?? null;
}

/** Active teams in the given unit subtrees, by name fragment; for the console's team picker. */
export async function teamsIn(db: DbOrTx, codes: string[], q: string | undefined, limit: number): Promise<TeamRow[]> {
  if (codes.length === 0) return [];
  const scope = sql.join(codes.map((c) => sql`t.unit_code like ${escapeLike(c) + '%'}`), sql` or `);
  const match = q ? sql`and t.name like ${'%' + escapeLike(q) + '%'}` : sql``;
  return rowsOf<TeamRow>(
    await db.execute(sql`select t.id, t.name, t.status, t.unit_id as "unitId", t.unit_code as "unitCode", u.name as "unitName", u.level as "unitLevel"
      from teams t join units u on u.id = t.unit_id
      where t.status = 'active' and (${scope}) ${match} order by t.unit_code, t.name limit ${limit}`),
  );
}

export async function rememberedMapping(db: DbOrTx, unitId: string): Promise<string | null> {
  const [row] = rowsOf<{ mapping: string }>(await db.execute(sql`select mapping from import_mappings where unit_id = ${unitId}`));
  return row?.mapping ?? null;
}

export async function rememberMapping(db: DbOrTx, unitId: string, mapping: string, now: Date): Promise<void> {
  await db.execute(sql`insert into import_mappings (unit_id, mapping, updated_at) values (${unitId}, ${mapping}, ${now.toISOString()})
    on conflict (unit_id) do update set mapping = excluded.mapping, updated_at = excluded.updated_at`);
}

export async function activeStationsUnder(db: DbOrTx, code: string): Promise<Station[]> {
  return rowsOf<Station>(
    await db.execute(sql`select id, code, name from units where level = 'station' and status = 'active' and code like ${escapeLike(code) + '%'}`),
  );
}

/** Live (not merged, not erased) volunteers whose `column` holds any of `values`, looked up in batches. */
async function liveVolunteersBy(db: DbOrTx, column: 'id_hash' | 'phone', values: string[]): Promise<RegistryMatch[]> {
  const out: RegistryMatch[] = [];
  for (const batch of chunks(values, LOOKUP_BATCH)) {
    out.push(
      ...rowsOf<RegistryMatch>(
        await db.execute(sql`select id, number, name, phone, id_hash as "idHash", id_masked as "idMasked" from volunteers
          where ${sql.identifier(column)} = any(${list(batch)}) and merged_into is null and erased_at is null`),
      ),
    );
  }
  return out;
}

/** Live volunteers holding any of these ID hashes. */
export function volunteersByIdHash(db: DbOrTx, hashes: string[]): Promise<RegistryMatch[]> {
  return liveVolunteersBy(db, 'id_hash', hashes);
}

/** Live volunteers with any of these phones. */
export function volunteersByPhone(db: DbOrTx, phones: string[]): Promise<RegistryMatch[]> {
  return liveVolunteersBy(db, 'phone', phones);
}

/** Status of each of these volunteers' membership in the team (absent = never asked to join). */
export async function membershipStatuses(db: DbOrTx, teamId: string, volunteerIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batch of chunks(volunteerIds, LOOKUP_BATCH)) {
    const rows = rowsOf<{ v: string; s: string }>(
      await db.execute(sql`select volunteer_id as v, status as s from team_members where team_id = ${teamId} and volunteer_id = any(${list(batch)}::uuid[])`),
    );
    for (const r of rows) out.set(r.v, r.s);
  }
  return out;
}

export type NewVolunteer = {
  name: string;
  phone: string;
  idCipher: string;
  idHash: string;
  idMasked: string;
  birthDate: string;
  gender: string;
  skills: string[];
  homeUnitId: string;
  homeUnitCode: string;
};

/** Inserts the volunteers and, in the same statement, their active membership of the team and their paper consents. */
export async function insertVolunteersWithMembership(
  tx: DbOrTx,
  rows: NewVolunteer[],
  opts: { teamId: string; accountId: string | null; now: Date },
): Promise<number> {
  let n = 0;
  const now = opts.now.toISOString();
  for (const batch of chunks(rows, WRITE_BATCH)) {
    const res = rowsOf<{ n: number }>(
      await tx.execute(sql`with src as (
          select * from json_to_recordset(${JSON.stringify(batch)}::json)
            as x("name" text, "phone" text, "idCipher" text, "idHash" text, "idMasked" text, "birthDate" date, "gender" text,
                 "skills" json, "homeUnitId" uuid, "homeUnitCode" text)
        ), ins as (
          insert into volunteers (name, phone, id_cipher, id_hash, id_masked, birth_date, gender, skills, home_unit_id, home_unit_code,
                                  status, source, registered_by, created_at, updated_at)
          select "name", "phone", "idCipher", "idHash", "idMasked", "birthDate", "gender",
                 array(select json_array_elements_text("skills")), "homeUnitId", "homeUnitCode",
                 'active', 'import', ${opts.accountId}::uuid, ${now}::timestamptz, ${now}::timestamptz
          from src
          returning id
        ), mem as (
          insert into team_members (team_id, volunteer_id, role, status, requested_at, joined_at, decided_by)
          select ${opts.teamId}::uuid, id, 'member', 'active', ${now}::timestamptz, ${now}::timestamptz, ${opts.accountId}::uuid from ins
          returning 1
        ), con as (
          -- The unit holds the people's signed consents; the importing staff member confirmed so (paper consent).
          insert into consents (volunteer_id, kind, version, given_by, accepted_at)
          select id, k.kind, k.version, ${'staff:' + (opts.accountId ?? 'cli')}, ${now}::timestamptz
          from ins cross join (values ('privacy', ${consentTexts.privacy.version}), ('id_processing', ${consentTexts.id_processing.version})) as k(kind, version)
        )
        select count(*)::int as n from mem`),
    );
    n += Number(res[0]?.n ?? 0);
  }
  return n;
}

/** Makes these volunteers active members of the team: new rows, or former/pending members reactivated. */
export async function activateMemberships(tx: DbOrTx, opts: { teamId: string; volunteerIds: string[]; accountId: string | null; now: Date }): Promise<number> {
  let n = 0;
  const now = opts.now.toISOString();
  for (const batch of chunks(opts.volunteerIds, WRITE_BATCH)) {
    const res = rowsOf<{ n: number }>(
      await tx.execute(sql`with up as (
          insert into team_members (team_id, volunteer_id, role, status, requested_at, joined_at, decided_by)
          select ${opts.teamId}::uuid, v, 'member', 'active', ${now}::timestamptz, ${now}::timestamptz, ${opts.accountId}::uuid
          from unnest(${list(batch)}::uuid[]) as v
          on conflict (team_id, volunteer_id) do update
            set status = 'active', joined_at = excluded.joined_at, ended_at = null, decided_by = excluded.decided_by
            where team_members.status <> 'active'
          returning 1)
        select count(*)::int as n from up`),
    );
    n += Number(res[0]?.n ?? 0);
  }
  return n;
}

export type FieldUpdate = { id: string; name: string | null; phone: string | null };

/** Applies the roster's name and/or phone where staff chose the roster's value over the registry's. */
export async function updateNamesAndPhones(tx: DbOrTx, updates: FieldUpdate[], now: Date): Promise<void> {
  for (const batch of chunks(updates, WRITE_BATCH)) {
    await tx.execute(sql`update volunteers v set name = coalesce(x.name, v.name), phone = coalesce(x.phone, v.phone), updated_at = ${now.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(batch)}::json) as x(id uuid, name text, phone text) where v.id = x.id`);
  }
}

export type IdentityFill = { id: string; idCipher: string; idHash: string; idMasked: string; birthDate: string; gender: string };

/**
 * Sets the ID number of registry records matched by phone and name: where they had none, or (`replace`) where
 * staff chose the roster's number over the registry's.
 */
export async function setIdentities(tx: DbOrTx, fills: IdentityFill[], now: Date, replace: boolean): Promise<void> {
  for (const batch of chunks(fills, WRITE_BATCH)) {
    await tx.execute(sql`update volunteers v set id_cipher = x."idCipher", id_hash = x."idHash", id_masked = x."idMasked",
        birth_date = x."birthDate", gender = x.gender, updated_at = ${now.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(batch)}::json) as x(id uuid, "idCipher" text, "idHash" text, "idMasked" text, "birthDate" date, gender text)
      where v.id = x.id ${replace ? sql`` : sql`and v.id_hash is null`}`);
  }
}
