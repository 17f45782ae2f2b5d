// Benchmark `startup`: how long `npm start`'s server (scripts/start.mjs, web build skipped) takes to answer a
// healthy /api/health — on a fresh DATA_DIR (migrations + demo seed) and again on the same folder (warm).
// Judged by: the warm median against the 3 s budget. A bare `node + tsx` start is printed as the floor.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, median, pct, table } from './lib/report';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WARM_BUDGET_MS = 3000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type StartRun = { toHealthyMs: number; serverSaysMs: number | null };

/** Spawns the server, polls /api/health until it is ok, then stops it with SIGTERM and waits for a clean exit. */
async function startOnce(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, SKIP_WEB_BUILD: '1', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  try {
    let toHealthyMs = 0;
    for (;;) {
      if (done) throw new Error(`the server exited before it was healthy:\n${output.slice(-2000)}`);
      if (performance.now() - t0 > 120_000) throw new Error(`not healthy after 120 s:\n${output.slice(-2000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
        const body = (await res.json()) as { status?: string };
        if (res.status === 200 && body.status === 'ok') {
          toHealthyMs = performance.now() - t0;
          break;
        }
      } catch {
        /* not listening yet */
      }
      await sleep(20);
    }
    const ready = /"startupMs":(\d+)/.exec(output);
    return { toHealthyMs, serverSaysMs: ready ? Number(ready[1]) : null };
  } finally {
    child.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(15_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      child.kill('SIGKILL');
      throw new Error('the server did not stop within 15 s of SIGTERM');
    }
    if (code !== 0 && !done) throw new Error(`the server stopped with exit code ${code}:\n${output.slice(-2000)}`);
  }
}

/** The floor: node starting with tsx's loader registered, doing nothing else. */
async function bareNodeMs(): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const c = spawn(process.execPath, ['--input-type=module', '-e', "import { register } from 'tsx/esm/api'; register();"], { cwd: root, stdio: 'ignore' });
    c.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bare node exited ${code}`))));
  });
  return performance.now() - t0;
}

const fmt = (ms: number) => (ms / 1000).toFixed(2);

export async function startupBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '3' } }, strict: true });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive whole number');
  console.log(`startup benchmark on ${machine()}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-startup-'));
  try {
    const first: StartRun[] = [];
    let dir = '';
    for (let i = 0; i < runs; i++) {
      dir = path.join(work, `data-${i}`);
      first.push(await startOnce(dir));
      console.log(`  first start ${i + 1}: ${fmt(first[i].toHealthyMs)} s`);
    }
    const warm: StartRun[] = [];
    for (let i = 0; i < runs; i++) {
      warm.push(await startOnce(dir));
      console.log(`  warm start ${i + 1}: ${fmt(warm[i].toHealthyMs)} s`);
    }
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) floor.push(await bareNodeMs());

    const row = (label: string, xs: number[], inner: (number | null)[]) => [
      label,
      fmt(median(xs)),
      fmt(Math.min(...xs)),
      fmt(Math.max(...xs)),
      inner.every((x) => x !== null) ? fmt(median(inner as number[])) : '',
    ];
    console.log(`\nstartup benchmark — ${runs} runs each, spawn → first healthy /api/health (SKIP_WEB_BUILD=1, embedded DB)`);
    console.log(
      table(
        ['', 'median s', 'min s', 'max s', 'server log s'],
        [
          row('first start (migrate + seed)', first.map((r) => r.toHealthyMs), first.map((r) => r.serverSaysMs)),
          row('warm start (same folder)', warm.map((r) => r.toHealthyMs), warm.map((r) => r.serverSaysMs)),
          row('floor: bare node + tsx', floor, floor.map(() => null)),
        ],
      ),
    );
    const w = median(warm.map((r) => r.toHealthyMs));
    console.log(`\njudged by:\n  warm start median ${fmt(w)} s = ${pct(w / WARM_BUDGET_MS)} of the 3 s budget (target < 3 s)`);
    console.log(`  first start median ${fmt(median(first.map((r) => r.toHealthyMs)))} s (reported, no target)`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
