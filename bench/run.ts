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
