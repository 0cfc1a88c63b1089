/**
 * Results that depend only on the store's version and the request: kept in memory (least
 * recently used first out, bounded by entries and bytes) and served with an ETag, so a repeated
 * request costs a map look-up and a client that already has it gets 304. A request that is
 * being computed is shared by everyone who asks for it meanwhile.
 */
import { createHash } from 'node:crypto';

export interface CachedBody {
  etag: string;
  contentType: string;
  body: string | Buffer;
  /** Content-Disposition for downloads. */
  disposition?: string;
  /** The body gzip-compressed, made on the first request that accepts it. */
  gzipped?: Promise<Buffer>;
}

/** Bytes kept at most, whatever the entry count. */
export const cacheMaxBytes = 256 * 1024 * 1024;

export class ResultCache {
  readonly #maxEntries: number;
  readonly #entries = new Map<string, Promise<CachedBody>>();
  readonly #sizes = new Map<string, number>();
  #bytes = 0;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The cached body for `key`, computing it once when absent (concurrent callers share the work). */
  async get(key: string, compute: () => Promise<CachedBody>): Promise<CachedBody> {
    const found = this.#entries.get(key);
    if (found) {
      // Refresh its place in the LRU order.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found;
    }
    const pending = compute();
    this.#entries.set(key, pending);
    if (this.#maxEntries === 0) {
      // Nothing is kept, but requests that arrive while it is computed share the work.
      try {
        return await pending;
      } finally {
        this.#entries.delete(key);
      }
    }
    try {
      const value = await pending;
      if (this.#entries.get(key) === pending) {
        const size = typeof value.body === 'string' ? value.body.length * 2 : value.body.length;
        this.#sizes.set(key, size);
        this.#bytes += size;
        this.#evict();
      }
      return value;
    } catch (error) {
      if (this.#entries.get(key) === pending) this.#entries.delete(key);
      throw error;
    }
  }

  /** Resolves when every computation now in flight has ended (so the store can be closed safely). */
  async settled(): Promise<void> {
    const pending = [...this.#entries].filter(([key]) => !this.#sizes.has(key)).map(([, promise]) => promise);
    await Promise.allSettled(pending);
  }

  clear(): void {
    this.#entries.clear();
    this.#sizes.clear();
    this.#bytes = 0;
  }

  #evict(): void {
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= cacheMaxBytes) break;
      const size = this.#sizes.get(key);
      if (size === undefined) continue; // still computing
      this.#entries.delete(key);
      this.#sizes.delete(key);
      this.#bytes -= size;
    }
  }
}

/** A strong ETag for a request's result under one store version. */
export function etagOf(storeVersion: string, key: string): string {
  return `"${createHash('sha1').update(storeVersion).update('\0').update(key).digest('base64url').slice(0, 22)}"`;
}

/** Whether an If-None-Match header matches `etag` (list, weak forms and * included). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
