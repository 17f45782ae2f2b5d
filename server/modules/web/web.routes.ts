// Serves the built web faces from dist/web (config.webDist): the admin console at /admin/, the mobile H5 at
// /m/ and at the civic-code URL /c/<token> (the SPA reads the token from the path). Hashed assets are cached
// for a year; the HTML entry pages are never cached so a new build shows at once. All routes are public: the
// pages hold no data, the API behind them checks every request.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';

const NOT_BUILT_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>网页界面尚未构建 · Web UI not built</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.6">
<h1>网页界面尚未构建</h1><p>请在项目目录运行 <code>npm run build</code>（或直接 <code>npm start</code>，它会自动构建）后刷新本页。API 不受影响，仍可在 <a href="/api/docs">/api/docs</a> 使用。</p>
<h1 lang="en">The web UI is not built</h1><p lang="en">Run <code>npm run build</code> (or <code>npm start</code>, which builds it) in the project folder, then reload this page. The API works regardless: see <a href="/api/docs">/api/docs</a>.</p>
</body></html>`;

const YEAR_SECONDS = 365 * 24 * 3600;

export const webRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const dist = deps.config.webDist;
  const assetsDir = path.join(dist, 'assets');
  // Asset files are named by content hash, so a browser may keep them forever.
  await app.register(fastifyStatic, {
    serve: false,
    root: dist,
    preCompressed: true,
    dotfiles: 'deny',
    index: false,
  });

  const isBuilt = (entry: string) => fs.existsSync(path.join(dist, entry, 'index.html'));
  const notBuilt = (reply: FastifyReply) =>
    reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT_HTML);
  const sendEntry = (reply: FastifyReply, entry: 'admin' | 'mobile') => {
    if (!isBuilt(entry)) return notBuilt(reply);
    reply.header('cache-control', 'no-cache');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    return reply.sendFile(`${entry}/index.html`, dist, { cacheControl: false });
  };
  const page = { config: { access: 'public' as const }, schema: { hide: true } };

  app.get('/', page, async (_req, reply) => reply.redirect('/admin/'));
  app.get('/admin', page, async (_req, reply) => reply.redirect('/admin/'));
  app.get('/m', page, async (_req, reply) => reply.redirect('/m/'));
  app.get('/admin/*', page, async (_req, reply) => sendEntry(reply, 'admin'));
  app.get('/m/*', page, async (_req, reply) => sendEntry(reply, 'mobile'));
  app.get('/c/:token', page, async (_req, reply) => sendEntry(reply, 'mobile'));

  app.get('/assets/*', page, async (req, reply) => {
    const file = (req.params as { '*': string })['*'];
    if (!fs.existsSync(assetsDir)) return notBuilt(reply);
    // send() refuses paths that climb out of the root; anything missing is a plain 404.
    return reply.sendFile(file, assetsDir, { immutable: true, maxAge: YEAR_SECONDS * 1000 });
  });
};
