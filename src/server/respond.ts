/**
 * One way to answer a result route: JSON (the core's object as the CLI prints it with --json),
 * `format=tables` (the result's tables as JSON, for table views), or a CSV / XLSX download.
 * Results of GET routes depend only on the store's version and the query, so they are cached
 * and carry an ETag; a client that sends If-None-Match gets 304. A cached JSON or CSV answer goes
 * gzip-compressed (compressed once) to a client that accepts it, as every browser does.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { localiseMessages } from '../messages/index.ts';
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
  /**
   * The result's own workbook, when it has one (the pair report: the same writer as
   * `karavan report --format xlsx`). @default the tables, a sheet each
   */
  xlsx?: (result: T, lang: Lang) => Promise<Buffer>;
  /** Download file name without extension (ASCII). */
  fileName: string;
  /** Cache by store version and query (GET routes whose result depends on nothing else). @default true */
  cache?: boolean;
}

/** BigInt and non-finite numbers are not JSON: numbers and null. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
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
  // Messages (basis, missing, reasons) go as text in the asked language, each with its id beside it.
  if (format === 'json') return { etag, contentType: jsonType, body: utf8(toJson(localiseMessages(result, lang))) };
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
  if (!spec.xlsx) pickTable(tables, undefined);
  return {
    etag,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: spec.xlsx ? await spec.xlsx(result, lang) : await tablesToXlsx(tables, lang),
    disposition: `attachment; filename="${spec.fileName}.xlsx"`,
  };
}

const gzipAsync = promisify(gzip);

/** Text answers at least this large go gzip-compressed to clients that accept it. */
const compressFromBytes = 1024;

function compressible(body: CachedBody): boolean {
  return body.body.length >= compressFromBytes && /^(application\/json|text\/csv)/.test(body.contentType);
}

/** Whether an Accept-Encoding header accepts `coding` (by name or `*`, and does not refuse it with q=0). */
export function acceptsCoding(header: string | undefined, coding: 'gzip' | 'br'): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (name === coding || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Whether an Accept-Encoding header accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  return acceptsCoding(header, 'gzip');
}

/** The strong ETag of the gzip representation (a representation of its own, so an ETag of its own). */
export function gzipEtag(etag: string): string {
  return etag.replace(/"$/, '-gz"');
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

export async function sendResult<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: ResultSpec<T>,
): Promise<FastifyReply> {
  const query = (request.query ?? {}) as ResultQuery;
  const store = request.server.store;
  const cacheable = spec.cache !== false && request.method === 'GET';
  let body: CachedBody;
  if (cacheable) {
    const key = requestKey(request);
    const etag = etagOf(store.version, key);
    const gzip = acceptsGzip(request.headers['accept-encoding']);
    const ifNoneMatch = request.headers['if-none-match'];
    if (matchesEtag(ifNoneMatch, etag) || matchesEtag(ifNoneMatch, gzipEtag(etag))) {
      return reply
        .code(304)
        .header('ETag', gzip ? gzipEtag(etag) : etag)
        .header('Cache-Control', 'no-cache')
        .header('Vary', 'Accept-Encoding')
        .send();
    }
    body = await request.server.resultCache.get(`${store.version}\0${key}`, () => render(spec, query, etag));
    reply.header('Cache-Control', 'no-cache').header('Vary', 'Accept-Encoding');
    if (gzip && compressible(body)) {
      // Compressed once, on the first request that accepts it, and kept beside the body.
      body.gzipped ??= gzipAsync(body.body, { level: 6 });
      const zipped = await body.gzipped;
      reply.type(body.contentType).header('ETag', gzipEtag(body.etag)).header('Content-Encoding', 'gzip');
      if (body.disposition !== undefined) reply.header('Content-Disposition', body.disposition);
      return reply.send(zipped);
    }
    reply.header('ETag', body.etag);
  } else {
    body = await render(spec, query, '');
    reply.header('Cache-Control', 'no-store');
  }
  reply.type(body.contentType);
  if (body.disposition !== undefined) reply.header('Content-Disposition', body.disposition);
  return reply.send(body.body);
}
