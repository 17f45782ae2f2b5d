// Throws random and hostile input at every write route (and every route's query string) as a signed-in
// district admin: no answer may be a 500, every refusal must use the error shape, and no data may change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { startTestApp, type TestContext } from '../testing/harness';
import { matrixContext, type MatrixCtx } from '../testing/matrix';
import { rowsOf } from '../db/client';
import { createSession } from './auth';

// Tables whose rows are the product's data. Sessions, sign-in counters, the audit log, one-time codes and the SMS
// outbox record the attempts themselves and are expected to grow.
const IGNORED_TABLES = new Set(['sessions', 'sign_in_throttle', 'audit_log', 'otp_codes', 'sms_outbox']);

let t: TestContext;
let ctx: MatrixCtx;
let adminId: string;
// A fresh session per request: some routes (sign-out) end the session they are called with.
const freshCookie = async () => `wm_session=${await createSession(t.database.db, adminId, { ip: '127.0.0.1', userAgent: 'fuzz', now: new Date() })}`;

async function snapshot(): Promise<string> {
  const tables = rowsOf<{ name: string }>(
    await t.database.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`),
  ).map((r) => r.name).filter((n) => !IGNORED_TABLES.has(n));
  const parts: string[] = [];
  for (const name of tables) {
    const [row] = rowsOf<{ h: string | null }>(
      await t.database.db.execute(sql.raw(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`)),
    );
    parts.push(`${name}:${row.h}`);
  }
  return parts.join(',');
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "' or 1=1 --",
    '"; drop table units; --',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '𠀀𠀁',
    '١٢٣',
    'null',
    '330303',
    '13800000001',
    'NaN',
    '-1',
    '1e309',
  ),
  fc.string({ minLength: 300, maxLength: 5000 }),
);
const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(hostileString, { maxLength: 3 }), fc.object({ maxDepth: 2 }));

function fieldNames(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function bodyFor(fields: string[]) {
  const known = fields.length
    ? fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] })
    : fc.constant({});
  return fc.oneof(
    known,
    fc.tuple(known, fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), hostileValue, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a })),
    fc.anything(),
  );
}

function pathFor(url: string) {
  const params = url.match(/:[a-zA-Z]+/g) ?? [];
  return fc.tuple(...params.map(() => fc.oneof(fc.uuid(), hostileString.filter((s) => s.length > 0)))).map((values) => {
    let u = url;
    params.forEach((p, i) => (u = u.replace(p, encodeURIComponent(String(values[i])))));
    return u.replace(/\*$/, encodeURIComponent('x'));
  });
}

beforeAll(async () => {
  t = await startTestApp();
  ctx = await matrixContext(t.app, t.database);
  adminId = (await ctx.makeAccount([{ role: 'district_admin', code: '330303' }])).id;
});
afterAll(() => t.close());

describe('hostile input', () => {
  it('never answers 500 and never changes data, on any write route', async () => {
    const writes = t.app.routeList.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(5);
    const before = await snapshot();
    for (const route of writes) {
      const schema = route.schema as { body?: unknown; querystring?: unknown } | undefined;
      await fc.assert(
        fc.asyncProperty(
          pathFor(route.url),
          bodyFor(fieldNames(schema?.body)),
          fc.dictionary(fc.constantFrom(...fieldNames(schema?.querystring), 'x', 'limit', 'cursor'), hostileString, { maxKeys: 3 }),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          async (url, body, query, contentType) => {
            const opts: InjectOptions = {
              method: route.method as InjectOptions['method'],
              url,
              query,
              headers: { cookie: await freshCookie(), 'content-type': contentType },
              payload: typeof body === 'string' && contentType !== 'application/json' ? body : (JSON.stringify(body) ?? 'undefined'),
            };
            const res = await t.app.inject(opts);
            if (res.statusCode >= 500) throw new Error(`${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
            if (res.statusCode >= 400) expect(res.json().error.code, `${route.method} ${url}`).toMatch(/^[a-z_]+$/);
          },
        ),
        { numRuns: 25 },
      );
    }
    expect(await snapshot()).toBe(before);
  });

  it('never answers 500 to cursors that decode but hold junk', async () => {
    const junk: unknown[][] = [['not a date', 'x'], ['x'], [1, 2, 3], ['NaN'], [''], ['2026-01-01T00:00:00Z', 'not-a-uuid'], [-1], [1e308], ["' or 1=1 --", "'"]];
    const cursors = junk.map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url'));
    const lists = t.app.routeList.filter((r) => r.method === 'GET' && fieldNames((r.schema as { querystring?: unknown })?.querystring).includes('cursor'));
    expect(lists.length).toBeGreaterThan(2);
    for (const route of lists) {
      for (const cursor of cursors) {
        const res = await t.app.inject({ method: 'GET', url: route.url, query: { cursor }, headers: { cookie: await freshCookie() } });
        expect(res.statusCode, `${route.url} cursor ${Buffer.from(cursor, 'base64url').toString()}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
  });

  it('never answers 500 to hostile query strings on read routes', async () => {
    const reads = t.app.routeList.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    for (const route of reads) {
      const schema = route.schema as { querystring?: unknown } | undefined;
      await fc.assert(
        fc.asyncProperty(
          pathFor(route.url),
          fc.dictionary(fc.constantFrom(...fieldNames(schema?.querystring), 'x', 'limit', 'cursor'), hostileString, { maxKeys: 4 }),
          async (url, query) => {
            const res = await t.app.inject({ method: 'GET', url, query, headers: { cookie: await freshCookie() } });
            if (res.statusCode >= 500) throw new Error(`GET ${url} ${JSON.stringify(query)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
          },
        ),
        { numRuns: 15 },
      );
    }
  });
});
