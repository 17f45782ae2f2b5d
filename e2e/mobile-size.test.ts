// The page a civic-code QR opens must stay small: the check script over the build the server serves.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

test('the civic-code page loads under 150 KB of gzipped JavaScript', () => {
  // global-setup started the server through scripts/start.mjs, which built dist/web from the current sources.
  const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'check-mobile-size.mjs'), '--json'], { cwd: root, encoding: 'utf8' });
  const report = JSON.parse(out) as { ok: boolean; budgetBytes: number; totalGzipBytes: number; files: { file: string }[] };
  expect(report.budgetBytes).toBe(150 * 1024);
  expect(report.files.length).toBeGreaterThan(0);
  expect(report.totalGzipBytes).toBeGreaterThan(10 * 1024); // it really measured React and the page
  expect(report.totalGzipBytes).toBeLessThanOrEqual(report.budgetBytes);
  expect(report.ok).toBe(true);
});

test('the check fails when the budget is exceeded', () => {
  let code = 0;
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'check-mobile-size.mjs'), '--budget-kb', '10'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    code = (err as { status: number }).status;
  }
  expect(code).toBe(1);
});
