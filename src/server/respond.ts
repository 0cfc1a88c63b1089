/**
 * One way to answer a result route: JSON (the core's object as the CLI prints it with --json),
 * `format=tables` (the result's tables as JSON, for table views), or a CSV / XLSX download.
 * Results of GET routes depend only on the store's version and the query, so they are cached
 * and carry an ETag; a client that sends If-None-Match gets 304.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf, matchesEtag, type CachedBody } from './cache.ts';
import { pickTable, tableToCsv, tablesToXlsx, type Lang, type ResultTable } from './tables.ts';

export type ResultFormat = 'json' | 'tables' | 'csv' | 'xlsx';

export interface ResultQuery {
  format?: ResultFormat;
  table?: string;
  lang?: Lang;
}

export interface ResultSpec<T> {
  compute: () => Promise<T>;
  /** The result's tables, labelled in both languages. @default none: only JSON */
  tables?: (result: T, lang: Lang) => ResultTable[];
  /** Download file name without extension (ASCII). */
  fileName: string;
  /** Cache by store version and query (GET routes whose result depends on nothing else). @default true */
  cache?: boolean;
}

/** BigInt and non-finite numbers are not JSON: numbers and null. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, jsonReplacer);
}

const jsonType = 'application/json; charset=utf-8';

/** Bodies are kept encoded: a cached answer is written as it is, not encoded again for every request. */
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

async function render<T>(spec: ResultSpec<T>, query: ResultQuery, etag: string): Promise<CachedBody> {
  const result = await spec.compute();
  const format = query.format ?? 'json';
  const lang = query.lang ?? 'en';
  if (format === 'json') return { etag, contentType: jsonType, body: utf8(toJson(result)) };
  const tables = spec.tables ? spec.tables(result, lang) : [];
  if (format === 'tables') return { etag, contentType: jsonType, body: utf8(toJson({ tables })) };
  if (format === 'csv') {
    const table = pickTable(tables, query.table);
    return {
      etag,
      contentType: 'text/csv; charset=utf-8',
      body: utf8(tableToCsv(table, lang)),
      disposition: `attachment; filename="${spec.fileName}-${table.id}.csv"`,
    };
  }
  pickTable(tables, undefined);
  return {
    etag,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await tablesToXlsx(tables, lang),
    disposition: `attachment; filename="${spec.fileName}.xlsx"`,
  };
}

/** The cache key of a request: method, path and its (validated, coerced) query in a stable order. */
export function requestKey(request: FastifyRequest): string {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const path = request.url.split('?')[0]!;
  const params = Object.keys(query)
    .sort()
    .map((k) => `${k}=${JSON.stringify(query[k])}`)
    .join('&');
  return `${request.method} ${path}?${params}`;
}

export async function sendResult<T>(request: FastifyRequest, reply: FastifyReply, spec: ResultSpec<T>): Promise<FastifyReply> {
  const query = (request.query ?? {}) as ResultQuery;
  const store = request.server.store;
  const cacheable = spec.cache !== false && request.method === 'GET';
  let body: CachedBody;
  if (cacheable) {
    const key = requestKey(request);
    const etag = etagOf(store.version, key);
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      return reply.code(304).header('ETag', etag).header('Cache-Control', 'no-cache').send();
    }
    body = await request.server.resultCache.get(`${store.version}\0${key}`, () => render(spec, query, etag));
    reply.header('ETag', body.etag).header('Cache-Control', 'no-cache');
  } else {
    body = await render(spec, query, '');
    reply.header('Cache-Control', 'no-store');
  }
  reply.type(body.contentType);
  if (body.disposition !== undefined) reply.header('Content-Disposition', body.disposition);
  return reply.send(body.body);
}
