import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { AppError } from '../../platform/errors';
import { rowsOf } from '../../db/client';
import { count, unitIdOf, upload } from './network.testing';
import { exportNetworkXlsx, importNetworkXlsx, type ImportReport } from './network-xlsx.service';

let t: TestContext;
let district: Agent;
let yongzhong: Agent;
let puzhou: Agent;
const cli = { id: null, label: 'cli test', ip: '' };

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, puzhou] = await Promise.all(['13800000001', '13800000002', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

async function workbook(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}
async function bytes(wb: ExcelJS.Workbook) {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** Column number of a header in row 1. */
function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}
/** A fingerprint of every unit and site row: equal before and after means nothing was written. */
async function snapshot(): Promise<string> {
  const [row] = rowsOf<{ u: string; s: string }>(
    await t.database.db.execute(sql`select (select md5(string_agg(u::text, '|' order by u.id)) from units u) as u,
      (select md5(string_agg(s::text, '|' order by s.id)) from sites s) as s`),
  );
  return `${row.u}/${row.s}`;
}

describe('network export', () => {
  it('exports the units and sites in scope, in sheets 单位 and 阵地', async () => {
    const res = await yongzhong.get('/api/network/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const wb = await workbook(res.rawPayload);
    const units = wb.getWorksheet('单位')!;
    const sites = wb.getWorksheet('阵地')!;
    expect(units.actualRowCount - 1).toBe(15);
    expect(sites.actualRowCount - 1).toBe(await count(t.database, sql`select count(*)::int as n from sites where unit_code like '330303001%'`));
    expect(units.getRow(2).getCell(col(units, '编码')).value).toBe('330303001');
    const audits = await count(t.database, sql`select count(*)::int as n from audit_log where action = 'network.exported'`);
    expect(audits).toBe(1);
  });
});

describe('network import', () => {
  it('round-trips: an export imported in preview is valid and changes nothing', async () => {
    const file = await exportNetworkXlsx(t.database.db, {});
    const before = await snapshot();
    const res = await upload(t.app, district.cookie, '/api/network/import?mode=preview', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as ImportReport;
    expect(report.ok).toBe(true);
    expect(report.summary.units).toEqual({ created: 0, updated: 0, unchanged: 133 });
    expect(report.summary.sites.unchanged).toBe(await count(t.database, sql`select count(*)::int as n from sites`));
    expect(await snapshot()).toBe(before);
  });

  it('commits new and changed rows in one go', async () => {
    const wb = await workbook(await exportNetworkXlsx(t.database.db, { underCode: '330303002' }));
    const units = wb.getWorksheet('单位')!;
    units.addRow([]);
    const row = units.getRow(units.rowCount);
    row.getCell(col(units, '编码')).value = '330303002950';
    row.getCell(col(units, '上级编码')).value = '330303002';
    row.getCell(col(units, '名称')).value = '蒲州街道新建社区新时代文明实践站';
    row.getCell(col(units, '联系电话')).value = 13957700999;
    units.getRow(3).getCell(col(units, '开放时间')).value = '每天 7:00-22:00';
    const sites = wb.getWorksheet('阵地')!;
    const s = sites.getRow(sites.rowCount + 1);
    s.getCell(col(sites, '所属单位编码')).value = '330303002950';
    s.getCell(col(sites, '阵地名称')).value = '新建社区党群服务中心';
    s.getCell(col(sites, '类型')).value = '党群服务中心';
    s.getCell(col(sites, '设施')).value = '会议室、阅览角';
    const changedCode = String(units.getRow(3).getCell(col(units, '编码')).value);

    const res = await upload(t.app, puzhou.cookie, '/api/network/import?mode=commit', await bytes(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, committed: true, summary: { units: { created: 1, updated: 1 }, sites: { created: 1 } } });
    const site = (await puzhou.get(`/api/sites?q=${encodeURIComponent('新建社区党群')}`)).json().items[0];
    expect(site).toMatchObject({ unitCode: '330303002950', kind: 'party_mass_service_center', facilities: ['会议室', '阅览角'] });
    expect(site.civicUrl).toMatch(/\/c\/\w{12}$/);
    const changed = (await puzhou.get(`/api/units?q=${changedCode}`)).json().items[0];
    expect(changed.openingHours).toBe('每天 7:00-22:00');
    expect(await count(t.database, sql`select count(*)::int as n from audit_log where action = 'network.imported'`)).toBe(1);
  });

  it('rejects a file with one bad row, names the row and field, and writes nothing', async () => {
    const wb = await workbook(await exportNetworkXlsx(t.database.db, { underCode: '330303001' }));
    const units = wb.getWorksheet('单位')!;
    units.getRow(2).getCell(col(units, '名称')).value = '永中街道新时代文明实践所（改名）';
    const sites = wb.getWorksheet('阵地')!;
    sites.getRow(4).getCell(col(sites, '联系电话')).value = '12345';
    sites.getRow(5).getCell(col(sites, '类型')).value = '游泳池';
    const before = await snapshot();
    const res = await upload(t.app, yongzhong.cookie, '/api/network/import?mode=commit', await bytes(wb));
    expect(res.statusCode).toBe(422);
    const report = res.json().error.details as ImportReport;
    expect(res.json().error.code).toBe('import_rejected');
    const bad = report.rows.filter((r) => r.errors.length);
    expect(bad.map((r) => [r.sheet, r.row, r.errors[0].field])).toEqual([
      ['阵地', 4, 'contactPhone'],
      ['阵地', 5, 'kind'],
    ]);
    expect(await snapshot()).toBe(before);
    expect((await yongzhong.get(`/api/units/${await unitIdOf(t.database, '330303001')}`)).json().name).toBe('永中街道新时代文明实践所');
  });

  it('checks code rules, parents, coordinates and duplicates row by row', async () => {
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet('单位');
    units.addRow(['编码', '上级编码', '名称', '纬度', '经度']);
    units.addRow(['330303001950', '330303002', '错挂上级', '', '']);
    units.addRow(['330303777001', '330303777', '上级不存在', '', '']);
    units.addRow(['330303001951', '330303001', '坐标越界', 127.9, 120.7]);
    units.addRow(['330303001952', '330303001', '重复一', '', '']);
    units.addRow(['330303001952', '330303001', '重复二', '', '']);
    const report = await importNetworkXlsx(t.database.db, await bytes(wb), { commit: false, actor: cli });
    expect(report.ok).toBe(false);
    const fields = Object.fromEntries(report.rows.filter((r) => r.errors.length).map((r) => [r.row, r.errors.map((e) => e.field)]));
    expect(fields).toEqual({ 2: ['code'], 3: ['parentCode'], 4: ['lat'], 6: ['code'] });
  });

  it('lets a parent and its child arrive in the same file (CLI, no scope)', async () => {
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet('单位');
    units.addRow(['编码', '上级编码', '名称']);
    units.addRow(['330303016001', '330303016', '新街道一村实践站']);
    units.addRow(['330303016', '330303', '新街道新时代文明实践所']);
    const report = await importNetworkXlsx(t.database.db, await bytes(wb), { commit: true, actor: cli });
    expect(report.summary.units.created).toBe(2);
    const tree = (await district.get('/api/network/tree')).json().units as { code: string; level: string; parentId: string }[];
    const child = tree.find((u) => u.code === '330303016001')!;
    expect(child.level).toBe('station');
    expect(child.parentId).toBe(await unitIdOf(t.database, '330303016'));
  });

  it('refuses rows outside the admin’s scope with 403, and a commit with errors from the service as import_rejected', async () => {
    const file = await exportNetworkXlsx(t.database.db, { underCode: '330303002' });
    const res = await upload(t.app, yongzhong.cookie, '/api/network/import?mode=preview', file);
    expect(res.statusCode).toBe(403);
    const bad = new ExcelJS.Workbook();
    bad.addWorksheet('阵地').addRow(['所属单位编码', '阵地名称', '类型']);
    bad.getWorksheet('阵地')!.addRow(['330303999999', '无主阵地', '广场']);
    await expect(importNetworkXlsx(t.database.db, await bytes(bad), { commit: true, actor: cli })).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'import_rejected',
    );
  });

  it('answers unreadable files, missing columns, wrong uploads and oversized files without a 500', async () => {
    const junk = await upload(t.app, district.cookie, '/api/network/import', Buffer.from('not a spreadsheet'));
    expect(junk.statusCode).toBe(200);
    expect(junk.json().rows[0].errors[0].field).toBe('file');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('单位').addRow(['名称']);
    const missing = (await upload(t.app, district.cookie, '/api/network/import', await bytes(wb))).json();
    expect(missing.rows[0].errors.map((e: { field: string }) => e.field)).toEqual(['code']);
    expect((await upload(t.app, district.cookie, '/api/network/import', await bytes(wb), { field: 'other' })).statusCode).toBe(400);
    expect((await district.post('/api/network/import?mode=commit', { file: 'x' })).statusCode).toBe(415);
    const big = await upload(t.app, district.cookie, '/api/network/import', Buffer.alloc(5 * 1024 * 1024 + 10));
    expect(big.statusCode).toBe(413);
  });
});
