// `npm start`: build the web UI if its sources changed since the last build, then run the server in this
// process (TypeScript through tsx's loader), so signals reach the server directly.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const stampFile = path.join(root, 'dist', 'web', '.build-stamp');

function hashTree(dir, h) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) hashTree(p, h);
    else h.update(p).update(fs.readFileSync(p));
  }
}

function webSourceHash() {
  const h = createHash('sha256');
  for (const d of ['web', 'common']) hashTree(path.join(root, d), h);
  for (const f of ['vite.config.ts', 'package-lock.json']) if (fs.existsSync(path.join(root, f))) h.update(fs.readFileSync(path.join(root, f)));
  return h.digest('hex');
}

if (fs.existsSync(path.join(root, 'vite.config.ts')) && process.env.SKIP_WEB_BUILD !== '1') {
  const want = webSourceHash();
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
  if (want !== have) {
    console.log('building the web UI (first start or changed sources)…');
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    fs.mkdirSync(path.dirname(stampFile), { recursive: true });
    fs.writeFileSync(stampFile, want);
  }
}

register();
await import(path.join(root, 'server', 'main.ts'));
