// `npm run bench -- <name> [options]`. Each benchmark prints its figures and the ratio it is judged by; none
// passes or fails. `npm run bench` alone lists them.
export {};

type Bench = { zh: string; en: string; options: string; run(argv: string[]): Promise<void> };

const benches: Record<string, Bench> = {
  network: {
    zh: '公开阵地页 API 与单位树 API，对比同库的裸 Fastify 路由（内置库与 PostgreSQL）',
    en: 'public site page API and unit tree API vs a bare Fastify route on the same DB (embedded and PostgreSQL)',
    options: '[--duration 10] [--connections 10] [--pg-url postgres://postgres@127.0.0.1:5432/] [--skip-pg] [--only public,tree]',
    run: async (argv) => (await import('./network')).networkBench(argv),
  },
  startup: {
    zh: '`npm start` 到 /api/health 正常的时间：首次启动（迁移+演示数据）与再次启动',
    en: '`npm start` to a healthy /api/health: first start (migrate + seed) and warm start',
    options: '[--runs 3]',
    run: async (argv) => (await import('./startup')).startupBench(argv),
  },
  roster: {
    zh: '导入 10 万行志愿者名册（校验+查重）的耗时，对比同一批行的普通批量插入（内置库与 PostgreSQL）',
    en: 'import of a 100,000-row roster with validation and de-duplication vs a plain bulk insert of the same rows',
    options: '[--rows 100000] [--pg-url postgres://postgres@127.0.0.1:5432/] [--skip-pg]',
    run: async (argv) => (await import('./roster')).rosterBench(argv),
  },
  volunteers: {
    zh: '在 100 万志愿者中检索（姓名/手机号片段/技能/实践站，按权限范围）的 p95（PostgreSQL）',
    en: 'volunteer search (name / phone fragment / skill / station, in scope) over 1,000,000 volunteers on PostgreSQL: p95',
    options: '[--volunteers 1000000] [--pg-url postgres://postgres@127.0.0.1:5432/]',
    run: async (argv) => (await import('./volunteers')).volunteersBench(argv),
  },
  checkin: {
    zh: '大型活动：2,000 名志愿者在 60 秒内扫码签到（含重试），不丢不重；p99 对比只写一行的裸路由（内置库与 PostgreSQL）',
    en: 'a big event: 2,000 volunteers check in within 60 s (with retries), none lost or doubled; p99 vs a bare insert route',
    options: '[--volunteers 2000] [--window 60] [--connections 50] [--pg-url …] [--skip-pg] [--skip-embedded]',
    run: async (argv) => (await import('./checkin')).checkinBench(argv),
  },
  hours: {
    zh: '100 万条服务时长记录下，全区时长统计与活动覆盖报表的 p95（PostgreSQL），对比直接 GROUP BY 的查询',
    en: 'district hour totals and the coverage report over 1,000,000 service records on PostgreSQL: p95, beside the naive GROUP BY',
    options: '[--records 1000000] [--volunteers 50000] [--activities 50000] [--requests 200] [--connections 4] [--pg-url …]',
    run: async (argv) => (await import('./hours')).hoursBench(argv),
  },
};

function list(): void {
  console.log('usage: npm run bench -- <name> [options]\n\nbenchmarks:');
  for (const [name, b] of Object.entries(benches)) console.log(`  ${name.padEnd(8)}  ${b.zh}\n  ${''.padEnd(8)}  ${b.en}\n  ${''.padEnd(8)}  ${b.options}`);
}

const [benchName, ...rest] = process.argv.slice(2);
if (!benchName || benchName === 'help' || benchName === '--help') {
  list();
} else if (!benches[benchName]) {
  console.error(`unknown benchmark "${benchName}"\n`);
  list();
  process.exitCode = 2;
} else {
  try {
    await benches[benchName].run(rest);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
