// Benchmark `hours`: district-wide hour totals and the coverage report with a million service records, on
// PostgreSQL. The data: the demo network, 50,000 volunteers, ~50,000 finished activities over the last year and
// 1,000,000 service records, with the monthly totals (service_totals) and volunteers' minutes built from them as
// the app keeps them. Measured through the app's HTTP API as the district admin, beside the naive GROUP BY over
// the records (a bare route running it on the same pool) that the kept totals replace.
// Judged by: p95 of each app route against 100 ms, and the naive query's p95 beside it; totals must agree.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { rowsOf, type Database } from '../server/db/client';
import { seedDemo } from '../server/seed/run';
import { fromLocal, localParts, addDays } from '../server/modules/activities/activity-time';
import { listen, onFreshPostgres, signInCookie } from './lib/bench-db';
import { latencySummary, runRequests, type RequestJob } from './lib/requests';
import { machine, table } from './lib/report';
import { generateVolunteers } from './lib/volunteer-generator';
import { rebuildServiceTotals } from '../server/modules/hours/totals-rebuild';

type Opts = { records: number; volunteers: number; activities: number; requests: number; connections: number };
const TARGET_P95_MS = 100;
const DISTRICT = '330303';

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

/** Activities spread over the stations and the last 12 months, then the records, then what the app keeps. */
async function generate(client: pg.Client, database: Database, o: Opts): Promise<void> {
  await timed(`${o.volunteers} volunteers`, () => generateVolunteers(client, o.volunteers, () => {}));
  await timed(`${o.activities} activities`, () =>
    client.query(
      `with st as (select array_agg(id order by code) ids, array_agg(code order by code) codes from units where level = 'station'),
            tm as (select array_agg(id) ids from teams)
       insert into activities (title, topic, unit_id, unit_code, team_id, starts_at, ends_at, status, volunteer_slots)
       select '压测活动' || g, 'culture_life', st.ids[k], st.codes[k], case when r < 0.5 then tm.ids[1 + (g % cardinality(tm.ids))] end,
              date_trunc('hour', now() - interval '365 days' + (g::float / $1) * interval '360 days'),
              date_trunc('hour', now() - interval '365 days' + (g::float / $1) * interval '360 days') + interval '2 hours',
              'finished', 20
       from (select g, 1 + floor(random() * (select cardinality(ids) from st))::int k, random() r from generate_series(1, $1) g) s, st, tm`,
      [o.activities],
    ),
  );
  await timed(`${o.records} service records`, async () => {
    await client.query(`create temp table bench_acts as select row_number() over () n, id, unit_id, unit_code, team_id, starts_at from activities`);
    await client.query(`create temp table bench_vols as select row_number() over () n, id from volunteers`);
    await client.query(`create index on bench_acts (n); create index on bench_vols (n)`);
    await client.query(`alter table service_records set unlogged`).catch(() => {});
    const batch = 250_000;
    for (let done = 0; done < o.records; done += batch) {
      await client.query(
        `insert into service_records (volunteer_id, activity_id, unit_id, unit_code, team_id, source, started_at, ended_at, minutes, content, status, decided_at)
         select v.id, a.id, a.unit_id, a.unit_code, a.team_id, 'checkin', a.starts_at, a.starts_at + m * interval '1 minute', m, '压测服务',
                case when st < 0.92 then 'approved' when st < 0.98 then 'pending' else 'rejected' end, a.starts_at + interval '1 day'
         from (select 1 + floor(random() * (select count(*) from bench_acts))::int ka, 1 + floor(random() * (select count(*) from bench_vols))::int kv,
                      60 + floor(random() * 180)::int m, random() st from generate_series(1, $1) g) s
         join bench_acts a on a.n = s.ka join bench_vols v on v.n = s.kv`,
        [Math.min(batch, o.records - done)],
      );
    }
    await client.query(`alter table service_records set logged`).catch(() => {});
  });
  // What the app keeps record by record, built here in one pass from the generated records.
  await timed('kept totals (service_totals, volunteers.service_minutes)', () => rebuildServiceTotals(database.db));
  await timed('analyze', () => client.query('analyze'));
}

/** The query the kept totals replace: sum the approved records of the period per institute, on every request. */
const NAIVE = `select substr(unit_code, 1, 9) as code, sum(minutes)::bigint as minutes, count(*)::int as records
  from service_records where status = 'approved' and unit_code like $1 || '%' and started_at >= $2 and started_at < $3 group by 1`;

function baselineApp(database: Database, pool: pg.Pool): FastifyInstance {
  const bare = Fastify({ logger: false });
  bare.get<{ Querystring: { from: string; to: string } }>('/baseline/totals-naive', async (req) => {
    const { rows } = await pool.query(NAIVE, [DISTRICT, req.query.from, req.query.to]);
    return { rows };
  });
  void database;
  return bare;
}

async function getJson(url: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function hoursBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      records: { type: 'string', default: '1000000' },
      volunteers: { type: 'string', default: '50000' },
      activities: { type: 'string', default: '50000' },
      requests: { type: 'string', default: '200' },
      connections: { type: 'string', default: '4' },
      'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    },
    strict: true,
  });
  const o: Opts = {
    records: Number(values.records),
    volunteers: Number(values.volunteers),
    activities: Number(values.activities),
    requests: Number(values.requests),
    connections: Number(values.connections),
  };
  console.log(`hours benchmark on ${machine()}`);
  const outcome = await onFreshPostgres(values['pg-url']!, (database, dbUrl) => measure(database, dbUrl, o));
  if (typeof outcome === 'string') console.log(`  ${outcome}: this benchmark needs PostgreSQL`);
}

async function measure(database: Database, dbUrl: string, o: Opts): Promise<void> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 4 });
  const gen = new pg.Client({ connectionString: dbUrl });
  let app: FastifyInstance | null = null;
  let bare: FastifyInstance | null = null;
  try {
    await database.migrate();
    await seedDemo(database.db, { volunteers: false });
    await gen.connect();
    await generate(gen, database, o);
    const config = loadConfig({ DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://127.0.0.1', SECRET_KEY: randomBytes(32).toString('hex') });
    app = await buildApp({ database, config, version: 'bench' });
    bare = baselineApp(database, pool);
    const appUrl = await listen(app);
    const bareUrl = await listen(bare);
    const cookie = await signInCookie(appUrl, '13800000001');
    const [district] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from units where code = ${DISTRICT}`));

    // The last 12 local months, and the same period as instants for the naive query.
    const today = localParts(new Date()).date;
    const fromMonth = localParts(fromLocal(addDays(today, -360))).month;
    const toMonth = localParts(new Date()).month;
    const fromInstant = fromLocal(`${fromMonth}-01`).toISOString();
    const toInstant = fromLocal(addDays(`${toMonth}-28`, 7).slice(0, 7) + '-01').toISOString();
    const coverageFrom = addDays(today, -7 * 52);

    // The totals must agree with the naive sums before their speed means anything.
    const byUnit = (await getJson(`${appUrl}/api/hours/totals?unit=${district.id}&from=${fromMonth}&to=${toMonth}&by=unit`, { cookie })) as {
      total: { minutes: number };
      rows: { code?: string; minutes: number }[];
    };
    const naive = (await getJson(`${bareUrl}/baseline/totals-naive?from=${fromInstant}&to=${toInstant}`)).rows as { code: string; minutes: string }[];
    const naiveTotal = naive.reduce((s, r) => s + Number(r.minutes), 0);
    if (byUnit.total.minutes !== naiveTotal) throw new Error(`totals disagree: app ${byUnit.total.minutes} min, naive ${naiveTotal} min`);
    console.log(`  totals agree: ${(naiveTotal / 60).toFixed(0)} h over ${naive.length} institutes, ${fromMonth} … ${toMonth}`);
    const [vol] = rowsOf<{ phone: string }>(await database.db.execute(sql`select phone from volunteers order by service_minutes desc limit 1`));
    void vol;

    const routes: { tag: string; url: string; headers: Record<string, string> }[] = [
      { tag: 'app · totals by unit (district)', url: `${appUrl}/api/hours/totals?unit=${district.id}&from=${fromMonth}&to=${toMonth}&by=unit`, headers: { cookie } },
      { tag: 'app · totals by team (district)', url: `${appUrl}/api/hours/totals?unit=${district.id}&from=${fromMonth}&to=${toMonth}&by=team`, headers: { cookie } },
      { tag: 'app · coverage report (district, 52 weeks)', url: `${appUrl}/api/coverage?unit=${district.id}&from=${coverageFrom}&to=${today}`, headers: { cookie } },
      { tag: 'app · records list, first page (district)', url: `${appUrl}/api/hours?limit=20`, headers: { cookie } },
      { tag: 'naive GROUP BY over the records (bare route)', url: `${bareUrl}/baseline/totals-naive?from=${fromInstant}&to=${toInstant}`, headers: {} },
    ];
    const rows: (string | number)[][] = [];
    const verdicts: string[] = [];
    for (const r of routes) {
      const warm: RequestJob[] = Array.from({ length: 10 }, (_, i) => ({ tag: `w${i}`, method: 'GET', url: r.url, headers: r.headers }));
      await runRequests(o.connections, warm);
      const jobs: RequestJob[] = Array.from({ length: o.requests }, (_, i) => ({ tag: `${i}`, method: 'GET', url: r.url, headers: r.headers }));
      const results = await runRequests(o.connections, jobs);
      const s = latencySummary(results);
      const bad = results.filter((x) => x.status !== 200).length;
      rows.push([r.tag, s.n, s.p50, s.p95, s.p99, s.max, bad]);
      if (r.tag.startsWith('app')) verdicts.push(`${r.tag}: p95 ${s.p95} ms (target < ${TARGET_P95_MS} ms)${bad ? ` — WARNING: ${bad} answers were not 200` : ''}`);
      else verdicts.push(`${r.tag}: p95 ${s.p95} ms — what every totals request would cost without the kept totals`);
      console.log(`  ${r.tag}: p95 ${s.p95} ms`);
    }
    console.log(`\nhours benchmark — ${o.records} records, ${o.activities} activities, ${o.volunteers} volunteers; ${o.requests} requests per route over ${o.connections} connections`);
    console.log(table(['', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non-200'], rows));
    console.log('\njudged by:');
    for (const v of verdicts) console.log(`  ${v}`);
  } finally {
    await app?.close();
    await bare?.close();
    await gen.end().catch(() => {});
    await pool.end();
  }
}
