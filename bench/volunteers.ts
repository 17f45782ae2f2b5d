// Benchmark `volunteers`: volunteer search (GET /api/volunteers) over a million volunteers on PostgreSQL, as the
// district admin and as an institute admin, with a mix of what staff type (name / phone fragments) and pick
// (skill, station, status). Judged by: p95 per query kind and overall against the 50 ms target, beside the bare
// database time of the very same SQL (captured from the app's own requests and replayed on one connection).
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openPostgres } from '../server/db/client';
import { seedDemo } from '../server/seed/run';
import { assertLoopback } from './lib/cannon';
import { signInCookie } from './lib/bench-db';
import { machine, table } from './lib/report';
import { generateVolunteers } from './lib/volunteer-generator';
import { INSTITUTE_CODE, KINDS, queryStrings, sampleData, type Scope } from './lib/volunteer-queries';

type Opts = { total: number; requests: number; connections: number; explain: boolean };
type Job = { tag: string; url: string; headers: Record<string, string> };
type Timing = { tag: string; ms: number; status: number };
type Captured = { text: string; values: unknown[] };

const ADMINS: Record<Scope, string> = { district: '13800000001', institute: '13800000002' };
const TARGET_P95_MS = 50;
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'latency-child.mjs');

function pctl(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const f1 = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(1));

function runChild(jobs: Job[], connections: number): Promise<Timing[]> {
  return new Promise((resolve, reject) => {
    const p = execFile(process.execPath, [child], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`latency child failed: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()!) as Timing[]);
    });
    p.stdin!.end(JSON.stringify({ connections, jobs }));
  });
}

/** Records the SQL the app sends while `fn` runs (one request at a time), by wrapping pg's Client#query. */
async function captureSql(fn: () => Promise<void>): Promise<Captured[]> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  const seen: Captured[] = [];
  proto.query = function (this: unknown, ...a: unknown[]) {
    // Drizzle calls query(config, params); others query(text, params) or query({ text, values }).
    const c = a[0] as string | { text: string; values?: unknown[] };
    const params = (Array.isArray(a[1]) ? a[1] : []) as unknown[];
    if (typeof c === 'string') seen.push({ text: c, values: params });
    else if (c && typeof c.text === 'string') seen.push({ text: c.text, values: c.values ?? params });
    return original.apply(this, a);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  // Only reads are replayed: the session touch and any audit write would change data, not measure the search.
  return seen.filter((q) => /^\s*(select|with)\b/i.test(q.text));
}

async function measure(dbUrl: string, o: Opts, fresh: boolean): Promise<void> {
  const gen = new pg.Client({ connectionString: dbUrl });
  await gen.connect();
  const database = await openPostgres(dbUrl);
  let app: FastifyInstance | null = null;
  try {
    if (fresh) {
      const t0 = Date.now();
      await database.migrate();
      await seedDemo(database.db, { volunteers: false });
      await generateVolunteers(gen, o.total, console.log);
      console.log(`  database ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    const { rows: [{ n }] } = await gen.query<{ n: number }>('select count(*)::int as n from volunteers');
    const config = loadConfig({ DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://127.0.0.1', SECRET_KEY: randomBytes(32).toString('hex') });
    app = await buildApp({ database, config, version: 'bench' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${addr.port}`;
    const cookies = { district: await signInCookie(base, ADMINS.district), institute: await signInCookie(base, ADMINS.institute) };
    const sample = await sampleData(gen);

    // Every concrete request must answer 200 (and the institute admin only rows of the institute) before its
    // speed means anything. One request at a time, so the SQL of each can be captured for the baseline.
    const variants: { tag: string; url: string; scope: Scope; sqls: Captured[]; items: number }[] = [];
    for (const scope of ['district', 'institute'] as Scope[]) {
      for (const [kind, list] of Object.entries(queryStrings(sample, scope))) {
        for (const q of list) {
          const url = `${base}/api/volunteers?${q}`;
          let body: { items?: { homeUnit?: { code?: string } }[] } = {};
          const sqls = await captureSql(async () => {
            const res = await fetch(url, { headers: { cookie: cookies[scope] } });
            if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
            body = await res.json();
          });
          const items = body.items ?? [];
          if (scope === 'institute' && items.some((it) => !it.homeUnit?.code?.startsWith(INSTITUTE_CODE))) throw new Error(`institute scope leaked rows for ${q}`);
          variants.push({ tag: `${scope}|${kind}`, url, scope, sqls, items: items.length });
        }
      }
    }
    console.log(`  ${n.toLocaleString('en')} volunteers; ${variants.length} distinct requests, each answered 200`);

    // The same job list for every mode: `requests` per kind and scope, kinds interleaved.
    const tags = [...new Set(variants.map((v) => v.tag))];
    const jobs: (Job & { v: (typeof variants)[number] })[] = [];
    for (let i = 0; i < o.requests; i++) {
      for (const tag of tags) {
        const vs = variants.filter((v) => v.tag === tag);
        const v = vs[i % vs.length];
        jobs.push({ tag, url: v.url, headers: { cookie: cookies[v.scope] }, v });
      }
    }
    const plain = jobs.map(({ v: _v, ...j }) => j);
    await runChild(plain.slice(0, tags.length * 2), 1); // warm-up: plans, caches, connections
    const sequential = await runChild(plain, 1);
    const concurrent = await runChild(plain, o.connections);

    // Baseline: the captured reads of each request, replayed on one plain connection (no HTTP, no pool).
    const bare: Timing[] = [];
    const slowest: Timing[] = [];
    for (const j of jobs) {
      let total = 0;
      let max = 0;
      for (const q of j.v.sqls) {
        const t0 = performance.now();
        await gen.query(q.text, q.values);
        const ms = performance.now() - t0;
        total += ms;
        max = Math.max(max, ms);
      }
      bare.push({ tag: j.tag, ms: total, status: 200 });
      slowest.push({ tag: j.tag, ms: max, status: 200 });
    }
    report({ tags, sequential, concurrent, bare, slowest, variants, o, n });
    if (o.explain) await explain(gen, variants);
  } finally {
    if (app) await app.close();
    await database.close();
    await gen.end();
  }
}

function report(r: { tags: string[]; sequential: Timing[]; concurrent: Timing[]; bare: Timing[]; slowest: Timing[]; variants: { tag: string; items: number }[]; o: Opts; n: number }): void {
  const by = (ts: Timing[], tag?: string) => ts.filter((t) => !tag || t.tag === tag).map((t) => t.ms);
  const bad = [...r.sequential, ...r.concurrent].filter((t) => t.status !== 200).length;
  const row = (label: string, tag?: string) => {
    const seq = by(r.sequential, tag);
    const con = by(r.concurrent, tag);
    const items = r.variants.filter((v) => !tag || v.tag === tag);
    return [label, (items.reduce((s, v) => s + v.items, 0) / items.length).toFixed(0), f1(pctl(seq, 50)), f1(pctl(seq, 95)), f1(pctl(seq, 99)), f1(pctl(con, 50)), f1(pctl(con, 95)), f1(pctl(con, 99)), f1(pctl(by(r.bare, tag), 50)), f1(pctl(by(r.bare, tag), 95)), f1(pctl(by(r.slowest, tag), 95))];
  };
  const rows = r.tags.map((t) => row(t.replace('|', ' · '), t));
  rows.push(row('overall'));
  console.log(`\nvolunteer search — ${r.n.toLocaleString('en')} volunteers, PostgreSQL, ${r.o.requests} requests per kind and scope, loopback`);
  console.log(`sequential = 1 connection; concurrent = ${r.o.connections} connections; bare SQL = the same reads replayed without HTTP (all reads of the request / the slowest one)`);
  console.log(table(['scope · kind', 'rows', 'seq p50', 'seq p95', 'seq p99', `${r.o.connections}c p50`, `${r.o.connections}c p95`, `${r.o.connections}c p99`, 'SQL p50', 'SQL p95', 'slowest q p95'], rows));
  const seq95 = pctl(by(r.sequential), 95);
  const con95 = pctl(by(r.concurrent), 95);
  console.log(`kinds: ${KINDS.map((k) => `${k.id} = ${k.what}`).join('; ')}`);
  console.log('\njudged by (target p95 < 50 ms):');
  console.log(`  overall p95: sequential ${f1(seq95)} ms, ${r.o.connections} connections ${f1(con95)} ms; bare SQL p95 ${f1(pctl(by(r.bare), 95))} ms`);
  const over = r.tags.filter((t) => pctl(by(r.sequential, t), 95) >= TARGET_P95_MS);
  console.log(over.length ? `  kinds over the target (sequential p95): ${over.join(', ').replaceAll('|', ' · ')}` : '  every kind is under the target (sequential p95)');
  if (bad) console.log(`  WARNING: ${bad} answers were not 200 — figures are not valid`);
}

/** EXPLAIN ANALYZE of the volunteer queries of each kind's slowest variant, for finding out why one is slow. */
async function explain(client: pg.Client, variants: { tag: string; url: string; sqls: Captured[] }[]): Promise<void> {
  const timed = async (q: Captured) => {
    const t0 = performance.now();
    await client.query(q.text, q.values);
    return performance.now() - t0;
  };
  for (const tag of [...new Set(variants.map((v) => v.tag))]) {
    let worst = { ms: -1, v: variants[0] };
    for (const v of variants.filter((x) => x.tag === tag)) {
      let ms = 0;
      for (const q of v.sqls) ms += await timed(q);
      if (ms > worst.ms) worst = { ms, v };
    }
    console.log(`\n=== ${tag}: slowest variant ${decodeURIComponent(worst.v.url.split('?')[1])} (${worst.ms.toFixed(1)} ms)`);
    for (const q of worst.v.sqls.filter((s) => /from "volunteers"/i.test(s.text))) {
      const { rows } = await client.query(`explain (analyze, buffers) ${q.text}`, q.values);
      console.log(`--- ${q.text.slice(0, 120).replace(/\s+/g, ' ')}…\n${rows.map((x) => x['QUERY PLAN']).join('\n')}`);
    }
  }
}

export async function volunteersBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      volunteers: { type: 'string', default: '1000000' },
      'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
      requests: { type: 'string', default: '100' },
      connections: { type: 'string', default: '4' },
      explain: { type: 'boolean', default: false },
      // Keep the generated database (prints its name) / reuse a kept one: for investigating a slow query.
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
    },
    strict: true,
  });
  const o: Opts = { total: Number(values.volunteers), requests: Number(values.requests), connections: Number(values.connections), explain: values.explain! };
  if (!(o.total > 0) || !(o.requests > 0) || !(o.connections > 0)) throw new Error('--volunteers, --requests and --connections must be positive numbers');
  const baseUrl = values['pg-url']!;
  assertLoopback(baseUrl);
  console.log(`volunteers benchmark on ${machine()}`);
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    console.log(`  PostgreSQL at ${baseUrl} is unreachable (${(e as Error).message}); skipped — this benchmark needs PostgreSQL (--pg-url)`);
    return;
  }
  const name = values.reuse ?? `wm_bench_${randomBytes(5).toString('hex')}`;
  if (!/^wm_bench_[0-9a-f]+$/.test(name)) throw new Error('--reuse takes a database name this benchmark created (wm_bench_…)');
  if (!values.reuse) await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  try {
    await measure(u.toString(), o, !values.reuse);
  } finally {
    if (values.keep || values.reuse) console.log(`  kept database ${name} (drop it with: drop database ${name})`);
    else {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  }
}
