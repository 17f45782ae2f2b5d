// A planted ID number must not appear in plain text anywhere but the reveal answer: not in any table, not in
// the logs (at trace level), not in list / detail / export / error answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildApp, type App } from '../../app';
import { openEmbedded, rowsOf, type Database } from '../../db/client';
import { loadConfig } from '../../config';
import { seedDemo } from '../../seed/run';
import { TEST_SECRET_KEY, signIn, type Agent } from '../../testing/harness';
import { ensureSkillTags, makeIdNumber, newPhone, registerViaApi, unitId } from './volunteers.testing';

// Numbers planted through self-registration and through staff entry.
const planted = [makeIdNumber('19721212'), makeIdNumber('20011001')];
const staffPlanted = makeIdNumber('19450815');
const everyPlanted = [...planted, staffPlanted];
// The number without its check character, and with a lower-case x, must not appear either.
const variants = everyPlanted.flatMap((id) => [id, id.slice(0, 17), id.toLowerCase()]);

let app: App;
let database: Database;
let district: Agent;
let log = '';

beforeAll(async () => {
  database = await openEmbedded(null);
  await database.migrate();
  await seedDemo(database.db, { volunteers: false });
  await ensureSkillTags(database);
  const stream = new Writable({
    write(chunk, _enc, cb) {
      log += chunk.toString();
      cb();
    },
  });
  const config = loadConfig({ PUBLIC_BASE_URL: 'http://wenming.test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'trace', RATE_LIMIT_SIGN_IN_PER_MIN: '10000', SECRET_KEY: TEST_SECRET_KEY });
  app = await buildApp({ database, config, logger: { level: 'trace', stream }, version: 'test' });
  await app.ready();
  district = await signIn(app, '13800000001', 'Longwan@2026');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

function assertAbsent(where: string, text: string): void {
  for (const v of variants) expect(text.includes(v), `${where} contains a planted ID number`).toBe(false);
}

describe('the ID number stays secret', () => {
  const answers: string[] = [];
  let ids: string[] = [];

  it('plants the numbers through every way in, and the error answers do not echo them', async () => {
    for (const idNumber of planted) {
      const { res } = await registerViaApi(app, database, { idNumber });
      expect(res.statusCode, res.body).toBe(201);
      answers.push(res.body);
      ids.push(res.json().volunteer.id);
      // A second registration, and a registration with a spoiled check character, answer with errors.
      const dup = await registerViaApi(app, database, { idNumber });
      expect(dup.res.statusCode).toBe(409);
      answers.push(dup.res.body);
      const spoiled = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
      const bad = await registerViaApi(app, database, { idNumber: spoiled });
      expect(bad.res.statusCode).toBe(400);
      answers.push(bad.res.body);
    }
    const staff = await district.post('/api/volunteers', { name: '纸质登记', phone: newPhone(), idNumber: staffPlanted, homeUnitId: await unitId(database, '330303001001') });
    expect(staff.statusCode, staff.body).toBe(201);
    answers.push(staff.body);
    ids.push(staff.json().id);
    const staffDup = await district.post('/api/volunteers', { name: '纸质登记', phone: newPhone(), idNumber: staffPlanted, homeUnitId: await unitId(database, '330303001001') });
    expect(staffDup.statusCode).toBe(409);
    answers.push(staffDup.body);
    for (const a of answers) assertAbsent('an answer', a);
  });

  it('lists, details, export and the outbox show it masked only', async () => {
    const list = await district.get('/api/volunteers?limit=100');
    assertAbsent('the list', list.body);
    for (const id of ids) {
      const d = await district.get(`/api/volunteers/${id}`);
      expect(d.statusCode).toBe(200);
      assertAbsent('a detail', d.body);
    }
    const xlsx = await district.get('/api/volunteers/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => cells.push(JSON.stringify(row.values)));
    expect(cells.length).toBeGreaterThan(3);
    assertAbsent('the export', cells.join('\n'));
    assertAbsent('the outbox', (await district.get('/api/sms-outbox?limit=100')).body);
    assertAbsent('the audit log API', (await district.get('/api/audit?limit=100')).body);
  });

  it('only the reveal answers it (and that answer is not logged)', async () => {
    const res = await district.post(`/api/volunteers/${ids[0]}/reveal-id`);
    expect(res.json().idNumber).toBe(planted[0]);
  });

  it('no table holds it in plain text', async () => {
    const tables = rowsOf<{ name: string }>(
      await database.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
    ).map((r) => r.name);
    expect(tables).toContain('volunteers');
    for (const name of tables) {
      const rows = rowsOf<{ x: string }>(await database.db.execute(sql.raw(`select x::text as x from "${name}" x`)));
      assertAbsent(`table ${name}`, rows.map((r) => r.x).join('\n'));
    }
  });

  it('the logs never hold it', () => {
    expect(log.length).toBeGreaterThan(1000);
    assertAbsent('the log', log);
  });
});
