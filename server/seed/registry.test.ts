// The demo registry a first start of the product shows: the 50 teams with the district's real team names, a
// population of thousands of volunteers whose ID numbers are valid, unique and never stored in plain text, one
// leader per team, guardians for children, and planted duplicates for the de-dup report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openEmbedded, rowsOf, type Database } from '../db/client';
import { fieldCipher } from '../platform/crypto';
import { verifyPassword } from '../platform/passwords';
import { ageOn, idCardInfo, idNumberProblem } from '../../common/id-card';
import { seedDemo } from './run';
import { REAL_TEAM_NAMES } from './registry-teams';
import { DEMO_VOLUNTEER_PHONE } from './registry-volunteers';
import { DEMO_PASSWORD } from './accounts';

const cipher = fieldCipher('registry-seed-test-key-0123456789abcdef');
let database: Database;

const q = async <T,>(query: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(query));

beforeAll(async () => {
  database = await openEmbedded(null);
  await database.migrate();
  // Its speed on a first start is measured by `npm run bench -- startup`, not asserted here.
  await seedDemo(database.db, { volunteers: true, cipher });
}, 120_000);
afterAll(() => database.close());

describe('demo registry seed', () => {
  it('has 50 teams including every real team name, about half in the federation', async () => {
    const teams = await q<{ name: string; federation_status: string; join_token: string; kind: string }>(sql`select name, federation_status, join_token, kind from teams`);
    expect(teams).toHaveLength(50);
    const names = teams.map((t) => t.name);
    for (const real of REAL_TEAM_NAMES) expect(names).toContain(real);
    expect(names).toContain('"蒲公英"理论宣讲志愿服务队');
    const members = teams.filter((t) => t.federation_status === 'member').length;
    expect(members).toBeGreaterThanOrEqual(20);
    expect(members).toBeLessThanOrEqual(30);
    expect(new Set(teams.map((t) => t.join_token)).size).toBe(50);
    expect(teams.some((t) => t.kind === 'organization')).toBe(true);
  });

  it('seeds thousands of volunteers with unique, valid, encrypted ID numbers', async () => {
    const rows = await q<{ id_cipher: string; id_hash: string; id_masked: string; birth_date: string; gender: string }>(
      sql`select id_cipher, id_hash, id_masked, birth_date::text as birth_date, gender from volunteers`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4000);
    expect(new Set(rows.map((r) => r.id_hash)).size).toBe(rows.length);
    for (const r of rows.filter((_, i) => i % 50 === 0)) {
      const id = cipher.decrypt(r.id_cipher);
      expect(idNumberProblem(id)).toBeNull();
      expect(idCardInfo(id)).toEqual({ birthDate: r.birth_date, gender: r.gender });
      expect(r.id_masked).toBe(id.slice(0, 3) + '*'.repeat(11) + id.slice(-4));
    }
  });

  it('stores no plain ID number anywhere in the volunteers table', async () => {
    const rows = await q<{ id_cipher: string; text: string }>(sql`select id_cipher, v::text as text from volunteers v`);
    const ids = new Set(rows.map((r) => cipher.decrypt(r.id_cipher)));
    // Every 18-character window of every digit run is checked against the real IDs: a plain copy cannot hide.
    let found = 0;
    for (const r of rows) {
      for (const run of r.text.match(/[0-9X]{18,}/g) ?? []) {
        for (let i = 0; i + 18 <= run.length; i++) if (ids.has(run.slice(i, i + 18))) found++;
      }
    }
    expect(found).toBe(0);
  });

  it('gives every team exactly one active leader and one or two vice leaders', async () => {
    const counts = await q<{ name: string; leaders: number; vices: number; members: number }>(sql`
      select t.name,
        count(*) filter (where m.role = 'leader' and m.status = 'active')::int as leaders,
        count(*) filter (where m.role = 'vice_leader' and m.status = 'active')::int as vices,
        count(*) filter (where m.status = 'active')::int as members
      from teams t left join team_members m on m.team_id = t.id group by t.name`);
    expect(counts).toHaveLength(50);
    for (const c of counts) {
      expect(c.leaders, c.name).toBe(1);
      expect(c.vices, c.name).toBeGreaterThanOrEqual(1);
      expect(c.vices, c.name).toBeLessThanOrEqual(2);
      expect(c.members, c.name).toBeGreaterThanOrEqual(5);
    }
    const pending = await q<{ n: number }>(sql`select count(*)::int as n from team_members where status = 'pending'`);
    expect(pending[0].n).toBeGreaterThan(0);
  });

  it('marks minors and gives every child a guardian and a guardian consent', async () => {
    const now = new Date();
    const rows = await q<{ birth_date: string; guardian_name: string | null; guardian_phone: string | null; guardian_consents: number }>(sql`
      select v.birth_date::text as birth_date, v.guardian_name, v.guardian_phone,
        (select count(*)::int from consents c where c.volunteer_id = v.id and c.kind = 'guardian') as guardian_consents
      from volunteers v`);
    const minors = rows.filter((r) => ageOn(r.birth_date, now) < 18);
    const children = rows.filter((r) => ageOn(r.birth_date, now) < 14);
    expect(minors.length / rows.length).toBeGreaterThan(0.015);
    expect(minors.length / rows.length).toBeLessThan(0.06);
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) {
      expect(c.guardian_name).toBeTruthy();
      expect(c.guardian_phone).toMatch(/^1[3-9]\d{9}$/);
      expect(c.guardian_consents).toBe(1);
    }
  });

  it('records privacy and ID-processing consents at the current versions for everyone', async () => {
    const [r] = await q<{ missing: number }>(sql`
      select count(*)::int as missing from volunteers v
      where (select count(distinct kind) from consents c where c.volunteer_id = v.id and c.kind in ('privacy', 'id_processing') and c.version = '2026-11') <> 2`);
    expect(r.missing).toBe(0);
  });

  it('plants suspected duplicates: shared phones and same name + birth date with different IDs', async () => {
    const [phones] = await q<{ n: number }>(sql`select count(*)::int as n from (select phone from volunteers group by phone having count(*) > 1) d`);
    const [namesakes] = await q<{ n: number }>(sql`select count(*)::int as n from (select name, birth_date from volunteers group by 1, 2 having count(distinct id_hash) > 1) d`);
    expect(phones.n).toBeGreaterThanOrEqual(5);
    expect(namesakes.n).toBeGreaterThanOrEqual(5);
  });

  it('has the demo volunteer: active, with the demo password, leading 蒲公英', async () => {
    const [v] = await q<{ status: string; password_hash: string; team: string; role: string }>(sql`
      select v.status, a.password_hash, t.name as team, m.role from volunteers v
      join accounts a on a.id = v.account_id join team_members m on m.volunteer_id = v.id join teams t on t.id = m.team_id
      where v.phone = ${DEMO_VOLUNTEER_PHONE} and m.role = 'leader'`);
    expect(v).toMatchObject({ status: 'active', team: '"蒲公英"理论宣讲志愿服务队', role: 'leader' });
    expect(await verifyPassword(v.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('dates nothing in the future: registrations, reviews, join requests and memberships', async () => {
    const [row] = await q<{ n: number }>(sql`select
      (select count(*) from volunteers where created_at > now() or reviewed_at > now())
      + (select count(*) from team_members where requested_at > now() or joined_at > now() or ended_at > now())
      + (select count(*) from consents where accepted_at > now()) as n`);
    expect(Number(row.n)).toBe(0);
  });
});

describe('seed without volunteers (tests)', () => {
  it('is deterministic in names and refuses volunteers without a cipher', async () => {
    const other = await openEmbedded(null);
    try {
      await other.migrate();
      await expect(seedDemo(other.db, { volunteers: true })).rejects.toThrow(/cipher/);
      await seedDemo(other.db, {});
      const a = rowsOf<{ name: string; contact_name: string; contact_phone: string }>(await other.db.execute(sql`select name, contact_name, contact_phone from teams order by name`));
      const b = await q<{ name: string; contact_name: string; contact_phone: string }>(sql`select name, contact_name, contact_phone from teams order by name`);
      expect(a).toEqual(b);
      const [v] = rowsOf<{ n: number }>(await other.db.execute(sql`select count(*)::int as n from volunteers`));
      expect(v.n).toBe(0);
      const [tags] = rowsOf<{ n: number }>(await other.db.execute(sql`select count(*)::int as n from skill_tags`));
      expect(tags.n).toBeGreaterThanOrEqual(20);
    } finally {
      await other.close();
    }
  });
});

describe('demo participation seed', () => {
  it('has the past weeks checked in with records, totals that match them, and sign-ups ahead for the demo volunteer', async () => {
    const [r] = await q<{ approved: number; pending: number; minutes: number }>(sql`select count(*) filter (where status = 'approved')::int as approved,
      count(*) filter (where status = 'pending')::int as pending, coalesce(sum(minutes) filter (where status = 'approved'), 0)::int as minutes from service_records`);
    expect(r.approved).toBeGreaterThan(1000);
    expect(r.pending).toBeGreaterThan(50);
    const [kept] = await q<{ minutes: number }>(sql`select coalesce(sum(minutes), 0)::int as minutes from service_totals`);
    expect(kept.minutes).toBe(r.minutes);
    const [vols] = await q<{ minutes: number }>(sql`select coalesce(sum(service_minutes), 0)::int as minutes from volunteers`);
    expect(vols.minutes).toBe(r.minutes);

    const [demo] = await q<{ minutes: number; ahead: number; records: number }>(sql`select v.service_minutes as minutes,
      (select count(*)::int from signups s join activities a on a.id = s.activity_id where s.volunteer_id = v.id and a.starts_at > now()) as ahead,
      (select count(*)::int from service_records r where r.volunteer_id = v.id) as records
      from volunteers v where v.phone = ${DEMO_VOLUNTEER_PHONE}`);
    expect(demo.records).toBeGreaterThan(3);
    expect(demo.minutes).toBeGreaterThan(0);
    expect(demo.ahead).toBeGreaterThan(0);
    const [{ n: bookings }] = await q<{ n: number }>(sql`select count(*)::int as n from signups where kind = 'citizen'`);
    expect(bookings).toBeGreaterThan(0);
  });
});
