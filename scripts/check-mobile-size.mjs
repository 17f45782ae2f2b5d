#!/usr/bin/env node
// Fails when the JavaScript a civic-code QR opens (/c/<token>) exceeds the gzipped budget (default 150 KB).
// Follows the built manifest from the mobile entry through every statically imported chunk, plus the civic
// page's own chunk and its imports should it ever be split out and loaded lazily.
// Usage: node scripts/check-mobile-size.mjs [--dist dist/web] [--budget-kb 150] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(root, opt('--dist', 'dist/web'));
const budgetKb = Number(opt('--budget-kb', process.env.MOBILE_JS_BUDGET_KB ?? '150'));
const manifestFile = path.join(dist, '.vite', 'manifest.json');

if (!fs.existsSync(manifestFile)) {
  console.error(`check-mobile-size: no build manifest at ${manifestFile}; run \`npm run build\` first.`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry && /(^|\/)mobile\/index\.html$/.test(k));
if (!entryKey) {
  console.error('check-mobile-size: the manifest has no mobile/index.html entry.');
  process.exit(2);
}

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imp of chunk.imports ?? []) visit(imp);
};
visit(entryKey);
for (const [key, chunk] of Object.entries(manifest)) if (/mobile\/pages\/CivicSitePage\.tsx$/.test(chunk.src ?? key)) visit(key);

const rows = [...files]
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const buf = fs.readFileSync(path.join(dist, f));
    return { file: f, rawBytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  });
const total = rows.reduce((s, r) => s + r.gzipBytes, 0);
const budget = budgetKb * 1024;
const ok = total <= budget;

if (args.includes('--json')) {
  console.log(JSON.stringify({ ok, budgetBytes: budget, totalGzipBytes: total, files: rows }));
} else {
  for (const r of rows) console.log(`${(r.gzipBytes / 1024).toFixed(1).padStart(8)} KB gz  ${(r.rawBytes / 1024).toFixed(1).padStart(8)} KB  ${r.file}`);
  console.log(`${(total / 1024).toFixed(1).padStart(8)} KB gz total for the civic-code page; budget ${budgetKb} KB: ${ok ? 'OK' : 'OVER BUDGET'}`);
}
process.exit(ok ? 0 : 1);
