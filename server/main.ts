// Process entry: config → database → migrate → seed (first start) → listen; graceful shutdown on signals.
import fs from 'node:fs';
import { loadConfig } from './config';
import { buildApp } from './app';
import { openEmbedded, openPostgres, type Database } from './db/client';
import { takeDataDirLock } from './platform/lock-file';
import { resolveSecretKey } from './platform/secret-key';
import { seedDemoIfEmpty } from './seed/run';

const startedAt = performance.now();
const version = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;

async function main() {
  const config = loadConfig();
  let release = () => {};
  let database: Database;
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl);
  } else {
    release = takeDataDirLock(config.dataDir);
    database = await openEmbedded(config.dataDir);
  }
  config.secretKey = resolveSecretKey(config);
  const app = await buildApp({
    database,
    config,
    version,
    jobs: true,
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
  });
  if (database.kind === 'embedded') {
    app.log.warn(
      `embedded database in ${config.dataDir}: for trial and development only (no fsync; a power cut can lose data). ` +
        'Use DATABASE_URL=postgres://… in production.',
    );
  }
  await database.migrate();
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database.db, { cipher: app.cipher });
    if (seeded) app.log.info('seeded the Longwan demo network and demo accounts');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests, closing the database');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await database.close();
    } finally {
      release();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { url: config.publicBaseUrl, database: database.kind, startupMs: Math.round(performance.now() - startedAt) },
    'Wenming is ready',
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
