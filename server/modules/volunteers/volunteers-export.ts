// XLSX export of the volunteers a staff member may read (same filters as the list), masked like the list.
// Rows are read in keyset batches and streamed into the workbook, so a large scope does not sit in memory
// twice; the export stops at a row cap and says so in the file.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client';
import * as repo from './volunteers.repo';
import { presentRow } from './volunteers.presenter';

export const EXPORT_MAX_ROWS = 50_000;
const BATCH = 2_000;

const statusLabel: Record<string, string> = { pending: '待审核', active: '在册', suspended: '已暂停', left: '已退出' };
const sourceLabel: Record<string, string> = { self: '本人注册', staff: '代为登记', import: '名册导入' };
const genderLabel: Record<string, string> = { male: '男', female: '女' };

export async function exportVolunteersXlsx(db: DbOrTx, filter: repo.ListFilter, now: Date): Promise<{ file: Buffer; rows: number; truncated: boolean }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('志愿者');
  ws.columns = [
    { header: '志愿者编号', width: 14 },
    { header: '姓名', width: 12 },
    { header: '手机号', width: 14 },
    { header: '身份证号', width: 22 },
    { header: '性别', width: 6 },
    { header: '年龄', width: 6 },
    { header: '未成年', width: 8 },
    { header: '技能特长', width: 30 },
    { header: '所属实践站', width: 28 },
    { header: '单位编码', width: 14 },
    { header: '状态', width: 8 },
    { header: '来源', width: 10 },
    { header: '登记时间', width: 18 },
  ];
  let after: string | null = null;
  let rows = 0;
  let truncated = false;
  for (;;) {
    const batch = await repo.listVolunteers(db, { ...filter, afterNumber: after, limit: BATCH });
    for (const r of batch) {
      if (rows >= EXPORT_MAX_ROWS) {
        truncated = true;
        break;
      }
      const v = presentRow(r, now);
      // Plain values only: exceljs writes a string starting with "=" as text, so nobody's name runs as a formula.
      ws.addRow([v.number, v.name, v.phoneMasked, v.idMasked, v.gender ? genderLabel[v.gender] : '', v.age ?? '', v.minor ? '是' : '否', v.skills.join('、'), v.homeUnit?.name ?? '', v.homeUnit?.code ?? '', statusLabel[v.status], sourceLabel[v.source], v.createdAt.slice(0, 10)]).commit();
      rows++;
    }
    if (truncated || batch.length < BATCH) break;
    after = batch[batch.length - 1].number;
  }
  if (truncated) ws.addRow([`仅导出前 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围后分批导出`]).commit();
  ws.commit();
  await wb.commit();
  await done;
  return { file: Buffer.concat(chunks), rows, truncated };
}
