// What every benchmark does around its measurement: a fresh database (embedded on disk, or a new database on a
// loopback PostgreSQL server, dropped afterwards), the app listening on a free loopback port, and a signed-in cookie.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { openEmbedded, openPostgres, type Database } from '../../server/db/client';
import { DEMO_PASSWORD } from '../../server/seed/accounts';
import { assertLoopback } from './cannon';

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return `http://127.0.0.1:${addr.port}`;
}

/** The session cookie of a demo staff account signed in through the API. */
export async function signInCookie(url: string, phone: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: DEMO_PASSWORD }),
  });
  const cookie = /wm_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${phone} failed: ${res.status}`);
  return cookie;
}

/** Runs `fn` on a new embedded database on disk (as a trial deployment runs, not in memory), then removes it. */
export async function onEmbedded<T>(fn: (database: Database, dataDir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-bench-'));
  const database = await openEmbedded(dir);
  try {
    return await fn(database, dir);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `fn` on a new database of the PostgreSQL server at `serverUrl` (loopback only), dropped afterwards.
 * Returns a sentence instead when the server cannot be reached, so a benchmark can report and go on.
 */
export async function onFreshPostgres<T>(serverUrl: string, fn: (database: Database, dbUrl: string) => Promise<T>): Promise<T | string> {
  assertLoopback(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    return `PostgreSQL at ${serverUrl} is unreachable (${(e as Error).message}); skipped`;
  }
  const name = `wm_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString()); // the server's default pool size
  try {
    return await fn(database, u.toString());
  } finally {
    await database.close();
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}
