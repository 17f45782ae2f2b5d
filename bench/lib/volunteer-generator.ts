// Generates a large volunteer population on PostgreSQL, entirely in SQL (INSERT … SELECT from generate_series),
// so a million rows take about a minute instead of the hour a row-by-row client would need. Names use the demo
// seed's surname and given-name tables (same frequencies), phones are unique, skills and stations follow
// skewed distributions as real ones do. ID columns are synthetic (a unique md5, a fake cipher text): the search
// never reads them, and encrypting a million IDs would only measure AES.
// The volunteers table's secondary indexes are dropped for the load and rebuilt after it (bulk builds are many
// times faster than maintaining GIN trigram indexes row by row), then the table is analyzed.
import type pg from 'pg';
import { FEMALE_CHARS, MALE_CHARS, SURNAMES } from '../../server/seed/registry-people';
import { SKILL_TAG_NAMES } from '../../server/seed/registry';

const BATCH = 100_000;
const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

// One statement per batch. $1..$4: name tables and skills; $5/$6: station ids and codes, each repeated by its
// weight so a uniform pick is a weighted one; $7/$8: the batch's first and last sequence number; $9 phone prefixes.
const INSERT_BATCH = `
insert into volunteers (name, phone, id_cipher, id_hash, id_masked, gender, birth_date, skills, home_unit_id, home_unit_code,
  status, source, created_at, updated_at)
select
  ($1::text[])[1 + floor(r_sur * cardinality($1::text[]))::int]
    || pool[1 + floor(r_g1 * cardinality(pool))::int]
    || case when r_g2 < 0.25 then '' else pool[1 + floor(r_g2 * cardinality(pool))::int] end,
  -- prefix by i, 8 digits by a bijection of i (48271 is prime to 10^8): unique and well spread.
  ($9::text[])[1 + i % cardinality($9::text[])] || lpad(((i::bigint * 48271 + 1234567) % 100000000)::text, 8, '0'),
  'bench:synthetic',
  md5('bench-id-' || i),
  '330***********' || lpad((i % 10000)::text, 4, '0'),
  case when r_gen < 0.48 then 'male' else 'female' end,
  date '2011-06-01' - floor(power(r_age, 0.9) * 22000)::int,
  array_remove(array[
    case when r_s1 < 0.9 then ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] end,
    case when r_s2 < 0.45 then ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] end,
    case when r_s3 < 0.15 then ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] end], null),
  ($5::uuid[])[1 + floor(r_st * cardinality($5::uuid[]))::int],
  ($6::text[])[1 + floor(r_st * cardinality($6::text[]))::int],
  case when r_stat < 0.03 then 'pending' when r_stat < 0.04 then 'suspended' when r_stat < 0.055 then 'left' else 'active' end,
  case when r_src < 0.55 then 'self' when r_src < 0.7 then 'staff' else 'import' end,
  now() - r_age * interval '1100 days',
  now()
from (
  select i, random() as r_sur, random() as r_gen, random() as r_g1, random() as r_g2, random() as r_age, random() as r_s1,
    random() as r_s2, random() as r_s3, random() as r_st, random() as r_stat, random() as r_src
  from generate_series($7::int, $8::int) as i
) s
cross join lateral (select case when r_gen < 0.48 then $2::text[] else $3::text[] end as pool) p`;

export async function generateVolunteers(client: pg.Client, total: number, log: (s: string) => void): Promise<void> {
  // Stations get weights 1–6 (fixed pseudo-randomly by position) so some are much busier than others.
  const { rows: stations } = await client.query<{ id: string; code: string }>(`select id, code from units where level = 'station' order by code`);
  if (stations.length === 0) throw new Error('no stations: seed the network first');
  const ids: string[] = [];
  const codes: string[] = [];
  stations.forEach((s, k) => {
    for (let w = 0; w < 1 + ((k * 7) % 6); w++) (ids.push(s.id), codes.push(s.code));
  });

  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes where tablename = 'volunteers' and indexname <> 'volunteers_pkey'`,
  );
  for (const ix of indexes) await client.query(`drop index ${ix.name}`);
  await client.query('select setseed(0.303)'); // the same population on every run
  const t0 = Date.now();
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    await client.query(INSERT_BATCH, [SURNAMES, MALE_CHARS, FEMALE_CHARS, SKILL_TAG_NAMES, ids, codes, from, to, PHONE_PREFIXES]);
    log(`  generated ${to.toLocaleString('en')} volunteers (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const t1 = Date.now();
  await client.query(`set maintenance_work_mem = '512MB'`);
  for (const ix of indexes) await client.query(ix.def);
  log(`  rebuilt ${indexes.length} indexes in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
  await client.query('analyze volunteers');
}
