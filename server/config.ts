// The one environment object. Parsed once at start; a bad value stops the process with a readable message.
import { z } from 'zod';
import path from 'node:path';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  SECRET_KEY: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  SEED_DEMO: bool.default(true),
  WEB_DIST: z.string().default('./dist/web'),
  // Requests per minute per client IP on public pages (QR scans) and on sign-in.
  RATE_LIMIT_PUBLIC_PER_MIN: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_SIGN_IN_PER_MIN: z.coerce.number().int().min(1).default(20),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  publicBaseUrl: string;
  secretKey?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  seedDemo: boolean;
  webDist: string;
  cookieSecure: boolean;
  rateLimit: { publicPerMin: number; signInPerMin: number };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicBaseUrl,
    secretKey: e.SECRET_KEY,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    webDist: path.resolve(e.WEB_DIST),
    cookieSecure: publicBaseUrl.startsWith('https://'),
    rateLimit: { publicPerMin: e.RATE_LIMIT_PUBLIC_PER_MIN, signInPerMin: e.RATE_LIMIT_SIGN_IN_PER_MIN },
  };
}
