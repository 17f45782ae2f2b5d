// Multi-page build of the web faces into dist/web: /admin/ (antd console) and the mobile H5 (/m/*, /c/:token).
// The server (server/modules/web) serves these files; a manifest lets scripts/check-mobile-size.mjs follow the
// chunks a QR code page loads, and pre-compressed .gz/.br copies are served to browsers that accept them.
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, 'web');
const outDir = path.resolve(import.meta.dirname, 'dist/web');

function precompress(): Plugin {
  return {
    name: 'wm-precompress',
    apply: 'build',
    closeBundle() {
      const dir = path.join(outDir, 'assets');
      if (!fs.existsSync(dir)) return;
      for (const f of fs.readdirSync(dir)) {
        if (!/\.(js|css|svg)$/.test(f)) continue;
        const buf = fs.readFileSync(path.join(dir, f));
        if (buf.length < 1024) continue;
        fs.writeFileSync(path.join(dir, `${f}.gz`), gzipSync(buf, { level: 9 }));
        fs.writeFileSync(path.join(dir, `${f}.br`), brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig(({ command }) => {
  // A build is a production build unless development is asked for by name: test runners export NODE_ENV=test,
  // which would otherwise ship React's development bundle (three times larger) to phones.
  if (command === 'build' && process.env.NODE_ENV !== 'development') process.env.NODE_ENV = 'production';
  return config;
});

const config = {
  root,
  base: '/',
  publicDir: false,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        admin: path.join(root, 'admin/index.html'),
        mobile: path.join(root, 'mobile/index.html'),
      },
    },
  },
  server: {
    // `npx vite` for UI work: the API comes from a running `npm start`.
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 8080}` },
  },
} satisfies UserConfig;
