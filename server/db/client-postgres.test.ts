// On PostgreSQL, the server may drop idle connections (restart, failover, an administrator). The product must
// not crash on it and must carry on with fresh connections. Runs only with TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPostgres, rowsOf, type Database } from './client';

const url = process.env.TEST_DATABASE_URL;
const name = `wm_test_${randomBytes(6).toString('hex')}`;
let database: Database;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe.skipIf(!url)('PostgreSQL connections', () => {
  beforeAll(async () => {
    await admin((c) => c.query(`create database ${name}`));
    const u = new URL(url!);
    u.pathname = `/${name}`;
    database = await openPostgres(u.toString(), 3);
  });
  afterAll(async () => {
    await database?.close();
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  });

  it('survives the server ending its idle connections, and answers the next query', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Open a few pooled connections, then let them go idle.
    await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select pg_sleep(0.05)`)));
    const ended = await admin(async (c) =>
      (await c.query(`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1`, [name])).rows[0].n as number,
    );
    expect(ended).toBeGreaterThan(0);
    // Give the pool time to hear about it (an unhandled 'error' would fail the run here).
    await new Promise((r) => setTimeout(r, 300));
    const [row] = rowsOf<{ one: number }>(await database.db.execute(sql`select 1 as one`));
    expect(row.one).toBe(1);
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });
});
