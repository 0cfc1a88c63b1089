/**
 * API fuzzing. Every route of the server is found from the app itself (its route tree, and the
 * OpenAPI document for the parameters and bodies of the API routes), so a new route is fuzzed
 * without touching this file. Each route gets generated requests through `app.inject` against
 * one server over a temporary store with the embedded default data:
 *   - valid-enough requests (known countries, in-range years and limits, every format, Russian
 *     searches, machinery scenarios, filled demo sheets) with now and then one other parameter
 *     drawn at random from its domain, so a good share reaches the handlers and the core;
 *   - hostile ones: wrong types, out-of-range and huge numbers, numbers with junk, unicode,
 *     very long strings, injection-like text (' OR 1=1 --), unknown and repeated parameters,
 *     raw malformed query strings and percent escapes, path segments with .., %00, %2f and 101+
 *     characters, other methods, bodies that are malformed JSON, of the wrong content type,
 *     deeply nested, above the body limit, with arrays for scalars and numbers as strings,
 *     __proto__ keys, and odd headers (If-None-Match, Range).
 * Outcomes: 2xx/3xx with a body that parses as its content type says, or 4xx with the JSON error
 * shape (a KRV_ code and a message, no stack trace); never a 5xx, a request over the timeout or
 * an unhandled rejection; every answer carries the security headers; the store's datasets are
 * unchanged afterwards. SHORT: a dozen requests a route; FULL (KARAVAN_RELIABILITY=full): 10,000.
 *
 *   npx vitest run test/reliability/fuzz-api.test.ts
 *   KARAVAN_RELIABILITY=full npx vitest run test/reliability/fuzz-api.test.ts
 *   KARAVAN_FUZZ_REQUESTS=500 npx vitest run test/reliability/fuzz-api.test.ts   (a size between)
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../server/helpers.ts';
import { full, pick, rng, seed } from '../support/reliability.ts';

/** Requests per route; KARAVAN_FUZZ_REQUESTS overrides (e.g. to try a size between the two). */
const requestsPerRoute = Number(process.env['KARAVAN_FUZZ_REQUESTS'] ?? pick(12, 10_000));
const timeoutMs = pick(30_000, 60_000);
const concurrency = 4;
/** For the test's time limit only: routes are found at run time. */
const routesGuess = 40;
/** Share of valid-enough requests that take one parameter at random from its whole domain (new results, not cached). */
const freshShare = 0.05;
/** Valid-enough base requests per route (each a fixed query, path and body). */
const basesPerRoute = 24;

type Rand = () => number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Route {
  method: string;
  /** Fastify form: /api/countries/:country, /api/docs/* */
  path: string;
  /** OpenAPI operation, for API routes. */
  op?: OpenApiOperation;
}

interface SchemaObject {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | SchemaObject;
}

interface OpenApiOperation {
  parameters?: { name: string; in: 'query' | 'path'; required?: boolean; schema: SchemaObject }[];
  requestBody?: { content: Record<string, { schema?: SchemaObject }> };
}

interface Req {
  route: Route;
  index: number;
  kind: string;
  /** The request aims at the handler with acceptable parameters. */
  valid: boolean;
  options: InjectOptions;
}

/** The route tree as `printRoutes` draws it, flattened to method + full path (HEAD left out: it is fuzzed as a method of GET routes). */
function routesOf(app: FastifyInstance): { method: string; path: string }[] {
  const stack: string[] = [];
  const routes: { method: string; path: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const joined = stack.join('');
    const path = joined.startsWith('/') ? joined : `/${joined}`;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) if (method !== 'HEAD') routes.push({ method, path });
  }
  return routes;
}

const pickOf = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const intIn = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const chance = (r: Rand, p: number) => r() < p;

const countries = [
  'BLR',
  'KAZ',
  'RUS',
  'ZAF',
  'AFG',
  'USA',
  'CHN',
  'DEU',
  'UZB',
  'by',
  'kz',
  'RU',
  '398',
  '112',
  '643',
  'Belarus',
  'Kazakhstan',
  'Беларусь',
  'Казахстан',
  'россия',
  'Узбекистан',
];
const unknownCountries = ['Narnia', 'XXX', 'ZZ', '999', '000', 'Атлантида', 'Kazakhstann', 'B', 'BLRR', 'World?', 'K*'];
const searches = [
  'комбайн',
  'трактор',
  'пшеница',
  'зерно',
  'молоко',
  'tractor',
  'combine',
  'wheat',
  'milk',
  '8433',
  '84',
  '870190',
  'каз',
  'бел',
  'bel',
  'ru',
  'Кот-д’Ивуар',
  "Côte d'Ivoire",
  'k',
  '',
];
const productCodes = [
  '8433',
  '843351',
  '870190',
  '1001',
  '100199',
  '0401',
  '84',
  '27',
  '2709',
  '310520',
  '0000',
  '999999',
  '01',
  '850440',
];
const tableIds = [
  'needs',
  'supply',
  'coverage',
  'sections',
  'products',
  'countries',
  'datasets',
  'nodes',
  'edges',
  'sheet',
  'blocks',
  'costs',
  'fleetSize',
  'sensitivity',
  'parameters',
  'comparison',
  'comparisons',
  'potential',
  'rivals',
  'joint',
  'surplus',
  'turnover',
  'machines',
  'crops',
  'nope',
];
const sqlish = [
  "' OR 1=1 --",
  "'; DROP TABLE flows; --",
  '" OR ""="',
  "1; SELECT * FROM read_csv('/etc/passwd')",
  "BLR' UNION SELECT 1,2,3 --",
  "KAZ')--",
  '1 OR 1=1',
  "%' AND 1=0 --",
  "\\'; COPY flows TO '/tmp/x'; --",
  "ATTACH '/tmp/x.db'",
];
const oddStrings = [
  ...sqlish,
  '$(rm -rf /)',
  '`id`',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '%00',
  '\u0000',
  'a\u0000b',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  'false',
  '[]',
  '{}',
  '[1,2]',
  '{"a":1}',
  '0x1F',
  '0b101',
  '0o17',
  '1e309',
  '-1e309',
  '1e-400',
  '-0',
  '1.5',
  ' 2020',
  '2020 ',
  '+2020',
  '2020.0',
  '2_020',
  '٢٠٢٠',
  '２０２０',
  '🚜🌾',
  '\u202eKAZ',
  'K\u0301AZ',
  'ǅ',
  'İ',
  'ß',
  '\ufeffBLR',
  '\r\nX-Injected: 1',
  ' ',
  '',
  ',',
  ',,,',
  '%',
  '%%',
  '%zz',
  'a=b&c=d',
  '=',
  '&',
  '#',
  '?',
  '*',
  '\\',
  '/',
  '.',
  '..',
  'КАЗАХСТАН',
  'BLR,KAZ',
  'blr kaz',
  'b%',
  'b_',
  "BL'R",
  '\ud800',
  '\udfff',
  '\u0085',
  '\u2028',
  '\t',
  'Ω≈ç√∫',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '表',
  'جمهورية',
  'ⅯⅯⅩⅩ',
];
const oddNumbers = [
  '-1',
  '0',
  '1961',
  '2101',
  '-2020',
  '99999999999999999999',
  '-2147483649',
  '4294967296',
  '9007199254740993',
  '1e3',
  '1e308',
  '2020.5',
  '0.0001',
  '-0.5',
  '1.0000000000000002',
  'NaN',
  '12abc',
  '2020-01-01',
  '0x7E4',
];
const paramNames = [
  'foo',
  'FORMAT',
  'format[]',
  'format[0]',
  'a[b]',
  '__proto__',
  'constructor',
  'prototype.polluted',
  '',
  ' ',
  'exporter ',
  '%00',
  'x'.repeat(300),
  'ЭКСПОРТЁР',
  'callback',
  'jsonp',
  'debug',
  '$where',
];

const longString = (r: Rand): string => {
  const n = pickOf(r, [81, 121, 257, 1_000, 10_000, 100_000]);
  return pickOf(r, ['x', 'ж', '🚜', 'BLR', "' OR 1=1 --", '%', '\u0000'] as const)
    .repeat(n)
    .slice(0, n * 2);
};

/** A hostile value for one parameter. */
function oddValue(r: Rand): string {
  const x = r();
  if (x < 0.45) return pickOf(r, oddStrings);
  if (x < 0.7) return pickOf(r, oddNumbers);
  if (x < 0.8) return longString(r);
  if (x < 0.9) return String(Math.floor((r() - 0.5) * 10 ** intIn(r, 1, 25)));
  return pickOf(r, [...countries, ...unknownCountries, ...productCodes, ...searches]);
}

/** Percent-encoding that never throws (lone surrogates are written as their raw UTF-8-ish escapes). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

/** A value inside the schema's domain: named pools for the parameters the core resolves, the bounds and a few points between for numbers. */
function validValue(r: Rand, name: string, schema: SchemaObject, ctx: Ctx, fresh: boolean): Json | undefined {
  if (schema.enum) return pickOf(r, schema.enum as Json[]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (['exporter', 'importer', 'country'].includes(name))
    return pickOf(r, fresh ? [...countries, ...unknownCountries] : countries);
  if (name === 'search') return pickOf(r, searches);
  if (name === 'products')
    return Array.from({ length: intIn(r, 1, fresh ? 20 : 3) }, () =>
      pickOf(
        r,
        productCodes.filter((c) => c.length === 6),
      ),
    ).join(',');
  if (name === 'table') return pickOf(r, tableIds);
  if (name === 'code') return pickOf(r, productCodes);
  if (name === 'hsRevision') return pickOf(r, ['HS92', 'HS07', 'HS17', 'HS22']);
  if (name === 'source') return pickOf(r, ['baci', 'comtrade', 'user', 'my-source']);
  if (name === 'machineId' || name === 'tractorId') return pickOf(r, ctx.machines);
  if (name === 'cropId') return pickOf(r, ctx.crops);
  if (name === 'presetId') return pickOf(r, ctx.presets);
  if (name === 'sheet') return pickOf(r, ctx.sheets);
  if (name === 'year' || name === 'targetYear')
    return fresh
      ? intIn(r, schema.minimum ?? 1962, schema.maximum ?? 2100)
      : pickOf(r, [2010, 2018, 2020, 2021, 2022, 2030]);
  if (type === 'integer' || type === 'number') {
    const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
    const hi = schema.maximum ?? Math.max(lo + 1, 1e6);
    const pool = [
      lo,
      hi,
      ...(schema.default !== undefined ? [schema.default as number] : []),
      lo + (hi - lo) / 100,
      lo + (hi - lo) / 2,
    ];
    const named: Record<string, number[]> = {
      areaHa: [50, 500, 3000, 20000],
      windowDays: [5, 10, 20],
      hoursPerDay: [6, 8, 12],
      workableShare: [0.6, 0.8, 1],
      fieldEfficiency: [0.6, 0.7, 0.8],
      replicates: [2, 3, 6],
      plotAreaHa: [5, 10, 20],
      unitsPerMachine: [1, 2],
      confidenceLevel: [0.9, 0.95, 0.99],
      limit: [1, 10, 25, 50],
      maxEdges: [0, 100, 1500, 4000],
      minProximity: [0.3, 0.55, 0.8],
      targetUsd: [1e6, 5e8, 1e10],
    };
    let value = fresh ? lo + r() * (hi - lo) : pickOf(r, named[name] ?? pool);
    if (type === 'integer') value = Math.round(value);
    return value;
  }
  if (type === 'string') {
    if (schema.pattern) return 'HS07';
    const n = schema.minLength ?? 1;
    return 'x'.repeat(n);
  }
  if (type === 'boolean') return chance(r, 0.5);
  if (type === 'array') {
    const items = schema.items ?? {};
    const n = intIn(r, schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3));
    return Array.from(
      { length: n },
      () => validValue(r, name === 'machineIds' ? 'machineId' : name, items, ctx, fresh) ?? null,
    );
  }
  if (type === 'object') return validObject(r, schema, ctx, fresh);
  return undefined;
}

function validObject(r: Rand, schema: SchemaObject, ctx: Ctx, fresh: boolean): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  const required = new Set(schema.required ?? []);
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    // The scenario's areaHa is required by the core although the schema leaves it to the core.
    if (!required.has(key) && key !== 'areaHa' && !chance(r, 0.25)) continue;
    if (key === 'catalog' || key === 'factors' || key === 'sizes') continue;
    const value = validValue(r, key, prop, ctx, fresh);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Values found at start-up: machine ids, crops, presets, filled demo sheets, static files. */
interface Ctx {
  machines: string[];
  crops: string[];
  presets: string[];
  sheets: string[];
  staticFiles: string[];
  docsFiles: string[];
}

let bigBody: string | undefined;
/** JSON above the 8 MB body limit (built once). */
const oversized = () =>
  (bigBody ??= JSON.stringify({ scenario: { areaHa: 1000 }, junk: 'x'.repeat(8 * 1024 * 1024 + 10) }));

function deepJson(r: Rand): string {
  const depth = pickOf(r, [100, 1_000, 10_000, 100_000]);
  const [open, close] = pickOf(r, [
    ['[', ']'],
    ['{"a":', '}'],
    ['{"scenario":', '}'],
  ] as const);
  const deep = open.repeat(depth) + '1' + close.repeat(depth);
  // At the top, or where the route takes any object or a number.
  return pickOf(r, [
    deep,
    `{"scenario":{"areaHa":1000},"catalog":${deep}}`,
    `{"scenario":{"areaHa":1000},"catalog":{"machines":${deep}}}`,
    `{"scenario":{"areaHa":${deep}}}`,
    `{"areaHa":100,"machineIds":${deep}}`,
    `{"sheet":${deep}}`,
  ]);
}

function malformedJson(r: Rand, valid: string): string {
  return pickOf(r, [
    valid.slice(0, Math.floor(valid.length / 2)),
    valid + '}',
    valid.replace(/"/g, "'"),
    valid.replace(/}$/, ',}'),
    '{"scenario": {"areaHa": NaN}}',
    '{"scenario": {"areaHa": Infinity}}',
    '{"scenario": {"areaHa": 1e999}}',
    '{"__proto__": {"polluted": true}, "scenario": {"areaHa": 1}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '\ufeff' + valid,
    '',
    ' ',
    'null',
    '[]',
    '"scenario"',
    '1',
    '{"a":"\\ud800"}',
    '{"a":"\\u0000"}',
    '{"a" 1}',
    valid + valid,
    '\u0000'.repeat(10),
    Buffer.from([0xff, 0xfe, 0xfd]).toString('latin1'),
  ]);
}

function mutateJson(r: Rand, value: Json): Json {
  if (Array.isArray(value)) return chance(r, 0.5) ? value.map((v) => mutateJson(r, v)) : (value[0] ?? null);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = { ...value };
    const keys = Object.keys(out);
    const key = keys.length > 0 && chance(r, 0.8) ? pickOf(r, keys) : pickOf(r, paramNames);
    out[key] = pickOf<() => Json>(r, [
      () => mutateJson(r, out[key] ?? null),
      () => String(out[key]),
      () => [out[key] ?? null],
      () => [out[key] ?? null, out[key] ?? null],
      () => ({ value: out[key] ?? null }),
      () => null,
      () => oddValue(r),
      () => Number(pickOf(r, oddNumbers)),
      () => -1,
      () => 1e308,
      () => 0,
      () => true,
      () => longString(r),
    ])();
    if (chance(r, 0.1)) delete out[pickOf(r, keys.length > 0 ? keys : ['x'])];
    return out;
  }
  if (typeof value === 'number')
    return pickOf(r, [String(value), -value, value * 1e6, 0, null, [value], Number.MAX_SAFE_INTEGER]);
  if (typeof value === 'string') return pickOf(r, [oddValue(r), value.repeat(50), [value], 42, null]);
  return oddValue(r);
}

const contentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'multipart/form-data',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json-patch+json',
  'application/xml',
  '*/*',
  'application/octet-stream',
  'text/csv',
  'application/json;;;',
  'APPLICATION/JSON',
  'application/jsonp',
  '',
];

function multipartBody(r: Rand): { payload: string; headers: Record<string, string> } {
  const boundary = `----karavanfuzz${intIn(r, 0, 1e6)}`;
  const name = pickOf(r, ['file', 'other', '../../etc/passwd', 'ф', '']);
  const filename = pickOf(r, ['x.csv', '../../x.csv', '\u0000.csv', 'a'.repeat(300), 'baci.zip', '', '.hidden']);
  const content = pickOf(r, [
    't,i,j,k,v,q\n2020,112,398,843351,1,1\n',
    'a,b\n1,2\n',
    '',
    "' OR 1=1 --",
    'PK\u0003\u0004junk',
  ]);
  const parts = chance(r, 0.8)
    ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`
    : `--${boundary}\r\njunk`;
  return { payload: parts, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function fillPath(r: Rand, route: Route, hostile: boolean): string {
  return route.path.replace(/:(\w+)|\*/g, (match, name: string | undefined) => {
    if (match === '*') {
      const files = route.path.startsWith('/api/docs') ? globalCtx!.docsFiles : globalCtx!.staticFiles;
      if (!hostile) return pickOf(r, files);
      return pickOf(r, [
        '../package.json',
        '..%2f..%2fpackage.json',
        '%2e%2e/%2e%2e/etc/passwd',
        '....//....//etc/passwd',
        'assets/../../../../etc/passwd',
        `${pickOf(r, files)}%00.js`,
        `${pickOf(r, files)}/`,
        `${pickOf(r, files)}.map`,
        'assets/',
        'assets/%2e%2e/index.html',
        '%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
        '\u0000',
        '%',
        '%zz',
        '.env',
        '.git/config',
        'node_modules/fastify/package.json',
        enc(longString(r)),
        `${enc(pickOf(r, oddStrings))}`,
        '//etc/passwd',
        'index.html?x=1',
        'INDEX.HTML',
      ]);
    }
    const param = route.op?.parameters?.find((p) => p.in === 'path' && p.name === name);
    if (!hostile && param) return enc(String(validValue(r, name!, param.schema, globalCtx!, false)));
    return pickOf(r, [
      enc(oddValue(r)),
      '..',
      '%2e%2e',
      '..%2f..%2fetc%2fpasswd',
      '%00',
      '%',
      '%zz',
      '%ff',
      'x'.repeat(101),
      'ж'.repeat(60),
      enc(longString(r)),
      enc(pickOf(r, unknownCountries)),
      '',
      '%2f',
      '.',
    ]);
  });
}

let globalCtx: Ctx | undefined;

function queryParams(op: OpenApiOperation | undefined): { name: string; schema: SchemaObject; required: boolean }[] {
  return (op?.parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => ({ name: p.name, schema: p.schema, required: p.required ?? false }));
}

/** One generated request for `route` (the same (route, index) gives the same request under one seed). */
function generate(route: Route, routeIndex: number, index: number): Req {
  const r = rng((seed + routeIndex * 1_000_003 + index * 7_919) >>> 0);
  const ctx = globalCtx!;
  const params = queryParams(route.op);
  const jsonBody = route.op?.requestBody?.content['application/json']?.schema;
  const isPost = route.method === 'POST';
  const valid = chance(r, 0.4);
  const fresh = valid && chance(r, freshShare);
  // A valid-enough query: every required parameter and some optional ones from their pools.
  // The valid-enough base of every request is one of a few per route (so results repeat and are
  // served from the cache, as the dashboard's are); a fresh one changes a parameter at random.
  const base = rng((seed + routeIndex * 1_000_003 + 999_983 * (1 + intIn(r, 0, basesPerRoute - 1))) >>> 0);
  const query: [string, string][] = [];
  for (const p of params) {
    if (!p.required && !chance(base, 0.5)) continue;
    const v = validValue(base, p.name, p.schema, ctx, false);
    if (v !== undefined) query.push([p.name, String(v)]);
  }
  if (fresh && params.length > 0) {
    const p = pickOf(r, params);
    const v = validValue(r, p.name, p.schema, ctx, true);
    const at = query.findIndex(([k]) => k === p.name);
    if (v !== undefined) {
      if (at >= 0) query[at] = [p.name, String(v)];
      else query.push([p.name, String(v)]);
    }
  }
  let body: Json | undefined = jsonBody ? validObject(fresh ? r : base, jsonBody, ctx, fresh) : undefined;
  let payload: string | undefined = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = payload === undefined ? {} : { 'content-type': 'application/json' };
  let method = route.method;
  let kind = valid ? (fresh ? 'valid-fresh' : 'valid') : '';
  let rawQuery: string | undefined;
  let path = fillPath(fresh ? r : base, route, false);
  if (route.path === '/api/ingest' && route.method === 'POST') {
    const m = multipartBody(r);
    payload = m.payload;
    Object.assign(headers, m.headers);
  }
  if (!valid) {
    // One to three hostile changes.
    for (let n = intIn(r, 1, 3); n > 0; n--) {
      const what = r();
      if (what < 0.22 && query.length > 0) {
        const i = intIn(r, 0, query.length - 1);
        query[i] = [query[i]![0], oddValue(r)];
        kind ||= 'odd-value';
      } else if (what < 0.3 && params.length > 0) {
        query.push([pickOf(r, params).name, oddValue(r)]);
        kind ||= 'odd-value';
      } else if (what < 0.38) {
        query.push([pickOf(r, paramNames), oddValue(r)]);
        kind ||= 'unknown-param';
      } else if (what < 0.46 && params.length > 0) {
        const p = pickOf(r, params);
        query.push(
          [p.name, String(validValue(r, p.name, p.schema, ctx, true) ?? 'x')],
          [p.name, String(validValue(r, p.name, p.schema, ctx, true) ?? 'y')],
        );
        kind ||= 'repeated-param';
      } else if (what < 0.52) {
        rawQuery = pickOf(r, [
          '&&&',
          '=',
          '==',
          '%',
          '%zz',
          'a=%',
          'format=json;format=csv',
          'exporter',
          'exporter=',
          'year=',
          'limit=&limit=',
          '?',
          '#x',
          'a=1&'.repeat(5000),
          `q=${'%41'.repeat(20000)}`,
          'exporter=BLR%00KAZ',
          'exporter=%ED%A0%80',
          'lang=ru&lang=en',
          'year[]=2020',
          'year[$gt]=1',
        ]);
        kind ||= 'raw-query';
      } else if (what < 0.62 && route.path.match(/[:*]/)) {
        path = fillPath(r, route, true);
        kind ||= 'path-param';
      } else if (what < 0.68) {
        path = pickOf(r, [
          `${path}/`,
          `${path}/..`,
          `${path}//`,
          `${path}/%2e%2e`,
          path.toUpperCase(),
          `${path};jsessionid=1`,
          `${path}.json`,
          `/${path}`,
          `${path}%00`,
          `${path}/x`,
          path.replace('/api/', '/api//'),
          path.replace('/api/', '/api/../api/'),
        ]);
        kind ||= 'path';
      } else if (what < 0.74) {
        method = pickOf(r, ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
        kind ||= 'method';
      } else if (what < 0.92 && (isPost || chance(r, 0.2))) {
        kind ||= 'body';
        const b = r();
        if (b < 0.2) {
          headers['content-type'] = pickOf(r, contentTypes);
          payload ??= '{"a":1}';
        } else if (b < 0.4) {
          payload = malformedJson(r, payload ?? '{"a":1}');
          headers['content-type'] = 'application/json';
        } else if (b < 0.5) {
          payload = deepJson(r);
          headers['content-type'] = 'application/json';
        } else if (b < 0.52) {
          payload = oversized();
          headers['content-type'] = pickOf(r, ['application/json', 'text/plain']);
        } else if (b < 0.57) {
          const m = multipartBody(r);
          payload = m.payload;
          Object.assign(headers, m.headers);
        } else {
          body = mutateJson(r, body ?? {});
          payload = JSON.stringify(body);
          headers['content-type'] = 'application/json';
        }
      } else {
        kind ||= 'header';
        Object.assign(
          headers,
          pickOf(r, [
            { 'if-none-match': '*' },
            { 'if-none-match': oddValue(r).replace(/[^\x20-\x7e]/g, '') },
            { 'if-none-match': '"x", W/"y", *' },
            { range: 'bytes=999999999-' },
            { range: 'bytes=0-10' },
            { range: 'bytes=5-1, 0-0, junk' },
            { 'if-modified-since': 'Thu, 01 Jan 2099 00:00:00 GMT' },
            { 'if-modified-since': 'junk' },
            { accept: 'application/xml' },
            { 'accept-language': 'ru' },
            { 'accept-encoding': 'gzip, br' },
            { 'x-forwarded-for': '1.2.3.4' },
            { 'content-type': pickOf(r, contentTypes) },
            { 'transfer-encoding': 'identity' },
            { cookie: 'a=1; __proto__=x' },
          ]),
        );
      }
    }
  }
  const queryText = rawQuery ?? query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const url = queryText === '' ? path : `${path}?${queryText}`;
  const options: InjectOptions = {
    method: method as InjectOptions['method'],
    url,
    headers,
    ...(payload !== undefined && method !== 'GET' && method !== 'HEAD' && { payload }),
  };
  return { route, index, kind: kind || 'other', valid, options };
}

interface Outcome {
  status: number;
  problems: string[];
  code?: string;
  reachedHandler: boolean;
  ms: number;
}

const xlsxChecked = new Map<string, boolean>();
/** Distinct workbooks read back in full; past that, only the ZIP signature is checked (reading one costs 0.1-1 s). */
const xlsxLoadsAtMost = 300;

async function xlsxParses(body: Buffer): Promise<boolean> {
  const key = createHash('sha1').update(body).digest('hex');
  const known = xlsxChecked.get(key);
  if (known !== undefined) return known;
  if (xlsxChecked.size >= xlsxLoadsAtMost) return body.subarray(0, 4).toString('hex') === '504b0304';
  let ok: boolean;
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    ok = workbook.worksheets.length > 0;
  } catch {
    ok = false;
  }
  xlsxChecked.set(key, ok);
  return ok;
}

/** Fields per record of an RFC 4180 CSV, or null when a quote is left open. */
function csvShape(text: string): number[] | null {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') fields++;
    else if (c === '\n') {
      counts.push(fields);
      fields = 1;
    }
  }
  return quoted ? null : counts;
}

const securityHeaders = ['x-content-type-options', 'content-security-policy', 'referrer-policy', 'x-frame-options'];
/** A stack frame, a source position or a file URL in an error body. */
const internals = /\n\s+at |\bat .+\.[jt]s:\d+:\d+|file:\/\/|"stack"/;
const validationMessage = /\(in the (querystring|body|params|headers)\)|\((must |not accepted)/;

async function check(req: Req, response: Awaited<ReturnType<FastifyInstance['inject']>>, ms: number): Promise<Outcome> {
  const problems: string[] = [];
  const status = response.statusCode;
  const type = String(response.headers['content-type'] ?? '');
  const encoding = response.headers['content-encoding'];
  const raw =
    response.rawPayload.length === 0 || status === 206
      ? response.rawPayload
      : encoding === 'gzip'
        ? gunzipSync(response.rawPayload)
        : encoding === 'br'
          ? brotliDecompressSync(response.rawPayload)
          : response.rawPayload;
  const head = req.options.method === 'HEAD';
  let code: string | undefined;
  let reachedHandler = false;
  for (const h of securityHeaders) if (response.headers[h] === undefined) problems.push(`missing header ${h}`);
  if (status >= 500) problems.push(`status ${status}`);
  else if (status >= 400) {
    if (!type.startsWith('application/json')) problems.push(`${status} with content type ${type || 'none'}`);
    else if (!head) {
      try {
        const body = JSON.parse(raw.toString('utf8')) as { code?: unknown; message?: unknown; stack?: unknown };
        code = String(body.code);
        if (typeof body.code !== 'string' || !/^KRV_[A-Z_]+$/.test(body.code))
          problems.push(`error code ${String(body.code)}`);
        if (typeof body.message !== 'string' || body.message === '') problems.push('error without a message');
        if ('stack' in body) problems.push('error with a stack');
        if (internals.test(raw.toString('utf8')) || raw.toString('utf8').includes(process.cwd()))
          problems.push('error body shows internals');
        reachedHandler =
          !['KRV_HTTP_NOT_FOUND', 'KRV_HTTP_BAD_BODY', 'KRV_HTTP_TOO_LARGE'].includes(code) &&
          !validationMessage.test(String(body.message));
      } catch {
        problems.push(`${status} body is not JSON`);
      }
    }
  } else {
    reachedHandler = true;
    // A 206 (a Range asked for) is a slice of the file: nothing to parse.
    if (!head && status !== 304 && status !== 204 && status !== 206 && !(status >= 300 && raw.length === 0)) {
      const text = () => raw.toString('utf8');
      if (type.startsWith('application/json')) {
        try {
          JSON.parse(text());
        } catch {
          problems.push('JSON body does not parse');
        }
      } else if (type.startsWith('text/csv')) {
        const shape = csvShape(text());
        if (!text().startsWith('\ufeff') || shape === null || shape.length === 0 || shape.some((n) => n !== shape[0]))
          problems.push('CSV body is ragged');
      } else if (type.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')) {
        if (!(await xlsxParses(raw))) problems.push('XLSX body does not load');
      } else if (type.startsWith('text/html')) {
        if (!/<html|<!doctype/i.test(text())) problems.push('HTML body without <html>');
      } else if (/^(text|application)\/(javascript|css)/.test(type)) {
        if (raw.length === 0) problems.push('empty script or style');
      } else if (type.startsWith('image/png')) {
        if (raw.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') problems.push('PNG without its signature');
      } else if (type.startsWith('image/svg+xml') || type.includes('yaml')) {
        if (raw.length === 0) problems.push('empty body');
      } else problems.push(`unexpected content type ${type || 'none'}`);
    }
  }
  return { status, problems, reachedHandler, ms, ...(code !== undefined && { code }) };
}

async function injectWithTimeout(
  app: FastifyInstance,
  options: InjectOptions,
): Promise<Awaited<ReturnType<FastifyInstance['inject']>> | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    return await Promise.race([app.inject(options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Files a page links to (src and href attributes), relative to `prefix`. */
function linkedFiles(html: string, prefix: string): string[] {
  return [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((u) => !u.startsWith('data:') && !u.startsWith('http'))
    .map((u) =>
      u
        .replace(/^\.?\//, '')
        .replace(prefix, '')
        .replace(/^\//, ''),
    );
}

async function discover(app: FastifyInstance): Promise<Ctx> {
  const catalog = JSON.parse((await app.inject({ url: '/api/machinery/catalog' })).body) as {
    machines: { id: string }[];
    crops: { id: string }[];
    presets: { presets?: { id: string }[] } | { id: string }[];
  };
  const presetList = Array.isArray(catalog.presets) ? catalog.presets : (catalog.presets.presets ?? []);
  const machines = catalog.machines.map((m) => m.id);
  const sheets: string[] = [];
  const r = rng(seed);
  for (let i = 0; i < 6; i++) {
    const ids = [machines[i % 4]!, machines[(i + 1) % 4]!];
    const sheet = await app.inject({
      method: 'POST',
      url: '/api/machinery/demo?format=csv&table=sheet',
      payload: { areaHa: 300, machineIds: ids, replicates: 3, plotAreaHa: 10, seed: i + 1 },
    });
    const [header, ...rows] = sheet.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const cols = header!.split(',');
    const at = (name: string) => cols.indexOf(name);
    const filled = rows.map((line) => {
      const cells = line.split(',');
      const area = Number(cells[at('plot_area_ha')]) * (0.9 + 0.1 * r());
      if (i < 5) {
        cells[at('date')] = '2026-08-0' + ((i % 9) + 1);
        cells[at('operator')] = pickOf(r, ['A', 'Б', "O'Neil"]);
        cells[at('worked_area_ha')] = area.toFixed(2);
        cells[at('work_hours')] = ((area / Number(cells[at('planned_ha_per_h')])) * (0.8 + 0.4 * r())).toFixed(2);
        cells[at('fuel_litres')] = (area * (12 + 6 * r())).toFixed(1);
        cells[at('grain_loss_kg_per_ha')] = (30 + 60 * r()).toFixed(1);
        cells[at('downtime_hours')] = (r() * 2).toFixed(2);
      }
      return cells.join(',');
    });
    sheets.push([header, ...filled].join('\r\n') + '\r\n');
  }
  const index = await app.inject({ url: '/' });
  const docs = await app.inject({ url: '/api/docs/' });
  return {
    machines,
    crops: catalog.crops.map((c) => c.id),
    presets: presetList.map((p) => p.id),
    sheets,
    staticFiles: ['', 'index.html', ...linkedFiles(index.body, '')],
    docsFiles: [
      'static/index.html',
      'static/swagger-initializer.js',
      'static/favicon-32x32.png',
      'static/logo.svg',
      'static/oauth2-redirect.html',
      ...linkedFiles(docs.body, 'static/').map((f) => `static/${f}`),
    ],
  };
}

describe('API fuzzing', () => {
  let s: TestServer;
  let routes: Route[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    s = await testServer({ fixture: false });
    const doc = JSON.parse((await s.app.inject({ url: '/api/openapi.json' })).body) as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const ops = new Map<string, OpenApiOperation>();
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods))
        ops.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op);
    routes = routesOf(s.app).map((route) => ({ ...route, op: ops.get(`${route.method} ${route.path}`) }));
    globalCtx = await discover(s.app);
  }, 120_000);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await s?.close();
  });

  it(
    'answers every generated request with a parsable 2xx/3xx or a JSON 4xx, never a 5xx, a hang or an unhandled rejection',
    async () => {
      // The route tree and the OpenAPI document agree: every documented operation is fuzzed with its own parameters.
      expect(routes.length).toBeGreaterThanOrEqual(30);
      const documented = routes.filter((r) => r.op).length;
      expect(documented).toBeGreaterThanOrEqual(27);
      const datasetsBefore = JSON.stringify(s.app.store.datasets());
      const versionBefore = s.app.store.version;
      const started = performance.now();
      const counts = {
        requests: 0,
        '2xx': 0,
        '3xx': 0,
        '4xx': 0,
        '5xx': 0,
        timeouts: 0,
        reachedHandler: 0,
        validSent: 0,
        validReached: 0,
      };
      const byCode = new Map<string, number>();
      const byRoute = new Map<string, { n: number; ok: number; reached: number; maxMs: number; totalMs: number }>();
      const byKind = new Map<string, { n: number; totalMs: number }>();
      const failures: string[] = [];
      const problemKinds = new Map<string, number>();
      let slowest = { ms: 0, url: '' };
      const jobs: [number, number][] = [];
      for (let i = 0; i < requestsPerRoute; i++) for (let k = 0; k < routes.length; k++) jobs.push([k, i]);
      let next = 0;
      const worker = async () => {
        while (next < jobs.length) {
          const [k, i] = jobs[next++]!;
          const req = generate(routes[k]!, k, i);
          const t0 = performance.now();
          const response = await injectWithTimeout(s.app, req.options);
          const ms = performance.now() - t0;
          counts.requests++;
          if (requestsPerRoute >= 100 && counts.requests % 25_000 === 0)
            process.stdout.write(
              `  ${counts.requests} / ${jobs.length} requests, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
            );
          const label = `${req.route.method} ${req.route.path}`;
          const stats = byRoute.get(label) ?? { n: 0, ok: 0, reached: 0, maxMs: 0, totalMs: 0 };
          const kindStats = byKind.get(req.kind) ?? { n: 0, totalMs: 0 };
          byKind.set(req.kind, kindStats);
          kindStats.n++;
          kindStats.totalMs += ms;
          byRoute.set(label, stats);
          stats.n++;
          stats.maxMs = Math.max(stats.maxMs, ms);
          stats.totalMs += ms;
          if (req.valid) counts.validSent++;
          if (ms > slowest.ms) slowest = { ms, url: `${req.options.method} ${String(req.options.url).slice(0, 160)}` };
          const where = `seed=${seed} route=${label} index=${i} kind=${req.kind} ${req.options.method} ${String(req.options.url).slice(0, 200)}`;
          if (response === 'timeout') {
            counts.timeouts++;
            failures.push(`${where}: no answer in ${timeoutMs} ms`);
            continue;
          }
          const outcome = await check(req, response, ms);
          counts[`${Math.floor(outcome.status / 100)}xx` as '2xx'] =
            (counts[`${Math.floor(outcome.status / 100)}xx` as '2xx'] ?? 0) + 1;
          if (outcome.code) byCode.set(outcome.code, (byCode.get(outcome.code) ?? 0) + 1);
          if (outcome.reachedHandler) {
            counts.reachedHandler++;
            stats.reached++;
            if (req.valid) counts.validReached++;
          }
          if (outcome.status < 400) stats.ok++;
          for (const p of outcome.problems) problemKinds.set(p, (problemKinds.get(p) ?? 0) + 1);
          if (outcome.problems.length > 0 && failures.length < 50)
            failures.push(`${where}: ${outcome.status} ${outcome.problems.join('; ')} ${response.body.slice(0, 300)}`);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const elapsedS = (performance.now() - started) / 1000;
      const share = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(0)}%`;
      if (requestsPerRoute >= 100) {
        for (const [label, st] of [...byRoute].sort()) {
          process.stdout.write(
            `  ${label.padEnd(44)} n=${st.n} 2xx/3xx=${share(st.ok, st.n)} reached-handler=${share(st.reached, st.n)} mean=${(st.totalMs / st.n).toFixed(1)} ms max=${st.maxMs.toFixed(0)} ms\n`,
          );
        }
        for (const [kind, st] of [...byKind].sort())
          process.stdout.write(`  kind ${kind.padEnd(16)} n=${st.n} mean=${(st.totalMs / st.n).toFixed(1)} ms\n`);
      }
      process.stdout.write(
        `  codes: ${[...byCode]
          .sort((a, b) => b[1] - a[1])
          .map(([c, n]) => `${c}=${n}`)
          .join(' ')}\n`,
      );
      process.stdout.write(`  slowest: ${slowest.ms.toFixed(0)} ms ${slowest.url}\n`);
      for (const [p, n] of problemKinds) process.stdout.write(`  problem x${n}: ${p}\n`);
      for (const f of failures.slice(0, 20)) process.stdout.write(`  FAIL ${f}\n`);
      console.log(
        `reliability: fuzz-api seed=${seed} level=${full ? 'full' : 'short'} routes=${routes.length} (openapi=${documented}) requests=${counts.requests} ` +
          `2xx=${counts['2xx']} 3xx=${counts['3xx']} 4xx=${counts['4xx']} 5xx=${counts['5xx']} timeouts=${counts.timeouts} unhandled=${unhandled.length} ` +
          `reached-handler=${share(counts.reachedHandler, counts.requests)} (valid-enough sent ${share(counts.validSent, counts.requests)}, of them reached ${share(counts.validReached, counts.validSent)}) ` +
          `time=${elapsedS.toFixed(1)}s`,
      );
      expect(failures).toEqual([]);
      expect(counts['5xx']).toBe(0);
      expect(counts.timeouts).toBe(0);
      expect(unhandled).toEqual([]);
      expect(JSON.stringify(s.app.store.datasets())).toBe(datasetsBefore);
      expect(s.app.store.version).toBe(versionBefore);
      // Enough of the traffic gets past validation to exercise the handlers and the core.
      expect(counts.reachedHandler / counts.requests).toBeGreaterThan(0.25);
    },
    Math.max(120_000, requestsPerRoute * routesGuess * 200),
  );
});
