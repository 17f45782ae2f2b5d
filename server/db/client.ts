// Opens the database: embedded PGlite in DATA_DIR by default, PostgreSQL when a URL is given.
// Both are used through the same Drizzle pg-core API; callers never see which one they have.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle has the same query API as the database itself. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: 'embedded' | 'postgres';
  migrate(): Promise<void>;
  migrationState(): Promise<{ applied: number; known: number }>;
  close(): Promise<void>;
};

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same for every instance of this product.
const MIGRATION_LOCK_KEY = 7_303_303;

function knownMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  return journal.entries.length;
}

async function appliedMigrations(db: Db): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    select case when to_regclass('drizzle.__drizzle_migrations') is null then 0
           else (select count(*)::int from drizzle.__drizzle_migrations) end as n`);
  return Number((rows as unknown as { rows: { n: number }[] }).rows?.[0]?.n ?? 0);
}

export async function openEmbedded(dataDir: string | null): Promise<Database> {
  // null = in memory (tests). PGlite keeps its files in a sub-folder so DATA_DIR can hold other things too.
  // Extensions must be handed to PGlite itself; the migration's CREATE EXTENSION then finds them.
  const extensions = { pg_trgm };
  const client = dataDir === null ? await PGlite.create({ extensions }) : await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'embedded',
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    migrationState: async () => ({ applied: await appliedMigrations(db), known: knownMigrations() }),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  let closing = false;
  // An idle connection the server drops (restart, failover, an administrator ending it) is reported here; without a
  // listener the pool's 'error' event would be thrown and end the process. The pool opens a new one when needed.
  pool.on('error', (err) => {
    if (!closing) console.error(`database: an idle connection was closed by the server (${err.message}); it will be replaced`);
  });
  // int8 (count, bigserial) as JS number, the same as PGlite gives: ids and counts here stay far below 2^53.
  pg.types.setTypeParser(20, (v) => Number(v));
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // Several instances may start at once: the advisory lock lets one migrate while the others wait.
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(conn), { migrationsFolder });
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        conn.release();
      }
    },
    migrationState: async () => ({ applied: await appliedMigrations(db), known: knownMigrations() }),
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

/** Rows of a raw `db.execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
