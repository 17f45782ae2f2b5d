import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signIn, startTestApp, TEST_SECRET_KEY, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { rowsOf } from '../../db/client';
import { fieldCipher } from '../../platform/crypto';
import { storedIdentity } from '../volunteers/volunteer-identity';
import { checkCharacter } from '../../../common/id-card';
import { createTeam, idNumberFor } from './roster.testing';
import { confirmedSignup, publishedActivity } from '../../testing/participation-fixtures';

let t: TestContext;
let yongzhong: Agent; // institute admin 330303001
let puzhou: Agent; // institute admin 330303002
let station: Agent; // station admin 330303001001
const cipher = fieldCipher(TEST_SECRET_KEY);

beforeAll(async () => {
  t = await startTestApp();
  [yongzhong, puzhou, station] = await Promise.all(['13800000002', '13800000004', '13800000003'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

type Group = { reason: string; key: string; members: { id: string; number: string; name: string; teams: number }[] };

let n = 50_000;
async function volunteer(name: string, phone: string, unitCode: string, opts: { idNumber?: string | null; skills?: string[] } = {}): Promise<string> {
  const id = opts.idNumber === null ? null : storedIdentity(cipher, opts.idNumber ?? idNumberFor(++n));
  const [row] = rowsOf<{ id: string }>(
    await t.database.db.execute(sql`insert into volunteers (name, phone, id_cipher, id_hash, id_masked, birth_date, gender, skills, home_unit_id, home_unit_code, status, source)
      select ${name}, ${phone}, ${id?.idCipher ?? null}, ${id?.idHash ?? null}, ${id?.idMasked ?? ''}, ${id?.birthDate ?? null}::date, ${id?.gender ?? null},
        array(select json_array_elements_text(${JSON.stringify(opts.skills ?? [])}::json)), u.id, u.code, 'active', 'import'
      from units u where u.code = ${unitCode} returning id`),
  );
  return row.id;
}
async function join(teamId: string, volunteerId: string, role = 'member', status = 'active') {
  await t.database.db.execute(sql`insert into team_members (team_id, volunteer_id, role, status) values (${teamId}, ${volunteerId}, ${role}, ${status})`);
}
async function groups(agent: Agent): Promise<Group[]> {
  const res = await agent.get('/api/duplicates?limit=100');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('duplicates report', () => {
  it('finds same-phone and same-name + birth date groups in scope only', async () => {
    const a = await volunteer('陈明', '13911110001', '330303001');
    const b = await volunteer('陈明明', '13911110001', '330303001001');
    // Same name and birth date, different phones and ID numbers (a typo in one of them).
    const birthId1 = idNumberFor(20_000_001);
    const birthId2 = birthId1.slice(0, 14) + '22' + birthId1.slice(16, 17);
    const c = await volunteer('林芳', '13911110002', '330303001', { idNumber: birthId1 });
    const d = await volunteer('林芳', '13911110003', '330303001', { idNumber: birthId2 + checkCharacter(birthId2) });
    await volunteer('无关', '13911110009', '330303001');

    const mine = await groups(yongzhong);
    const phone = mine.find((g) => g.reason === 'phone')!;
    expect(phone.key).toBe('139****0001');
    expect(phone.members.map((m) => m.id).sort()).toEqual([a, b].sort());
    const birth = mine.find((g) => g.reason === 'name_birth')!;
    expect(birth.key).toMatch(/^林芳 · \d{4}-\d{2}-\d{2}$/);
    expect(birth.members.map((m) => m.id).sort()).toEqual([c, d].sort());
    expect(mine).toHaveLength(2);

    // Another institute sees none of them; a station sees no pair that lies half outside it.
    expect(await groups(puzhou)).toEqual([]);
    expect(await groups(station)).toEqual([]);
  });

  it('pages through groups with a cursor', async () => {
    const first = await yongzhong.get('/api/duplicates?limit=1');
    expect(first.json().items).toHaveLength(1);
    const next = await yongzhong.get(`/api/duplicates?limit=1&cursor=${first.json().nextCursor}`);
    expect(next.json().items).toHaveLength(1);
    expect(next.json().items[0].reason).not.toBe(first.json().items[0].reason);
  });
});

describe('merge', () => {
  it('keeps every membership (higher role wins) and record, fills empty fields, erases the merged record', async () => {
    const teamA = await createTeam(t.database.db, '330303001');
    const teamB = await createTeam(t.database.db, '330303001001');
    const idNumber = idNumberFor(++n);
    const keep = await volunteer('黄河', '13922220001', '330303001', { idNumber: null, skills: ['急救'] });
    const merge = await volunteer('黄河', '13922220001', '330303001001', { idNumber, skills: ['驾驶'] });
    await join(teamA, keep, 'member');
    await join(teamA, merge, 'vice_leader');
    await join(teamB, merge, 'member');
    await t.database.db.execute(sql`insert into qualifications (volunteer_id, name, granted_at) values (${merge}, '急救员', now())`);
    await t.database.db.execute(sql`insert into consents (volunteer_id, kind, version, given_by) values (${merge}, 'privacy', '1', 'self')`);

    const res = await yongzhong.post('/api/duplicates/merge', { keepId: keep, mergeId: merge });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moved).toMatchObject({ memberships: 2, qualifications: 1, consents: 1 });
    expect(res.json().kept.idMasked).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);

    const members = rowsOf<{ team_id: string; role: string; status: string }>(
      await t.database.db.execute(sql`select team_id, role, status from team_members where volunteer_id = ${keep} order by role`),
    );
    expect(members).toEqual(
      expect.arrayContaining([
        { team_id: teamA, role: 'vice_leader', status: 'active' },
        { team_id: teamB, role: 'member', status: 'active' },
      ]),
    );
    expect(members).toHaveLength(2);
    const [kept] = rowsOf<{ id_hash: string; skills: string[] }>(await t.database.db.execute(sql`select id_hash, skills from volunteers where id = ${keep}`));
    expect(kept.id_hash).toBe(cipher.hash(`id:${idNumber}`));
    expect(kept.skills.sort()).toEqual(['急救', '驾驶'].sort());
    const [gone] = rowsOf<{ name: string; phone: string; id_hash: string | null; id_cipher: string | null; merged_into: string; status: string }>(
      await t.database.db.execute(sql`select name, phone, id_hash, id_cipher, merged_into, status from volunteers where id = ${merge}`),
    );
    expect(gone).toEqual({ name: '已合并', phone: '', id_hash: null, id_cipher: null, merged_into: keep, status: 'left' });
    expect(Number(rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from qualifications where volunteer_id = ${keep}`))[0].n)).toBe(1);
    const audits = rowsOf<{ details: { mergedId: string } }>(await t.database.db.execute(sql`select details from audit_log where action = 'volunteer.merged' and object_id = ${keep}`));
    expect(audits[0].details.mergedId).toBe(merge);

    // The pair is gone from the report, and the merged record cannot be merged again.
    expect((await groups(yongzhong)).some((g) => g.members.some((m) => m.id === merge))).toBe(false);
    expect((await yongzhong.post('/api/duplicates/merge', { keepId: keep, mergeId: merge })).statusCode).toBe(404);
  });

  it('refuses a record merged into itself, and records outside the scope', async () => {
    const a = await volunteer('白云', '13933330001', '330303001');
    const b = await volunteer('白云', '13933330001', '330303002');
    expect((await yongzhong.post('/api/duplicates/merge', { keepId: a, mergeId: a })).statusCode).toBe(400);
    const res = await yongzhong.post('/api/duplicates/merge', { keepId: a, mergeId: b });
    expect(res.statusCode).toBe(403);
    const [row] = rowsOf<{ name: string }>(await t.database.db.execute(sql`select name from volunteers where id = ${b}`));
    expect(row.name).toBe('白云');
  });

  it('merges two records that signed up for the same activity and both earned hours', async () => {
    const keep = await volunteer('重复甲', '13944440001', '330303001001');
    const merge = await volunteer('重复甲', '13944440001', '330303001001');
    const start = new Date(Date.now() + 48 * 3600_000);
    const activity = await publishedActivity(t.database, { unitCode: '330303001001', startsAt: start, endsAt: new Date(start.getTime() + 2 * 3600_000) });
    await confirmedSignup(t.database, activity.id, keep);
    await confirmedSignup(t.database, activity.id, merge);
    await t.database.db.execute(sql`update volunteers set service_minutes = case when id = ${keep} then 600 else 240 end, star_level = case when id = ${keep} then 0 else 1 end
      where id in (${keep}, ${merge})`);

    const res = await yongzhong.post('/api/duplicates/merge', { keepId: keep, mergeId: merge });
    expect(res.statusCode, res.body).toBe(200);
    const live = rowsOf<{ volunteer_id: string }>(
      await t.database.db.execute(sql`select volunteer_id from signups where activity_id = ${activity.id} and status <> 'cancelled'`),
    );
    expect(live.map((r) => r.volunteer_id)).toEqual([keep]);
    const [kept] = rowsOf<{ service_minutes: number; star_level: number }>(
      await t.database.db.execute(sql`select service_minutes, star_level from volunteers where id = ${keep}`),
    );
    expect(kept).toEqual({ service_minutes: 840, star_level: 1 });
  });
});
