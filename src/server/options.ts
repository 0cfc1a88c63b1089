/**
 * Options of the HTTP server (`karavan serve`): where it listens, which store it opens, whether
 * uploads may be ingested, and how much it caches. Defaults in `serverDefaults`; `resolveServer()`
 * validates and fills them.
 */
import { fileURLToPath } from 'node:url';
import { InvalidOptionError } from '../errors.ts';
import type { TradeStore } from '../data/index.ts';

export interface ServerOptions {
  /** Address to bind. Anything but loopback exposes the store to the network. @default '127.0.0.1' */
  host?: string;
  /**
   * Host names the server answers to besides loopback names, its bound address and (bound to all interfaces) IP
   * literals: the machine's DNS name when others reach it by name. Other Host headers get 421. @default []
   */
  allowedHosts?: string[];
  /** TCP port (0: any free port). @default 8080 */
  port?: number;
  /** Store folder. @default $KARAVAN_HOME or ~/.karavan */
  home?: string;
  /** Accept uploads on POST /api/ingest. @default false */
  allowIngest?: boolean;
  /** Largest upload accepted, MB. @default 2048 */
  maxUploadMb?: number;
  /** Results kept in memory (keyed by store version and request). @default 512 */
  cacheEntries?: number;
  /** Folder of the built dashboard (index.html, assets/). @default web/dist in the package */
  webRoot?: string;
  /** DuckDB threads for the store. @default all cores */
  threads?: number;
  /** Log every request to standard error (JSON lines). @default false */
  logRequests?: boolean;
  /**
   * A store the caller opened (tests, embedding). The server then neither opens nor closes one.
   * @default none: the server opens one store and closes it on shutdown
   */
  store?: TradeStore;
}

export interface ResolvedServerOptions {
  host: string;
  allowedHosts: string[];
  port: number;
  home: string | undefined;
  allowIngest: boolean;
  maxUploadMb: number;
  cacheEntries: number;
  webRoot: string;
  threads: number | undefined;
  logRequests: boolean;
  store: TradeStore | undefined;
}

export const defaultWebRoot: string = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const serverDefaults = Object.freeze({
  host: '127.0.0.1',
  allowedHosts: [] as string[],
  port: 8080,
  allowIngest: false,
  maxUploadMb: 2048,
  cacheEntries: 512,
  webRoot: defaultWebRoot,
  logRequests: false,
});

function check(ok: boolean, field: string, value: unknown, hint: string): void {
  if (!ok)
    throw new InvalidOptionError(`invalid ${field}: ${String(value)} (${hint})`, {
      column: field,
      value: String(value),
    });
}

export function resolveServer(options: ServerOptions = {}): ResolvedServerOptions {
  const o = {
    ...serverDefaults,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as typeof serverDefaults & ServerOptions;
  check(typeof o.host === 'string' && o.host.trim() !== '', 'host', o.host, 'an address such as 127.0.0.1');
  check(Number.isInteger(o.port) && o.port! >= 0 && o.port! <= 65535, 'port', o.port, 'an integer 0-65535');
  check(
    Number.isFinite(o.maxUploadMb) && o.maxUploadMb > 0 && o.maxUploadMb <= 65536,
    'maxUploadMb',
    o.maxUploadMb,
    'MB, above 0 and at most 65536',
  );
  check(
    Number.isInteger(o.cacheEntries) && o.cacheEntries >= 0 && o.cacheEntries <= 100_000,
    'cacheEntries',
    o.cacheEntries,
    'an integer 0-100000',
  );
  check(
    Array.isArray(o.allowedHosts) &&
      o.allowedHosts.every((name) => typeof name === 'string' && /^[a-z0-9.-]+$/i.test(name) && name.length <= 253),
    'allowedHosts',
    o.allowedHosts,
    'host names such as karavan.example.org',
  );
  if (o.threads !== undefined)
    check(Number.isInteger(o.threads) && o.threads >= 1, 'threads', o.threads, 'an integer >= 1');
  return {
    host: o.host,
    allowedHosts: [...o.allowedHosts],
    port: o.port!,
    home: o.home,
    allowIngest: Boolean(o.allowIngest),
    maxUploadMb: o.maxUploadMb,
    cacheEntries: o.cacheEntries,
    webRoot: o.webRoot,
    threads: o.threads,
    logRequests: Boolean(o.logRequests),
    store: o.store,
  };
}
