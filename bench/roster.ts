// Benchmark `roster`: import of a 100,000-row roster XLSX into a team (parse, map, validate every row, match
// against the registry by ID hash and phone + name, then commit in one transaction) beside a plain bulk insert
// of the same rows (multi-row INSERTs of the already-parsed rows, encrypted and hashed as any write must, no
// validation, no matching, no memberships) into a copy of the volunteers table with the same indexes.
// ~5% of the roster's people are in the registry beforehand, so the import joins them instead of creating them.
// Judged by: import time ÷ plain insert time, on the embedded database (on disk) and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { rowsOf, type Database } from '../server/db/client';
import { seedDemo } from '../server/seed/run';
import { fieldCipher, type FieldCipher } from '../server/platform/crypto';
import { storedIdentity } from '../server/modules/volunteers/volunteer-identity';
import { commitRoster, previewRoster } from '../server/modules/roster/roster.service';
import { findTeam } from '../server/modules/roster/roster.repo';
import { createTeam, idNumberFor } from '../server/modules/roster/roster.testing';
import { onEmbedded, onFreshPostgres } from './lib/bench-db';
import { machine, table } from './lib/report';

const INSTITUTE = '330303001';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const SKILLS = ['急救', '驾驶', '摄影', '心理疏导', '理论宣讲', '文艺表演', '助老服务', '法律咨询'];

type Person = { name: string; phone: string; idNumber: string; skills: string; station: string };
type Figures = { backend: string; preview: number; commit: number; plain: number; created: number; joined: number };

function people(rows: number, stations: { name: string; code: string }[]): Person[] {
  return Array.from({ length: rows }, (_, i) => ({
    name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''),
    phone: String(13_000_000_000 + ((i * 7919) % 1_000_000_000) + 500_000_000 * (i % 2)),
    idNumber: idNumberFor(1_000_000 + i * 3),
    skills: `${SKILLS[i % SKILLS.length]}、${SKILLS[(i * 3 + 1) % SKILLS.length]}`,
    // Two in three rows name their station (by name or code); the rest take the team's unit.
    station: i % 3 === 0 ? '' : i % 3 === 1 ? stations[i % stations.length].name : stations[i % stations.length].code,
  }));
}

async function rosterXlsx(list: Person[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('志愿者名册');
  ws.addRow(['序号', '姓名', '手机号码', '身份证号', '技能特长', '所属站点']);
  list.forEach((p, i) => ws.addRow([i + 1, p.name, p.phone, p.idNumber, p.skills, p.station]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

type PlainRow = ReturnType<typeof storedIdentity> & { name: string; phone: string; skills: string[]; homeUnitId: string; homeUnitCode: string };

/** Multi-row INSERTs, 1,000 rows a statement: what a loader without any checks would do. */
async function plainInsert(database: Database, tableName: string, rows: PlainRow[]): Promise<void> {
  const t = sql.identifier(tableName);
  for (let i = 0; i < rows.length; i += 1000) {
    const values = rows.slice(i, i + 1000).map(
      (r) => sql`(${r.name}, ${r.phone}, ${r.idCipher}, ${r.idHash}, ${r.idMasked}, ${r.birthDate}::date, ${r.gender},
        string_to_array(${r.skills.join(',')}, ','), ${r.homeUnitId}::uuid, ${r.homeUnitCode}, 'active', 'import')`,
    );
    await database.db.execute(sql`insert into ${t} (name, phone, id_cipher, id_hash, id_masked, birth_date, gender, skills, home_unit_id, home_unit_code, status, source)
      values ${sql.join(values, sql`, `)}`);
  }
}

function plainRows(list: Person[], cipher: FieldCipher, home: { id: string; code: string }): PlainRow[] {
  return list.map((p) => ({ ...storedIdentity(cipher, p.idNumber), name: p.name, phone: p.phone, skills: p.skills.split('、'), homeUnitId: home.id, homeUnitCode: home.code }));
}

async function stationsOf(database: Database) {
  return rowsOf<{ id: string; name: string; code: string }>(
    await database.db.execute(sql`select id, name, code from units where level = 'station' and status = 'active' and code like ${INSTITUTE + '%'} order by code`),
  );
}

async function measure(backend: string, database: Database, rows: number): Promise<Figures> {
  await database.migrate();
  await seedDemo(database.db, { volunteers: false });
  const cipher = fieldCipher(randomBytes(32).toString('hex'));
  const stations = await stationsOf(database);
  const [institute] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from units where code = ${INSTITUTE}`));
  const list = people(rows, stations);
  const file = await rosterXlsx(list);
  console.log(`  ${backend}: roster of ${rows} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB .xlsx`);

  // ~5% of the people are already registered (by another unit), the same way the import would store them.
  const known = list.filter((_, i) => i % 20 === 7);
  await plainInsert(database, 'volunteers', plainRows(known, cipher, { id: institute.id, code: INSTITUTE }));
  const team = (await findTeam(database.db, await createTeam(database.db, INSTITUTE, `压测名册队${randomBytes(3).toString('hex')}`)))!;
  const input = { team, buffer: file, mapping: null, decisions: {}, cipher, now: new Date() };

  const [report, preview] = await timed(() => previewRoster(database.db, input));
  if (!report.ok) throw new Error(`preview found problems: ${JSON.stringify(report.problems)} ${JSON.stringify(report.rows.slice(0, 3))}`);
  console.log(`  ${backend}: preview ${(preview / 1000).toFixed(2)} s — ${report.summary.new} new, ${report.summary.match} in the registry`);
  const [done, commit] = await timed(() => commitRoster(database.db, { ...input, actor: { id: null, label: 'bench', ip: '' } }));
  console.log(`  ${backend}: commit ${(commit / 1000).toFixed(2)} s — ${JSON.stringify(done.result)}`);

  await database.db.execute(sql`create table volunteers_plain (like volunteers including all)`);
  const [, plain] = await timed(() => plainInsert(database, 'volunteers_plain', plainRows(list, cipher, { id: institute.id, code: INSTITUTE })));
  const [{ n }] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from volunteers_plain`));
  if (Number(n) !== rows) throw new Error(`plain insert wrote ${n} rows, not ${rows}`);
  console.log(`  ${backend}: plain bulk insert ${(plain / 1000).toFixed(2)} s`);
  return { backend, preview, commit, plain, created: done.result!.created, joined: done.result!.joined };
}

export async function rosterBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '100000' },
      'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
      'skip-pg': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 100 || rows > 200_000) throw new Error('--rows takes a whole number from 100 to 200000');
  console.log(`roster benchmark on ${machine()}`);
  const figures: Figures[] = [await onEmbedded((database) => measure('embedded', database, rows))];
  if (values['skip-pg']) console.log('  postgres: skipped (--skip-pg)');
  else {
    const f = await onFreshPostgres(values['pg-url']!, (database) => measure('postgres', database, rows));
    if (typeof f === 'string') console.log(`  postgres: ${f}`);
    else figures.push(f);
  }
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`\nroster benchmark — ${rows} rows (${figures[0].joined} already in the registry), one run each`);
  console.log(
    table(
      ['', 'preview s', 'commit s', 'import s', 'plain insert s', 'import/plain', 'rows/s'],
      figures.map((f) => [f.backend, s(f.preview), s(f.commit), s(f.preview + f.commit), s(f.plain), `${((f.preview + f.commit) / f.plain).toFixed(2)}×`, Math.round(rows / ((f.preview + f.commit) / 1000))]),
    ),
  );
  console.log('\njudged by: import (preview + commit, each parsing and checking the whole file) ÷ plain bulk insert of the same rows');
  for (const f of figures) console.log(`  ${f.backend}: ${((f.preview + f.commit) / f.plain).toFixed(2)}× (commit alone ${(f.commit / f.plain).toFixed(2)}×)`);
}
