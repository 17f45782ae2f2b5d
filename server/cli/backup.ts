// CLI: back up the embedded database to one .tar.gz (PGlite's own data-dir dump) and restore it. Both take the
// data-dir lock, so they never copy or replace files under a running server. On PostgreSQL the standard tools
// (pg_dump / pg_restore) do this job better, so these commands refuse there.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openEmbedded, rowsOf, type Database } from '../db/client';
import { audit } from '../platform/audit';
import { fieldCipher } from '../platform/crypto';
import { resolveSecretKey } from '../platform/secret-key';
import { CliFailure, UsageError, parseOptions } from './args';
import { cliActor, cliConfig, lockDataDir, withDatabase } from './context';

const GZIP_MAGIC = [0x1f, 0x8b];

function refuseOnPostgres(config: { databaseUrl?: string }, tool: string): void {
  if (config.databaseUrl) {
    throw new CliFailure(
      `DATABASE_URL is set: back up and restore PostgreSQL with its own tools (${tool}). ` +
        `This command handles the embedded database only. / 使用 PostgreSQL 时请用 ${tool}。`,
      2,
    );
  }
}

function pgliteOf(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}

export async function backupCommand(argv: string[]): Promise<void> {
  const o = parseOptions(argv, { out: { type: 'string', required: true } });
  const config = cliConfig();
  refuseOnPostgres(config, 'pg_dump');
  const out = path.resolve(o.out);
  if (fs.existsSync(out)) throw new UsageError(`--out: ${out} already exists; choose a new file name / 文件已存在`);
  if (!fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist / 目录不存在`);
  await withDatabase(async ({ database, actor }) => {
    const client = pgliteOf(database);
    // Flush everything to the data files first, so the archive does not depend on replaying WAL.
    await client.exec('checkpoint');
    const dump = await client.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    const partial = `${out}.partial`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, out);
    await audit(database.db, actor, { action: 'database.backup', objectType: 'database', details: { file: out, bytes: bytes.length } });
    console.log(`backup written to ${out} (${(bytes.length / 1024).toFixed(0)} KiB) / 备份完成`);
    // The key stays out of the backup on purpose: a stolen backup alone must not reveal ID numbers.
    console.log(
      `the encryption key is NOT in the backup: keep ${config.secretKey ? 'SECRET_KEY' : path.join(config.dataDir, 'secret.key')} safe separately; ` +
        'without it the ID numbers in a restored database cannot be read / 加密密钥不在备份中，请另行妥善保存',
    );
  });
}

/** Refuses a restore whose encrypted fields this deployment's key cannot read (a backup from another install). */
async function checkKey(database: Database, key: string): Promise<void> {
  const [row] = rowsOf<{ c: string }>(await database.db.execute(sql`select id_cipher as c from volunteers where id_cipher is not null limit 1`));
  if (!row) return;
  try {
    fieldCipher(key).decrypt(row.c);
  } catch {
    throw new Error('this deployment\'s encryption key (SECRET_KEY or DATA_DIR/secret.key) cannot read the backup\'s ID numbers; put the key of the installation that made the backup in place first / 密钥与备份不匹配');
  }
}

async function checkDatabase(database: Database): Promise<{ units: number; accounts: number }> {
  await database.migrate();
  const state = await database.migrationState();
  if (state.applied < state.known) throw new Error(`only ${state.applied} of ${state.known} migrations applied`);
  const [row] = rowsOf<{ units: number; accounts: number }>(
    await database.db.execute(sql`select (select count(*)::int from units) as units, (select count(*)::int from accounts) as accounts`),
  );
  return { units: Number(row.units), accounts: Number(row.accounts) };
}

function readBackup(file: string): Buffer {
  if (!fs.existsSync(file)) throw new UsageError(`--file: ${file} does not exist / 文件不存在`);
  const bytes = fs.readFileSync(file);
  if (bytes.length < 2 || bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) {
    throw new UsageError(`--file: ${file} is not a backup made by "wm backup" (not a .tar.gz) / 不是备份文件`);
  }
  return bytes;
}

export async function restoreCommand(argv: string[]): Promise<void> {
  const o = parseOptions(argv, { file: { type: 'string', required: true }, 'keep-previous': { type: 'boolean' } });
  const config = cliConfig();
  refuseOnPostgres(config, 'pg_restore / psql');
  const file = path.resolve(o.file);
  const bytes = readBackup(file);
  const release = lockDataDir(config);
  try {
    // openEmbedded keeps PGlite's files in DATA_DIR/pglite; the backup is unpacked beside it first.
    const target = path.join(config.dataDir, 'pglite');
    const staging = path.join(config.dataDir, '.restoring');
    fs.rmSync(staging, { recursive: true, force: true }); // left by an interrupted restore; we hold the lock
    fs.mkdirSync(staging, { recursive: true });
    try {
      const loader = await PGlite.create({ dataDir: path.join(staging, 'pglite'), loadDataDir: new Blob([new Uint8Array(bytes)]) });
      await loader.close();
      // Reopen the way the server does (same extensions and options), bring it up to this version's schema.
      const restored = await openEmbedded(staging);
      try {
        await checkDatabase(restored);
        await checkKey(restored, resolveSecretKey(config));
      } finally {
        await restored.close();
      }
    } catch (e) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new CliFailure(`--file: ${file} could not be restored, the current data is untouched: ${(e as Error).message}`);
    }

    const aside = fs.existsSync(target) ? `${target}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}` : null;
    if (aside) fs.renameSync(target, aside);
    fs.renameSync(path.join(staging, 'pglite'), target);
    fs.rmSync(staging, { recursive: true, force: true });
    let counts: { units: number; accounts: number };
    try {
      const database = await openEmbedded(config.dataDir);
      try {
        counts = await checkDatabase(database);
        await audit(database.db, cliActor, { action: 'database.restored', objectType: 'database', details: { file, ...counts } });
      } finally {
        await database.close();
      }
    } catch (e) {
      fs.rmSync(target, { recursive: true, force: true });
      if (aside) fs.renameSync(aside, target);
      throw new CliFailure(`the restored database did not open; the previous data is back in place: ${(e as Error).message}`);
    }
    if (aside && !o['keep-previous']) fs.rmSync(aside, { recursive: true, force: true });
    console.log(
      `restored ${file} into ${target}: ${counts.units} units, ${counts.accounts} accounts` +
        (aside && o['keep-previous'] ? `; the previous data is kept in ${aside}` : '') +
        ' / 恢复完成',
    );
  } finally {
    release();
  }
}
