/**
 * Server load benchmark: `karavan serve` (buildServer) on 127.0.0.1 and a random port, over a
 * fresh store with the embedded default data only; 50 concurrent clients (autocannon, loopback
 * only, each run bounded to a few seconds, 30 s in all).
 *   baseline: a static file (the dashboard's index.html, or /api/health when it is not built);
 *   cached: report endpoints already computed once (served from the result cache);
 *   uncached: a second server with the result cache off (cacheEntries 0): every request is
 *     computed, except that identical requests arriving while one is computed share it;
 *   worst case: every request a different query (a new `limit`), nothing to share, so requests
 *     queue on the store's one DuckDB connection (reported, not a target).
 * Prints p50 / p95 / p99 latency, requests per second, 5xx count, the ratio of each p95 to the
 * baseline's, and RSS after each run. Targets: cached p95 < 100 ms, uncached p95 < 1 s, no 5xx,
 * RSS stable across repeated cached runs.
 *
 *   npx tsx bench/server-load.bench.ts [seconds-per-run=5]
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TradeStore } from '../src/data/index.ts';
import { buildServer, isWebBuilt, resolveServer } from '../src/server/index.ts';

const seconds = Math.min(10, Number(process.argv[2] ?? 5));
const connections = 50;

interface RunResult {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors5xx: number;
  non2xx: number;
  rssAfter: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(name: string, base: string, paths: string[] | (() => string)): Promise<RunResult> {
  const latencies: number[] = [];
  let errors5xx = 0;
  let non2xx = 0;
  let i = 0;
  const next = () => (typeof paths === 'function' ? paths() : paths[i++ % paths.length]!);
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: next() }) }],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
    latencies.push(responseTimeMs);
    if (statusCode >= 500) errors5xx++;
    if (statusCode < 200 || statusCode >= 300) non2xx++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors5xx,
    non2xx,
    rssAfter: process.memoryUsage().rss,
  };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

const home = mkdtempSync(join(tmpdir(), 'karavan-bench-server-'));
const store = await TradeStore.open({ home });
const app = await buildServer({ store });
const uncachedApp = await buildServer({ store, cacheEntries: 0 });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const uncachedBase = await uncachedApp.listen({ host: '127.0.0.1', port: 0 });
for (const url of [base, uncachedBase])
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`refusing to load anything but loopback: ${url}`);
const staticPath = isWebBuilt(resolveServer().webRoot) ? '/' : '/api/health';
const reportPaths = [
  '/api/coverage?exporter=BLR&importer=KAZ',
  '/api/report/needs?exporter=BLR&importer=KAZ',
  '/api/report/turnover?exporter=BLR&importer=KAZ',
  '/api/report/supply?exporter=BLR',
  '/api/complexity/countries?level=4',
];
try {
  // Warm: compute each result once (and the analysis layer's own capabilities cache), let the JIT settle.
  for (const path of reportPaths) {
    const r = await app.inject({ url: path });
    if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  }
  await app.inject({ url: staticPath });
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const results: RunResult[] = [];
  results.push(await run(`baseline: static file ${staticPath}`, base, [staticPath]));
  results.push(await run('cached: 5 report routes', base, reportPaths));
  results.push(await run('cached again (memory check)', base, reportPaths));
  results.push(await run('uncached: same 5 routes, result cache off', uncachedBase, reportPaths));
  let n = 0;
  results.push(
    await run(
      'worst case: /api/report/needs, a new query each request',
      base,
      () => `/api/report/needs?exporter=BLR&importer=KAZ&limit=${1 + (n++ % 1000)}`,
    ),
  );
  const elapsedS = (performance.now() - started) / 1000;
  const baseline = results[0]!;
  process.stdout.write(
    `\nserver load: ${connections} concurrent clients on loopback, ${seconds} s per run (${elapsedS.toFixed(0)} s in all), embedded data\n`,
  );
  process.stdout.write(
    '| run | requests | req/s | p50 ms | p95 ms | p99 ms | 5xx | non-2xx | p95 / baseline p95 | RSS after |\n|---|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of results) {
    process.stdout.write(
      `| ${r.name} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors5xx} | ${r.non2xx} | ${(r.p95 / baseline.p95).toFixed(1)} | ${mb(r.rssAfter)} |\n`,
    );
  }
  process.stdout.write(`RSS before the runs ${mb(rssBefore)}; cached results held: ${app.resultCache.size}\n`);
  const [, cached, cachedAgain, uncached] = results as [RunResult, RunResult, RunResult, RunResult, RunResult];
  const checks = [
    [`cached p95 ${cached.p95.toFixed(1)} ms < 100 ms`, cached.p95 < 100],
    [`uncached p95 ${uncached.p95.toFixed(0)} ms < 1000 ms`, uncached.p95 < 1000],
    [`no 5xx (${results.reduce((sum, r) => sum + r.errors5xx, 0)})`, results.every((r) => r.errors5xx === 0)],
    [
      `RSS stable over repeated cached runs (${mb(cached.rssAfter)} -> ${mb(cachedAgain.rssAfter)})`,
      cachedAgain.rssAfter < cached.rssAfter * 1.1,
    ],
  ] as const;
  for (const [text, ok] of checks) process.stdout.write(`${ok ? 'ok  ' : 'MISS'} ${text}\n`);
} finally {
  // Bounded shutdown: sockets autocannon leaves half-open must not keep the benchmark alive.
  const deadline = setTimeout(() => {
    process.stderr.write('shutdown took over 10 s; exiting\n');
    process.exit(0);
  }, 10_000);
  await Promise.all([app.close(), uncachedApp.close()]);
  // Requests whose clients autocannon dropped may still have queries queued on the store's
  // connection; a synchronous close would wait for them on this very thread: let them end first.
  await Promise.all([app.resultCache.settled(), uncachedApp.resultCache.settled()]);
  store.closeSync();
  rmSync(home, { recursive: true, force: true });
  clearTimeout(deadline);
  process.exit(0);
}
