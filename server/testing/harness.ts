// Test harness: a fresh database (in-memory PGlite, or a new database on TEST_DATABASE_URL's server), migrated,
// with the demo network seeded, and the app built on it. Each test file gets its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type App, type Clock } from '../app';
import { openEmbedded, openPostgres, type Database } from '../db/client';
import { loadConfig } from '../config';
import { seedDemo } from '../seed/run';

/** A fixed key for tests, so a test can decrypt what the app stored. */
export const TEST_SECRET_KEY = 'test-secret-key-0123456789-abcdefghijklmnop';

export type TestContext = { app: App; database: Database; clock: TestClock; close(): Promise<void> };

export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { database: await openEmbedded(null), drop: async () => {} };
  const name = `wm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 4);
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startTestApp(opts: { seed?: boolean } = {}): Promise<TestContext> {
  const { database, drop } = await freshDatabase();
  await database.migrate();
  if (opts.seed !== false) await seedDemo(database.db, { volunteers: false });
  const clock = new TestClock();
  const config = loadConfig({ PUBLIC_BASE_URL: 'http://wenming.test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', RATE_LIMIT_SIGN_IN_PER_MIN: '10000', SECRET_KEY: TEST_SECRET_KEY });
  const app = await buildApp({ database, config, clock, version: 'test' });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** A signed-in client: keeps the session cookie between calls like a browser would. */
type Res = Awaited<ReturnType<App['inject']>>;
export type Agent = {
  cookie: string;
  get(url: string): Promise<Res>;
  post(url: string, body?: unknown): Promise<Res>;
  patch(url: string, body?: unknown): Promise<Res>;
  put(url: string, body?: unknown): Promise<Res>;
  del(url: string): Promise<Res>;
};

export async function signIn(app: App, phone: string, password: string): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { phone, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in ${phone} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'wm_session');
  if (!c) throw new Error('no session cookie');
  return agentWithCookie(app, `wm_session=${c.value}`);
}

export function agentWithCookie(app: App, cookie: string): Agent {
  const headers = { cookie };
  return {
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, body) => app.inject({ method: 'POST', url, headers, payload: body as object }),
    patch: (url, body) => app.inject({ method: 'PATCH', url, headers, payload: body as object }),
    put: (url, body) => app.inject({ method: 'PUT', url, headers, payload: body as object }),
    del: (url) => app.inject({ method: 'DELETE', url, headers }),
  };
}
