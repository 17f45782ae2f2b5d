// Helpers for the roster module's tests, policy matrix and benchmark: valid ID numbers, roster files, teams
// and multipart uploads with the mapping/decisions fields.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { checkCharacter } from '../../../common/id-card';
import { rowsOf, type DbOrTx } from '../../db/client';

/**
 * A valid Longwan (330303) ID number, different for every n < 10^7: birth date from n's high part, the 3-digit
 * sequence (its parity = gender) from the low part, and the right check character.
 */
export function idNumberFor(n: number): string {
  const day = Math.floor(n / 1000);
  const base = Date.UTC(1950, 0, 1) + day * 86_400_000;
  const d = new Date(base);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  const first17 = `330303${ymd}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Same first 17 characters, wrong check character. */
export function withWrongCheck(id: string): string {
  const right = id[17];
  const wrong = '0123456789X'.split('').find((c) => c !== right)!;
  return id.slice(0, 17) + wrong;
}

export async function xlsxOf(rows: (string | number | null | ExcelJS.CellValue)[][], sheet = '名册'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvOf(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

export async function createTeam(db: DbOrTx, unitCode: string, name = `测试队${randomBytes(4).toString('hex')}`): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into teams (name, unit_id, unit_code, specialty, join_token)
      select ${name}, id, code, '理论宣讲', ${randomBytes(8).toString('hex')} from units where code = ${unitCode} returning id`),
  );
  if (!row) throw new Error(`no unit ${unitCode}`);
  return row.id;
}

/** A multipart body: the file and optional text fields, as a browser's FormData sends them. */
export function rosterForm(file: Buffer, opts: { filename?: string; mapping?: unknown; decisions?: unknown } = {}) {
  const boundary = '----wenming-roster-boundary';
  const parts: Buffer[] = [];
  const text = (name: string, value: string) =>
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (opts.mapping !== undefined) text('mapping', typeof opts.mapping === 'string' ? opts.mapping : JSON.stringify(opts.mapping));
  if (opts.decisions !== undefined) text('decisions', typeof opts.decisions === 'string' ? opts.decisions : JSON.stringify(opts.decisions));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? 'roster.xlsx'}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function rosterRequest(teamId: string, mode: 'preview' | 'commit', file: Buffer, opts: Parameters<typeof rosterForm>[1] = {}): InjectOptions {
  const body = rosterForm(file, opts);
  return { method: 'POST', url: `/api/teams/${teamId}/roster/${mode}`, headers: { 'content-type': body.contentType }, payload: body.payload };
}
