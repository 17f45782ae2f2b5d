// Helpers for the network module's API tests: ids by code, uploads, audit look-ups.
import { sql } from 'drizzle-orm';
import type { App } from '../../app';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/client';

export async function unitIdOf(database: Database, code: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from units where code = ${code}`));
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

export async function siteOf(database: Database, unitCode: string): Promise<{ id: string; name: string; civic_token: string }> {
  const [row] = rowsOf<{ id: string; name: string; civic_token: string }>(
    await database.db.execute(sql`select id, name, civic_token from sites where unit_code = ${unitCode} order by name limit 1`),
  );
  if (!row) throw new Error(`no site in ${unitCode}`);
  return row;
}

export async function count(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await database.db.execute(query));
  return Number(row.n);
}

export async function auditActions(database: Database, objectId: string): Promise<string[]> {
  return rowsOf<{ action: string }>(await database.db.execute(sql`select action from audit_log where object_id = ${objectId} order by id`)).map(
    (r) => r.action,
  );
}

/** A multipart/form-data body with one file part, as a browser's form upload sends it. */
export function multipartFile(content: Buffer, opts: { field?: string; filename?: string } = {}) {
  const boundary = '----wenming-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.filename ?? 'network.xlsx'}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(app: App, cookie: string, url: string, content: Buffer, opts: { field?: string } = {}) {
  const body = multipartFile(content, opts);
  return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': body.contentType }, payload: body.payload });
}

/** Pages in a PDF: page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}
