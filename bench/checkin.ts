// Benchmark `checkin`: a big event — N volunteers (default 2,000) check in within a window (default 60 s) through
// POST /api/volunteer/attendance, arrivals spread evenly, one in ten retried with the same Idempotency-Key as a
// phone on a bad connection would. Then the same arrivals all at once (a burst). Each beside a bare Fastify route
// on the same database that only inserts the attendance row (no session, validation, checks or idempotency).
// Judged by: no check-in lost or doubled (counted in the database), and the app's p99 beside the baseline's.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { rowsOf, type Database } from '../server/db/client';
import { seedDemo } from '../server/seed/run';
import { sha256 } from '../server/platform/crypto';
import { publishedActivity } from '../server/testing/participation-fixtures';
import { listen, onEmbedded, onFreshPostgres, signInCookie } from './lib/bench-db';
import { latencySummary, runRequests, type RequestJob, type RequestResult } from './lib/requests';
import { machine, pct, table } from './lib/report';

type Opts = { volunteers: number; window: number; connections: number };
type Row = { backend: string; run: string; kind: 'baseline' | 'app'; results: RequestResult[]; seconds: number; stored: number; distinct: number; duplicatesOk: string };

const STATION = '330303001001';
const DISTRICT_ADMIN = '13800000001';

/** N volunteers with accounts and session cookies, in bulk. */
async function makeVolunteers(database: Database, n: number): Promise<{ id: string; cookie: string }[]> {
  const db = database.db;
  const [unit] = rowsOf<{ id: string }>(await db.execute(sql`select id from units where code = ${STATION}`));
  await db.execute(sql`insert into accounts (phone, name) select '177' || lpad(i::text, 8, '0'), '签到压测' || i from generate_series(1, ${n}) i`);
  await db.execute(sql`insert into volunteers (account_id, name, phone, home_unit_id, home_unit_code, status, source)
    select a.id, a.name, a.phone, ${unit.id}, ${STATION}, 'active', 'staff' from accounts a where a.phone like '177%'`);
  const rows = rowsOf<{ id: string; account_id: string }>(await db.execute(sql`select id, account_id from volunteers where phone like '177%' order by phone`));
  const out: { id: string; cookie: string }[] = [];
  const expires = new Date(Date.now() + 12 * 3600_000).toISOString();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ r, token: randomBytes(32).toString('base64url') }));
    await db.execute(sql`insert into sessions (token_hash, account_id, expires_at) values ${sql.join(
      chunk.map((c) => sql`(${sha256(c.token)}, ${c.r.account_id}, ${expires})`),
      sql`, `,
    )}`);
    for (const c of chunk) out.push({ id: c.r.id, cookie: `wm_session=${c.token}` });
  }
  return out;
}

async function eventFor(database: Database, n: number): Promise<string> {
  const now = Date.now();
  const a = await publishedActivity(database, {
    unitCode: STATION,
    title: '压测大型活动',
    startsAt: new Date(now - 10 * 60_000),
    endsAt: new Date(now + 3 * 3600_000),
    volunteerSlots: n,
  });
  await database.db.execute(sql`insert into signups (activity_id, kind, volunteer_id, status)
    select ${a.id}, 'volunteer', id, 'confirmed' from volunteers where phone like '177%'`);
  return a.id;
}

function baselineApp(database: Database): FastifyInstance {
  const bare = Fastify({ logger: false });
  bare.post<{ Body: { activityId: string; volunteerId: string } }>('/baseline/checkin', async (req) =>
    database.db.transaction(async (tx) => {
      const [row] = rowsOf<{ id: string }>(
        await tx.execute(sql`insert into attendances (activity_id, volunteer_id, checked_in_at, in_method)
          values (${req.body.activityId}, ${req.body.volunteerId}, now(), 'qr') returning id`),
      );
      return { action: 'in', attendance: { id: row.id } };
    }),
  );
  return bare;
}

async function counts(database: Database, activityId: string): Promise<{ stored: number; distinct: number }> {
  const [r] = rowsOf<{ stored: number; distinct: number }>(
    await database.db.execute(sql`select count(*)::int as stored, count(distinct volunteer_id)::int as distinct from attendances where activity_id = ${activityId}`),
  );
  return { stored: Number(r.stored), distinct: Number(r.distinct) };
}

async function checkinCode(appUrl: string, activityId: string): Promise<string> {
  const cookie = await signInCookie(appUrl, DISTRICT_ADMIN);
  const res = await fetch(`${appUrl}/api/activities/${activityId}/checkin-code?mode=in`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`checkin-code answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { code: string }).code;
}

/** Arrivals spread over `windowS` (0 = all at once); every tenth person sends the same request again 50 ms later. */
function appJobs(url: string, people: { cookie: string }[], code: string, activityId: string, windowS: number): RequestJob[] {
  const step = (windowS * 1000) / people.length;
  const run = randomBytes(4).toString('hex');
  return people.flatMap((p, i) => {
    const job: RequestJob = {
      tag: `p${i}`,
      at: Math.round(i * step),
      method: 'POST',
      url,
      headers: { cookie: p.cookie, 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${i}` },
      body: JSON.stringify({ code, activityId }),
    };
    return i % 10 === 0 ? [job, { ...job, tag: `p${i}-retry`, at: (job.at ?? 0) + 50 }] : [job];
  });
}

/** Every retry got the very answer of its first request (same attendance id). */
function retriesReplayed(results: RequestResult[]): string {
  const byTag = new Map(results.map((r) => [r.tag, r]));
  let ok = 0;
  let bad = 0;
  for (const r of results.filter((x) => x.tag.endsWith('-retry'))) {
    const first = byTag.get(r.tag.replace(/-retry$/, ''));
    const id = (b: string) => (JSON.parse(b) as { attendance?: { id?: string } }).attendance?.id;
    if (first && r.status === 200 && first.status === 200 && id(r.body) === id(first.body)) ok++;
    else bad++;
  }
  return bad === 0 ? `${ok}/${ok} replayed` : `${bad} NOT replayed`;
}

async function measureBackend(backend: string, database: Database, dataDir: string, o: Opts): Promise<Row[]> {
  await database.migrate();
  await seedDemo(database.db, { volunteers: false });
  const people = await makeVolunteers(database, o.volunteers);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://127.0.0.1', RATE_LIMIT_PUBLIC_PER_MIN: '1000000000', SECRET_KEY: randomBytes(32).toString('hex') });
  const app = await buildApp({ database, config, version: 'bench' });
  const bare = baselineApp(database);
  const rows: Row[] = [];
  try {
    const appUrl = await listen(app);
    const bareUrl = await listen(bare);
    for (const [run, windowS] of [[`${o.window} s window`, o.window], ['burst', 0]] as const) {
      const baseActivity = await eventFor(database, o.volunteers);
      const baseJobs: RequestJob[] = people.map((p, i) => ({
        tag: `b${i}`,
        at: Math.round((i * windowS * 1000) / people.length),
        method: 'POST',
        url: `${bareUrl}/baseline/checkin`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ activityId: baseActivity, volunteerId: p.id }),
      }));
      let t0 = performance.now();
      const baseResults = await runRequests(o.connections, baseJobs);
      const baseSeconds = (performance.now() - t0) / 1000;
      rows.push({ backend, run, kind: 'baseline', results: baseResults, seconds: baseSeconds, ...(await counts(database, baseActivity)), duplicatesOk: '' });

      const activity = await eventFor(database, o.volunteers);
      const code = await checkinCode(appUrl, activity);
      t0 = performance.now();
      const results = await runRequests(o.connections, appJobs(`${appUrl}/api/volunteer/attendance`, people, code, activity, windowS));
      const seconds = (performance.now() - t0) / 1000;
      rows.push({ backend, run, kind: 'app', results, seconds, ...(await counts(database, activity)), duplicatesOk: retriesReplayed(results) });
      const failed = results.filter((r) => r.status !== 200);
      if (failed.length) console.log(`  ${backend} ${run}: ${failed.length} answers were not 200, e.g. ${failed[0].status} ${failed[0].body.slice(0, 200)}`);
      console.log(`  ${backend} ${run}: done in ${seconds.toFixed(1)} s`);
    }
    return rows;
  } finally {
    await app.close();
    await bare.close();
  }
}

function report(rows: Row[], o: Opts): void {
  const out = rows.map((r) => {
    const s = latencySummary(r.results);
    const non200 = r.results.filter((x) => x.status !== 200).length;
    return [`${r.backend} · ${r.run} · ${r.kind}`, s.n, (r.results.length / r.seconds).toFixed(0), s.p50, s.p95, s.p99, s.max, non200, `${r.stored}/${r.distinct}`, r.duplicatesOk];
  });
  console.log(`\ncheck-in benchmark — ${o.volunteers} volunteers, ${o.connections} connections, loopback`);
  console.log(table(['', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non-200', 'rows/people', 'retries'], out));
  console.log('\njudged by:');
  for (const app of rows.filter((r) => r.kind === 'app')) {
    const base = rows.find((r) => r.backend === app.backend && r.run === app.run && r.kind === 'baseline')!;
    const a = latencySummary(app.results);
    const b = latencySummary(base.results);
    const intact = app.stored === o.volunteers && app.distinct === o.volunteers && !app.duplicatesOk.includes('NOT');
    console.log(
      `  ${app.backend} · ${app.run}: ${intact ? 'no check-in lost or doubled' : 'WARNING: lost or doubled check-ins'} ` +
        `(${app.stored} rows for ${o.volunteers} people; retries ${app.duplicatesOk}); p99 ${a.p99} ms beside the bare insert's ${b.p99} ms ` +
        `(${(a.p99 / b.p99).toFixed(1)}×); throughput ${pct(app.results.length / app.seconds / (base.results.length / base.seconds))} of the bare route's; all in ${app.seconds.toFixed(1)} s`,
    );
  }
}

export async function checkinBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      volunteers: { type: 'string', default: '2000' },
      window: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
      'skip-pg': { type: 'boolean', default: false },
      'skip-embedded': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const o: Opts = { volunteers: Number(values.volunteers), window: Number(values.window), connections: Number(values.connections) };
  if (!(o.volunteers > 0) || !(o.window >= 0) || !(o.connections > 0)) throw new Error('--volunteers, --window and --connections must be positive numbers');
  console.log(`check-in benchmark on ${machine()}`);
  const rows: Row[] = [];
  if (!values['skip-embedded']) rows.push(...(await onEmbedded((database, dir) => measureBackend('embedded', database, dir, o))));
  if (values['skip-pg']) console.log('  postgres: skipped (--skip-pg)');
  else {
    const pgRows = await onFreshPostgres(values['pg-url']!, (database) => measureBackend('postgres', database, os.tmpdir(), o));
    if (typeof pgRows === 'string') console.log(`  postgres: ${pgRows}`);
    else rows.push(...pgRows);
  }
  report(rows, o);
}
