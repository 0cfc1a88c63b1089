/**
 * The dashboard: the Vite build in `web/dist` served by the same process (no CDN, works
 * offline). Hashed assets are cached for a year; index.html is revalidated. When the build is
 * missing, `/` says how to make it instead of failing.
 *
 * The build is small (about 1 MB with its .br/.gz copies), so it is read into memory once when
 * the server starts and every request is answered from a Map: no open/stat/stream per request.
 * Under the load benchmark (200 clients) the files served from disk by @fastify/static had a p50
 * of 344 ms against 76 ms for cached results, and their work delayed every other answer on the
 * event loop (docs/reliability.md). A rebuilt dashboard is picked up on restart.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RouteNotFoundError } from '../errors.ts';
import { matchesEtag } from './cache.ts';
import { acceptsCoding } from './respond.ts';

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
  await vite.build({
    configFile: join(webSourceRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webRoot, emptyOutDir: true },
  });
  log(`dashboard built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return isWebBuilt(webRoot);
}

const missingPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Karavan</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Karavan</h1><p>The dashboard is not built. Run <code>npm run build:web</code> (or <code>npm ci</code>, which builds it) and restart <code>karavan serve</code>.</p>
<p>The API works meanwhile: <a href="/api/docs">/api/docs</a>, <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`;

/** One representation of a file: its bytes, the coding they are in (none, br, gzip) and their ETag. */
interface Representation {
  body: Buffer;
  etag: string;
}

export interface DashboardFile {
  contentType: string;
  cacheControl: string;
  identity: Representation;
  br?: Representation;
  gzip?: Representation;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function representation(body: Buffer, suffix: string): Representation {
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}${suffix}"` };
}

function* walk(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Reads the build into memory, keyed by URL path (`/index.html`, `/assets/index-<hash>.js`).
 * A `file.br` / `file.gz` written by the build (web/vite.config.ts) becomes the brotli / gzip
 * representation of `file`; each representation has an ETag of its own, from its bytes.
 */
export function loadDashboard(webRoot: string): Map<string, DashboardFile> {
  const files = new Map<string, DashboardFile>();
  for (const path of walk(webRoot)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const urlPath = `/${relative(webRoot, path).split(sep).join('/')}`;
    const file: DashboardFile = {
      contentType: contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
      cacheControl: urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      identity: representation(readFileSync(path), ''),
    };
    if (existsSync(`${path}.br`)) file.br = representation(readFileSync(`${path}.br`), '-br');
    if (existsSync(`${path}.gz`)) file.gzip = representation(readFileSync(`${path}.gz`), '-gz');
    files.set(urlPath, file);
  }
  return files;
}

/** The representation a request gets: brotli, then gzip, when the client accepts it and the build has it. */
function pick(
  file: DashboardFile,
  acceptEncoding: string | undefined,
): { chosen: Representation; coding?: 'br' | 'gzip' } {
  if (file.br && acceptsCoding(acceptEncoding, 'br')) return { chosen: file.br, coding: 'br' };
  if (file.gzip && acceptsCoding(acceptEncoding, 'gzip')) return { chosen: file.gzip, coding: 'gzip' };
  return { chosen: file.identity };
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: DashboardFile): FastifyReply {
  const { chosen, coding } = pick(file, request.headers['accept-encoding']);
  reply.header('Cache-Control', file.cacheControl).header('Vary', 'Accept-Encoding').header('ETag', chosen.etag);
  // Any representation's ETag revalidates: the file is the same, whichever coding the client cached.
  const ifNoneMatch = request.headers['if-none-match'];
  if ([file.identity, file.br, file.gzip].some((r) => r !== undefined && matchesEtag(ifNoneMatch, r.etag)))
    return reply.code(304).send();
  reply.type(file.contentType);
  if (coding !== undefined) reply.header('Content-Encoding', coding);
  // Range is not honoured: a whole file is a valid answer to a Range request (RFC 9110 §14.2), and
  // these files are small.
  return reply.send(chosen.body);
}

export default async function webRoutes(app: FastifyInstance): Promise<void> {
  const root = app.karavan.webRoot;
  if (!isWebBuilt(root)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(missingPage),
    );
    return;
  }
  const files = loadDashboard(root);
  const index = files.get('/index.html')!;
  app.get('/', { schema: { hide: true } }, async (request, reply) => sendFile(request, reply, index));
  // One wildcard for the rest, so that any other path (and one the router cannot take as a
  // parameter) ends in the same JSON 404.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    const file = files.get(decoded);
    if (file === undefined)
      throw new RouteNotFoundError(`no route ${request.method} ${path}`, {
        hint: 'GET /api/openapi.json lists the routes; /api/docs shows them',
      });
    return sendFile(request, reply, file);
  });
}
