/**
 * The mixed workload of the server soak benchmark (bench/server-soak.bench.ts, 200 clients for
 * 60 s) and of its short CI version (test/reliability/load.test.ts, ~10 s): what a room of
 * dashboard users does at once. Reports as JSON and as tables, report sections, country and
 * product searches (English and Russian), CSV and XLSX downloads, the machinery planner, and the
 * dashboard's static files; requests are drawn with fixed weights from a seeded PRNG, and say
 * Accept-Encoding: gzip, deflate, br as a browser does.
 *
 * Classes: `cached` results (GET result routes, computed once in the warm-up, then served from the
 * result cache); `static` dashboard files (from memory, src/server/web.ts); `computed` machinery
 * plans (POST, never cached: computed each time, in JS); `uncached` product searches with a limit
 * never asked before (a DuckDB query each). The server runs in its own process
 * (bench/server-process.ts) so its RSS and event loop are its own.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { rng } from '../test/support/reliability.ts';

export type WorkloadClass = 'cached' | 'static' | 'computed' | 'uncached';

export interface WorkloadItem {
  kind: string;
  cls: WorkloadClass;
  method: 'GET' | 'POST';
  path: string | (() => string);
  body?: string;
  weight: number;
}

export interface ClassStats {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface WorkloadResult {
  seconds: number;
  connections: number;
  requests: number;
  rps: number;
  /** Answers other than 2xx/3xx, by status. */
  badStatus: Record<string, number>;
  /** Socket errors and timeouts (autocannon's errors, which include its timeouts). */
  socketErrors: number;
  timeouts: number;
  byClass: Record<string, ClassStats>;
  byKind: Record<string, ClassStats>;
  /** Server RSS in bytes, sampled every `sampleEveryMs` from the start of the run, and at its end. */
  rss: number[];
  errorSamples: string[];
}

export interface LaunchedServer {
  base: string;
  rss: () => Promise<number>;
  close: () => Promise<void>;
}

/** Starts bench/server-process.ts (a server over a fresh store with the embedded data) and waits until it listens. */
export async function launchServer(): Promise<LaunchedServer> {
  const child: ChildProcess = fork(new URL('./server-process.ts', import.meta.url).pathname, [], {
    // KARAVAN_SOAK_PROFILE=<dir>: a CPU profile of the server process is written there when it ends.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env['KARAVAN_SOAK_PROFILE']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['KARAVAN_SOAK_PROFILE']}`]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    const onMessage = (m: { url?: string }) => {
      if (m.url) {
        child.off('message', onMessage);
        resolve(m.url);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code} before listening`)));
  });
  if (!base.startsWith('http://127.0.0.1:')) throw new Error(`refusing to load anything but loopback: ${base}`);
  const ask = <T>(message: string, key: string): Promise<T> =>
    new Promise<T>((resolve) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (key in m) {
          child.off('message', onMessage);
          resolve(m[key] as T);
        }
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return {
    base,
    rss: () => ask<number>('rss', 'rss'),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The workload for the server at `base`: the dashboard's files are read from its index page, machine ids from the catalog. */
export async function workloadItems(base: string, seed: number): Promise<WorkloadItem[]> {
  const index = await (await fetch(`${base}/`)).text();
  const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const catalog = (await (await fetch(`${base}/api/machinery/catalog`)).json()) as {
    machines: { id: string; kind: string }[];
  };
  const combines = catalog.machines.filter((m) => m.kind.startsWith('combine')).map((m) => m.id);
  const pairs = ['exporter=BLR&importer=KAZ', 'exporter=RUS&importer=KAZ', 'exporter=BLR&importer=UZB'];
  const get = (kind: string, cls: WorkloadClass, paths: string[], weight: number): WorkloadItem[] =>
    paths.map((path) => ({ kind, cls, method: 'GET' as const, path, weight: weight / paths.length }));
  const sections = ['needs', 'supply', 'potential', 'rivals', 'joint-production', 'surplus', 'turnover'];
  const r = rng(seed);
  let fresh = 0;
  return [
    ...get(
      'report json',
      'cached',
      pairs.flatMap((p) => [`/api/report?${p}`, `/api/report?${p}&level=4&lang=ru`]),
      10,
    ),
    ...get(
      'report tables',
      'cached',
      pairs.map((p) => `/api/report?${p}&format=tables&lang=ru`),
      5,
    ),
    ...get(
      'sections json',
      'cached',
      pairs.flatMap((p) => [
        ...sections.map(
          (s) =>
            `/api/report/${s}?${s === 'supply' ? p.split('&')[0] : p}${s === 'rivals' ? '&products=843351,870190,100199' : ''}`,
        ),
        `/api/coverage?${p}`,
      ]),
      20,
    ),
    ...get(
      'complexity json',
      'cached',
      [
        '/api/complexity/countries?level=4',
        '/api/complexity/products?country=BLR&lang=ru',
        '/api/complexity/product-space?exporter=BLR&importer=KAZ&level=4&maxEdges=1500&lang=ru',
      ],
      5,
    ),
    ...get(
      'country search',
      'cached',
      ['каз', 'бел', 'Россия', 'uzb', 'ger', 'KZ', '398', 'united'].map(
        (s) => `/api/countries?search=${encodeURIComponent(s)}`,
      ),
      7,
    ),
    ...get(
      'product search',
      'cached',
      ['комбайн', 'трактор', 'пшеница', 'молоко', 'tractor', 'combine', 'wheat', '8433'].map(
        (s) => `/api/products?search=${encodeURIComponent(s)}&lang=ru`,
      ),
      7,
    ),
    ...get(
      'download csv',
      'cached',
      [
        `/api/report/needs?${pairs[0]}&format=csv&lang=ru`,
        `/api/report/supply?exporter=BLR&format=csv`,
        `/api/countries?format=csv&lang=ru`,
        `/api/report/potential?${pairs[1]}&format=csv&table=potential`,
      ],
      5,
    ),
    ...get(
      'download xlsx',
      'cached',
      [
        `/api/report?${pairs[0]}&format=xlsx&lang=ru`,
        `/api/report/needs?${pairs[0]}&format=xlsx`,
        `/api/report/joint-production?${pairs[2]}&format=xlsx&lang=ru`,
      ],
      4,
    ),
    ...get('machinery catalog', 'cached', ['/api/machinery/catalog'], 2),
    ...combines.slice(0, 3).map((id, i) => ({
      kind: 'machinery fleet',
      cls: 'computed' as const,
      method: 'POST' as const,
      path: '/api/machinery/fleet',
      body: JSON.stringify({ scenario: { areaHa: 2000 + 1000 * i, machineId: id, windowDays: 10 + i } }),
      weight: 3 / 3,
    })),
    {
      kind: 'machinery compare',
      cls: 'computed',
      method: 'POST',
      path: '/api/machinery/compare',
      body: JSON.stringify({
        scenario: { areaHa: 5000 },
        a: { machineId: combines[0] },
        b: { machineId: combines[1] },
      }),
      weight: 2,
    },
    ...get('static', 'static', ['/', ...assets], 10),
    {
      kind: 'product search, new limit',
      cls: 'uncached',
      method: 'GET',
      // A limit not asked before (1000 values, then 1000 more per term): a DuckDB query each time.
      path: () =>
        `/api/products?search=${encodeURIComponent(['комбайн', 'трактор', 'wheat', 'milk'][fresh % 4]!)}&limit=${1 + (Math.floor(fresh++ / 4) % 1000)}&level=${[4, 6][Math.floor(r() * 2)]}`,
      weight: 1,
    },
  ];
}

const pathOf = (item: WorkloadItem) => (typeof item.path === 'function' ? item.path() : item.path);

/** Requests every item once, four at a time (so the run measures the cache, not the first computation), and checks each answers 2xx. */
export async function warm(base: string, items: readonly WorkloadItem[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const path = pathOf(item);
      const response = await fetch(`${base}${path}`, {
        method: item.method,
        ...(item.body !== undefined && { body: item.body, headers: { 'content-type': 'application/json' } }),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`warm-up: ${item.method} ${path} answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(latencies: number[]): ClassStats {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
  };
}

export interface RunOptions {
  base: string;
  items: readonly WorkloadItem[];
  connections: number;
  seconds: number;
  seed: number;
  /** Samples the server's RSS (bytes). */
  rss: () => Promise<number>;
  sampleEveryMs?: number;
}

/** `connections` keep-alive clients on loopback for `seconds`, each sending the next drawn request when its last answer arrives. */
export async function runWorkload(o: RunOptions): Promise<WorkloadResult> {
  const r = rng(o.seed);
  const total = o.items.reduce((sum, item) => sum + item.weight, 0);
  const draw = (): WorkloadItem => {
    let x = r() * total;
    for (const item of o.items) {
      x -= item.weight;
      if (x < 0) return item;
    }
    return o.items[o.items.length - 1]!;
  };
  const byClass = new Map<string, number[]>();
  const byKind = new Map<string, number[]>();
  const badStatus: Record<string, number> = {};
  const errorSamples: string[] = [];
  const rss: number[] = [await o.rss()];
  interface Context {
    item?: WorkloadItem;
    path?: string;
  }
  const instance = autocannon({
    url: o.base,
    connections: o.connections,
    duration: o.seconds,
    timeout: 10,
    // As a browser asks (cached JSON and CSV answers then come gzip-compressed).
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: [
      {
        setupRequest: (request, context) => {
          const c = context as Context;
          const item = draw();
          c.item = item;
          c.path = pathOf(item);
          return {
            ...request,
            method: item.method,
            path: c.path,
            ...(item.body !== undefined
              ? { body: item.body, headers: { ...request.headers, 'content-type': 'application/json' } }
              : { body: undefined }),
          };
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
    const c = (client as { requestIterator: { context: Context } }).requestIterator.context;
    const item = c.item!;
    (byClass.get(item.cls) ?? byClass.set(item.cls, []).get(item.cls)!).push(responseTimeMs);
    (byKind.get(item.kind) ?? byKind.set(item.kind, []).get(item.kind)!).push(responseTimeMs);
    if (statusCode < 200 || statusCode >= 400) {
      badStatus[statusCode] = (badStatus[statusCode] ?? 0) + 1;
      if (errorSamples.length < 10) errorSamples.push(`${statusCode} ${item.method} ${c.path}`);
    }
  });
  instance.on('reqError', (error: Error) => {
    if (errorSamples.length < 10) errorSamples.push(`socket error: ${error.message}`);
  });
  const sampler = setInterval(() => {
    void o.rss().then((bytes) => rss.push(bytes));
  }, o.sampleEveryMs ?? 5_000);
  let result: autocannon.Result;
  try {
    result = await instance;
  } finally {
    clearInterval(sampler);
  }
  rss.push(await o.rss());
  const classes = Object.fromEntries([...byClass].map(([k, v]) => [k, stats(v)]));
  const kinds = Object.fromEntries([...byKind].map(([k, v]) => [k, stats(v)]));
  const requests = [...byClass.values()].reduce((sum, v) => sum + v.length, 0);
  return {
    seconds: o.seconds,
    connections: o.connections,
    requests,
    rps: requests / o.seconds,
    badStatus,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    byClass: classes,
    byKind: kinds,
    rss,
    errorSamples,
  };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');

/** The result as a Markdown table (per class and per kind) and a line of totals. */
export function formatWorkload(result: WorkloadResult): string {
  const rows = (entries: [string, ClassStats][]) =>
    entries
      .map(([name, s]) => `| ${name} | ${s.requests} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`)
      .join('\n');
  const growth = result.rss.length > 1 ? (result.rss[result.rss.length - 1]! / result.rss[0]! - 1) * 100 : Number.NaN;
  return [
    `${result.connections} clients, ${result.seconds} s: ${result.requests} requests, ${result.rps.toFixed(0)} req/s; non-2xx/3xx ${JSON.stringify(result.badStatus)}, socket errors ${result.socketErrors} (timeouts ${result.timeouts})`,
    '| class / kind | requests | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|',
    rows(Object.entries(result.byClass).sort()),
    rows(
      Object.entries(result.byKind)
        .sort()
        .map(([k, v]) => [`  ${k}`, v]),
    ),
    `server RSS: ${result.rss.map(mb).join(' -> ')} (growth ${growth.toFixed(1)} % from the first sample to the last)`,
    ...result.errorSamples.map((e) => `  error: ${e}`),
  ].join('\n');
}
