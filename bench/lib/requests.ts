// Runs request-child.mjs (paced requests with bodies, in a child process) and summarises latencies.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertLoopback } from './cannon';

export type RequestJob = { tag: string; at?: number; method: string; url: string; headers?: Record<string, string>; body?: string };
export type RequestResult = { tag: string; ms: number; status: number; body: string };

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'request-child.mjs');

export function runRequests(connections: number, jobs: RequestJob[], timeoutMs = 600_000): Promise<RequestResult[]> {
  for (const j of jobs.slice(0, 1)) assertLoopback(j.url);
  return new Promise((resolve, reject) => {
    const p = execFile(process.execPath, [child], { timeout: timeoutMs, maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`request driver failed: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()!) as RequestResult[]);
    });
    p.stdin!.end(JSON.stringify({ connections, jobs }));
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function latencySummary(results: RequestResult[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { n: ms.length, p50: r1(percentile(ms, 50)), p95: r1(percentile(ms, 95)), p99: r1(percentile(ms, 99)), max: r1(ms[ms.length - 1] ?? NaN) };
}
