// CLI: export the practice network to an .xlsx and import one back (all rows or nothing), through the same
// network-xlsx service the console's export and import use.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { units } from '../db/schema/network';
import { AppError } from '../platform/errors';
import { audit } from '../platform/audit';
import { exportNetworkXlsx, importNetworkXlsx, type ImportReport } from '../modules/network/network-xlsx.service';
import { CliFailure, UsageError, parseOptions } from './args';
import { withDatabase } from './context';

function xlsxPath(flag: string, file: string): string {
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`${flag}: "${file}" should end in .xlsx / 文件须为 .xlsx`);
  return path.resolve(file);
}

export async function exportNetworkCommand(argv: string[]): Promise<void> {
  const o = parseOptions(argv, { out: { type: 'string', required: true }, under: { type: 'string' } });
  const out = xlsxPath('--out', o.out);
  if (!fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist / 目录不存在`);
  await withDatabase(async ({ database, actor }) => {
    if (o.under) {
      const [unit] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, o.under));
      if (!unit) throw new UsageError(`--under: no unit has the code ${o.under} / 没有代码为 ${o.under} 的单位`);
    }
    const buffer = await exportNetworkXlsx(database.db, { underCode: o.under });
    fs.writeFileSync(out, buffer);
    await audit(database.db, actor, {
      action: 'network.exported',
      objectType: 'unit',
      unitCode: o.under ?? '',
      details: { file: out, bytes: buffer.length },
    });
    console.log(`wrote ${out} (${buffer.length} bytes) / 已导出`);
  });
}

function printReport(report: ImportReport): number {
  let errors = 0;
  for (const r of report.rows) {
    for (const err of r.errors) {
      errors++;
      console.error(`  ${r.sheet}${r.row ? ` row ${r.row}` : ''}${r.key ? ` (${r.key})` : ''}: ${err.field}: ${err.message}`);
    }
  }
  const c = (x: { created: number; updated: number; unchanged: number }) => `${x.created} new, ${x.updated} changed, ${x.unchanged} unchanged`;
  console.log(`units 单位: ${c(report.summary.units)}; sites 阵地: ${c(report.summary.sites)}; rows with errors 错误行: ${report.summary.errorRows}`);
  return errors;
}

export async function importNetworkCommand(argv: string[]): Promise<void> {
  const o = parseOptions(argv, { file: { type: 'string', required: true }, 'dry-run': { type: 'boolean' } });
  const file = xlsxPath('--file', o.file);
  if (!fs.existsSync(file)) throw new UsageError(`--file: ${file} does not exist / 文件不存在`);
  const buffer = fs.readFileSync(file);
  const commit = !o['dry-run'];
  await withDatabase(async ({ database, actor }) => {
    let report: ImportReport;
    try {
      report = await importNetworkXlsx(database.db, buffer, { commit, actor });
    } catch (e) {
      // A commit with any bad row is refused with the same row report; nothing was written.
      if (e instanceof AppError && e.code === 'import_rejected') report = e.details as ImportReport;
      else if (e instanceof AppError) throw new CliFailure(e.message);
      else throw e;
    }
    const errors = printReport(report);
    if (!report.ok || errors > 0) {
      throw new CliFailure(`${file}: ${errors} error(s); nothing was written / 文件有 ${errors} 处错误，未写入任何数据`);
    }
    console.log(commit ? `imported ${file} / 已导入` : `${file} is valid; nothing written (dry run) / 校验通过（试运行，未写入）`);
  });
}
