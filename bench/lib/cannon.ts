// Drives autocannon in a child process (see cannon-child.mjs) and returns the figures a benchmark reports.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type CannonResult = {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cannon-child.mjs');

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!/^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host)) throw new Error(`benchmarks only load loopback addresses, not ${host}`);
}

export function cannon(opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<CannonResult> {
  assertLoopback(opts.url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [child, JSON.stringify(opts)], { timeout: (opts.duration + 30) * 1000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`autocannon failed: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()!) as CannonResult);
    });
  });
}
