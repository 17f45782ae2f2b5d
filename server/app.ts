// Builds the HTTP application from its dependencies. main.ts calls it for the real server; tests call it with
// an in-memory database and use app.inject().
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import type { Config } from './config';
import { registerErrorHandler } from './platform/errors';
import { registerAuth } from './platform/auth';
import { fieldCipher, type FieldCipher } from './platform/crypto';
import { outboxSmsSender, type SmsSender } from './platform/sms';
import { healthRoutes } from './modules/health/health.routes';
import { authRoutes } from './modules/accounts/auth.routes';
import { accountRoutes } from './modules/accounts/accounts.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { networkRoutes } from './modules/network/network.routes';
import { volunteersRoutes } from './modules/volunteers/volunteers.routes';
import { teamsRoutes } from './modules/teams/teams.routes';
import { rosterRoutes } from './modules/roster/roster.routes';
import { trainingRoutes } from './modules/training/training.routes';
import { activitiesRoutes } from './modules/activities/activities.routes';
import { webRoutes } from './modules/web/web.routes';
import { signupsRoutes } from './modules/signups/signups.routes';
import { attendanceRoutes } from './modules/attendance/attendance.routes';
import { hoursRoutes } from './modules/hours/hours.routes';
import { certificatesRoutes } from './modules/certificates/certificates.routes';
import { feedsRoutes } from './modules/feeds/feeds.routes';
import { menuRoutes } from './modules/menu/menu.routes';
import { notifier, type Notifier } from './platform/notify';
import { startJobs } from './platform/jobs';
import { appJobs } from './jobs';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type AppDeps = {
  database: Database;
  config: Config;
  clock?: Clock;
  logger?: boolean | object;
  version?: string;
  /** Defaults to the built-in outbox sender (records, shows in the console, logs). */
  sms?: SmsSender;
  /** Run the periodic jobs (reminders, auto-close) in this process; main.ts turns it on, tests call jobs directly. */
  jobs?: boolean;
};

export type App = FastifyInstance;

/** Every route the app serves, for the policy matrix and the hostile-input tests (they fail on a route they do not know). */
export type RouteInfo = { method: string; url: string; access: 'public' | 'staff'; schema: Record<string, unknown> | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteInfo[];
    cipher: FieldCipher;
  }
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Fastify answers 503 to requests that arrive while it is closing; ongoing ones finish.
    return503OnClosing: true,
    // Router-level refusals (bad URL encoding, over-long path parameters) get the same error shape.
    frameworkErrors: (err, _req, reply) => {
      const status = (err as { statusCode?: number }).statusCode ?? 400;
      const r = reply as unknown as { status(n: number): { send(b: unknown): void } };
      r.status(status >= 400 && status < 500 ? status : 400).send({ error: { code: 'bad_request', message: '请求地址有误' } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  const routeList: RouteInfo[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      // access is read later: plugins' own onRoute hooks (the docs) may still set it after this one runs.
      routeList.push({
        method,
        url: r.url,
        get access() {
          return r.config?.access ?? 'staff';
        },
        schema: r.schema as Record<string, unknown> | undefined,
      });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  // Limits are opted into per route (sign-in, public pages); in-memory per instance, see docs/ARCHITECTURE.md.
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Wenming 文明实践云 API', version: deps.version ?? '0.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wm_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    // The interactive reference is public, like the OpenAPI document it shows.
    docs.addHook('onRoute', (r) => {
      r.config = { ...(r.config ?? {}), access: 'public' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, { db: deps.database.db, clock, publicBaseUrl: deps.config.publicBaseUrl });
  if (!deps.config.secretKey) throw new Error('buildApp needs config.secretKey (main.ts resolves it; tests pass one)');
  const cipher = fieldCipher(deps.config.secretKey);
  app.decorate('cipher', cipher);
  const sms = deps.sms ?? outboxSmsSender(app.log);
  const moduleDeps: ModuleDeps = {
    db: deps.database.db,
    database: deps.database,
    config: deps.config,
    clock,
    version: deps.version ?? '0.0.0',
    cipher,
    sms,
    notify: notifier(sms),
  };
  await app.register(healthRoutes, moduleDeps);
  await app.register(authRoutes, moduleDeps);
  await app.register(accountRoutes, moduleDeps);
  await app.register(auditRoutes, moduleDeps);
  await app.register(networkRoutes, moduleDeps);
  await app.register(volunteersRoutes, moduleDeps);
  await app.register(teamsRoutes, moduleDeps);
  await app.register(rosterRoutes, moduleDeps);
  await app.register(trainingRoutes, moduleDeps);
  await app.register(activitiesRoutes, moduleDeps);
  await app.register(signupsRoutes, moduleDeps);
  await app.register(attendanceRoutes, moduleDeps);
  await app.register(hoursRoutes, moduleDeps);
  await app.register(certificatesRoutes, moduleDeps);
  await app.register(feedsRoutes, moduleDeps);
  await app.register(menuRoutes, moduleDeps);
  await app.register(webRoutes, moduleDeps);
  if (deps.jobs) {
    const stop = startJobs(appJobs(moduleDeps), clock, app.log);
    app.addHook('onClose', async () => stop());
  }
  return app;
}

export type ModuleDeps = {
  db: Database['db'];
  database: Database;
  config: Config;
  clock: Clock;
  version: string;
  cipher: FieldCipher;
  sms: SmsSender;
  notify: Notifier;
};
