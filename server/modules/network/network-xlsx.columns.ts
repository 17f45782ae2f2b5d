// The network's spreadsheet format: two sheets, 单位 (units) and 阵地 (sites), one row per record, Chinese
// headers. Export writes it; import reads the same columns (matched by header, in any order; the English key
// is accepted as a header too). Columns marked exportOnly help people read the file and are ignored on import.
import type ExcelJS from 'exceljs';

export const UNIT_SHEET = '单位';
export const SITE_SHEET = '阵地';

export type Column = { key: string; header: string; width: number; required?: boolean; exportOnly?: boolean; text?: boolean; note?: string };

export const unitColumns: Column[] = [
  { key: 'code', header: '编码', width: 16, required: true, text: true },
  { key: 'parentCode', header: '上级编码', width: 16, text: true, note: '中心留空；其余为上级单位的编码' },
  { key: 'level', header: '层级', width: 18, note: '可留空：由编码推出' },
  { key: 'name', header: '名称', width: 36, required: true },
  { key: 'address', header: '地址', width: 40 },
  { key: 'lat', header: '纬度', width: 11 },
  { key: 'lng', header: '经度', width: 11 },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 15, text: true },
  { key: 'openingHours', header: '开放时间', width: 24 },
  { key: 'intro', header: '简介', width: 50 },
  { key: 'status', header: '状态', width: 10, exportOnly: true, note: '导入时忽略：请在系统中关闭或恢复单位' },
];

export const siteColumns: Column[] = [
  { key: 'unitCode', header: '所属单位编码', width: 16, required: true, text: true },
  { key: 'unitName', header: '所属单位', width: 32, exportOnly: true, note: '仅供查看，导入时忽略' },
  { key: 'name', header: '阵地名称', width: 32, required: true },
  { key: 'kind', header: '类型', width: 16, required: true },
  { key: 'status', header: '状态', width: 10, note: '开放 / 暂停开放 / 已关闭；新阵地留空为开放' },
  { key: 'address', header: '地址', width: 40 },
  { key: 'lat', header: '纬度', width: 11 },
  { key: 'lng', header: '经度', width: 11 },
  { key: 'openingHours', header: '开放时间', width: 24 },
  { key: 'facilities', header: '设施', width: 30, note: '多项用顿号、逗号或换行分隔' },
  { key: 'capacity', header: '容纳人数', width: 10 },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 15, text: true },
  { key: 'photos', header: '照片', width: 30, note: '网址，多张用换行分隔' },
  { key: 'intro', header: '简介', width: 50 },
];

export function headerOf(columns: Column[], key: string): string {
  return columns.find((c) => c.key === key)?.header ?? key;
}

/** Fills a sheet with headers (bold, frozen, with notes) and rows. */
export function writeSheet(ws: ExcelJS.Worksheet, columns: Column[], rows: Record<string, unknown>[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  for (const r of rows) ws.addRow(r);
  const head = ws.getRow(1);
  head.font = { bold: true };
  columns.forEach((c, i) => {
    if (c.note) head.getCell(i + 1).note = c.note;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A cell's value as plain text, whatever Excel stored (number, rich text, hyperlink, formula result, date). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

export type SheetRow = { row: number; cells: Record<string, string> };

/**
 * Reads a sheet into keyed rows by matching its header row against the columns. Returns the rows and the
 * required columns it could not find. Blank rows are skipped.
 */
export function readSheet(ws: ExcelJS.Worksheet, columns: Column[]): { rows: SheetRow[]; missing: Column[] } {
  const byHeader = new Map<string, string>();
  for (const c of columns) {
    if (c.exportOnly) continue;
    byHeader.set(c.header, c.key);
    byHeader.set(c.key.toLowerCase(), c.key);
  }
  const keyAt = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(cellText(cell.value)) ?? byHeader.get(cellText(cell.value).toLowerCase());
    if (key && ![...keyAt.values()].includes(key)) keyAt.set(col, key);
  });
  const found = new Set(keyAt.values());
  const missing = columns.filter((c) => c.required && !found.has(c.key));
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    let any = false;
    for (const [col, key] of keyAt) {
      const t = cellText(row.getCell(col).value);
      cells[key] = t;
      if (t) any = true;
    }
    if (any) rows.push({ row: n, cells });
  });
  return { rows, missing };
}
