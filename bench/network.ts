// Benchmark `network`: the public site page API (GET /api/public/sites/:token) and the signed-in unit tree
// (GET /api/network/tree as the district admin), each against a bare Fastify route on the same database making
// the same service call (so the same query), on the embedded database and on PostgreSQL.
// Judged by: app req/s ÷ baseline req/s (target ≥ 70%) and the app's p99 (target < 50 ms).
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { rowsOf, type Database } from '../server/db/client';
import { seedDemo } from '../server/seed/run';
import { loadGrants } from '../server/platform/auth';
import type { Principal } from '../server/platform/policy';
import { publicSiteByToken } from '../server/modules/network/sites.service';
import { unitTreeOf } from '../server/modules/network/units.service';
import { unitTree } from '../server/modules/network/units.repo';
import { scopeCondition } from '../server/platform/policy';
import { units } from '../server/db/schema/network';
import { cannon, type CannonResult } from './lib/cannon';
import { listen, onEmbedded, onFreshPostgres, signInCookie } from './lib/bench-db';
import { machine, pct, table } from './lib/report';

type Opts = { duration: number; connections: number; only: string[] };

const DISTRICT_ADMIN = '13800000001';
const WARMUP_S = 3;

type Target = { id: 'public' | 'tree'; name: string; path: string; baselinePath: string; cachedBaselinePath?: string; headers: Record<string, string> };
type Row = { backend: string; target: string; kind: 'baseline' | 'baseline (same cache)' | 'app'; r: CannonResult };

/**
 * The bare framework doing exactly the database work of the two routes — the same service calls, so the same
 * queries — with no rate limit, session check, validation, response schema or presenter.
 */
function baselineApp(database: Database, principal: Principal): FastifyInstance {
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { token: string } }>('/baseline/site/:token', async (req) => publicSiteByToken(database.db, req.params.token));
  // The baseline: the bare route runs the tree query itself on every request.
  bare.get('/baseline/tree', async () => ({ units: await unitTree(database.db, scopeCondition(principal, 'network.read', units.code)) }));
  // A second, stricter baseline: the bare route with the app's own version-checked cache, so the ratio to it
  // shows what the stack (rate limit, session, validation, presenter) costs on top.
  bare.get('/baseline/tree-cached', async () => ({ units: await unitTreeOf(database.db, { principal }) }));
  return bare;
}

async function prepare(database: Database) {
  await database.migrate();
  await seedDemo(database.db, { volunteers: false });
  const [site] = rowsOf<{ token: string }>(
    await database.db.execute(sql`select civic_token as token from sites s join units u on u.id = s.unit_id
      where u.level = 'station' order by s.unit_code limit 1`),
  );
  if (!site) throw new Error('the seed has no station site to open');
  const [acc] = rowsOf<{ id: string; name: string }>(await database.db.execute(sql`select id, name from accounts where phone = ${DISTRICT_ADMIN}`));
  const principal: Principal = { accountId: acc.id, name: acc.name, phone: DISTRICT_ADMIN, grants: await loadGrants(database.db, acc.id) };
  return { token: site.token, principal };
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function measureBackend(backend: string, database: Database, dataDir: string, o: Opts): Promise<Row[]> {
  const { token, principal } = await prepare(database);
  // The public route's per-client limit would turn a load test from one address into 429s; raise it so the
  // limiter still runs (and costs what it costs) but never trips.
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://127.0.0.1', RATE_LIMIT_PUBLIC_PER_MIN: '1000000000', SECRET_KEY: randomBytes(32).toString('hex') });
  const app = await buildApp({ database, config, version: 'bench' });
  const bare = baselineApp(database, principal);
  try {
    const appUrl = await listen(app);
    const bareUrl = await listen(bare);
    const cookie = await signInCookie(appUrl, DISTRICT_ADMIN);

    const targets: Target[] = [
      { id: 'public', name: 'public site page', path: `/api/public/sites/${token}`, baselinePath: `/baseline/site/${token}`, headers: {} },
      { id: 'tree', name: 'unit tree', path: '/api/network/tree', baselinePath: '/baseline/tree', cachedBaselinePath: '/baseline/tree-cached', headers: { cookie } },
    ];
    // Both sides must answer the same thing before their speed means anything.
    const chosen = targets.filter((t) => o.only.includes(t.id));
    if (o.only.includes('public')) {
      const siteApp = await getJson(appUrl + targets[0].path);
      const siteBare = await getJson(bareUrl + targets[0].baselinePath);
      if (siteApp.name !== siteBare.name) throw new Error('the public page and the baseline disagree on the site');
      console.log(`  ${backend}: public page of "${String(siteApp.name)}"`);
    }
    if (o.only.includes('tree')) {
      const treeApp = (await getJson(appUrl + targets[1].path, { cookie })).units as unknown[];
      const treeBare = (await getJson(bareUrl + targets[1].baselinePath)).units as unknown[];
      if (treeApp.length !== treeBare.length || treeApp.length === 0) throw new Error(`tree sizes differ: app ${treeApp.length}, baseline ${treeBare.length}`);
      console.log(`  ${backend}: tree of ${treeApp.length} units`);
    }

    const rows: Row[] = [];
    for (const t of chosen) {
      const runs = [
        { kind: 'baseline' as const, url: bareUrl + t.baselinePath, headers: {} },
        ...(t.cachedBaselinePath ? [{ kind: 'baseline (same cache)' as const, url: bareUrl + t.cachedBaselinePath, headers: {} }] : []),
        { kind: 'app' as const, url: appUrl + t.path, headers: t.headers },
      ];
      for (const r of runs) await cannon({ url: r.url, connections: o.connections, duration: WARMUP_S, headers: r.headers });
      for (const r of runs) {
        const result = await cannon({ url: r.url, connections: o.connections, duration: o.duration, headers: r.headers });
        rows.push({ backend, target: t.name, kind: r.kind, r: result });
        console.log(`  ${backend} ${t.name} ${r.kind}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms`);
      }
    }
    return rows;
  } finally {
    await app.close();
    await bare.close();
  }
}

function report(rows: Row[], o: Opts): void {
  const out: (string | number)[][] = [];
  const verdicts: string[] = [];
  for (const r of rows) {
    const base = rows.find((x) => x.backend === r.backend && x.target === r.target && x.kind === 'baseline')!;
    const ratio = r.r.rps / base.r.rps;
    out.push([
      `${r.backend} · ${r.target} · ${r.kind}`,
      r.r.rps.toFixed(0),
      r.r.p50,
      r.r.p99,
      r.r.max,
      r.r.non2xx + r.r.errors + r.r.timeouts,
      r.kind === 'app' ? pct(ratio) : '',
    ]);
    const cached = rows.find((x) => x.backend === r.backend && x.target === r.target && x.kind === 'baseline (same cache)');
    if (r.kind === 'app' && cached) {
      verdicts.push(`${r.backend} · ${r.target}: ${pct(r.r.rps / cached.r.rps)} of the bare route with the same cache (the stack's own cost)`);
    }
    if (r.kind === 'app') {
      verdicts.push(
        `${r.backend} · ${r.target}: ${pct(ratio)} of the bare route's throughput (target ≥ 70%), p99 ${r.r.p99} ms (target < 50 ms)` +
          (r.r.non2xx + r.r.errors + r.r.timeouts > 0 ? ' — WARNING: some answers were not 2xx, figures are not valid' : ''),
      );
    }
  }
  console.log(`\nnetwork benchmark — ${o.connections} connections, ${o.duration} s per measurement after ${WARMUP_S} s warm-up, loopback`);
  console.log(table(['', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx/err', 'app/base'], out));
  console.log('\njudged by:');
  for (const v of verdicts) console.log(`  ${v}`);
}

export async function networkBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
      'skip-pg': { type: 'boolean', default: false },
      only: { type: 'string', default: 'public,tree' },
    },
    strict: true,
  });
  const only = values.only!.split(',').map((x) => x.trim());
  if (only.some((x) => x !== 'public' && x !== 'tree')) throw new Error('--only takes public, tree or public,tree');
  const o: Opts = { duration: Number(values.duration), connections: Number(values.connections), only };
  if (!(o.duration > 0) || !(o.connections > 0)) throw new Error('--duration and --connections must be positive numbers');
  console.log(`network benchmark on ${machine()}`);
  const rows = await onEmbedded((database, dir) => measureBackend('embedded', database, dir, o));
  if (values['skip-pg']) console.log('  postgres: skipped (--skip-pg)');
  else {
    const pgRows = await onFreshPostgres(values['pg-url']!, (database) => measureBackend('postgres', database, os.tmpdir(), o));
    if (typeof pgRows === 'string') console.log(`  postgres: ${pgRows}`);
    else rows.push(...pgRows);
  }
  report(rows, o);
}
