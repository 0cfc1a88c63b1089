import { describe, expect, it } from 'vitest';
import { ResultCache, etagOf, matchesEtag } from '../../src/server/cache.ts';

const body = (text: string) => async () => ({ etag: '"e"', contentType: 'text/plain', body: text });

describe('ResultCache', () => {
  it('computes once for concurrent callers and evicts the least recently used', async () => {
    const cache = new ResultCache(2);
    let calls = 0;
    const slow = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { etag: '"a"', contentType: 'text/plain', body: 'a' };
    };
    await Promise.all([cache.get('a', slow), cache.get('a', slow), cache.get('a', slow)]);
    expect(calls).toBe(1);
    await cache.get('b', body('b'));
    await cache.get('a', body('ignored'));
    await cache.get('c', body('c'));
    expect(cache.size).toBe(2);
    let recomputed = false;
    await cache.get('b', async () => ((recomputed = true), { etag: '"b"', contentType: 'text/plain', body: 'b' }));
    expect(recomputed).toBe(true);
  });

  it('settled() waits for computations in flight', async () => {
    const cache = new ResultCache(4);
    let done = false;
    void cache.get('slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done = true;
      return { etag: '"s"', contentType: 'text/plain', body: 's' };
    });
    await cache.settled();
    expect(done).toBe(true);
  });

  it('does not keep failures', async () => {
    const cache = new ResultCache(4);
    await expect(cache.get('x', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(cache.size).toBe(0);
    expect((await cache.get('x', body('ok'))).body).toBe('ok');
  });

  it('with 0 entries, keeps nothing but still shares a computation in flight', async () => {
    const cache = new ResultCache(0);
    let calls = 0;
    const slow = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { etag: '"x"', contentType: 'text/plain', body: 'x' };
    };
    await Promise.all([cache.get('x', slow), cache.get('x', slow)]);
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
    await cache.get('x', slow);
    expect(calls).toBe(2);
  });
});

describe('etags', () => {
  it('change with the store version and the request', () => {
    expect(etagOf('1', 'GET /a')).toBe(etagOf('1', 'GET /a'));
    expect(etagOf('2', 'GET /a')).not.toBe(etagOf('1', 'GET /a'));
    expect(etagOf('1', 'GET /b')).not.toBe(etagOf('1', 'GET /a'));
  });

  it('match If-None-Match lists, weak forms and *', () => {
    expect(matchesEtag('"x", W/"y"', '"y"')).toBe(true);
    expect(matchesEtag('*', '"y"')).toBe(true);
    expect(matchesEtag('"x"', '"y"')).toBe(false);
    expect(matchesEtag(undefined, '"y"')).toBe(false);
  });
});
