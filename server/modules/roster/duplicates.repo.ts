// Queries of the de-duplication report and the merge. Groups are found with GROUP BY over the caller's scope
// (indexes on phone and on name + birth date); a merge moves every row that points at the merged volunteer.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client';

export type GroupKey = { reason: 'name_birth' | 'phone'; key: string };

export type MemberRow = {
  id: string;
  number: string;
  name: string;
  phone: string;
  idMasked: string;
  idHash: string | null;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  homeUnitId: string | null;
  homeUnitCode: string;
  homeUnitName: string | null;
  status: string;
  source: string;
  accountId: string | null;
  teams: number;
  createdAt: string | Date;
};

const live = sql`merged_into is null and erased_at is null`;

/** Group keys after `after`, in (reason, key) order; `key` is the phone, or a JSON [name, birthDate]. */
export async function duplicateKeys(db: DbOrTx, scope: SQL, after: GroupKey | null, limit: number): Promise<GroupKey[]> {
  const from = after ? sql`where (reason, k) > (${after.reason}, ${after.key})` : sql``;
  return rowsOf<GroupKey>(
    await db.execute(sql`with v as (select v.name, v.phone, v.birth_date from volunteers v where ${live} and (${scope})),
      g as (
        select 'phone' as reason, phone as k from v where phone <> '' group by phone having count(*) > 1
        union all
        select 'name_birth', json_build_array(name, birth_date)::text from v where birth_date is not null group by name, birth_date having count(*) > 1
      )
      select reason, k as key from g ${from} order by reason, k limit ${limit}`),
  );
}

const memberColumns = sql`v.id, v.number, v.name, v.phone, v.id_masked as "idMasked", v.id_hash as "idHash", v.gender, v.birth_date::text as "birthDate",
  v.home_unit_id as "homeUnitId", v.home_unit_code as "homeUnitCode", u.name as "homeUnitName", v.status, v.source, v.account_id as "accountId",
  (select count(*)::int from team_members m where m.volunteer_id = v.id and m.status = 'active') as teams, v.created_at as "createdAt"`;

/** The live volunteers in scope sharing one of these phones or name + birth date pairs. */
export async function groupMembers(db: DbOrTx, scope: SQL, phones: string[], nameBirths: [string, string][]): Promise<MemberRow[]> {
  const byPhone = phones.length ? sql`v.phone in (select json_array_elements_text(${JSON.stringify(phones)}::json))` : sql`false`;
  const byNameBirth = nameBirths.length
    ? sql`(v.name, v.birth_date) in (select x->>0, (x->>1)::date from json_array_elements(${JSON.stringify(nameBirths)}::json) x)`
    : sql`false`;
  return rowsOf<MemberRow>(
    await db.execute(sql`select ${memberColumns} from volunteers v left join units u on u.id = v.home_unit_id
      where v.merged_into is null and v.erased_at is null and (${scope}) and (${byPhone} or ${byNameBirth})
      order by v.created_at, v.id`),
  );
}

export async function volunteersForMerge(tx: DbOrTx, ids: string[]): Promise<(MemberRow & Record<string, unknown>)[]> {
  return rowsOf(
    await tx.execute(sql`select ${memberColumns}, v.id_cipher as "idCipher", v.skills, v.availability, v.guardian_name as "guardianName",
        v.guardian_phone as "guardianPhone", v.guardian_relation as "guardianRelation", v.service_minutes as "serviceMinutes",
        v.star_level as "starLevel", v.points, v.merged_into as "mergedInto", v.erased_at as "erasedAt"
      from volunteers v left join units u on u.id = v.home_unit_id where v.id in (${ids[0]}, ${ids[1]}) for update of v`),
  );
}

async function countOf(tx: DbOrTx, query: SQL): Promise<number> {
  return Number(rowsOf<{ n: number }>(await tx.execute(query))[0]?.n ?? 0);
}

const roleRank = (c: SQL) => sql`(case ${c} when 'leader' then 3 when 'vice_leader' then 2 else 1 end)`;
const statusRank = (c: SQL) => sql`(case ${c} when 'active' then 5 when 'pending' then 4 when 'left' then 3 when 'removed' then 2 else 1 end)`;

/** Points every row of `table` whose `column` names the merged volunteer at the kept one; how many moved. */
async function repoint(tx: DbOrTx, table: string, column: string, keepId: string, mergeId: string): Promise<number> {
  const col = sql.identifier(column);
  return countOf(tx, sql`with up as (update ${sql.identifier(table)} set ${col} = ${keepId} where ${col} = ${mergeId} returning 1) select count(*)::int as n from up`);
}

/** Memberships: a team both belong to keeps one row with the higher role and the livelier status. */
export async function moveMemberships(tx: DbOrTx, keepId: string, mergeId: string): Promise<number> {
  const combined = await countOf(
    tx,
    sql`with up as (update team_members k set
          role = case when ${roleRank(sql`m.role`)} > ${roleRank(sql`k.role`)} then m.role else k.role end,
          status = case when ${statusRank(sql`m.status`)} > ${statusRank(sql`k.status`)} then m.status else k.status end,
          joined_at = least(k.joined_at, m.joined_at),
          ended_at = case when k.status = 'active' or m.status = 'active' then null else greatest(k.ended_at, m.ended_at) end
        from team_members m where k.volunteer_id = ${keepId} and m.volunteer_id = ${mergeId} and m.team_id = k.team_id returning 1)
      select count(*)::int as n from up`,
  );
  await tx.execute(sql`delete from team_members m where m.volunteer_id = ${mergeId}
    and exists (select 1 from team_members k where k.volunteer_id = ${keepId} and k.team_id = m.team_id)`);
  const moved = await repoint(tx, 'team_members', 'volunteer_id', keepId, mergeId);
  return combined + moved;
}

/** Enrolments: a session both enrolled in keeps one row with what either recorded (attended, passed). */
export async function moveEnrolments(tx: DbOrTx, keepId: string, mergeId: string): Promise<number> {
  const combined = await countOf(
    tx,
    sql`with up as (update enrolments k set
          status = case when k.status = 'enrolled' or m.status = 'enrolled' then 'enrolled' else k.status end,
          attended = case when k.attended or m.attended then true else coalesce(k.attended, m.attended) end,
          passed = case when k.passed or m.passed then true else coalesce(k.passed, m.passed) end,
          recorded_at = coalesce(k.recorded_at, m.recorded_at), recorded_by = coalesce(k.recorded_by, m.recorded_by)
        from enrolments m where k.volunteer_id = ${keepId} and m.volunteer_id = ${mergeId} and m.session_id = k.session_id returning 1)
      select count(*)::int as n from up`,
  );
  await tx.execute(sql`delete from enrolments m where m.volunteer_id = ${mergeId}
    and exists (select 1 from enrolments k where k.volunteer_id = ${keepId} and k.session_id = m.session_id)`);
  const moved = await repoint(tx, 'enrolments', 'volunteer_id', keepId, mergeId);
  return combined + moved;
}

export async function moveAll(tx: DbOrTx, table: 'qualifications' | 'consents', keepId: string, mergeId: string): Promise<number> {
  return repoint(tx, table, 'volunteer_id', keepId, mergeId);
}

export async function movePhoto(tx: DbOrTx, keepId: string, mergeId: string): Promise<void> {
  await tx.execute(sql`update volunteer_photos set volunteer_id = ${keepId} where volunteer_id = ${mergeId}
    and not exists (select 1 from volunteer_photos where volunteer_id = ${keepId})`);
  await tx.execute(sql`delete from volunteer_photos where volunteer_id = ${mergeId}`);
}

/**
 * Taking part (issue 4): rows whose unique keys would collide when both records took part in the same thing, and
 * the hours the merged record earned. Runs before the generic move of other references.
 */
export async function settleParticipation(tx: DbOrTx, keepId: string, mergeId: string, now: Date): Promise<void> {
  // Both signed up for one activity: the kept record's sign-up stands, the other is cancelled.
  await tx.execute(sql`update signups m set status = 'cancelled', cancelled_at = ${now.toISOString()}::timestamptz
    where m.volunteer_id = ${mergeId} and m.status <> 'cancelled'
      and exists (select 1 from signups k where k.volunteer_id = ${keepId} and k.activity_id = m.activity_id and k.status <> 'cancelled')`);
  // Both checked in to one activity at once: the merged record's open pair is closed where it began.
  await tx.execute(sql`update attendances m set checked_out_at = m.checked_in_at, out_method = 'auto', auto_closed = true
    where m.volunteer_id = ${mergeId} and m.checked_out_at is null
      and exists (select 1 from attendances k where k.volunteer_id = ${keepId} and k.activity_id = m.activity_id and k.checked_out_at is null)`);
  await tx.execute(sql`delete from star_awards m where m.volunteer_id = ${mergeId}
    and exists (select 1 from star_awards k where k.volunteer_id = ${keepId} and k.level = m.level)`);
  // Approved minutes follow the records they come from; the confirmed level is the higher of the two.
  await tx.execute(sql`update volunteers k set service_minutes = k.service_minutes + m.service_minutes, star_level = greatest(k.star_level, m.star_level)
    from volunteers m where k.id = ${keepId} and m.id = ${mergeId}`);
}

const HANDLED = new Set(['team_members', 'enrolments', 'qualifications', 'consents', 'volunteer_photos', 'volunteers']);

/**
 * Records of later modules (service hours, sign-ups, certificates, …) that point at a volunteer by foreign key:
 * found in the catalog so a merge keeps them without this module knowing each table.
 */
export async function moveOtherReferences(tx: DbOrTx, keepId: string, mergeId: string): Promise<number> {
  const refs = rowsOf<{ tbl: string; col: string }>(
    await tx.execute(sql`select cl.relname as tbl, a.attname as col
      from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_namespace n on n.oid = cl.relnamespace
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'volunteers'::regclass and array_length(c.conkey, 1) = 1 and n.nspname = current_schema()`),
  ).filter((r) => !HANDLED.has(r.tbl));
  let n = 0;
  for (const r of refs) {
    n += await repoint(tx, r.tbl, r.col, keepId, mergeId);
  }
  // Records merged earlier into the one now merged follow it to the kept record.
  await tx.execute(sql`update volunteers set merged_into = ${keepId} where merged_into = ${mergeId}`);
  return n;
}

/** Erases the merged record's personal fields (as an erasure does) and points it at the kept one. */
export async function markMerged(tx: DbOrTx, mergeId: string, keepId: string, now: Date): Promise<void> {
  await tx.execute(sql`update volunteers set merged_into = ${keepId}, status = 'left', name = '已合并', phone = '',
      id_cipher = null, id_hash = null, id_masked = '', gender = null, birth_date = null, skills = '{}',
      availability = '{"days":[],"slots":[]}'::jsonb, guardian_name = null, guardian_phone = null, guardian_relation = null,
      account_id = null, service_minutes = 0, star_level = 0, points = 0, updated_at = ${now.toISOString()}::timestamptz
    where id = ${mergeId}`);
}

export type KeepFill = {
  phone: string;
  idCipher: string | null;
  idHash: string | null;
  idMasked: string;
  gender: string | null;
  birthDate: string | null;
  skills: string[];
  availability: unknown;
  homeUnitId: string | null;
  homeUnitCode: string;
  guardianName: string | null;
  guardianPhone: string | null;
  guardianRelation: string | null;
  accountId: string | null;
  serviceMinutes: number;
  starLevel: number;
  points: number;
};

export async function fillKept(tx: DbOrTx, keepId: string, f: KeepFill, now: Date): Promise<void> {
  await tx.execute(sql`update volunteers set phone = ${f.phone}, id_cipher = ${f.idCipher}, id_hash = ${f.idHash}, id_masked = ${f.idMasked},
      gender = ${f.gender}, birth_date = ${f.birthDate}::date, skills = array(select json_array_elements_text(${JSON.stringify(f.skills)}::json)),
      availability = ${JSON.stringify(f.availability)}::jsonb, home_unit_id = ${f.homeUnitId}::uuid, home_unit_code = ${f.homeUnitCode},
      guardian_name = ${f.guardianName}, guardian_phone = ${f.guardianPhone}, guardian_relation = ${f.guardianRelation},
      account_id = ${f.accountId}::uuid, service_minutes = ${f.serviceMinutes}, star_level = ${f.starLevel}, points = ${f.points},
      updated_at = ${now.toISOString()}::timestamptz
    where id = ${keepId}`);
}
