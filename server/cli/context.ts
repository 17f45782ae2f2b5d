// What every CLI command that touches the database shares: the server's configuration, the data-directory lock
// on the embedded database (never beside a running server), migrations first, the audit actor, and closing.
import { loadConfig, type Config } from '../config';
import { openEmbedded, openPostgres, type Database } from '../db/client';
import { takeDataDirLock } from '../platform/lock-file';
import type { AuditActor } from '../platform/audit';
import { CliFailure } from './args';

export const cliActor: AuditActor = { id: null, label: 'cli', ip: '' };

export type CliContext = { config: Config; database: Database; actor: AuditActor };

export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    throw new CliFailure((e as Error).message);
  }
}

/** Takes the data-dir lock (embedded only) or fails with the lock's own message naming the holder. */
export function lockDataDir(config: Config): () => void {
  if (config.databaseUrl) return () => {};
  try {
    return takeDataDirLock(config.dataDir);
  } catch (e) {
    throw new CliFailure((e as Error).message);
  }
}

export async function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, 2) : openEmbedded(config.dataDir);
}

/** Runs `fn` on the migrated database of this deployment, then closes it and releases the lock, always. */
export async function withDatabase<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const release = lockDataDir(config);
  let database: Database | null = null;
  try {
    database = await openDatabase(config);
    await database.migrate();
    return await fn({ config, database, actor: cliActor });
  } finally {
    await database?.close().catch(() => {});
    release();
  }
}
