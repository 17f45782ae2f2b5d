// Reads an uploaded roster into a header row and data rows of plain text, whatever the unit kept it in: .xlsx
// (first sheet with data) or .csv (UTF-8 with or without BOM, GBK as Excel saves it on Chinese Windows, UTF-16).
// The type is decided by the file's first bytes, never by its name. Formula cells are never evaluated: they
// are flagged so the row check can report them. Blank rows are dropped here, so 100,000 empty rows cost a loop.
import type ExcelJS from 'exceljs';
import { AppError, fieldError } from '../../platform/errors';

export const ROSTER_MAX_BYTES = 10 * 1024 * 1024;
/** More data rows than this is a mistake or an attack, not a team's roster. */
export const ROSTER_MAX_ROWS = 200_000;
/** A zip that expands past this is refused before it is inflated (a 10 MB file of XML is ~150 MB at most). */
const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;
const MAX_COLUMNS = 100;

export type RosterCell = { text: string; formula?: boolean; numeric?: boolean };
export type RosterRow = { row: number; cells: RosterCell[] };
export type RosterFile = { format: 'xlsx' | 'csv'; sheet: string | null; headerRow: number; headers: string[]; rows: RosterRow[]; emptyRowsSkipped: number };

const loadExcel = async () => (await import('exceljs')).default;

const fileError = (message: string) => fieldError('file', message);
const unsupported = () => new AppError('unsupported_media_type', '只能导入 .xlsx 或 .csv 文件：请在 Excel 中“另存为” Excel 工作簿 (.xlsx) 或 CSV', { fields: [{ field: 'file', message: 'not .xlsx or .csv' }] });

/** Known binary signatures that are neither .xlsx nor text. */
const FOREIGN_MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'xls' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'png' },
  { bytes: [0xff, 0xd8, 0xff], what: 'jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'gif' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'rar' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z' },
  { bytes: [0x1f, 0x8b], what: 'gzip' },
];
const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

export async function readRosterFile(buf: Buffer): Promise<RosterFile> {
  if (buf.length === 0) throw fileError('文件是空的');
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(buf);
  const foreign = FOREIGN_MAGIC.find((m) => startsWith(buf, m.bytes));
  if (foreign?.what === 'xls') {
    throw new AppError('unsupported_media_type', '不支持旧版 Excel (.xls) 文件：请在 Excel 中另存为 .xlsx 后再导入', { fields: [{ field: 'file', message: 'xls' }] });
  }
  if (foreign || startsWith(buf, [0x50, 0x4b])) throw unsupported();
  return readCsv(buf);
}

// ---------- .xlsx ----------

/**
 * Reads the zip's central directory (no inflating): the entry names and their declared sizes. A file that is
 * no zip at all, or declares an absurd size, is refused before exceljs touches it.
 */
function zipEntries(buf: Buffer): { name: string; size: number }[] | null {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

const BROKEN_XLSX = '无法读取该 .xlsx 文件：文件已损坏或不是 Excel 工作簿。请在 Excel 中打开后重新“另存为” .xlsx 再导入';

/** A cell as text, and whether it held a formula (whose cached result is NOT used) or a number. */
function cellOf(v: ExcelJS.CellValue): RosterCell {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'number') return { text: Number.isInteger(v) ? v.toFixed(0) : String(v), numeric: true };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { text: '', formula: true };
    if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((t) => t.text).join('').trim() };
    if ('text' in v && typeof v.text === 'string') return { text: v.text.trim() };
    if ('error' in v) return { text: '' };
  }
  return { text: String(v).trim() };
}

async function readXlsx(buf: Buffer): Promise<RosterFile> {
  const entries = zipEntries(buf);
  if (!entries) throw fileError(BROKEN_XLSX);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw fileError(BROKEN_XLSX);
  if (entries.reduce((n, e) => n + e.size, 0) > MAX_UNZIPPED_BYTES) throw fileError('文件解压后过大，无法导入：请只保留名册所在的工作表');
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw fileError(BROKEN_XLSX);
  }
  // The first sheet that has any value: people often leave an empty "Sheet1" in front.
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw fileError('工作簿中没有任何数据');
  const raw: RosterRow[] = [];
  let blank = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: RosterCell[] = [];
    let any = false;
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= width; c++) {
      const cell = cellOf(row.getCell(c).value);
      if (cell.text || cell.formula) any = true;
      cells.push(cell);
    }
    if (any) raw.push({ row: n, cells });
    else blank++;
  });
  return { format: 'xlsx', sheet: ws.name, ...splitHeader(raw), emptyRowsSkipped: blank };
}

// ---------- .csv ----------

function decodeText(buf: Buffer): string {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(buf.subarray(3));
  if (startsWith(buf, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (startsWith(buf, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  // NUL bytes do not occur in text; a binary file of an unknown kind ends here.
  if (buf.subarray(0, 8192).includes(0)) throw unsupported();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Excel on Chinese Windows saves "CSV" in GBK (code page 936).
    return new TextDecoder('gbk').decode(buf);
  }
}

/** RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(buf: Buffer): RosterFile {
  const records = parseCsv(decodeText(buf));
  const raw: RosterRow[] = [];
  let blank = 0;
  records.forEach((rec, i) => {
    // A CSV cell starting with "=" is what a spreadsheet would run as a formula; it is refused the same way.
    const cells = rec.slice(0, MAX_COLUMNS).map((s) => (s.trim().startsWith('=') ? { text: '', formula: true } : { text: s.trim() }));
    if (cells.some((c) => c.text || c.formula)) raw.push({ row: i + 1, cells });
    else blank++;
  });
  return { format: 'csv', sheet: null, ...splitHeader(raw), emptyRowsSkipped: blank };
}

// ---------- header ----------

const HEADER_HINT = /姓名|名字|手机|电话|身份证|证件|name|phone|mobile/i;

/**
 * The header is the first row, unless the sheet opens with a title line (a merged "XX队名册" cell): then the
 * first of the top rows that names a known column.
 */
function splitHeader(raw: RosterRow[]): { headerRow: number; headers: string[]; rows: RosterRow[] } {
  if (raw.length === 0) throw fileError('文件中没有任何数据');
  let at = raw.slice(0, 10).findIndex((r) => r.cells.filter((c) => HEADER_HINT.test(c.text)).length >= 1 && r.cells.filter((c) => c.text).length >= 2);
  if (at < 0) at = 0;
  const head = raw[at];
  const seen = new Map<string, number>();
  const headers = head.cells.map((c, i) => {
    const base = c.text.replace(/\s+/g, '') || `第${i + 1}列`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n > 1 ? `${base}(${n})` : base;
  });
  const rows = raw.slice(at + 1);
  if (rows.length > ROSTER_MAX_ROWS) throw fileError(`一次最多导入 ${ROSTER_MAX_ROWS} 行，本文件有 ${rows.length} 行，请分批导入`);
  return { headerRow: head.row, headers, rows };
}
