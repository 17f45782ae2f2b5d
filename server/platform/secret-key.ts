// SECRET_KEY encrypts personal data, so it must never change under existing data and never live in the
// database. On the embedded database a key is made on first start and kept beside the data (DATA_DIR/secret.key,
// mode 0600); on PostgreSQL every instance must be given the same SECRET_KEY.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export function resolveSecretKey(o: { secretKey?: string; dataDir: string; databaseUrl?: string }): string {
  if (o.secretKey) return o.secretKey;
  if (o.databaseUrl) {
    throw new Error('SECRET_KEY is required with DATABASE_URL (32+ characters, the same on every instance; keep it out of the database). Generate one with: openssl rand -base64 48');
  }
  const file = path.join(o.dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(o.dataDir, { recursive: true });
  const key = randomBytes(48).toString('base64');
  fs.writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
