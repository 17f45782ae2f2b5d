// Export the network to .xlsx and import it back. The console and the CLI (server/cli/network.ts) both call
// these two functions. Import is all or nothing: every row is checked first; preview writes nothing; commit
// writes every row in one transaction, or nothing and throws import_rejected with the row report.
import type ExcelJS from 'exceljs';
import { and, asc, eq, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client';
import { sites, units } from '../../db/schema/network';
import { AppError } from '../../platform/errors';
import { audit, type AuditActor } from '../../platform/audit';
import { codeCovers } from '../../../common/roles';
import { siteKindLabel, siteStatusLabels, unitLevelLabels, unitStatusLabels } from '../../../common/network';
import { readSheet, SITE_SHEET, siteColumns, UNIT_SHEET, unitColumns, writeSheet, type SheetRow } from './network-xlsx.columns';
import { planImport, siteKey, type ExistingUnit, type ImportPlan, type ImportRowReport, type ImportState } from './network-xlsx.rows';
import { underCode } from './units.repo';
import { newCivicToken } from './sites.service';

// exceljs loads on first use: it is the heaviest module at start-up and only imports/exports need it.
const loadExcel = async () => (await import('exceljs')).default;

export type { ImportRowReport } from './network-xlsx.rows';
export type ImportSummary = {
  units: { created: number; updated: number; unchanged: number };
  sites: { created: number; updated: number; unchanged: number };
  errorRows: number;
};
export type ImportReport = { ok: boolean; committed: boolean; summary: ImportSummary; rows: ImportRowReport[] };

const MAX_ROWS = 5000;

function inCodes(column: SQL | Column, codes: string[] | undefined): SQL | undefined {
  if (codes === undefined) return undefined;
  if (codes.length === 0) return sql`false`;
  return or(...codes.map((c) => underCode(column, c)));
}

/**
 * The units and sites under `underCode` (all when absent), limited to the subtrees in `scopeCodes` when given
 * (a signed-in admin's read scope), as an .xlsx in the import format.
 */
export async function exportNetworkXlsx(db: DbOrTx, opts: { underCode?: string; scopeCodes?: string[] }): Promise<Buffer> {
  const parent = alias(units, 'parent_unit');
  const unitRows = await db
    .select({ u: units, parentCode: parent.code })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(opts.underCode !== undefined ? underCode(units.code, opts.underCode) : undefined, inCodes(units.code, opts.scopeCodes)))
    .orderBy(asc(units.code));
  const siteRows = await db
    .select({ s: sites, unitName: units.name })
    .from(sites)
    .innerJoin(units, eq(units.id, sites.unitId))
    .where(and(opts.underCode !== undefined ? underCode(sites.unitCode, opts.underCode) : undefined, inCodes(sites.unitCode, opts.scopeCodes)))
    .orderBy(asc(sites.unitCode), asc(sites.name));

  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Wenming';
  writeSheet(
    wb.addWorksheet(UNIT_SHEET),
    unitColumns,
    unitRows.map(({ u, parentCode }) => ({
      ...u,
      parentCode: parentCode ?? '',
      level: unitLevelLabels[u.level].zh,
      status: unitStatusLabels[u.status].zh,
    })),
  );
  writeSheet(
    wb.addWorksheet(SITE_SHEET),
    siteColumns,
    siteRows.map(({ s, unitName }) => ({
      ...s,
      unitName,
      kind: siteKindLabel(s.kind),
      status: siteStatusLabels[s.status].zh,
      facilities: s.facilities.join('、'),
      photos: s.photos.join('\n'),
    })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function fileProblem(message: string, sheet = ''): ImportRowReport {
  return { sheet, row: 0, key: '', action: 'error', errors: [{ field: 'file', message }] };
}

/** Parses the workbook (outside any transaction: it is CPU work, not database work). */
async function readWorkbook(buffer: Buffer): Promise<{ unitRows: SheetRow[]; siteRows: SheetRow[]; problems: ImportRowReport[] }> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return { unitRows: [], siteRows: [], problems: [fileProblem('无法读取文件：请上传由本系统导出格式的 .xlsx 文件')] };
  }
  const problems: ImportRowReport[] = [];
  const read = (name: string, columns: typeof unitColumns) => {
    const ws = wb.getWorksheet(name);
    if (!ws) return [];
    const { rows, missing } = readSheet(ws, columns);
    for (const c of missing) problems.push({ sheet: name, row: 1, key: '', action: 'error', errors: [{ field: c.key, message: `缺少"${c.header}"列` }] });
    if (rows.length > MAX_ROWS) problems.push(fileProblem(`一次最多导入 ${MAX_ROWS} 行，请分批导入`, name));
    return missing.length ? [] : rows.slice(0, MAX_ROWS);
  };
  const unitRows = read(UNIT_SHEET, unitColumns);
  const siteRows = read(SITE_SHEET, siteColumns);
  if (!wb.getWorksheet(UNIT_SHEET) && !wb.getWorksheet(SITE_SHEET)) {
    problems.push(fileProblem(`文件中没有"${UNIT_SHEET}"或"${SITE_SHEET}"工作表`));
  }
  return { unitRows, siteRows, problems };
}

/** The database rows the file's rows refer to: every unit (a district's few hundred) and the named units' sites. */
async function loadState(db: DbOrTx, siteUnitCodes: string[]): Promise<ImportState> {
  const parent = alias(units, 'parent_unit');
  const unitRows = await db.select({ u: units, parentCode: parent.code }).from(units).leftJoin(parent, eq(parent.id, units.parentId));
  const unitMap = new Map<string, ExistingUnit>(unitRows.map(({ u, parentCode }) => [u.code, { ...u, parentCode }]));
  const siteMap: ImportState['sites'] = new Map();
  const codes = [...new Set(siteUnitCodes)].filter((c) => unitMap.has(c));
  for (let i = 0; i < codes.length; i += 1000) {
    for (const s of await db.select().from(sites).where(inArray(sites.unitCode, codes.slice(i, i + 1000)))) siteMap.set(siteKey(s.unitCode, s.name), s);
  }
  return { units: unitMap, sites: siteMap };
}

async function applyPlan(tx: DbOrTx, plan: ImportPlan, state: ImportState, now: Date): Promise<void> {
  const idOf = new Map([...state.units.values()].map((u) => [u.code, u.id]));
  // Parents before children: new units go in level by level (shorter codes first), one insert per level.
  const creates = plan.units.filter((p) => p.action === 'create').sort((a, b) => a.code.length - b.code.length);
  for (const len of [...new Set(creates.map((p) => p.code.length))]) {
    const batch = creates.filter((p) => p.code.length === len);
    const rows = await tx
      .insert(units)
      .values(batch.map((p) => ({ ...p.values, code: p.code, level: p.level, parentId: p.parentCode ? idOf.get(p.parentCode)! : null, createdAt: now, updatedAt: now })))
      .returning({ id: units.id, code: units.code });
    for (const r of rows) idOf.set(r.code, r.id);
  }
  for (const p of plan.units.filter((p) => p.action === 'update')) {
    await tx.update(units).set({ ...p.values, updatedAt: now }).where(eq(units.id, p.id!));
  }
  const newSites = plan.sites.filter((p) => p.action === 'create');
  if (newSites.length) {
    await tx.insert(sites).values(
      newSites.map((p) => ({
        ...p.values,
        status: p.values.status ?? 'open',
        unitId: idOf.get(p.unitCode)!,
        unitCode: p.unitCode,
        civicToken: newCivicToken(),
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  for (const p of plan.sites.filter((p) => p.action === 'update')) {
    const { status, ...rest } = p.values;
    await tx.update(sites).set({ ...rest, ...(status ? { status } : {}), updatedAt: now }).where(eq(sites.id, p.id!));
  }
}

function summarize(reports: ImportRowReport[]): ImportSummary {
  const count = (sheet: string, action: string) => reports.filter((r) => r.sheet === sheet && r.action === action).length;
  const of = (sheet: string) => ({ created: count(sheet, 'create'), updated: count(sheet, 'update'), unchanged: count(sheet, 'unchanged') });
  return { units: of(UNIT_SHEET), sites: of(SITE_SHEET), errorRows: reports.filter((r) => r.errors.length > 0).length };
}

/**
 * Checks (and with `commit`, applies) an import file. `scopeCode`/`scopeCodes` limit what the file may touch
 * to those subtrees (a signed-in admin); without them (the CLI) the whole network may be changed, including a
 * new center. Rows outside the scope make the whole request `forbidden`, with the report in the details.
 */
export async function importNetworkXlsx(
  db: Db,
  buffer: Buffer,
  opts: { commit: boolean; actor: AuditActor; scopeCode?: string; scopeCodes?: string[]; now?: Date },
): Promise<ImportReport> {
  const scope = opts.scopeCodes ?? (opts.scopeCode !== undefined ? [opts.scopeCode] : undefined);
  const canManage = (code: string) => scope === undefined || scope.some((s) => codeCovers(s, code));
  const now = opts.now ?? new Date();
  const file = await readWorkbook(buffer);

  const run = async (tx: DbOrTx): Promise<ImportReport> => {
    const state = await loadState(tx, file.siteRows.map((r) => r.cells.unitCode ?? ''));
    const plan = planImport(file, state, canManage, scope === undefined);
    const rows = [...file.problems, ...plan.reports];
    const report: ImportReport = { ok: rows.every((r) => r.errors.length === 0), committed: false, summary: summarize(rows), rows };
    if (plan.outOfScope) throw new AppError('forbidden', '导入文件包含超出您管理范围的单位或阵地，未写入任何数据', report);
    if (!opts.commit || !report.ok) return report;
    await applyPlan(tx, plan, state, now);
    await audit(tx, opts.actor, {
      action: 'network.imported',
      objectType: 'network',
      unitCode: scope?.length === 1 ? scope[0] : '',
      details: { summary: report.summary },
    });
    return { ...report, committed: true };
  };

  if (!opts.commit) return run(db);
  const report = await db.transaction(run);
  if (!report.ok) throw new AppError('import_rejected', `导入文件有 ${report.summary.errorRows} 行错误，未写入任何数据`, report);
  return report;
}
