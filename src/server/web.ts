/**
 * The dashboard: the Vite build in `web/dist` served by the same process (no CDN, works
 * offline). Hashed assets are cached for a year; index.html is revalidated. When the build is
 * missing, `/` says how to make it instead of failing.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webSourceRoot: string = fileURLToPath(new URL('../../web/', import.meta.url));

export function isWebBuilt(webRoot: string): boolean {
  return existsSync(join(webRoot, 'index.html'));
}

/**
 * Builds the dashboard with Vite when its build is missing (a clone where `npm ci` did not run
 * the prepare script, e.g. `npm ci --ignore-scripts`). Returns false when Vite is not installed.
 */
export async function ensureWebBuilt(webRoot: string, log: (line: string) => void = () => {}): Promise<boolean> {
  if (isWebBuilt(webRoot)) return true;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    return false;
  }
  log('building the dashboard (web/) with Vite, once...');
  const started = performance.now();
  await vite.build({ configFile: join(webSourceRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });
  log(`dashboard built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return isWebBuilt(webRoot);
}

const missingPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Karavan</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Karavan</h1><p>The dashboard is not built. Run <code>npm run build:web</code> (or <code>npm ci</code>, which builds it) and restart <code>karavan serve</code>.</p>
<p>The API works meanwhile: <a href="/api/docs">/api/docs</a>, <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`;

export default async function webRoutes(app: FastifyInstance): Promise<void> {
  const root = app.karavan.webRoot;
  if (!isWebBuilt(root)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(missingPage));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    // file.br / file.gz written by the build (web/vite.config.ts) go to browsers that accept them.
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
