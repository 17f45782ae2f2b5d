import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signIn, startTestApp, TEST_SECRET_KEY, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { rowsOf } from '../../db/client';
import { fieldCipher } from '../../platform/crypto';
import { createTeam, csvOf, idNumberFor, rosterRequest, withWrongCheck, xlsxOf } from './roster.testing';
import type { RosterReport } from './roster.service';

let t: TestContext;
let yongzhong: Agent; // institute admin of 330303001
let stationTeam: string; // a team of station 330303001001
let instituteTeam: string; // a team of institute 330303001
const cipher = fieldCipher(TEST_SECRET_KEY);

beforeAll(async () => {
  t = await startTestApp();
  yongzhong = await signIn(t.app, '13800000002', DEMO_PASSWORD);
  stationTeam = await createTeam(t.database.db, '330303001001');
  instituteTeam = await createTeam(t.database.db, '330303001');
});
afterAll(() => t.close());

const HEAD = ['姓名', '手机号码', '身份证号', '技能特长'];
let seq = 1000;
/** A fresh person: a name, phone and valid ID number nobody else in this file uses. */
function person(name = `志愿者${seq}`) {
  seq++;
  return [name, `139${String(seq).padStart(8, '0')}`, idNumberFor(seq * 7)];
}

async function send(teamId: string, mode: 'preview' | 'commit', file: Buffer, opts: Parameters<typeof rosterRequest>[3] = {}, cookie = yongzhong.cookie) {
  const req = rosterRequest(teamId, mode, file, opts);
  return t.app.inject({ ...req, headers: { ...req.headers, cookie } });
}
async function scalar(q: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number }>(await t.database.db.execute(q))[0].n);
}
/** Fingerprint of everything an import writes: equal before and after means nothing was written. */
async function snapshot(): Promise<string> {
  const [row] = rowsOf<{ v: string; m: string; i: string }>(
    await t.database.db.execute(sql`select (select md5(coalesce(string_agg(v::text, '|' order by v.id), '')) from volunteers v) as v,
      (select md5(coalesce(string_agg(m::text, '|' order by m.id), '')) from team_members m) as m,
      (select md5(coalesce(string_agg(i::text, '|' order by i.unit_id), '')) from import_mappings i) as i`),
  );
  return `${row.v}/${row.m}/${row.i}`;
}

describe('roster preview', () => {
  it('reports good rows, a bad ID and a bad phone with the column and the reason, and writes nothing', async () => {
    const good = person('张三');
    const badId = person('李四');
    badId[2] = withWrongCheck(badId[2]);
    const badPhone = person('王五');
    badPhone[1] = '12345';
    const before = await snapshot();
    const res = await send(stationTeam, 'preview', await xlsxOf([HEAD, [...good, '急救、驾驶'], [...badId, ''], [...badPhone, '']]));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as RosterReport;
    expect(r.ok).toBe(false);
    expect(r.mapping).toMatchObject({ name: '姓名', phone: '手机号码', idNumber: '身份证号', skills: '技能特长' });
    expect(r.mappingSource).toBe('guessed');
    expect(r.summary).toMatchObject({ rows: 3, new: 1, error: 2 });
    const idRow = r.rows.find((x) => x.row === 3)!;
    expect(idRow.status).toBe('error');
    expect(idRow.errors[0].column).toBe('身份证号');
    expect(idRow.errors[0].message).toContain('身份证号');
    expect(idRow.errors[0].message).toContain('校验位');
    const phoneRow = r.rows.find((x) => x.row === 4)!;
    expect(phoneRow.errors[0]).toMatchObject({ field: 'phone', column: '手机号码' });
    expect(phoneRow.errors[0].message).toMatch(/手机号码.*11 位/);
    const ok = r.rows.find((x) => x.row === 2)!;
    expect(ok).toMatchObject({ status: 'new', name: '张三', phoneMasked: `${good[1].slice(0, 3)}****${good[1].slice(7)}` });
    expect(ok.idMasked).toBe(`${good[2].slice(0, 3)}***********${good[2].slice(-4)}`);
    expect(await snapshot()).toBe(before);
  });

  it('names missing required columns instead of guessing', async () => {
    const res = await send(stationTeam, 'preview', await xlsxOf([['姓名', '备注'], ['张三', '无']]));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as RosterReport;
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.field).sort()).toEqual(['mapping.idNumber', 'mapping.phone']);
  });

  it('skips a title row above the header', async () => {
    const res = await send(stationTeam, 'preview', await xlsxOf([['永中街道志愿服务队名册'], HEAD, person()]));
    const r = res.json() as RosterReport;
    expect(r.file.headerRow).toBe(2);
    expect(r.summary).toMatchObject({ rows: 1, new: 1 });
  });
});

describe('roster commit', () => {
  it('refuses a file with any error and writes nothing', async () => {
    const bad = person();
    bad[1] = '1380000';
    const before = await snapshot();
    const res = await send(stationTeam, 'commit', await xlsxOf([HEAD, person(), person(), bad]));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('import_rejected');
    expect(res.json().error.message).toContain('1 行错误');
    expect(res.json().error.details.rows[0].row).toBe(4);
    expect(await snapshot()).toBe(before);
  });

  it('creates volunteers and memberships from a clean file, then joins the same people to another team', async () => {
    const people = [person('赵一'), person('钱二'), person('孙三')];
    const file = await xlsxOf([HEAD, ...people.map((p) => [...p, '急救、心理疏导'])]);
    const before = await scalar(sql`select count(*)::int as n from volunteers`);
    const res = await send(stationTeam, 'commit', file);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as RosterReport;
    expect(r.committed).toBe(true);
    expect(r.result).toEqual({ created: 3, joined: 0, updated: 0 });
    expect(await scalar(sql`select count(*)::int as n from volunteers`)).toBe(before + 3);
    const rows = rowsOf<{ name: string; status: string; source: string; home_unit_code: string; skills: string[]; id_hash: string; birth_date: string }>(
      await t.database.db.execute(sql`select v.name, v.status, v.source, v.home_unit_code, v.skills, v.id_hash, v.birth_date::text from volunteers v
        join team_members m on m.volunteer_id = v.id and m.team_id = ${stationTeam} and m.status = 'active' where v.name in ('赵一', '钱二', '孙三') order by v.name`),
    );
    expect(rows).toHaveLength(3);
    for (const v of rows) expect(v).toMatchObject({ status: 'active', source: 'import', home_unit_code: '330303001001', skills: ['急救', '心理疏导'] });
    expect(rows.find((v) => v.name === '赵一')!.id_hash).toBe(cipher.hash(`id:${people[0][2]}`));
    expect(await scalar(sql`select count(*)::int as n from audit_log where action = 'roster.imported' and object_id = ${stationTeam}`)).toBe(1);
    // The unit's paper consents are recorded for each new person, at the current versions, by the importing staff.
    const consents = rowsOf<{ kind: string; given_by: string }>(
      await t.database.db.execute(sql`select c.kind, c.given_by from consents c join volunteers v on v.id = c.volunteer_id where v.name in ('赵一', '钱二', '孙三')`),
    );
    expect(consents.filter((c) => c.kind === 'privacy')).toHaveLength(3);
    expect(consents.filter((c) => c.kind === 'id_processing')).toHaveLength(3);
    expect(consents.every((c) => c.given_by.startsWith('staff:'))).toBe(true);

    // The same people in another unit's roster: matched by ID, joined, not created again.
    const again = await send(instituteTeam, 'preview', file);
    expect((again.json() as RosterReport).summary).toMatchObject({ new: 0, match: 3 });
    expect((again.json() as RosterReport).rows.every((x) => x.matchedBy === 'id' && x.volunteerNumber?.startsWith('V'))).toBe(true);
    const second = await send(instituteTeam, 'commit', file);
    expect(second.statusCode, second.body).toBe(200);
    expect((second.json() as RosterReport).result).toEqual({ created: 0, joined: 3, updated: 0 });
    expect(await scalar(sql`select count(*)::int as n from volunteers`)).toBe(before + 3);
    expect(await scalar(sql`select count(*)::int as n from team_members where team_id = ${instituteTeam} and status = 'active'`)).toBe(3);

    // A third time into the first team: all already members.
    const third = await send(stationTeam, 'preview', file);
    expect((third.json() as RosterReport).summary).toMatchObject({ member: 3, new: 0, match: 0 });
  });

  it('shows differing fields as conflicts and applies the decision chosen per row', async () => {
    const a = person('周六');
    const b = person('吴七');
    await send(stationTeam, 'commit', await xlsxOf([HEAD, a, b]));
    const changed = [
      ['周小六', a[1], a[2]],
      ['吴小七', '13700000077', b[2]],
    ];
    const file = await xlsxOf([HEAD.slice(0, 3), ...changed]);
    const pre = (await send(instituteTeam, 'preview', file)).json() as RosterReport;
    expect(pre.summary.conflict).toBe(2);
    expect(pre.rows.find((x) => x.row === 2)!.conflicts).toEqual([{ field: 'name', registry: '周六', roster: '周小六' }]);
    expect(pre.rows.find((x) => x.row === 3)!.conflicts.map((c) => c.field)).toEqual(['name', 'phone']);
    expect(pre.rows.every((x) => x.decision === 'keep')).toBe(true);

    const res = await send(instituteTeam, 'commit', file, { decisions: { 3: 'take' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as RosterReport).result).toMatchObject({ joined: 2, updated: 1 });
    const names = rowsOf<{ name: string; phone: string }>(
      await t.database.db.execute(sql`select name, phone from volunteers where id_hash in (${cipher.hash(`id:${a[2]}`)}, ${cipher.hash(`id:${b[2]}`)}) order by name`),
    );
    expect(names).toEqual([
      { name: '吴小七', phone: '13700000077' },
      { name: '周六', phone: a[1] },
    ]);
  });

  it('remembers the mapping for the unit and offers it next time', async () => {
    const head = ['序号', '联系人', '电话A', '电话B', '证件'];
    const p = person();
    const file = await xlsxOf([head, ['1', p[0], '0577-88888888', p[1], p[2]]]);
    const guessed = (await send(stationTeam, 'preview', file)).json() as RosterReport;
    expect(guessed.mapping.phone).toBe('电话A');
    const mapping = { name: '联系人', phone: '电话B', idNumber: '证件', skills: null, station: null };
    const res = await send(stationTeam, 'commit', file, { mapping });
    expect(res.statusCode, res.body).toBe(200);
    const p2 = person();
    const next = (await send(stationTeam, 'preview', await xlsxOf([head, ['1', p2[0], '', p2[1], p2[2]]]))).json() as RosterReport;
    expect(next.mappingSource).toBe('remembered');
    expect(next.mapping).toEqual(mapping);
    expect(next.ok).toBe(true);
  });

  it('refuses a mapping naming a column the file lacks', async () => {
    const res = await send(stationTeam, 'preview', await xlsxOf([HEAD, person()]), { mapping: { phone: '不存在' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('mapping.phone');
  });
});

/** GBK bytes of a string, built from the decoder (Node has no GBK encoder). */
function gbk(text: string): Buffer {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) table.set(dec.decode(Uint8Array.from([hi, lo])), [hi, lo]);
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('roster files', () => {
  it('reads CSV in GBK, and in UTF-8 with a BOM', async () => {
    const p = person('郑八');
    const text = csvOf([HEAD, [...p, '摄影']]);
    for (const bytes of [gbk(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
      const res = await send(stationTeam, 'preview', bytes, { filename: 'roster.csv' });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json() as RosterReport;
      expect(r.file.format).toBe('csv');
      expect(r.file.headers).toEqual(HEAD);
      expect(r.rows[0]).toMatchObject({ status: 'new', name: '郑八' });
    }
  });

  it('answers 413 to a file over 10 MB', async () => {
    const res = await send(stationTeam, 'preview', Buffer.alloc(10 * 1024 * 1024 + 10, 0x41), { filename: 'big.csv' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('10 MB');
  });

  it('answers 400 with a clear message to a broken XLSX, 415 to other file types, whatever the name says', async () => {
    const good = await xlsxOf([HEAD, person()]);
    for (const broken of [good.subarray(0, good.length / 2), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)])]) {
      const res = await send(stationTeam, 'preview', broken);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('.xlsx');
      expect(res.json().error.details.fields[0].field).toBe('file');
    }
    const pdf = await send(stationTeam, 'preview', Buffer.from('%PDF-1.4 junk'), { filename: 'roster.xlsx' });
    expect(pdf.statusCode).toBe(415);
    const xls = await send(stationTeam, 'preview', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { filename: 'roster.xls' });
    expect(xls.statusCode).toBe(415);
    expect(xls.json().error.message).toContain('.xls');
    const json = await yongzhong.post(`/api/teams/${stationTeam}/roster/preview`, { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('never evaluates formula cells: they are row errors naming the column', async () => {
    const p = person();
    const res = await send(stationTeam, 'preview', await xlsxOf([HEAD, [p[0], { formula: '"139"&"00000001"', result: '13900000001' }, p[2], '']]));
    const r = res.json() as RosterReport;
    expect(r.summary.error).toBe(1);
    expect(r.rows[0].errors[0]).toMatchObject({ field: 'phone', column: '手机号码' });
    expect(r.rows[0].errors[0].message).toContain('公式');
    const csv = await send(stationTeam, 'preview', Buffer.from(csvOf([HEAD, [p[0], '=1+1', p[2], '']])), { filename: 'r.csv' });
    expect((csv.json() as RosterReport).rows[0].errors[0].message).toContain('公式');
  });

  it('skips 100,000 empty rows quickly', async () => {
    const rows: string[][] = [HEAD, person()];
    for (let i = 0; i < 100_000; i++) rows.push(['', '', '', '']);
    rows.push(person());
    const file = await xlsxOf(rows);
    const started = Date.now();
    const res = await send(stationTeam, 'preview', file);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as RosterReport).summary).toMatchObject({ rows: 2, new: 2 });
    expect(Date.now() - started).toBeLessThan(20_000);
    const csv = await send(stationTeam, 'preview', Buffer.from(csvOf([HEAD, person()]) + ',,,\r\n'.repeat(100_000)), { filename: 'r.csv' });
    expect((csv.json() as RosterReport).summary.rows).toBe(1);
  }, 60_000);

  it('an Excel number in the ID column is explained, not just called wrong', async () => {
    const p = person();
    const res = await send(stationTeam, 'preview', await xlsxOf([HEAD, [p[0], p[1], Number(p[2].slice(0, 17)) * 10, '']]));
    expect((res.json() as RosterReport).rows[0].errors[0].message).toContain('文本');
  });
});

describe('personal data', () => {
  it('a planted ID number never appears in plain text in any table, report or error body', async () => {
    const planted = person('测试植入');
    const dup = [...planted];
    dup[0] = '测试植入二';
    const bodies: string[] = [];
    const withDup = await xlsxOf([HEAD, planted, dup]);
    bodies.push((await send(stationTeam, 'preview', withDup)).body, (await send(stationTeam, 'commit', withDup)).body);
    const badCheck = [...planted];
    badCheck[2] = withWrongCheck(planted[2]);
    bodies.push((await send(stationTeam, 'commit', await xlsxOf([HEAD, badCheck]))).body);
    const clean = await xlsxOf([HEAD, planted]);
    bodies.push((await send(stationTeam, 'preview', clean)).body, (await send(stationTeam, 'commit', clean)).body);
    bodies.push((await send(instituteTeam, 'preview', clean)).body);
    expect(await scalar(sql`select count(*)::int as n from volunteers where name = '测试植入'`)).toBe(1);
    for (const b of bodies) {
      expect(b).not.toContain(planted[2]);
      expect(b).not.toContain(badCheck[2]);
    }
    const tables = rowsOf<{ name: string }>(await t.database.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public'`));
    for (const { name } of tables) {
      const [row] = rowsOf<{ dump: string | null }>(await t.database.db.execute(sql.raw(`select string_agg(x::text, '|') as dump from "${name}" x`)));
      expect(row.dump ?? '', `table ${name}`).not.toContain(planted[2]);
    }
  });
});
